"""A clearly synthetic directory of any size, for tests and benchmarks.

Every entry is named "(SYNTHETIC)", has source "synthetic", and uses only Ofcom's
drama numbers (01632 960000-960999, 07700 900000-900999) so nobody can ever be
put through to a real person by test data.
"""
from __future__ import annotations

import csv
import random
from datetime import date
from pathlib import Path

import yaml

from .geo import Gazetteer
from .records import ServiceRecord
from .tags import NEED_TAGS

_HOURS = ("24/7", "Mo-Fr 09:00-17:00", "Mo-Sa 08:00-20:00", "Mo-Fr 10:00-16:00; Sa 10:00-13:00", "")
_TAGS = sorted(NEED_TAGS - {"perpetrator"})


def drama_number(i: int) -> str:
    """The i-th Ofcom drama number, alternating landline and mobile ranges."""
    n = (i // 2) % 1000
    return f"01632 960{n:03d}" if i % 2 == 0 else f"07700 900{n:03d}"


def generate(count: int, gaz: Gazetteer, seed: int = 7) -> list[ServiceRecord]:
    """``count`` synthetic services spread over the region's and neighbours' districts."""
    rng = random.Random(seed)
    districts = sorted(gaz.districts.values(), key=lambda d: d.code)
    records = []
    for i in range(count):
        home = rng.choice(districts)
        roll = rng.random()
        if roll < 0.05:
            areas = (f"la:{rng.choice(home.councils)}",)
        elif roll < 0.15:
            areas = tuple(dict.fromkeys(f"district:{d.code}" for d in rng.sample(districts, 3)))
        else:
            areas = (f"district:{home.code}",)
        base = None
        if rng.random() < 0.3:
            base = (round(home.lat + rng.uniform(-0.03, 0.03), 5), round(home.lon + rng.uniform(-0.05, 0.05), 5))
        records.append(ServiceRecord(
            slug=f"synthetic-{i:07d}", name=f"Synthetic service {i} (SYNTHETIC)",
            organisation="Synthetic test data", description="Synthetic entry for tests and benchmarks.",
            areas=areas, source="synthetic (directory.synthetic generator)", verified_on=date(2026, 1, 1),
            phone=drama_number(i), website=f"https://example.org/synthetic/{i}",
            hours=rng.choice(_HOURS), needs=tuple(rng.sample(_TAGS, rng.randint(1, 3))),
            languages=("en",), general=rng.random() < 0.2, base=base))
    return records


def write_file(records: list[ServiceRecord], path: Path) -> None:
    """Write records as CSV or YAML (by suffix) in the same format ``import`` reads."""
    rows = [_row(r) for r in records]
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            fh.write("# SYNTHETIC directory: Ofcom drama numbers only, not real services.\n")
            out = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
            out.writeheader()
            for row in rows:
                out.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
        return
    path.write_text("# SYNTHETIC directory: Ofcom drama numbers only, not real services.\n"
                    + yaml.safe_dump({"services": rows}, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")


def _row(r: ServiceRecord) -> dict:
    return {"id": r.slug, "name": r.name, "organisation": r.organisation, "description": r.description,
            "phone": r.phone or "", "website": r.website or "", "hours": r.hours or "",
            "areas": list(r.areas), "needs": list(r.needs), "languages": list(r.languages),
            "general": r.general, "base_lat": r.base[0] if r.base else "",
            "base_lon": r.base[1] if r.base else "", "source": r.source,
            "verified_on": r.verified_on.isoformat()}
