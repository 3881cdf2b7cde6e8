"""The Rasa agent, run in the gateway's process, and what the gateway needs of it.

Rasa answers each message through the in-process agent; custom actions run in
the separate rasa-sdk server and are reached over HTTP. Conversations live in
memory by default or in Redis (with an idle TTL) when WAYMARK_REDIS_URL is set,
and are deleted outright when a conversation ends.
"""
from __future__ import annotations

import asyncio
import contextvars
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import aiohttp
from rasa.core.agent import Agent
from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore, TrackerStore
from rasa.utils.endpoints import EndpointConfig, read_endpoint_config

from waymark import PROJECT_ROOT
from waymark.settings import Settings

log = logging.getLogger(__name__)

REDIS_KEY_PREFIX = "waymark"
#: Set during a turn when the action server could not be reached or failed.
_action_failed: contextvars.ContextVar[bool] = contextvars.ContextVar("action_failed", default=False)


class ActionEndpoint(EndpointConfig):
    """The action server's endpoint, noting failures so the turn can fall back.

    Rasa logs a failed custom action and carries on without its replies; the
    gateway needs to know, so a survivor who asked for services gets the
    helpline instead of silence.
    """

    async def request(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return await super().request(*args, **kwargs)
        except aiohttp.ClientResponseError as error:
            if error.status >= 500:
                _action_failed.set(True)
            raise
        except (aiohttp.ClientError, asyncio.TimeoutError):
            _action_failed.set(True)
            raise


class ReplyCollector(OutputChannel):
    """Keeps the whole response dict (text, buttons and the `custom.lang` we add)."""

    def __init__(self) -> None:
        self.replies: list[dict[str, Any]] = []

    @classmethod
    def name(cls) -> str:
        return "waymark"

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.replies.append(message)


class Turn:
    """What one user message produced."""

    def __init__(self, replies: list[dict[str, Any]], action_failed: bool) -> None:
        self.replies = replies
        self.action_failed = action_failed


class RasaRuntime:
    """Loads the agent in the background and answers messages once it is ready."""

    def __init__(self, settings: Settings, model_path: Path) -> None:
        self.settings = settings
        self.model_path = model_path
        self.agent: Agent | None = None
        self._tracker_store: TrackerStore | None = None

    @property
    def ready(self) -> bool:
        return self.agent is not None and self.agent.is_ready()

    async def start(self) -> None:
        """Load the model off the event loop, so pages and /healthz answer meanwhile."""
        loop = asyncio.get_running_loop()
        try:
            self.agent = await loop.run_in_executor(None, self._load)
        except Exception:  # noqa: BLE001 - the gateway keeps serving its own fallback replies
            log.exception("rasa.load_failed")
            return
        log.info("rasa.ready")

    def _load(self) -> Agent:
        endpoints_file = PROJECT_ROOT / "endpoints.yml"
        nlg = read_endpoint_config(str(endpoints_file), "nlg")
        action = ActionEndpoint(url=self.settings.action_endpoint_url)
        self._tracker_store = self._create_tracker_store()
        return Agent.load(
            str(self.model_path),
            generator=nlg,
            tracker_store=self._tracker_store,
            lock_store=self._create_lock_store(),
            action_endpoint=action,
        )

    def _redis_parts(self) -> dict[str, Any]:
        url = urlparse(self.settings.redis_url or "")
        db = int(url.path.lstrip("/") or 0)
        return {"host": url.hostname or "127.0.0.1", "port": url.port or 6379, "db": db,
                "password": url.password, "key_prefix": REDIS_KEY_PREFIX}

    def _create_tracker_store(self) -> TrackerStore:
        if not self.settings.redis_url:
            return InMemoryTrackerStore(domain=None)
        return RedisTrackerStore(domain=None, record_exp=self.settings.conversation_ttl_seconds,
                                 **self._redis_parts())

    def _create_lock_store(self) -> LockStore:
        if not self.settings.redis_url:
            return InMemoryLockStore()
        return RedisLockStore(**self._redis_parts())

    async def handle(self, sender_id: str, text: str, language: str | None) -> Turn:
        """Run one user message (or button payload) through Rasa."""
        if self.agent is None:
            raise RuntimeError("agent not loaded")
        collector = ReplyCollector()
        token = _action_failed.set(False)
        try:
            message = UserMessage(text, collector, sender_id, metadata={"language": language})
            await asyncio.wait_for(self.agent.handle_message(message),
                                   timeout=self.settings.reply_timeout_seconds)
            return Turn(collector.replies, _action_failed.get())
        finally:
            _action_failed.reset(token)

    async def forget(self, sender_id: str) -> None:
        """Delete everything Rasa holds about a conversation."""
        store = self._tracker_store
        if isinstance(store, RedisTrackerStore):
            await asyncio.get_running_loop().run_in_executor(None, store.red.delete, store.key_prefix + sender_id)
        elif isinstance(store, InMemoryTrackerStore):
            store.store.pop(sender_id, None)
