"""Replies the gateway gives on its own: when Rasa or the action server cannot
answer, and for input it turns away (too long, too fast, unreadable).

They come from the same domain responses and catalogs as Rasa's replies, and the
danger rule layer still runs, so an emergency gets 999 first even with the model
down.
"""
from __future__ import annotations

from typing import Any

from waymark.i18n.catalogs import Catalogs, default_catalogs
from waymark.i18n.responses import load_responses, translate_response
from waymark.safety.danger import DangerRules, default_rules

DANGER_KEY = "utter_danger"
UNAVAILABLE_KEY = "utter_service_unavailable"


class FallbackReplies:
    """Builds protocol messages from domain responses without Rasa."""

    def __init__(self, catalogs: Catalogs | None = None, rules: DangerRules | None = None) -> None:
        self.catalogs = catalogs or default_catalogs()
        self.rules = rules or default_rules()
        self.responses = load_responses()

    def render(self, key: str, language: str) -> dict[str, Any]:
        """The first variation of ``key`` as a protocol message (no placeholders)."""
        response = translate_response(self.responses[key][0], key, language, self.catalogs)
        return bot_message(response, language)

    def for_text(self, text: str, language: str) -> list[dict[str, Any]]:
        """What to send when Rasa could not answer ``text``: danger first if it fits."""
        keys = [DANGER_KEY] if text and self.rules.match(text) else []
        return [self.render(key, language) for key in [*keys, UNAVAILABLE_KEY]]


def bot_message(response: dict[str, Any], language: str) -> dict[str, Any]:
    """A Rasa response dict as the widget protocol's `bot` message (plain text only)."""
    buttons = [
        {"title": str(button.get("title", "")), "payload": str(button.get("payload", ""))}
        for button in response.get("buttons") or []
    ]
    lang = (response.get("custom") or {}).get("lang") or language
    return {"type": "bot", "text": str(response.get("text") or ""), "buttons": buttons, "lang": lang}
