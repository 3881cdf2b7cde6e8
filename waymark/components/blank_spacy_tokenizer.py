"""NLU tokenizer: spaCy's blank (rule-only) pipeline for the message's language.

No spaCy model downloads exist here, and none are needed to split words: a blank
pipeline carries each language's tokenizer rules. spaCy 3.4 has none for Welsh or
Punjabi, so those (and anything unknown) use the multilingual "xx" rules, which
keep Gurmukhi and Bengali vowel signs inside their words.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from spacy.language import Language

from waymark.components.language_identifier import LANGUAGE

#: Languages whose blank spaCy 3.4 pipeline is used; all others use "xx".
SPACY_BLANK_LANGUAGES = frozenset({"en", "pl", "ro", "pt", "lt", "ar", "ur", "bn", "uk", "bg", "fa"})


@lru_cache(maxsize=None)
def blank_pipeline(code: str) -> Language:
    """One blank pipeline per language, built once per process."""
    return spacy.blank(code if code in SPACY_BLANK_LANGUAGES else "xx")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class BlankSpacyTokenizer(Tokenizer):
    """Tokenizes with the blank spaCy pipeline chosen by the LanguageIdentifier."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
        }

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text = message.get(attribute) or ""
        language = message.get(LANGUAGE) if attribute == TEXT else None
        doc = blank_pipeline(language or "xx").tokenizer(text)
        tokens = [Token(token.text, token.idx) for token in doc if token.text.strip()]
        return self._apply_token_pattern(tokens)
