"""Fixtures: a ready directory on SQLite (always) and on the live PostgreSQL (when it answers)."""
from __future__ import annotations

import uuid
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text

from directory import Directory
from directory.store import make_engine

PG_USERS = ("root", "postgres")


def _postgres_url() -> str | None:
    for user in PG_USERS:
        url = f"postgresql+psycopg2://{user}@127.0.0.1:5432/test"
        try:
            engine = create_engine(url, future=True, connect_args={"connect_timeout": 2})
            with engine.connect():
                pass
            engine.dispose()
            return url
        except Exception:  # noqa: BLE001 - any failure means "not available here"
            continue
    return None


@pytest.fixture(scope="session")
def postgres_url() -> str:
    url = _postgres_url()
    if url is None:
        pytest.skip("PostgreSQL at 127.0.0.1:5432 (database test) is not answering")
    return url


def _pg_directory(url: str) -> Iterator[Directory]:
    """A directory in a throw-away schema, so parallel runs never see each other's rows."""
    schema = f"wm_dir_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, future=True)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    directory = Directory(create_engine(url, future=True,
                                        connect_args={"options": f"-csearch_path={schema}"}))
    try:
        directory.ensure_ready()
        yield directory
    finally:
        directory.close()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def directory(request, tmp_path) -> Iterator[Directory]:
    """A migrated directory with the shipped data, on each backend."""
    if request.param == "sqlite":
        d = Directory(make_engine(f"sqlite:///{tmp_path / 'dir.sqlite3'}"))
        d.ensure_ready()
        yield d
        d.close()
    else:
        yield from _pg_directory(request.getfixturevalue("postgres_url"))


@pytest.fixture(scope="session")
def shared_sqlite(tmp_path_factory) -> Iterator[Directory]:
    """One read-only SQLite directory for the many pure-lookup tests."""
    d = Directory(make_engine(f"sqlite:///{tmp_path_factory.mktemp('d') / 'dir.sqlite3'}"))
    d.ensure_ready()
    yield d
    d.close()


@pytest.fixture
def pg_directory(postgres_url: str) -> Iterator[Directory]:
    """The PostgreSQL directory alone, for behaviour only a server has."""
    yield from _pg_directory(postgres_url)
