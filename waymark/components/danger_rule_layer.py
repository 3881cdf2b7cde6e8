"""NLU component: the danger rule layer, run on every message after the classifier.

It can only raise the alarm: when a danger phrase matches (in any language), or
the model itself leans towards `immediate_danger`, the intent becomes
`immediate_danger` so the dialogue leads with 999 before anything else. It never
turns the model's `immediate_danger` into anything milder. The `danger` flag and
its source are part of the parse result (used by `waymark triage` and the
gateway's anonymous counters).
"""
from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from waymark.components.stateless import StatelessComponent
from waymark.safety.danger import default_rules

DANGER_INTENT = "immediate_danger"
#: The model "leans towards" danger when it gives it at least this confidence,
#: even if another intent ranks first: a missed emergency costs far more than a
#: 999 reminder someone did not need.
MODEL_DANGER_CONFIDENCE = 0.35
DANGER = "danger"
DANGER_SOURCE = "danger_source"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DangerRuleLayer(StatelessComponent):
    """Raises the intent to `immediate_danger` on a rule match or a model lean."""

    def __init__(self) -> None:
        default_rules()  # load and compile at start-up, not on the first message

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if text:
                self._raise_alarm_if_needed(message, text)
        return messages

    @staticmethod
    def _raise_alarm_if_needed(message: Message, text: str) -> None:
        ranking: list[dict[str, Any]] = message.get(INTENT_RANKING_KEY) or []
        model_confidence = max(
            (entry["confidence"] for entry in ranking if entry.get("name") == DANGER_INTENT),
            default=0.0,
        )
        by_model = model_confidence >= MODEL_DANGER_CONFIDENCE or (
            (message.get(INTENT) or {}).get("name") == DANGER_INTENT
        )
        by_rule = default_rules().match(text) is not None
        sources = [name for name, fired in (("rule", by_rule), ("model", by_model)) if fired]
        message.set(DANGER, bool(sources), add_to_output=True)
        message.set(DANGER_SOURCE, "+".join(sources) or None, add_to_output=True)
        if not sources:
            return
        confidence = 1.0 if by_rule else max(model_confidence, (message.get(INTENT) or {}).get("confidence", 0.0))
        top = {"name": DANGER_INTENT, "confidence": confidence}
        others = [entry for entry in ranking if entry.get("name") != DANGER_INTENT]
        message.set(INTENT, top, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [top, *others], add_to_output=True)
