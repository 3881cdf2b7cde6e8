"""Logs carry event names and counts only: third-party text and exception
messages (which may quote user input) never reach the log."""
from __future__ import annotations

import logging

from waymark.logging_setup import ContentFreeFormatter

CANARY = "violet-canary-7731"


def _record(name: str, message: str, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    return logging.LogRecord(name, logging.ERROR, __file__, 1, message, (), exc_info)


def test_third_party_messages_are_withheld() -> None:
    line = ContentFreeFormatter().format(_record("rasa.core.processor", f"user text: {CANARY}"))
    assert CANARY not in line and "rasa.core.processor" in line


def test_exception_messages_are_reduced_to_type_and_place() -> None:
    try:
        raise ValueError(f"bad postcode {CANARY}")
    except ValueError as error:
        line = ContentFreeFormatter().format(_record("bot.survivor_socket", "turn.failed", error))
    assert CANARY not in line and "ValueError at test_logging_privacy.py" in line


def test_own_event_lines_are_kept() -> None:
    line = ContentFreeFormatter().format(_record("bot.survivor_socket", "turn.done replies=2"))
    assert line.endswith("turn.done replies=2")
