"""Rasa natural language generator that answers in the conversation's language.

Named in endpoints.yml (`nlg: type: waymark.i18n.nlg.CatalogNaturalLanguageGenerator`),
so Rasa builds it in process: no HTTP hop per reply. The domain holds response
keys and English; this class picks a variation exactly as Rasa's own templated
generator does, translates it through the catalogs for the `language` slot, then
fills placeholders in the text and button titles. Each reply also carries its language so the widget can set
`lang` and direction on it.
"""
from __future__ import annotations

import copy
from typing import Any

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.nlg.interpolator import interpolate_text
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig

from waymark.i18n.catalogs import Catalogs, default_catalogs
from waymark.i18n.languages import DEFAULT_LANGUAGE, supported
from waymark.i18n.responses import translate_response

LANGUAGE_SLOT = "language"


class CatalogNaturalLanguageGenerator(TemplatedNaturalLanguageGenerator):
    """Templated responses, translated by gettext catalogs before interpolation."""

    def __init__(
        self,
        endpoint_config: EndpointConfig | None = None,
        domain: Domain | None = None,
        catalogs: Catalogs | None = None,
    ) -> None:
        super().__init__((domain or Domain.empty()).responses)
        self.catalogs = catalogs or default_catalogs()

    def generate_from_slots(
        self,
        utter_action: str,
        filled_slots: dict[str, Any],
        output_channel: str,
        **kwargs: Any,
    ) -> dict[str, Any] | None:
        response = self._random_response_for(utter_action, output_channel, filled_slots)
        if response is None:
            return None
        language = supported(filled_slots.get(LANGUAGE_SLOT)) or DEFAULT_LANGUAGE
        translated = translate_response(copy.deepcopy(response), utter_action, language, self.catalogs)
        values = self._response_variables(filled_slots, kwargs)
        if translated.get("text"):
            translated["text"] = interpolate_text(translated["text"], values)
        # Titles only: payloads such as /choose_language{"language": "pl"} hold
        # JSON braces that are not placeholders.
        for button in translated.get("buttons") or []:
            button["title"] = interpolate_text(button["title"], values)
        translated["custom"] = {**(translated.get("custom") or {}), "lang": language}
        return translated
