"""Entry point of the rasa-sdk action server, with Waymark's content-free logging.

Started by `waymark serve` as a child process (or `waymark actions` on its own
when scaling out); it binds to 127.0.0.1 because only the gateway calls it.
"""
from __future__ import annotations

import os

from waymark.logging_setup import configure_logging
from waymark.settings import Settings


def run_action_server(settings: Settings) -> None:
    configure_logging(settings.log_level)
    os.environ.setdefault("SANIC_HOST", "127.0.0.1")
    from rasa_sdk import endpoint

    endpoint.run("actions", port=settings.action_port)


if __name__ == "__main__":
    run_action_server(Settings.from_env())
