"""Shared fixtures. `./dev test` trains the model before pytest runs, so tests
that need it fail (not skip) when it is missing: a skipped safety test proves nothing."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from tests.live_gateway import LiveGateway, start_gateway
from waymark.settings import Settings
from waymark.training import current_model_path


@pytest.fixture(scope="session")
def model_path() -> Path:
    path = current_model_path(Settings.from_env().models_dir)
    if not path.exists():
        pytest.fail(f"No trained model at {path}: run ./dev test (it trains first).")
    return path


@pytest.fixture(scope="session")
def live_gateway(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveGateway]:
    """One `waymark serve` for the session: real model, real action server, SQLite."""
    gateway = start_gateway(tmp_path_factory.mktemp("gateway"))
    yield gateway
    gateway.stop()
