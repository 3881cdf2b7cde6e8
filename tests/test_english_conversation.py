"""The spine's English conversation, end to end through `/ws`: real model, real
action server, real directory (issue 3, "One English conversation works")."""
from __future__ import annotations

import pytest

from tests.live_gateway import LiveGateway
from tests.ws_client import SurvivorClient, bot_texts, conversation

HEREFORDSHIRE_HELPLINE = "0800 783 1359"
NATIONAL_HELPLINE = "0808 2000 247"
SIGNHEALTH_TEXT = "SignHealth Domestic Abuse Service"


async def test_greeting_support_and_local_services(live_gateway: LiveGateway) -> None:
    client = await SurvivorClient.connect(live_gateway.ws_url)
    try:
        greeting = await client.receive_turn()
        assert any("Waymark" in text for text in bot_texts(greeting))
        assert greeting[0] == {"type": "typing"}

        support = await client.say("I'm scared of my partner")
        support_bot = [f for f in support if f["type"] == "bot"]
        assert support_bot, support
        assert any(f["buttons"] for f in support_bot), "an offer of options comes with buttons"
        assert all(f["lang"] == "en" for f in support_bot)

        needs_question = (await client.say("what help is near Hereford?"))[-1]
        assert "skip" in needs_question["text"].lower()
        assert "Skip" in [button["title"] for button in needs_question["buttons"]]
        joined = "\n".join(bot_texts(await client.say("no thanks, just show me")))
        assert HEREFORDSHIRE_HELPLINE in joined
        assert NATIONAL_HELPLINE in joined
        assert joined.index(HEREFORDSHIRE_HELPLINE) < joined.index(NATIONAL_HELPLINE), "local first"
    finally:
        await client.close()


async def test_outward_code_alone_finds_services(live_gateway: LiveGateway) -> None:
    async with conversation(live_gateway.ws_url) as client:
        await client.say("HR4")
        joined = "\n".join(bot_texts(await client.press("/deny")))
        assert HEREFORDSHIRE_HELPLINE in joined and NATIONAL_HELPLINE in joined


async def test_a_need_from_the_buttons_shapes_the_search(live_gateway: LiveGateway) -> None:
    async with conversation(live_gateway.ws_url) as client:
        await client.say("find support near Telford")
        joined = "\n".join(bot_texts(await client.press('/inform_need{"need": "deaf_bsl"}')))
        assert SIGNHEALTH_TEXT in joined, "the national Deaf service is listed for a Deaf need"


async def test_needs_given_up_front_are_not_asked_again(live_gateway: LiveGateway) -> None:
    async with conversation(live_gateway.ws_url) as client:
        joined = "\n".join(bot_texts(await client.say("any lgbt services in Shrewsbury?")))
        assert "skip" not in joined.lower()
        assert NATIONAL_HELPLINE in joined


async def test_search_asks_for_a_place_when_none_given(live_gateway: LiveGateway) -> None:
    async with conversation(live_gateway.ws_url) as client:
        ask = "\n".join(bot_texts(await client.say("can you find me local support services")))
        assert "postcode" in ask.lower()
        await client.say("im in hr4 9ab")
        joined = "\n".join(bot_texts(await client.say("skip")))
        assert HEREFORDSHIRE_HELPLINE in joined


@pytest.mark.parametrize("text", ["He's outside with a knife", "hes outside wiv a knife!!", "HE IS GOING TO KILL ME"])
async def test_danger_reply_comes_first(live_gateway: LiveGateway, text: str) -> None:
    async with conversation(live_gateway.ws_url) as client:
        replies = bot_texts(await client.say(text))
        first = replies[0]
        assert first.startswith("If you are in danger now, call 999.")
        assert "press 55" in first and "999 BSL" in first and "emergencySMS" in first


async def test_danger_interrupts_a_search_and_the_search_carries_on(live_gateway: LiveGateway) -> None:
    async with conversation(live_gateway.ws_url) as client:
        await client.say("find services near me")
        replies = bot_texts(await client.say("he's outside with a knife"))
        assert replies[0].startswith("If you are in danger now, call 999.")
        await client.say("Hereford")
        joined = "\n".join(bot_texts(await client.say("nope")))
        assert HEREFORDSHIRE_HELPLINE in joined


async def test_forget_me_ends_the_conversation(live_gateway: LiveGateway) -> None:
    async with conversation(live_gateway.ws_url) as client:
        await client.socket.send_json({"type": "forget"})
        frames = await client.receive_turn()
        assert {"type": "status", "state": "ended"} in frames
        await client.socket.receive(timeout=10)
        assert client.socket.closed
