"""`waymark serve`: the whole product on one machine.

Trains the model if it is missing or stale, makes the service directory ready,
starts the action server as a child process and runs the gateway. Ctrl-C or
SIGTERM stops the gateway, and the cleanup context stops the child with it.
"""
from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
from typing import AsyncIterator

import aiohttp
from aiohttp import web

from bot.app import create_app
from bot.app_keys import SETTINGS
from directory import Directory
from waymark.settings import Settings
from waymark.training import ensure_model

log = logging.getLogger(__name__)

CHILD_STOP_SECONDS = 10


async def action_server(app: web.Application) -> AsyncIterator[None]:
    """Run the rasa-sdk action server for as long as the gateway runs."""
    settings = app[SETTINGS]
    child = subprocess.Popen([sys.executable, "-m", "waymark.action_server"])
    await _wait_for_actions(settings, child)
    yield
    child.terminate()
    try:
        child.wait(timeout=CHILD_STOP_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()


async def _wait_for_actions(settings: Settings, child: subprocess.Popen, attempts: int = 120) -> None:
    url = f"http://127.0.0.1:{settings.action_port}/health"
    async with aiohttp.ClientSession() as session:
        for _ in range(attempts):
            if child.poll() is not None:
                raise SystemExit("The action server stopped while starting; see the lines above.")
            try:
                async with session.get(url) as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.5)
    log.warning("actions.slow_start")


def serve(settings: Settings) -> None:
    model_path = ensure_model(settings.models_dir)
    Directory.open(settings.database_url).ensure_ready()
    app = create_app(settings, model_path)
    app.cleanup_ctx.insert(0, action_server)
    url = f"http://{settings.host}:{settings.port}"
    web.run_app(app, host=settings.host, port=settings.port, access_log=None,
                print=lambda _: print(f"Waymark is running at {url} (Ctrl-C to stop)", flush=True))
