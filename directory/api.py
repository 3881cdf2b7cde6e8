"""The directory's public interface, used by the bot's actions and by the CLI."""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from . import store
from .geo import gazetteer, haversine_km
from .hours import LONDON, open_now
from .models import services
from .places import Place, PlaceNotFound, PlaceResolver
from .records import ImportReport, read_file
from .search import Scored, coverage_keys, ranked_local, ranked_national
from .tags import is_need_tag

STALE_AFTER = timedelta(days=183)
#: How long a process may list national lines from before an import done elsewhere.
NATIONAL_CACHE_SECONDS = 60.0


class UnknownNeed(ValueError):
    """A need tag outside the design's list; ``str(exc)`` is a one-line message."""


@dataclass(frozen=True)
class ServiceHit:
    id: str
    name: str
    organisation: str
    description: str
    phone: str | None
    text_number: str | None
    email: str | None
    website: str | None
    webchat_url: str | None
    needs: tuple[str, ...]
    languages: tuple[str, ...]
    distance_km: float | None
    open_now: bool | None
    open_24_7: bool
    national: bool
    matched_needs: tuple[str, ...]


@dataclass(frozen=True)
class SearchResult:
    place: Place
    local: tuple[ServiceHit, ...]
    national: tuple[ServiceHit, ...]
    unmet_needs: tuple[str, ...]
    outside_region: bool


class Directory:
    """A service directory on one database (SQLite file or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # Searches only read: in autocommit mode PostgreSQL needs no BEGIN and ROLLBACK
        # round trips around each search.
        self._reader = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._national: dict[tuple[tuple[str, ...], int], tuple[float, list[Scored]]] = {}
        self.gaz = gazetteer()
        self.places = PlaceResolver(self.gaz)

    @classmethod
    def open(cls, url: str | None = None) -> "Directory":
        """Connect (lazily) to ``url``, WAYMARK_DATABASE_URL, or <repo>/var/directory.sqlite3."""
        return cls(store.make_engine(store.database_url(url)))

    def close(self) -> None:
        self.engine.dispose()

    def ensure_ready(self) -> None:
        """Migrate to head and (re)load the shipped data when it changed; cheap when current."""
        wanted = store.shipped_hash()
        with self.engine.connect() as conn:
            if store.get_meta(conn, "shipped_hash") == wanted and store.schema_is_current(conn):
                return
        with self.engine.begin() as conn:
            store.upgrade(conn)
        records = []
        for name in store.SHIPPED_FILES:
            report = read_file(store.DATA_DIR / name, self.gaz)
            if report.errors:
                raise RuntimeError("shipped directory data is invalid: " + "; ".join(report.errors[:3]))
            records.extend(report.records)
        with self.engine.begin() as conn:
            store.delete_services(conn, services.c.origin == "shipped")
            store.write_records(conn, records, "shipped", self.gaz)
            store.set_meta(conn, "shipped_hash", wanted)
        self.forget_cached()

    def resolve_place(self, text: str) -> Place | None:
        """A postcode, outward code, town or council found anywhere in free text, else None."""
        return self.places.resolve(text or "")

    def search(self, near: Place | str, needs: Sequence[str] = (), lang: str | None = None,
               limit: int = 3, now: datetime | None = None) -> SearchResult:
        """Best local services for a place and needs, then national lines (see search.py)."""
        place = near if isinstance(near, Place) else self.places.parse_strict(near)
        wanted = list(dict.fromkeys(n.strip() for n in needs if n and n.strip()))
        unknown = [n for n in wanted if not is_need_tag(n)]
        if unknown:
            raise UnknownNeed(f"Unknown need {unknown[0]!r}; known needs are listed in docs/directory.md.")
        tags = wanted + ([f"lang:{lang}"] if lang and lang != "en" and f"lang:{lang}" not in wanted else [])
        when = now or datetime.now(LONDON)
        keys = coverage_keys(place, self.gaz)
        limit = max(1, min(limit, 20))
        local, national = self._ranked(place, keys, tags, limit)
        local_hits = tuple(self._hit(s, place, when) for s in local[:limit])
        met = {n for hit in local_hits for n in hit.matched_needs}
        return SearchResult(place=place, local=local_hits,
                            national=tuple(self._hit(s, place, when) for s in national),
                            unmet_needs=tuple(n for n in wanted if n not in met),
                            outside_region=not place.covered)

    def _ranked(self, place: Place, keys: list[str], tags: list[str], limit: int) -> tuple[list[Scored], list[Scored]]:
        """Local and national rankings, retried once on a fresh connection if the server
        dropped the pooled one (cheaper than pinging before every search)."""
        try:
            return self._ranked_once(place, keys, tags, limit)
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
        return self._ranked_once(place, keys, tags, limit)

    def _ranked_once(self, place: Place, keys: list[str], tags: list[str], limit: int) -> tuple[list[Scored], list[Scored]]:
        with self._reader.connect() as conn:
            local = ranked_local(conn, place, keys, tags, limit)
            if not place.covered:
                local += self._nearest_covered(conn, place, tags, limit, [s.row.id for s in local])
            return local, self._national_lines(conn, tags, limit)

    def _national_lines(self, conn: Connection, tags: list[str], limit: int) -> list[Scored]:
        """National lines per set of needs, kept for NATIONAL_CACHE_SECONDS: they are a few
        dozen rows that change only on import, and every search lists them."""
        key = (tuple(tags), limit)
        cached = self._national.get(key)
        if cached and time.monotonic() - cached[0] < NATIONAL_CACHE_SECONDS:
            return cached[1]
        national = ranked_national(conn, tags, limit)
        self._national[key] = (time.monotonic(), national)
        return national

    def forget_cached(self) -> None:
        """Drop cached national lines after writing to the directory outside import_file."""
        self._national.clear()

    def _nearest_covered(self, conn, place: Place, tags: Sequence[str], limit: int,
                         exclude: list[int]) -> list[Scored]:
        """Outside the region: services of the nearest covered district, with real distances."""
        nearest = self.gaz.nearest_districts(place.lat, place.lon, covered_only=True)[0]
        keys = [f"district:{nearest.code}"] + [f"la:{c}" for c in nearest.councils]
        return ranked_local(conn, place, keys, tags, limit, exclude, fallback=True)

    def _hit(self, scored: Scored, place: Place, when: datetime) -> ServiceHit:
        r = scored.row
        return ServiceHit(
            id=r.slug, name=r.name, organisation=r.organisation, description=r.description,
            phone=r.phone, text_number=r.text_number, email=r.email, website=r.website,
            webchat_url=r.webchat_url, needs=tuple(r.needs.split()), languages=tuple(r.languages.split()),
            distance_km=None if r.national else self._distance(scored, place),
            open_now=open_now(r.hours, when), open_24_7=bool(r.open_24_7), national=bool(r.national),
            matched_needs=scored.matched)

    def _distance(self, scored: Scored, place: Place) -> float | None:
        r = scored.row
        if r.has_base:
            return round(haversine_km(place.lat, place.lon, r.lat, r.lon), 1)
        if scored.covers:
            return 0.0
        points = [p for p in (self.gaz.point_of(a) for a in r.areas.split("|")) if p]
        if not points:
            return None
        return round(min(haversine_km(place.lat, place.lon, *p) for p in points), 1)

    def import_file(self, path: Path) -> ImportReport:
        """Validate a YAML/CSV file and write it only if every row is valid (all-or-nothing)."""
        report = read_file(Path(path), self.gaz)
        if report.errors:
            return report
        synthetic = all(r.source.startswith("synthetic") for r in report.records)
        with self.engine.begin() as conn:
            store.write_records(conn, report.records, "synthetic" if synthetic else "imported", self.gaz)
        self.forget_cached()
        return report

    def check(self, today: date | None = None) -> list[str]:
        """One line per stale (> 6 months since verified) or incomplete entry."""
        today = today or datetime.now(LONDON).date()
        problems: list[str] = []
        query = select(services).where(services.c.origin != "synthetic").order_by(services.c.position)
        with self.engine.connect() as conn:
            for r in conn.execute(query):
                if today - r.verified_on > STALE_AFTER:
                    problems.append(f"{r.slug}: stale, last verified {r.verified_on.isoformat()}")
                missing = [label for label, value in (("phone", r.phone), ("website", r.website))
                           if not value]
                if not (r.phone or r.website or r.text_number or r.email):
                    problems.append(f"{r.slug}: incomplete, no way to contact it ({', '.join(missing)})")
                elif not r.hours:
                    problems.append(f"{r.slug}: incomplete, opening hours unknown")
        return problems


__all__ = ["Directory", "Place", "PlaceNotFound", "SearchResult", "ServiceHit", "UnknownNeed"]
