"""Run `waymark serve` as a subprocess on free ports, as a user would, for tests.

Its stdout and stderr go to a file so tests can prove what was (not) logged.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_SECONDS = 240


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveGateway:
    process: subprocess.Popen
    port: int
    log_path: Path
    database_path: Path

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    @property
    def exit_url(self) -> str:
        """Quick exit goes to a neutral local page here, so nothing leaves the machine."""
        return exit_url_for(self.port)

    @property
    def before_url(self) -> str:
        """A page to visit before the chat, to check what Back returns to."""
        return f"{self.http_url}/healthz?before"

    def url(self, path: str) -> str:
        return self.http_url + path

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_count(self, event: str) -> int:
        """How many times the gateway logged ``event`` (its logs carry events, never text)."""
        return self.log_text().count(event)

    def wait_for_log_count(self, event: str, more_than: int, timeout: float = 10.0) -> bool:
        """Wait until ``event`` was logged more than ``more_than`` times; False on timeout."""
        deadline = time.monotonic() + timeout
        while self.log_count(event) <= more_than:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.2)
        return True

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def exit_url_for(port: int) -> str:
    return f"http://127.0.0.1:{port}/healthz?left"


def start_gateway(workdir: Path, extra_env: dict[str, str] | None = None) -> LiveGateway:
    """Start the gateway (with its action-server child) and wait for /healthz."""
    port, action_port = free_port(), free_port()
    database_path = workdir / "directory.sqlite3"
    log_path = workdir / "gateway.log"
    env = {
        **os.environ,
        "WAYMARK_PORT": str(port),
        "WAYMARK_ACTION_PORT": str(action_port),
        "WAYMARK_DATABASE_URL": f"sqlite:///{database_path}",
        "WAYMARK_LOG_LEVEL": "DEBUG",
        "WAYMARK_EXIT_URL": exit_url_for(port),
        **(extra_env or {}),
    }
    waymark = Path(sys.executable).with_name("waymark")
    log_file = log_path.open("w")
    process = subprocess.Popen([str(waymark), "serve"], cwd=PROJECT_ROOT, env=env,
                               stdout=log_file, stderr=subprocess.STDOUT)
    gateway = LiveGateway(process, port, log_path, database_path)
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"waymark serve exited early:\n{gateway.log_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{gateway.http_url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return gateway
        except OSError:
            pass
        time.sleep(1)
    gateway.stop()
    raise RuntimeError(f"waymark serve did not become healthy:\n{gateway.log_text()[-3000:]}")
