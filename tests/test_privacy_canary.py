"""No history: a unique canary phrase typed into conversations must be nowhere
afterwards — not in the log output, the directory database, Redis, or any file
written under the project or the gateway's working folder."""
from __future__ import annotations

import os
import secrets
import socket
import time
from pathlib import Path
from typing import Iterator

import pytest

from tests.live_gateway import LiveGateway, start_gateway
from tests.ws_client import SurvivorClient
from waymark import PROJECT_ROOT

SKIP_DIRS = {".venv", ".git", "node_modules", "models", ".rasa"}


def _canary() -> str:
    return f"canary{secrets.token_hex(6)}"


def _files_written_since(root: Path, since: float) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        for name in files:
            path = Path(folder, name)
            try:
                if path.stat().st_mtime >= since:
                    yield path
            except OSError:
                continue


async def _talk(gateway: LiveGateway, canary: str) -> None:
    client = await SurvivorClient.connect(gateway.ws_url)
    try:
        await client.receive_turn()
        await client.say(f"my name is {canary} and I am scared")
        await client.say("find help near me")
        await client.say(f"I live at 12 {canary} Road HR4 9AB")
        await client.say(f"he is outside with a knife {canary}")
    finally:
        await client.close()


def _assert_nowhere(canary: str, gateway: LiveGateway, since: float) -> None:
    time.sleep(1)  # let the gateway finish forgetting the closed conversation
    assert canary not in gateway.log_text()
    assert canary.encode() not in gateway.database_path.read_bytes()
    for root in (PROJECT_ROOT, gateway.log_path.parent):
        for path in _files_written_since(root, since):
            assert canary.encode() not in path.read_bytes(), f"canary found in {path}"


async def test_canary_leaves_no_trace_with_memory_trackers(live_gateway: LiveGateway) -> None:
    canary, since = _canary(), time.time()
    await _talk(live_gateway, canary)
    _assert_nowhere(canary, live_gateway, since)


def _redis_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def redis_gateway(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveGateway]:
    if not _redis_available():
        pytest.skip("Redis is not answering at 127.0.0.1:6379")
    gateway = start_gateway(tmp_path_factory.mktemp("redis-gateway"),
                            {"WAYMARK_REDIS_URL": "redis://127.0.0.1:6379/0",
                             "WAYMARK_CONVERSATION_TTL_SECONDS": "120"})
    yield gateway
    gateway.stop()


def _string_values(store) -> Iterator[tuple[bytes, bytes]]:
    for key in store.scan_iter():
        if store.type(key) == b"string":
            yield key, store.get(key) or b""


@pytest.mark.redis
async def test_redis_tracker_has_a_ttl_and_is_deleted_at_the_end(redis_gateway: LiveGateway) -> None:
    import redis

    store = redis.Redis(host="127.0.0.1", port=6379, db=0)
    canary, since = _canary(), time.time()
    client = await SurvivorClient.connect(redis_gateway.ws_url)
    try:
        await client.receive_turn()
        await client.say(f"i am scared {canary}")
        keys = [key for key, value in _string_values(store) if canary.encode() in value]
        assert len(keys) == 1, "the live conversation is in Redis"
        assert 0 < store.ttl(keys[0]) <= 120
    finally:
        await client.close()
    time.sleep(1)
    assert not store.exists(keys[0]), "closing the socket deletes the tracker"
    assert not any(canary.encode() in value for _, value in _string_values(store))
    _assert_nowhere(canary, redis_gateway, since)
