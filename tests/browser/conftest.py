"""Browser test fixtures: one real gateway (`waymark serve`) and one Chromium per session.

The gateway runs exactly as a provider would run it, on free ports with a
throwaway SQLite directory, so these tests see the real headers, socket
protocol and Rasa replies. Chromium is Debian's (never `playwright install`).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlparse

import pytest

from waymark import PROJECT_ROOT

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
STARTUP_SECONDS = 180
#: Rasa's first reply can take a few seconds; later ones are quicker.
REPLY_TIMEOUT_MS = 30_000
ARTIFACTS = PROJECT_ROOT / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _require_chromium() -> str:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); browser tests skipped")
    return CHROMIUM


class Gateway:
    """The running product: its base URL and the exit URL it was configured with."""

    def __init__(self, port: int, log_path: Path) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = log_path
        #: A neutral local page stands in for the weather site, so nothing leaves the machine.
        self.exit_url = f"{self.base}/healthz?left"
        self.before_url = f"{self.base}/healthz?before"

    def url(self, path: str) -> str:
        return self.base + path

    def log_count(self, event: str) -> int:
        """How many times the gateway logged ``event`` (its logs carry events, never text)."""
        return self.log_path.read_text(errors="replace").count(event)


def _wait_healthy(gateway: Gateway, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"waymark serve exited ({process.returncode}):\n{_tail(log_path)}")
        try:
            with urllib.request.urlopen(gateway.url("/healthz"), timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(1)
    raise RuntimeError(f"waymark serve was not healthy within {STARTUP_SECONDS} s:\n{_tail(log_path)}")


def _tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="session")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    _require_chromium()
    workdir = tmp_path_factory.mktemp("gateway")
    port = _free_port()
    log_path = workdir / "serve.log"
    gateway = Gateway(port, log_path)
    env = {
        **os.environ,
        "WAYMARK_PORT": str(port),
        "WAYMARK_ACTION_PORT": str(_free_port()),
        "WAYMARK_DATABASE_URL": f"sqlite:///{workdir}/dir.sqlite3",
        "WAYMARK_EXIT_URL": gateway.exit_url,
        "RASA_TELEMETRY_ENABLED": "false",
    }
    with log_path.open("wb") as log:
        process = subprocess.Popen([str(PROJECT_ROOT / ".venv" / "bin" / "waymark"), "serve"], cwd=PROJECT_ROOT,
                                   env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(gateway, process, log_path)
        yield gateway
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watch:
    """What a browser context did: hosts it asked for and errors it hit."""

    def __init__(self) -> None:
        self.hosts: set[str] = set()
        self.errors: list[str] = []


#: Records CSP violations inside the page (they also reach the console as errors).
VIOLATION_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


@pytest.fixture()
def watch() -> Watch:
    return Watch()


@pytest.fixture()
def context(browser: Any, gateway: Gateway, watch: Watch) -> Iterator[Any]:
    """A fresh, isolated profile per test that records every request's host."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(REPLY_TIMEOUT_MS)

    def record(route: Any) -> None:
        host = urlparse(route.request.url).hostname or route.request.url
        watch.hosts.add(host)
        if host == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    context.route("**/*", record)
    context.add_init_script(VIOLATION_RECORDER)
    yield context
    context.close()


@pytest.fixture()
def page(context: Any, watch: Watch) -> Any:
    page = context.new_page()
    page.on("console", lambda message: watch.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))

    def refuse_dialog(dialog: Any) -> None:
        watch.errors.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", refuse_dialog)
    return page


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
