"""Small steps the browser tests share: open the chat, talk, wait for replies."""
from __future__ import annotations

from pathlib import Path
from typing import Any

#: Installed by `npm ci` in tests/browser/axe (package-lock.json pins the version).
AXE_SCRIPT = Path(__file__).with_name("axe") / "node_modules" / "axe-core" / "axe.min.js"
BOT_MESSAGES = "#wm-panel li.wm-bot"
USER_MESSAGES = "#wm-panel li.wm-user"


def bot_count(page: Any) -> int:
    return page.locator(BOT_MESSAGES).count()


def wait_for_bot(page: Any, more_than: int) -> None:
    """Wait until the log holds more than ``more_than`` bot messages (Rasa may be slow)."""
    page.wait_for_function(
        "n => document.querySelectorAll('#wm-panel li.wm-bot').length > n", arg=more_than)


def open_standalone(page: Any, url: str) -> None:
    """Open the standalone page and wait for the greeting."""
    page.goto(url)
    wait_for_bot(page, 0)


def say(page: Any, text: str) -> None:
    """Type ``text`` as the user and wait for the bot's answer."""
    before = bot_count(page)
    page.fill("#wm-input", text)
    page.press("#wm-input", "Enter")
    wait_for_bot(page, before)


def choose_language(page: Any, code: str) -> None:
    """Pick a language from the picker and wait for a reply in it."""
    page.click(".wm-language-toggle")
    page.click(f"button.wm-language[lang={code}]")
    page.wait_for_selector(f"{BOT_MESSAGES}[lang={code}]")


def log_text(page: Any) -> str:
    return page.locator("#wm-panel .wm-log").inner_text()
