"""Every language's catalog is complete, and replies really come out translated."""
from __future__ import annotations

import pytest

from waymark.i18n.catalogs import Catalogs, default_catalogs
from waymark.i18n.extract import problems, source_messages
from waymark.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES
from waymark.i18n.nlg import CatalogNaturalLanguageGenerator
from rasa.shared.core.domain import Domain

OTHER_LANGUAGES = [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_catalog_is_complete_with_matching_placeholders(code: str) -> None:
    issues = problems(code)
    assert not issues, "\n".join(issues[:20])


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_danger_reply_keeps_the_numbers(code: str) -> None:
    english = next(text for context, text in source_messages() if context == "utter_danger")
    translated = default_catalogs().gettext(code, english, "utter_danger")
    assert translated != english
    for number in ("999", "55", "0808 2000 247"):
        assert number in translated


def test_widget_strings_and_replies_are_all_extracted() -> None:
    contexts = {context for context, _ in source_messages()}
    assert {"utter_danger", "utter_greet", "utter_service_unavailable"} <= contexts


async def test_nlg_translates_before_filling_placeholders() -> None:
    domain = Domain.from_dict({"responses": {"utter_x": [{"text": "Support for {place}:",
                                                          "buttons": [{"title": "Yes", "payload": "/affirm{\"a\": 1}"}]}]}})
    catalogs = Catalogs({"pl": {("utter_x", "Support for {place}:"): "Wsparcie dla {place}:",
                                ("utter_x", "Yes"): "Tak"}})
    nlg = CatalogNaturalLanguageGenerator(domain=domain, catalogs=catalogs)
    reply = nlg.generate_from_slots("utter_x", {"language": "pl"}, "waymark", place="Hereford")
    assert reply["text"] == "Wsparcie dla Hereford:"
    assert reply["buttons"] == [{"title": "Tak", "payload": "/affirm{\"a\": 1}"}]
    assert reply["custom"]["lang"] == "pl"
    english = nlg.generate_from_slots("utter_x", {"language": "xx"}, "waymark", place="Hereford")
    assert english["text"] == "Support for Hereford:" and english["custom"]["lang"] == "en"
