"""Quick exit: the button, Esc and Shift pressed 3 times all leave at once, and
Back does not bring the chat back."""
from __future__ import annotations

from typing import Any, Callable

import pytest
from widget_helpers import open_standalone, say

pytestmark = pytest.mark.browser

CANARY = "quick exit canary 7261"


def press_exit_button(page: Any) -> None:
    page.click("#wm-panel .wm-exit")


def press_escape(page: Any) -> None:
    page.keyboard.press("Escape")


def press_shift_three_times(page: Any) -> None:
    page.focus("#wm-input")
    for _ in range(3):
        page.keyboard.press("Shift")


@pytest.mark.parametrize("leave", [press_exit_button, press_escape, press_shift_three_times],
                         ids=["button", "escape", "shift-x3"])
def test_quick_exit_leaves_and_back_does_not_return(page: Any, gateway: Any, leave: Callable[[Any], None]) -> None:
    page.goto(gateway.before_url)
    open_standalone(page, gateway.url("/"))
    say(page, CANARY)
    ended_before = gateway.log_count("conversation.end")

    leave(page)
    page.wait_for_url(gateway.exit_url)

    # Checked on the server: Playwright does not always report the close of a socket
    # whose page has already navigated away.
    assert gateway.wait_for_log_count("conversation.end", ended_before), "exit must end the conversation"
    assert CANARY not in page.content()
    page.go_back()
    assert page.url == gateway.before_url, "Back must skip the chat: it was replaced in history"
    assert page.locator("#wm-panel").count() == 0
    assert CANARY not in page.content()


def test_two_shift_presses_and_typing_do_not_exit(page: Any, gateway: Any) -> None:
    """Shift used for capitals, or pressed twice, must not throw someone out mid-sentence."""
    open_standalone(page, gateway.url("/"))
    page.focus("#wm-input")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.type("Hi")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == gateway.url("/")
    assert page.locator("#wm-input").input_value() == "Hi"


def test_embedded_exit_uses_data_exit_url(page: Any, gateway: Any) -> None:
    """The provider's data-exit-url wins over the server setting (here: the weather page)."""
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(body="weather", content_type="text/plain"))
    page.goto(gateway.url("/demo/provider"))
    page.click(".wm-dock .wm-exit")
    page.wait_for_url("https://www.bbc.co.uk/weather")
