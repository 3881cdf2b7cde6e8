"""Engine creation, migrations, and writing validated records (all-or-nothing)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Sequence

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, delete, event, insert, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool

from .geo import DATA_DIR, Gazetteer, grid_cell
from .models import meta, service_areas, service_needs, services
from .records import ServiceRecord

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_SQLITE = PACKAGE_DIR.parent / "var" / "directory.sqlite3"
SHIPPED_FILES = ("services.yml",)
_GEO_FILES = ("districts.csv", "areas.csv", "towns.csv", "town_aliases.csv")
BATCH = 5000


def database_url(url: str | None = None) -> str:
    """Explicit URL, else WAYMARK_DATABASE_URL, else the SQLite file under <repo>/var."""
    url = url or os.environ.get("WAYMARK_DATABASE_URL")
    if url:
        return url
    DEFAULT_SQLITE.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite") and ":memory:" not in url:
        # Keep connections open (SQLAlchemy 1.4 defaults to NullPool for SQLite files, which
        # reconnects and re-runs the PRAGMAs on every search).
        engine = create_engine(url, future=True, poolclass=QueuePool,
                               connect_args={"check_same_thread": False})
    else:
        # No pool_pre_ping: Directory.search retries once on a dropped connection instead
        # of paying a round trip before every search.
        engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # WAL: readers never wait for an import
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()
    return engine


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config(str(PACKAGE_DIR / "alembic.ini"))
    cfg.set_main_option("script_location", str(PACKAGE_DIR / "migrations"))
    cfg.attributes["connection"] = connection
    return cfg


def schema_is_current(conn: Connection) -> bool:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    return MigrationContext.configure(conn).get_current_revision() == head


def upgrade(conn: Connection) -> None:
    command.upgrade(alembic_config(conn), "head")


def shipped_hash() -> str:
    """Content hash of the shipped data (service files and the geodata their distances use)."""
    digest = hashlib.sha256()
    for name in SHIPPED_FILES + _GEO_FILES:
        digest.update(name.encode() + b"\0" + (DATA_DIR / name).read_bytes())
    return digest.hexdigest()


def get_meta(conn: Connection, key: str) -> str | None:
    if not inspect(conn).has_table(meta.name):
        return None
    return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar_one_or_none()


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(delete(meta).where(meta.c.key == key))
    conn.execute(insert(meta).values(key=key, value=value))


def _anchor(record: ServiceRecord, gaz: Gazetteer) -> tuple[float | None, float | None]:
    if record.base:
        return record.base
    points = [p for p in (gaz.point_of(a) for a in record.areas) if p]
    if not points:
        return None, None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def delete_services(conn: Connection, where) -> None:
    ids = select(services.c.id).where(where)
    conn.execute(delete(service_areas).where(service_areas.c.service_id.in_(ids)))
    conn.execute(delete(service_needs).where(service_needs.c.service_id.in_(ids)))
    conn.execute(delete(services).where(where))


def write_records(conn: Connection, records: Sequence[ServiceRecord], origin: str,
                  gaz: Gazetteer) -> int:
    """Insert records, replacing any with the same id; the caller owns the transaction."""
    slugs = [r.slug for r in records]
    for i in range(0, len(slugs), BATCH):
        delete_services(conn, services.c.slug.in_(slugs[i:i + BATCH]))
    for start in range(0, len(records), BATCH):
        chunk = records[start:start + BATCH]
        anchors = [_anchor(r, gaz) for r in chunk]
        conn.execute(insert(services), [_service_row(r, a, origin, start + i)
                                        for i, (r, a) in enumerate(zip(chunk, anchors))])
        ids = dict(conn.execute(select(services.c.slug, services.c.id)
                                .where(services.c.slug.in_([r.slug for r in chunk]))).all())
        area_rows = [{"service_id": ids[r.slug], "area_key": area, "needs": " " + " ".join(match_tags(r)) + " ",
                      "perpetrator_only": set(r.needs) == {"perpetrator"}, "general": r.general, "has_base": r.base is not None, "lat": anchor[0],
                      "lon": anchor[1], "position": start + i,
                      "contactable": bool(r.phone or r.website or r.text_number or r.email)}
                     for i, (r, anchor) in enumerate(zip(chunk, anchors)) for area in r.areas]
        need_rows = [{"service_id": ids[r.slug], "tag": t, "lat": a[0], "lon": a[1],
                      "cell": grid_cell(*a)}
                     for r, a in zip(chunk, anchors) for t in match_tags(r)]
        conn.execute(insert(service_areas), area_rows)
        if need_rows:
            conn.execute(insert(service_needs), need_rows)
    return len(records)


def match_tags(r: ServiceRecord) -> list[str]:
    """Need tags plus ``lang:<code>`` for each language: what a search can match on."""
    return list(dict.fromkeys([*r.needs, *(f"lang:{code}" for code in r.languages)]))


def _service_row(r: ServiceRecord, anchor: tuple[float | None, float | None], origin: str,
                 position: int) -> dict:
    return {
        "slug": r.slug, "name": r.name, "organisation": r.organisation, "description": r.description,
        "phone": r.phone, "text_number": r.text_number, "email": r.email, "website": r.website,
        "webchat_url": r.webchat_url, "hours": r.hours, "open_24_7": (r.hours or "").lower() == "24/7",
        "national": r.national, "general": r.general, "needs": " " + " ".join(r.needs) + " ",
        "languages": " " + " ".join(r.languages) + " ", "accessibility": " ".join(r.accessibility),
        "areas": "|".join(r.areas), "lat": anchor[0], "lon": anchor[1], "has_base": r.base is not None,
        "source": r.source, "verified_on": r.verified_on, "origin": origin, "position": position,
    }
