"""The search query: rank services for a place and a set of needs.

Ranking (design contract): number of requested needs met, then whether the service
covers the user's area, then distance; ties go to general-purpose lines, services we
can give a contact for, and file order. Everything is ranked inside the database so
only ``limit`` rows ever come back, whatever the directory size.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import and_, case, false, literal, or_, select, true, union
from sqlalchemy.engine import Connection, Row

from .geo import Gazetteer
from .models import service_areas, service_needs, services
from .places import Place
from .postcodes import AREA, parse

NEAR_KM = 40.0  # how far a non-covering service that meets a need may be and still be "local"
_COLUMNS = (services.c.id, services.c.slug, services.c.name, services.c.organisation,
            services.c.description, services.c.phone, services.c.text_number, services.c.email,
            services.c.website, services.c.webchat_url, services.c.hours, services.c.open_24_7,
            services.c.national, services.c.needs, services.c.languages, services.c.areas,
            services.c.lat, services.c.lon, services.c.has_base)


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


def _match_exprs(tags: Sequence[str]):
    exprs = []
    for tag in tags:
        cond = services.c.needs.like(f"% {tag} %")
        if tag.startswith("lang:"):
            cond = or_(cond, services.c.languages.like(f"% {tag[5:]} %"))
        exprs.append(case((cond, 1), else_=0))
    return exprs


def _visible(tags: Sequence[str]):
    """People who cause harm have their own services: list those only when asked for."""
    return true() if "perpetrator" in tags else services.c.needs != " perpetrator "


def ranked_local(conn: Connection, place: Place, keys: list[str], tags: Sequence[str], limit: int,
                 exclude: Sequence[int] = (), fallback: bool = False) -> list[Scored]:
    """Best ``limit`` services covering ``keys`` or meeting a need within NEAR_KM of the place.

    ``fallback``: ``keys`` are not the user's own area but the nearest covered one, so
    distances are real, helplines come before distance, and nothing counts as covering.
    """
    cover_ids = select(service_areas.c.service_id).where(service_areas.c.area_key.in_(keys))
    candidates = cover_ids
    if tags and not fallback:
        dlat = NEAR_KM / 111.0
        dlon = dlat / max(math.cos(math.radians(place.lat)), 0.2)
        near_ids = select(service_needs.c.service_id).where(
            service_needs.c.tag.in_(list(tags)),
            service_needs.c.lat.between(place.lat - dlat, place.lat + dlat),
            service_needs.c.lon.between(place.lon - dlon, place.lon + dlon))
        candidates = union(cover_ids, near_ids)
    covers = services.c.id.in_(select(service_areas.c.service_id)
                               .where(service_areas.c.area_key.in_(keys)))
    matches = _match_exprs(tags)
    matched = sum(matches[1:], matches[0]) if matches else literal(0)
    kx = math.cos(math.radians(place.lat))
    dist2 = ((services.c.lat - place.lat) * (services.c.lat - place.lat)
             + (services.c.lon - place.lon) * kx * (services.c.lon - place.lon) * kx)
    if not fallback:
        dist2 = case((and_(covers, services.c.has_base == false()), 0.0), else_=dist2)
    contactable = case((or_(services.c.phone.isnot(None), services.c.website.isnot(None),
                            services.c.text_number.isnot(None), services.c.email.isnot(None)), 1),
                       else_=0)
    by_need = [matched.desc()] if matches else []  # PostgreSQL rejects a constant in ORDER BY
    order_local = (*by_need, case((covers, 1), else_=0).desc(), dist2, services.c.general.desc(),
                   contactable.desc(), services.c.position, services.c.id)
    order_fallback = (*by_need, services.c.general.desc(), contactable.desc(), dist2,
                      services.c.position, services.c.id)
    query = (select(*_COLUMNS, *matches, literal(0) if fallback else case((covers, 1), else_=0))
             .where(services.c.id.in_(candidates), services.c.national == false(), _visible(tags))
             .order_by(*(order_fallback if fallback else order_local))
             .limit(limit))
    if exclude:
        query = query.where(services.c.id.notin_(list(exclude)))
    return [_scored(row, tags) for row in conn.execute(query)]


def ranked_national(conn: Connection, tags: Sequence[str], limit: int) -> list[Scored]:
    """National lines that meet a need, then the general ones everybody can call."""
    matches = _match_exprs(tags)
    matched = sum(matches[1:], matches[0]) if matches else literal(0)
    query = (select(*_COLUMNS, *matches, literal(0))
             .where(services.c.national == true(), _visible(tags),
                    or_(services.c.general == true(), matched > 0))
             .order_by(*([matched.desc()] if matches else []), services.c.general.desc(),
                       services.c.position, services.c.id)
             .limit(limit))
    return [_scored(row, tags) for row in conn.execute(query)]


def _scored(row: Row, tags: Sequence[str]) -> Scored:
    flags = row[len(_COLUMNS):]
    matched = tuple(t for t, hit in zip(tags, flags[:-1]) if hit)
    return Scored(row, matched, bool(flags[-1]))
