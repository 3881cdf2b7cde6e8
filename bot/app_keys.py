"""Typed application keys (aiohttp `web.AppKey`) for what the gateway shares."""
from __future__ import annotations

from aiohttp import web

from bot.conversations import ConversationRegistry
from bot.fallback import FallbackReplies
from bot.rasa_runtime import RasaRuntime
from waymark.settings import Settings

SETTINGS = web.AppKey("settings", Settings)
RUNTIME = web.AppKey("runtime", RasaRuntime)
REGISTRY = web.AppKey("registry", ConversationRegistry)
FALLBACK = web.AppKey("fallback", FallbackReplies)
