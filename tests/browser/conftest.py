"""Browser test fixtures: one real gateway (`waymark serve`) and one Chromium per session.

The gateway is the session's `live_gateway` (tests/conftest.py): `waymark serve`
run exactly as a provider would, on free ports with a throwaway SQLite
directory, so these tests see the real headers, socket protocol and Rasa replies. Chromium is Debian's (never `playwright install`).
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlparse

import pytest

from tests.live_gateway import LiveGateway
from waymark import PROJECT_ROOT

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
#: Rasa's first reply can take a few seconds; later ones are quicker.
REPLY_TIMEOUT_MS = 30_000
ARTIFACTS = PROJECT_ROOT / "test-artifacts"


def _require_chromium() -> str:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); browser tests skipped")
    return CHROMIUM


@pytest.fixture(scope="session")
def gateway(live_gateway: LiveGateway) -> LiveGateway:
    """The session's one real gateway (tests/conftest.py), once Chromium is known to exist."""
    _require_chromium()
    return live_gateway


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
def context(browser: Any, gateway: LiveGateway, watch: Watch) -> Iterator[Any]:
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
