"""A small client for the survivor WebSocket protocol, for tests."""
from __future__ import annotations

import asyncio
import contextlib
from typing import Any, AsyncIterator

import aiohttp

QUIET_SECONDS = 1.0
TURN_TIMEOUT_SECONDS = 60


class SurvivorClient:
    """Speaks `/ws` like the widget does and collects what the server says."""

    def __init__(self, session: aiohttp.ClientSession, socket: aiohttp.ClientWebSocketResponse,
                 quiet_seconds: float = QUIET_SECONDS) -> None:
        self.session = session
        self.socket = socket
        #: A turn is over when nothing more arrives for this long after a reply.
        self.quiet_seconds = quiet_seconds

    @classmethod
    async def connect(cls, url: str, lang: str | None = None) -> "SurvivorClient":
        session = aiohttp.ClientSession()
        socket = await session.ws_connect(url)
        client = cls(session, socket)
        await socket.send_json({"type": "hello", **({"lang": lang} if lang else {})})
        return client

    async def close(self) -> None:
        await self.socket.close()
        await self.session.close()

    async def receive_turn(self) -> list[dict[str, Any]]:
        """Every frame of one turn: waits for the first bot/status frame, then for quiet."""
        frames: list[dict[str, Any]] = []
        timeout = TURN_TIMEOUT_SECONDS
        while True:
            try:
                message = await self.socket.receive(timeout=timeout)
            except asyncio.TimeoutError:
                return frames
            if message.type != aiohttp.WSMsgType.TEXT:
                return frames
            frame = message.json()
            frames.append(frame)
            if frame["type"] in {"bot", "status"}:
                timeout = self.quiet_seconds

    async def say(self, text: str) -> list[dict[str, Any]]:
        await self.socket.send_json({"type": "message", "text": text})
        return await self.receive_turn()

    async def press(self, payload: str) -> list[dict[str, Any]]:
        await self.socket.send_json({"type": "button", "payload": payload})
        return await self.receive_turn()


def bot_texts(frames: list[dict[str, Any]]) -> list[str]:
    return [frame["text"] for frame in frames if frame["type"] == "bot"]


@contextlib.asynccontextmanager
async def conversation(url: str, lang: str | None = None) -> AsyncIterator[SurvivorClient]:
    """A connected client whose greeting has been read; closed (ending the chat) afterwards."""
    client = await SurvivorClient.connect(url, lang)
    try:
        await client.receive_turn()
        yield client
    finally:
        await client.close()
