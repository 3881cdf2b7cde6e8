"""Alembic environment: uses the connection handed over by directory.db, or ``-x url=...``."""
from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from directory.models import metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or os.environ["WAYMARK_DATABASE_URL"]
    with create_engine(url, future=True).connect() as conn:
        context.configure(connection=conn, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()


run()
