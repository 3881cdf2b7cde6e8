"""Offline geodata: postcode districts, postcode areas, towns and councils.

Loaded once from the checked-in CSVs in ``directory/data`` (see their headers for
sources and licences) so that place lookup never touches the network or the DB.
"""
from __future__ import annotations

import csv
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .tags import NATIONS, REGION_COUNCILS

DATA_DIR = Path(__file__).resolve().parent / "data"


_AREA_NATIONS = {**{a: "scotland" for a in ("AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW",
                                            "KY", "ML", "PA", "PH", "TD", "ZE")},
                 **{a: "wales" for a in ("CF", "LD", "LL", "NP", "SA")}, "BT": "northern_ireland"}


@dataclass(frozen=True)
class District:
    code: str
    post_town: str
    lat: float
    lon: float
    councils: tuple[str, ...]
    nation: str
    covered: bool


@dataclass(frozen=True)
class Town:
    key: str  # unique canonical name ("Newport (Newport)" only when a name repeats)
    name: str
    council: str
    lat: float
    lon: float
    covered: bool


def normalise_name(text: str) -> str:
    """Fold case, accents, apostrophes and punctuation so "Ross-on-Wye" == "ross on wye"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("'", "").replace("st.", "st")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; plenty accurate for "how far is this service"."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


CELL_DEG = 0.1  # ~11 km north-south, ~7 km east-west at these latitudes


def grid_cell(lat: float | None, lon: float | None) -> int:
    """A coarse grid cell number, so "near a point" is an IN list on one indexed column."""
    if lat is None or lon is None:
        return -1
    return math.floor(lat / CELL_DEG) * 10_000 + math.floor((lon + 180) / CELL_DEG)


def cells_around(lat: float, lon: float, dlat: float, dlon: float) -> list[int]:
    """Every grid cell touching the box lat±dlat, lon±dlon."""
    rows = range(math.floor((lat - dlat) / CELL_DEG), math.floor((lat + dlat) / CELL_DEG) + 1)
    cols = range(math.floor((lon - dlon + 180) / CELL_DEG), math.floor((lon + dlon + 180) / CELL_DEG) + 1)
    return [r * 10_000 + c for r in rows for c in cols]


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


class Gazetteer:
    """All offline place data, indexed for the lookups search needs."""

    def __init__(self) -> None:
        self.districts: dict[str, District] = {}
        for r in _rows("districts.csv"):
            self.districts[r["district"]] = District(
                r["district"], r["post_town"], float(r["lat"]), float(r["lon"]),
                tuple(r["local_authorities"].split(";")), r["nation"], r["covered"] == "1")
        self.areas: dict[str, tuple[str, float, float]] = {
            r["area"]: (r["name"], float(r["lat"]), float(r["lon"])) for r in _rows("areas.csv")}
        self.district_areas = frozenset(re.match(r"[A-Z]+", c).group(0) for c in self.districts)
        self.councils: dict[str, tuple[float, float]] = self._council_centroids()
        self.council_nation = {c: d.nation for d in self.districts.values() for c in d.councils[:1]}
        self.towns: dict[str, Town] = self._towns()
        self.by_name: dict[str, list[str]] = {}
        for town in self.towns.values():
            self.by_name.setdefault(normalise_name(town.name), []).append(town.key)
        for r in _rows("town_aliases.csv"):
            alias, target = normalise_name(r["alias"]), self.by_name[normalise_name(r["name"])][:1]
            self.by_name[alias] = target + [k for k in self.by_name.get(alias, []) if k not in target]

    def nation_of(self, area: str) -> str:
        """Nation of a postcode area; border areas (SY, LD, NP, CH...) answer by district instead."""
        if area in _AREA_NATIONS:
            return _AREA_NATIONS[area]
        return "england"

    def _council_centroids(self) -> dict[str, tuple[float, float]]:
        points: dict[str, list[tuple[float, float]]] = {}
        for d in self.districts.values():
            points.setdefault(d.councils[0], []).append((d.lat, d.lon))
        return {c: (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
                for c, pts in points.items()}

    def _towns(self) -> dict[str, Town]:
        self._post_town_points: dict[str, list[tuple[float, float]]] = {}
        for d in self.districts.values():
            self._post_town_points.setdefault(normalise_name(d.post_town), []).append((d.lat, d.lon))
        rows = list(_rows("towns.csv"))
        counts: dict[str, int] = {}
        for r in rows:
            counts[normalise_name(r["name"])] = counts.get(normalise_name(r["name"]), 0) + 1
        # A repeated name keeps its plain key for the most useful place (post town, then in region).
        rows.sort(key=lambda r: (not self._is_post_town(r), r["local_authority"] not in REGION_COUNCILS))
        towns: dict[str, Town] = {}
        for r in rows:
            key = r["name"] if r["name"] not in towns else f"{r['name']} ({r['local_authority']})"
            towns[key] = Town(key, r["name"], r["local_authority"], float(r["lat"]), float(r["lon"]),
                              r["local_authority"] in REGION_COUNCILS)
        return towns

    def _is_post_town(self, row: dict[str, str]) -> bool:
        lat, lon = float(row["lat"]), float(row["lon"])
        return any(haversine_km(lat, lon, *point) < 15
                   for point in self._post_town_points.get(normalise_name(row["name"]), ()))

    def nearest_districts(self, lat: float, lon: float, covered_only: bool = False,
                          council: str | None = None) -> list[District]:
        """Districts by distance from a point (336 rows: a linear scan is microseconds)."""
        pool: Iterable[District] = self.districts.values()
        if covered_only:
            pool = (d for d in pool if d.covered)
        if council:
            pool = (d for d in pool if council in d.councils)
        return sorted(pool, key=lambda d: haversine_km(lat, lon, d.lat, d.lon))

    def point_of(self, area_key: str) -> tuple[float, float] | None:
        """A representative point for a service area key, used for distances."""
        kind, _, value = area_key.partition(":")
        if kind == "district" and value in self.districts:
            d = self.districts[value]
            return d.lat, d.lon
        if kind == "la" and value in self.councils:
            return self.councils[value]
        if kind == "area" and value in self.areas:
            return self.areas[value][1:]
        return None

    def known_area_key(self, area_key: str) -> bool:
        """Whether an ``areas`` entry of a service names a place this gazetteer knows."""
        if area_key == "national":
            return True
        kind, _, value = area_key.partition(":")
        if kind == "nation":
            return value in NATIONS
        return self.point_of(area_key) is not None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (read-only, ~1 ms to build)."""
    return Gazetteer()
