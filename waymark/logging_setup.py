"""Logging that cannot leak what survivors write.

Waymark's own modules log event names and counts only. Third-party libraries
(Rasa, rasa-sdk, Sanic, aiohttp, TensorFlow) sometimes put message text in their
log lines — Rasa 3.6 does at debug level, and an exception's message may quote
its input — so for them only the logger name, the level and an exception's type
are ever written. Tracebacks are reduced to type and place for the same reason.
Rasa's structlog events are routed through the same filter.
"""
from __future__ import annotations

import logging
import os
import sys
import traceback
import warnings

import structlog

OWN_LOGGERS = ("waymark", "bot", "actions", "directory")
QUIET_LOGGERS = (
    "rasa", "rasa_sdk", "sanic", "sanic.access", "sanic.root", "sanic.error", "aiohttp.access",
    "aiohttp.server", "aiohttp.web", "tensorflow", "absl", "urllib3", "asyncio", "matplotlib",
    "apscheduler", "h5py", "numexpr", "filelock", "alembic",
)


class ContentFreeFormatter(logging.Formatter):
    """Formats a record without any text that could have come from a user."""

    def format(self, record: logging.LogRecord) -> str:
        own = record.name.split(".")[0] in OWN_LOGGERS
        message = record.getMessage() if own else "[third-party message withheld]"
        line = f"{self.formatTime(record)} {record.levelname} {record.name} {message}"
        if record.exc_info and record.exc_info[0] is not None:
            line += f" [{_exception_summary(record.exc_info)}]"
        return line


def _exception_summary(exc_info: tuple) -> str:
    """Exception type and innermost place, never its message or locals."""
    exc_type, _, tb = exc_info
    frames = traceback.extract_tb(tb) if tb else []
    where = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    return f"{exc_type.__name__}{where}"


def configure_logging(level: str = "INFO") -> None:
    """Install the content-free handler for the whole process (idempotent)."""
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("LOG_LEVEL_LIBRARIES", "WARNING")
    for category in (DeprecationWarning, PendingDeprecationWarning, FutureWarning, UserWarning):
        warnings.filterwarnings("ignore", category=category)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(ContentFreeFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(level)
    for name in QUIET_LOGGERS:
        quiet = logging.getLogger(name)
        quiet.setLevel(logging.WARNING)
        quiet.handlers[:] = []
        quiet.propagate = True
    structlog.configure(
        processors=[structlog.stdlib.filter_by_level, structlog.stdlib.render_to_log_kwargs],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
