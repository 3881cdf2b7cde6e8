"""Issue 5's "done when": a conversation in each language, started by writing in
it, gets every reply in that language, finds services, and gets the danger reply
in that language. Messages are taken from each language's own training data;
held-out phrasing is scored separately by `waymark quality`."""
from __future__ import annotations

import pytest

from rasa.shared.nlu.training_data.loading import load_data

from tests.live_gateway import LiveGateway
from tests.ws_client import conversation
from waymark import PROJECT_ROOT
from waymark.i18n.catalogs import default_catalogs
from waymark.i18n.identify import identify
from waymark.i18n.languages import LANGUAGES
from waymark.i18n.responses import load_responses

HEREFORDSHIRE_HELPLINE = "0800 783 1359"


def _longest(code: str, intent: str, without_entities: bool = True) -> str:
    data = load_data(str(PROJECT_ROOT / "nlu" / code))
    texts = [m.get("text") for m in data.intent_examples
             if m.get("intent") == intent and not (without_entities and m.get("entities"))]
    # Code-switched and Romanised examples are trained on too, but a conversation
    # "written in" the language here means one that is recognisably in it
    # (identification itself is scored on held-out text by `waymark quality`).
    return max((text for text in texts if identify(text) == code), key=len)


def _translated(key: str, code: str) -> str:
    english = load_responses()[key][0]["text"]
    return default_catalogs().gettext(code, english, key)


def _bot(frames: list[dict]) -> list[dict]:
    return [frame for frame in frames if frame["type"] == "bot"]


@pytest.mark.parametrize("code", sorted(LANGUAGES))
async def test_conversation_in_each_language(live_gateway: LiveGateway, code: str) -> None:
    async with conversation(live_gateway.ws_url) as client:
        support = _bot(await client.say(_longest(code, "seek_support")))
        assert support and all(frame["lang"] == code for frame in support), [f["lang"] for f in support]

        danger = _bot(await client.say(_longest(code, "immediate_danger")))
        assert danger[0]["text"] == _translated("utter_danger", code)
        assert "999" in danger[0]["text"] and "55" in danger[0]["text"]

        await client.say(_longest(code, "find_service"))
        needs_question = _bot(await client.say("Hereford"))
        assert needs_question[-1]["text"] == _translated("utter_ask_needs", code)
        services = _bot(await client.press("/deny"))
        texts = "\n".join(frame["text"] for frame in services)
        assert HEREFORDSHIRE_HELPLINE in texts
        intro = _translated("utter_services_intro", code).split("{")[0].strip()
        assert intro in texts
        assert all(frame["lang"] == code for frame in services)
