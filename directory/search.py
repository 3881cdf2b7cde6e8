"""The search queries: rank services for a place and a set of needs.

Ranking (design contract): number of requested needs met, then whether the service
covers the user's area, then distance; ties go to general-purpose lines, services we
can give a contact for, and file order. Two small indexed queries find the best few
covering services and the best few nearby ones that meet a need, each fetching only
those rows; they are merged here, so the cost barely grows with the directory.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from sqlalchemy import bindparam, case, false, func, literal, or_, select, true
from sqlalchemy.engine import Connection, Row

from .geo import Gazetteer, cells_around, haversine_km
from .models import service_areas, service_needs, services
from .places import Place
from .postcodes import AREA, parse

NEAR_KM = 30.0  # how far a non-covering service that meets a need may be and still be "local"
_COLUMNS = (services.c.id, services.c.slug, services.c.name, services.c.organisation,
            services.c.description, services.c.phone, services.c.text_number, services.c.email,
            services.c.website, services.c.webchat_url, services.c.hours, services.c.open_24_7,
            services.c.national, services.c.needs, services.c.languages, services.c.areas,
            services.c.lat, services.c.lon, services.c.has_base, services.c.general,
            services.c.position)


@dataclass(frozen=True)
class Scored:
    row: Row
    matched: tuple[str, ...]
    covers: bool


def coverage_keys(place: Place, gaz: Gazetteer) -> list[str]:
    """Area keys a service may list to count as serving this place."""
    district = gaz.districts.get(place.key)
    if district is None and place.local_authority and place.key not in gaz.councils:
        near = gaz.nearest_districts(place.lat, place.lon, council=place.local_authority)[:1]
        district = near[0] if near else None
    if district:
        area = re.match(r"[A-Z]+", district.code).group(0)
        keys = [f"district:{district.code}", f"area:{area}", f"nation:{district.nation}"]
        keys += [f"la:{c}" for c in district.councils]
    else:
        code = parse(place.key)
        area = code.area if code else (place.key if AREA.match(place.key) else "")
        nation = gaz.council_nation.get(place.local_authority or "") or gaz.nation_of(area)
        keys = [f"nation:{nation}"] + ([f"area:{area}"] if area in gaz.areas else [])
    if place.local_authority:
        keys.append(f"la:{place.local_authority}")
    return list(dict.fromkeys(keys))


def _matched_count(needs_column, ntags: int):
    flags = [case((needs_column.like(bindparam(f"tag{i}")), 1), else_=0) for i in range(ntags)]
    return sum(flags[1:], flags[0]) if flags else None


def _matched(row: Row, tags: Sequence[str]) -> tuple[str, ...]:
    languages = f" {row.languages} "
    return tuple(t for t in tags if f" {t} " in row.needs
                 or (t.startswith("lang:") and f" {t[5:]} " in languages))


def _dist2_expr(lat_col, lon_col):
    plat, plon, kx = bindparam("plat"), bindparam("plon"), bindparam("kx")
    return (lat_col - plat) * (lat_col - plat) + (lon_col - plon) * kx * (lon_col - plon) * kx


def _dist2(row: Row, place: Place) -> float:
    if row.lat is None:
        return math.inf
    kx = math.cos(math.radians(place.lat))
    return (row.lat - place.lat) ** 2 + ((row.lon - place.lon) * kx) ** 2


def _with_rows(ranking):
    """The full service rows a ranking subquery picks, in one round trip.

    The subquery's LIMIT runs before the join, so only the few chosen rows are read
    from ``services`` however many services cover the area.
    """
    picked = ranking.subquery()
    extra = [c for c in picked.c if c.name != "service_id"]
    return select(*_COLUMNS, *extra).join(picked, services.c.id == picked.c.service_id)


@lru_cache(maxsize=None)
def _covering_statement(ntags: int, fallback: bool, show_perpetrator: bool):
    """Built once per shape and reused, so SQLAlchemy's compiled cache always hits."""
    sa = service_areas
    matched = _matched_count(sa.c.needs, ntags)
    by_need = [matched.desc()] if matched is not None else []  # PostgreSQL: no constant ORDER BY
    dist2 = _dist2_expr(sa.c.lat, sa.c.lon)
    if fallback:
        order = (*by_need, sa.c.general.desc(), sa.c.contactable.desc(), dist2, sa.c.position)
    else:
        dist2 = case((sa.c.has_base == false(), 0.0), else_=dist2)
        order = (*by_need, dist2, sa.c.general.desc(), sa.c.contactable.desc(), sa.c.position)
    visible = true() if show_perpetrator else sa.c.perpetrator_only == false()
    return _with_rows(select(sa.c.service_id)
                      .where(sa.c.area_key.in_(bindparam("keys", expanding=True)), visible,
                             sa.c.service_id.notin_(bindparam("exclude", expanding=True)))
                      .order_by(*order, sa.c.service_id).limit(bindparam("fetch")))


@lru_cache(maxsize=None)
def _near_statement():
    """Top services by needs met, then distance, within a box: an index-only scan.

    It may return covering services too; that is fine: each of them outranks every
    non-covering service it displaces, so the merged top ``limit`` is still exact.
    """
    sn = service_needs
    met, lat, lon = func.count().label("met"), func.min(sn.c.lat), func.min(sn.c.lon)
    return _with_rows(select(sn.c.service_id, met, lat.label("need_lat"), lon.label("need_lon"))
                      .where(sn.c.tag.in_(bindparam("tags", expanding=True)),
                             sn.c.cell.in_(bindparam("cells", expanding=True)),
                             sn.c.lat.between(bindparam("lat0"), bindparam("lat1")),
                             sn.c.lon.between(bindparam("lon0"), bindparam("lon1")))
                      .group_by(sn.c.service_id)
                      .order_by(met.desc(), _dist2_expr(lat, lon), sn.c.service_id)
                      .limit(bindparam("fetch")))


def _near_rows(conn: Connection, place: Place, tags: Sequence[str], limit: int, params: dict) -> list[Row]:
    """Nearby services meeting the most needs: a small box first, the full NEAR_KM only if needed.

    The small box is enough when it already holds ``limit`` services that meet every
    requested need, all within its radius: nothing farther away can outrank them.
    """
    for radius in (NEAR_KM / 3, NEAR_KM):
        dlat = radius / 111.0
        dlon = dlat / max(params["kx"], 0.2)
        rows = conn.execute(_near_statement(), {
            **params, "tags": list(tags), "cells": cells_around(place.lat, place.lon, dlat, dlon),
            "lat0": place.lat - dlat, "lat1": place.lat + dlat,
            "lon0": place.lon - dlon, "lon1": place.lon + dlon, "fetch": limit}).all()
        if len(rows) == limit and all(
                r.met == len(tags) and haversine_km(place.lat, place.lon, r.need_lat, r.need_lon) <= radius
                for r in rows):
            break
    return rows


def ranked_local(conn: Connection, place: Place, keys: list[str], tags: Sequence[str], limit: int,
                 exclude: Sequence[int] = (), fallback: bool = False) -> list[Scored]:
    """Best ``limit`` services covering ``keys`` or meeting a need within NEAR_KM of the place.

    ``fallback``: ``keys`` are not the user's own area but the nearest covered one, so
    distances are real, helplines come before distance, and nothing counts as covering.
    """
    params = {"plat": place.lat, "plon": place.lon, "kx": math.cos(math.radians(place.lat)),
              "keys": keys, **{f"tag{i}": f"% {t} %" for i, t in enumerate(tags)}}
    covering = _covering_statement(len(tags), fallback, "perpetrator" in tags)
    rows = {r.id: r for r in conn.execute(covering, {**params, "exclude": list(exclude) or [-1],
                                                      "fetch": limit * len(keys)})}
    covered = set() if fallback else set(rows)
    if tags and not fallback:
        for r in _near_rows(conn, place, tags, limit, params):
            rows.setdefault(r.id, r)
    scored = [Scored(r, _matched(r, tags), r.id in covered) for r in rows.values()]
    scored.sort(key=lambda s: _local_key(s, place, fallback))
    return scored[:limit]


def _local_key(s: Scored, place: Place, fallback: bool) -> tuple:
    r = s.row
    contactable = bool(r.phone or r.website or r.text_number or r.email)
    dist2 = 0.0 if (s.covers and not r.has_base) else _dist2(r, place)
    if fallback:
        return (-len(s.matched), not r.general, not contactable, dist2, r.position, r.id)
    return (-len(s.matched), not s.covers, dist2, not r.general, not contactable, r.position, r.id)


@lru_cache(maxsize=None)
def _national_statement(tag_kinds: tuple[bool, ...], show_perpetrator: bool):
    """``tag_kinds``: per requested tag, whether it is a ``lang:`` tag (also matches languages)."""
    flags = [case((or_(services.c.needs.like(bindparam(f"tag{i}")),
                       services.c.languages.like(bindparam(f"lang{i}")) if is_lang else false()), 1),
                  else_=0) for i, is_lang in enumerate(tag_kinds)]
    matched = sum(flags[1:], flags[0]) if flags else literal(0)
    visible = true() if show_perpetrator else services.c.needs != " perpetrator "
    return (select(*_COLUMNS)
            .where(services.c.national == true(), visible, or_(services.c.general == true(), matched > 0))
            .order_by(*([matched.desc()] if flags else []), services.c.general.desc(),
                      services.c.position, services.c.id)
            .limit(bindparam("fetch")))


def ranked_national(conn: Connection, tags: Sequence[str], limit: int) -> list[Scored]:
    """National lines that meet a need, then the general ones everybody can call."""
    statement = _national_statement(tuple(t.startswith("lang:") for t in tags), "perpetrator" in tags)
    params = {"fetch": limit, **{f"tag{i}": f"% {t} %" for i, t in enumerate(tags)},
              **{f"lang{i}": f"% {t[5:]} %" for i, t in enumerate(tags) if t.startswith("lang:")}}
    return [Scored(r, _matched(r, tags), False) for r in conn.execute(statement, params)]
