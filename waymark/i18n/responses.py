"""Translating Rasa responses, and reading them without Rasa.

The same translation step serves the Rasa NLG (normal replies) and the gateway's
own fallback (when Rasa or the action server cannot answer), so a survivor gets
the danger reply and the helplines in their language either way.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from waymark import PROJECT_ROOT
from waymark.i18n.catalogs import Catalogs

DOMAIN_DIR = PROJECT_ROOT / "domain"
#: Replies the gateway sends on its own; translated through the same catalogs.
GATEWAY_MESSAGES = PROJECT_ROOT / "bot" / "gateway_messages.yml"
#: The chat widget's UI strings (labels, hints); translated with msgctxt "widget:<key>".
WIDGET_STRINGS = PROJECT_ROOT / "bot" / "widget_strings.yml"
Response = dict[str, Any]


def translate_response(response: Response, key: str, language: str, catalogs: Catalogs) -> Response:
    """Return a copy of ``response`` with its text and button titles in ``language``.

    Translation happens before placeholders are filled, so catalogs hold
    "{name}" and never a user's or a service's actual words.
    """
    translated = dict(response)
    if response.get("text"):
        translated["text"] = catalogs.gettext(language, response["text"], key)
    if response.get("buttons"):
        translated["buttons"] = [
            {**button, "title": catalogs.gettext(language, button["title"], key)}
            for button in response["buttons"]
        ]
    return translated


def load_responses(domain_dir: Path = DOMAIN_DIR, extra: Path = GATEWAY_MESSAGES) -> dict[str, list[Response]]:
    """English responses from every domain file (merged as Rasa does) and the gateway's own."""
    responses: dict[str, list[Response]] = {}
    for path in [*sorted(domain_dir.glob("*.yml")), extra]:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        responses.update(data.get("responses") or {})
    return responses


def load_widget_strings(path: Path = WIDGET_STRINGS) -> dict[str, str]:
    """The widget's UI strings in English, keyed as in the YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(key): str(value) for key, value in (data.get("strings") or {}).items()}
