"""NLU component: decide the message's language and expose it as the `language` entity.

Running inside the pipeline (rather than only in the gateway) means every path
that parses a message — the live bot, `waymark triage`, `rasa test` — agrees on
the language, and the tokenizer after it can pick that language's spaCy rules.
The gateway passes the conversation's current language as message metadata.
"""
from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from waymark.components.stateless import StatelessComponent
from waymark.i18n.identify import identify, preload

#: Message property read by the tokenizer and reported by `waymark triage`.
LANGUAGE = "language"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageIdentifier(StatelessComponent):
    """Sets the `language` property and entity on every message that has text."""

    def __init__(self) -> None:
        preload()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Label training examples too, so tokenisation matches run time."""
        for example in training_data.training_examples:
            if example.get(TEXT):
                example.set(LANGUAGE, identify(example.get(TEXT)))
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            current = (message.get(METADATA) or {}).get(LANGUAGE)
            language = identify(text, current)
            message.set(LANGUAGE, language, add_to_output=True)
            entity = {"entity": LANGUAGE, "value": language, "start": 0, "end": 0,
                      "extractor": self.__class__.__name__}
            message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
        return messages
