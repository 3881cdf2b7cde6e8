"""The gateway without a working Rasa: survivors still get help, never an error.

The app is built around a model path that does not exist, so the agent never
becomes ready — the state the widget is in while Rasa is down or still loading.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_app
from tests.ws_client import SurvivorClient, bot_texts
from waymark.settings import Settings

NATIONAL_HELPLINE = "0808 2000 247"


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[TestClient]:
    settings = dataclasses.replace(Settings.from_env(), messages_per_minute=5, max_message_chars=50,
                                   connections_per_ip=3)
    app = create_app(settings, tmp_path / "no-model.tar.gz")
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


async def _survivor(client: TestClient) -> SurvivorClient:
    socket = await client.ws_connect("/ws")
    survivor = SurvivorClient(client.session, socket, quiet_seconds=0.3)
    await socket.send_json({"type": "hello"})
    await survivor.receive_turn()
    return survivor


async def test_health_says_starting_while_rasa_is_unavailable(client: TestClient) -> None:
    response = await client.get("/healthz")
    assert response.status == 503
    assert (await response.json()) == {"status": "starting"}


async def test_helpline_when_rasa_cannot_answer(client: TestClient) -> None:
    survivor = await _survivor(client)
    replies = bot_texts(await survivor.say("hello, is anyone there"))
    assert len(replies) == 1 and NATIONAL_HELPLINE in replies[0]


async def test_danger_reply_first_even_without_rasa(client: TestClient) -> None:
    survivor = await _survivor(client)
    replies = bot_texts(await survivor.say("he has a knife"))
    assert replies[0].startswith("If you are in danger now, call 999.")
    assert NATIONAL_HELPLINE in replies[-1]


@pytest.mark.parametrize("frame", ["not json", "[]", '{"no": "type"}', '{"type": "message", "text": 42}',
                                   '{"type": "button", "payload": "javascript:alert(1)"}'])
async def test_unreadable_frames_get_a_kind_message_and_the_chat_goes_on(client: TestClient, frame: str) -> None:
    survivor = await _survivor(client)
    await survivor.socket.send_str(frame)
    replies = bot_texts(await survivor.receive_turn())
    assert replies == ["Sorry, I couldn't read that. Please type your message again."]
    assert NATIONAL_HELPLINE in bot_texts(await survivor.say("hello"))[0]


async def test_too_long_message_is_declined_kindly(client: TestClient) -> None:
    survivor = await _survivor(client)
    replies = bot_texts(await survivor.say("x" * 51))
    assert "shorter parts" in replies[0] and "Nothing you wrote has been lost" in replies[0]


async def test_rate_limit_per_conversation(client: TestClient) -> None:
    survivor = await _survivor(client)
    for _ in range(5):
        await survivor.say("hi")
    assert "wait a moment" in bot_texts(await survivor.say("hi"))[0]


async def test_connections_per_ip_are_limited(client: TestClient) -> None:
    survivors = [await _survivor(client) for _ in range(3)]
    socket = await client.ws_connect("/ws")
    refused = await socket.receive_json(timeout=10)
    assert "wait a moment" in refused["text"]
    await socket.close()
    for survivor in survivors:
        await survivor.socket.close()


async def test_pages_are_never_cached_and_carry_a_strict_csp(client: TestClient) -> None:
    response = await client.get("/")
    assert response.status == 200
    assert response.headers["Cache-Control"].startswith("no-store")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "<title>Help and advice</title>" in await response.text()


async def test_unknown_page_is_a_kind_plain_page(client: TestClient) -> None:
    response = await client.get("/no/such/page")
    assert response.status == 404
    body = await response.text()
    assert "Traceback" not in body and NATIONAL_HELPLINE in body
    assert response.headers["Cache-Control"].startswith("no-store")
