"""The gateway's application factory (aiohttp conventions: AppKey, cleanup contexts)."""
from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from typing import AsyncIterator

from aiohttp import web

from bot.app_keys import FALLBACK, REGISTRY, RUNTIME, SETTINGS
from bot.conversations import ConversationRegistry
from bot.fallback import FallbackReplies
from bot.rasa_runtime import RasaRuntime
from bot.security import safe_responses
from bot.survivor_socket import end_conversation, survivor_socket
from bot.widget_routes import add_widget_routes
from waymark.settings import Settings

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).with_name("static")
REAP_EVERY_SECONDS = 30


async def index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC_DIR / "index.html")


async def healthz(request: web.Request) -> web.Response:
    """200 once the bot can reply; 503 while the model is still loading."""
    ready = request.app[RUNTIME].ready
    return web.json_response({"status": "ok" if ready else "starting"}, status=200 if ready else 503)


async def rasa_agent(app: web.Application) -> AsyncIterator[None]:
    """Load the agent in the background: the page and the fallback work meanwhile."""
    task = asyncio.create_task(app[RUNTIME].start())
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task


async def idle_reaper(app: web.Application) -> AsyncIterator[None]:
    """End conversations idle for longer than the TTL (no one should find them later)."""

    async def reap() -> None:
        while True:
            await asyncio.sleep(REAP_EVERY_SECONDS)
            for conversation in app[REGISTRY].idle(app[SETTINGS].conversation_ttl_seconds):
                log.info("conversation.expired")
                await end_conversation(app, conversation)

    task = asyncio.create_task(reap())
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def close_conversations(app: web.Application) -> None:
    """On shutdown, end every open conversation so nothing outlives the process."""
    for conversation in app[REGISTRY].idle(-1):
        await end_conversation(app, conversation)


def create_app(settings: Settings, model_path: Path) -> web.Application:
    """Build the gateway for ``model_path`` (the trained Rasa model)."""
    app = web.Application(middlewares=[safe_responses])
    app[SETTINGS] = settings
    app[RUNTIME] = RasaRuntime(settings, model_path)
    app[REGISTRY] = ConversationRegistry()
    app[FALLBACK] = FallbackReplies()
    app.router.add_get("/", index)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/ws", survivor_socket)
    app.router.add_static("/static/", STATIC_DIR, append_version=False)
    add_widget_routes(app)
    app.cleanup_ctx.extend([rasa_agent, idle_reaper])
    app.on_shutdown.append(close_conversations)
    return app
