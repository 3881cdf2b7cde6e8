"""Short translated phrases that actions assemble into one reply.

A service line ("X: call 0800 ..., open now") is built from small domain
responses so every piece is in the catalogs; Rasa passes the domain's English
responses to each action, and the language comes from the tracker's slot.
"""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from waymark.i18n.catalogs import default_catalogs
from waymark.i18n.languages import DEFAULT_LANGUAGE, supported


def conversation_language(tracker: Tracker) -> str:
    return supported(tracker.get_slot("language")) or DEFAULT_LANGUAGE


def phrase(domain: dict[str, Any], key: str, language: str, **values: Any) -> str:
    """The first variation of response ``key``, translated, with ``values`` filled in."""
    english = domain["responses"][key][0]["text"]
    return default_catalogs().gettext(language, english, key).format(**values)
