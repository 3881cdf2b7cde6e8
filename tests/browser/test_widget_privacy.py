"""No history, no third parties, a strict CSP, and text that stays text."""
from __future__ import annotations

import json
from typing import Any

import pytest
from widget_helpers import BOT_MESSAGES, USER_MESSAGES, choose_language, log_text, open_standalone, say, wait_for_bot

pytestmark = pytest.mark.browser

STORAGE_PROBE = """async () => ({
  cookie: document.cookie,
  local: localStorage.length,
  session: sessionStorage.length,
  idb: (await indexedDB.databases()).length,
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  caches: (await caches.keys()).length,
})"""


def test_whole_conversation_leaves_no_trace_and_stays_local(page: Any, context: Any, gateway: Any, watch: Any) -> None:
    open_standalone(page, gateway.url("/"))
    say(page, "hello")
    say(page, "I need some help")
    choose_language(page, "pl")
    say(page, "potrzebuje pomocy")

    assert page.evaluate(STORAGE_PROBE) == {"cookie": "", "local": 0, "session": 0, "idb": 0, "workers": 0, "caches": 0}
    assert context.cookies() == []
    assert watch.hosts == {"127.0.0.1"}, f"requests left the machine: {watch.hosts}"
    assert not watch.errors, watch.errors


@pytest.mark.parametrize("path", ["/", "/widget.js", "/static/widget.css", "/widget/strings/ar.json", "/demo/provider"])
def test_every_widget_response_is_no_store_with_csp(page: Any, gateway: Any, path: str) -> None:
    response = page.request.get(gateway.url(path))
    assert response.ok
    headers = response.headers
    assert "no-store" in headers["cache-control"]
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "set-cookie" not in headers


@pytest.mark.parametrize("path", ["/", "/demo/provider"])
def test_pages_run_under_csp_without_violations(page: Any, gateway: Any, watch: Any, path: str) -> None:
    response = page.goto(gateway.url(path))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    if path != "/":
        page.click(".wm-launcher")
    page.wait_for_selector(BOT_MESSAGES)
    choose_language(page, "ar")
    assert page.evaluate("window.__cspViolations") == []
    assert not watch.errors, watch.errors


def test_tab_title_and_favicon_are_neutral(page: Any, gateway: Any) -> None:
    open_standalone(page, gateway.url("/"))
    assert page.title() == "Help and advice"
    assert page.get_attribute("link[rel=icon]", "href") == "data:,"


XSS_PAYLOADS = [
    '<img src=x onerror="window.__xss=1">',
    "<script>window.__xss=2</script>",
    '"><svg onload="window.__xss=3">',
]


def test_user_text_is_rendered_as_inert_text(page: Any, gateway: Any, watch: Any) -> None:
    open_standalone(page, gateway.url("/"))
    for payload in XSS_PAYLOADS:
        say(page, payload)
    shown = page.locator(USER_MESSAGES).all_inner_texts()
    for payload in XSS_PAYLOADS:
        assert any(payload in text for text in shown)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#wm-panel img, #wm-panel svg, #wm-panel .wm-log script").count() == 0
    assert not watch.errors, watch.errors


def test_forget_me_ends_the_conversation_on_both_sides(page: Any, gateway: Any) -> None:
    sockets: list[Any] = []
    page.on("websocket", lambda socket: sockets.append(socket))
    open_standalone(page, gateway.url("/"))
    socket = sockets[-1]
    received: list[dict[str, Any]] = []
    socket.on("framereceived", lambda payload: received.append(json.loads(payload)))
    say(page, "forget canary 5512")

    with socket.expect_event("close"):
        page.click(".wm-forget")

    assert {"type": "status", "state": "ended"} in received
    assert "forget canary 5512" not in log_text(page)
    assert page.locator("#wm-input").is_disabled()
    page.click(".wm-new-chat")
    wait_for_bot(page, 0)
    assert len(sockets) == 2 and not sockets[-1].is_closed()


def test_closing_the_tab_ends_the_conversation_on_the_server(context: Any, gateway: Any) -> None:
    page = context.new_page()
    open_standalone(page, gateway.url("/"))
    ended_before = gateway.log_count("conversation.end")
    page.close()
    assert gateway.wait_for_log_count("conversation.end", ended_before)
