"""Settings from environment variables (and an optional `.env`), with safe defaults.

Every variable is documented in `.env.example`. Nothing here is secret by default;
the defaults run the embedded single-machine setup.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dotenv import load_dotenv

from waymark import PROJECT_ROOT


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise SystemExit(f"{name} must be a whole number, not {raw!r}") from error


@dataclass(frozen=True)
class Settings:
    host: str
    port: int
    action_port: int
    database_url: str | None
    redis_url: str | None
    conversation_ttl_seconds: int
    exit_url: str
    models_dir: Path
    reply_timeout_seconds: int
    max_message_chars: int
    messages_per_minute: int
    connections_per_ip: int
    log_level: str

    @property
    def action_endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}/webhook"

    @classmethod
    def from_env(cls) -> "Settings":
        load_dotenv(PROJECT_ROOT / ".env", override=False)
        env = os.environ.get
        return cls(
            host=env("WAYMARK_HOST", "127.0.0.1"),
            port=_int("WAYMARK_PORT", 8080),
            action_port=_int("WAYMARK_ACTION_PORT", 5055),
            database_url=env("WAYMARK_DATABASE_URL") or None,
            redis_url=env("WAYMARK_REDIS_URL") or None,
            conversation_ttl_seconds=_int("WAYMARK_CONVERSATION_TTL_SECONDS", 1800),
            exit_url=env("WAYMARK_EXIT_URL", "https://www.bbc.co.uk/weather"),
            models_dir=Path(env("WAYMARK_MODELS_DIR", str(PROJECT_ROOT / "models"))),
            reply_timeout_seconds=_int("WAYMARK_REPLY_TIMEOUT_SECONDS", 20),
            max_message_chars=_int("WAYMARK_MAX_MESSAGE_CHARS", 1000),
            messages_per_minute=_int("WAYMARK_MESSAGES_PER_MINUTE", 30),
            connections_per_ip=_int("WAYMARK_CONNECTIONS_PER_IP", 20),
            log_level=env("WAYMARK_LOG_LEVEL", "INFO").upper(),
        )
