"""Live survivor conversations: one per WebSocket, held only while it is open.

The registry knows which conversations exist, when each last spoke, and how many
each IP address has open. Nothing here stores what anyone wrote.
"""
from __future__ import annotations

import asyncio
import secrets
import time
from collections import Counter, deque
from dataclasses import dataclass, field

from aiohttp import web


@dataclass
class Conversation:
    """One survivor's open chat."""

    socket: web.WebSocketResponse
    ip: str
    language: str | None = None
    id: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    last_active: float = field(default_factory=time.monotonic)
    #: One turn at a time: replies keep their order and forgetting waits for the turn.
    turn_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    recent: deque[float] = field(default_factory=deque)

    def touch(self) -> None:
        self.last_active = time.monotonic()

    def allow_message(self, per_minute: int) -> bool:
        """Sliding-window rate limit for this conversation."""
        now = time.monotonic()
        while self.recent and now - self.recent[0] > 60:
            self.recent.popleft()
        if len(self.recent) >= per_minute:
            return False
        self.recent.append(now)
        return True


class ConversationRegistry:
    """The open conversations of this gateway process."""

    def __init__(self) -> None:
        self._conversations: dict[str, Conversation] = {}
        self._per_ip: Counter[str] = Counter()

    def __len__(self) -> int:
        return len(self._conversations)

    def open_for(self, ip: str) -> int:
        return self._per_ip[ip]

    def add(self, conversation: Conversation) -> None:
        self._conversations[conversation.id] = conversation
        self._per_ip[conversation.ip] += 1

    def remove(self, conversation: Conversation) -> None:
        if self._conversations.pop(conversation.id, None) is not None:
            self._per_ip[conversation.ip] -= 1
            if self._per_ip[conversation.ip] <= 0:
                del self._per_ip[conversation.ip]

    def idle(self, ttl_seconds: float) -> list[Conversation]:
        cutoff = time.monotonic() - ttl_seconds
        return [c for c in self._conversations.values() if c.last_active < cutoff]
