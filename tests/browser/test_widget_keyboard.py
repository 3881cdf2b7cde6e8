"""Keyboard-only use, with a visible focus indicator at every step."""
from __future__ import annotations

from typing import Any

import pytest
from widget_helpers import bot_count, open_standalone, wait_for_bot

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {cls: el.className, id: el.id, lang: el.lang,
          visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
}"""


def tab_to(page: Any, predicate: str, limit: int = 12, key: str = "Tab") -> dict[str, Any]:
    """Press Tab until the focused element matches ``predicate`` (JS, gets `el`)."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"() => {{ const el = document.activeElement; return {predicate}; }}"):
            focused = page.evaluate(FOCUSED)
            assert focused["visible"], f"focus must be visible on {focused}"
            return focused
    raise AssertionError(f"no focusable element matched {predicate}")


def test_keyboard_only_conversation_on_the_standalone_page(page: Any, gateway: Any) -> None:
    open_standalone(page, gateway.url("/"))
    first = tab_to(page, "true", limit=1)
    assert "wm-exit" in first["cls"], "the exit button must be the first stop"

    tab_to(page, "el.classList.contains('wm-language-toggle')")
    page.keyboard.press("Enter")
    polish = tab_to(page, "el.lang === 'pl'")
    assert "wm-language" in polish["cls"]
    page.keyboard.press("Enter")
    assert "wm-language-toggle" in page.evaluate(FOCUSED)["cls"], "focus returns to the picker"
    page.wait_for_selector("#wm-panel li.wm-bot[lang=pl]")

    tab_to(page, "el.classList.contains('wm-tips-dismiss')")
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["id"] == "wm-input", "dismissing the tips moves focus to the message box"
    assert page.locator(".wm-tips").is_hidden()

    before = bot_count(page)
    page.keyboard.type("I need help")
    page.keyboard.press("Enter")
    wait_for_bot(page, before)
    assert page.locator("#wm-panel li.wm-user").last.inner_text().endswith("I need help")

    if page.locator(".wm-choice").count():
        before = bot_count(page)
        tab_to(page, "el.classList.contains('wm-choice')", key="Shift+Tab")
        page.keyboard.press("Enter")
        wait_for_bot(page, before)
        assert page.evaluate(FOCUSED)["id"] == "wm-input"


def test_keyboard_only_use_of_the_embedded_launcher(page: Any, gateway: Any) -> None:
    page.goto(gateway.url("/demo/provider"))
    exit_first = tab_to(page, "el.classList.contains('wm-exit') || el.classList.contains('wm-launcher')")
    assert "wm-exit" in exit_first["cls"], "the exit button comes before the launcher"
    tab_to(page, "el.classList.contains('wm-launcher')", limit=1)
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["id"] == "wm-input", "opening the chat puts focus in the message box"
    wait_for_bot(page, 0)
    before = bot_count(page)
    page.keyboard.type("hello")
    page.keyboard.press("Enter")
    wait_for_bot(page, before)

    tab_to(page, "el.classList.contains('wm-minimise')", key="Shift+Tab", limit=30)
    page.keyboard.press("Enter")
    assert page.locator("#wm-panel").is_hidden()
    assert "wm-launcher" in page.evaluate(FOCUSED)["cls"], "hiding the chat returns focus to the launcher"
    assert page.get_attribute(".wm-launcher", "aria-expanded") == "false"
