"""Turn what a person typed into a :class:`Place` (postcode, outward code, town, council)."""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from .geo import Gazetteer, normalise_name
from .postcodes import AREA, Outward, find_in_text, parse
from .tags import REGION_COUNCILS


@dataclass(frozen=True)
class Place:
    """Where a search is centred. ``key`` is an outward code or place name, never a full postcode."""
    key: str
    label: str
    lat: float
    lon: float
    covered: bool
    local_authority: str | None


class PlaceNotFound(ValueError):
    """Input that is not a place we know; ``str(exc)`` is a kind, one-line message."""


class PlaceResolver:
    """Place lookup over the offline gazetteer; spelling-tolerant for towns and councils."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._names: dict[str, tuple[str, str]] = {}  # normalised -> (kind, key)
        for council in gaz.councils:
            self._names[normalise_name(council)] = ("la", council)
        for name, keys in gaz.by_name.items():
            self._names[name] = ("town", keys[0])  # a town wins over a council of the same name
        self._names.update({normalise_name(k): ("town", k) for k in gaz.towns if "(" in k})
        self._max_words = max(len(n.split()) for n in self._names)

    def from_outward(self, code: Outward) -> Place | None:
        district = self.gaz.districts.get(code.outward)
        if district:
            return Place(code.outward, f"{code.outward} ({district.post_town})", district.lat,
                         district.lon, district.covered, district.councils[0])
        if code.area in self.gaz.district_areas or code.area not in self.gaz.areas:
            return None  # every district of these areas is listed, so this one does not exist
        name, lat, lon = self.gaz.areas[code.area]
        return Place(code.outward, f"{code.outward} ({name} area)", lat, lon, False, None)

    def from_name(self, kind: str, key: str) -> Place:
        if kind == "la":
            lat, lon = self.gaz.councils[key]
            return Place(key, key, lat, lon, key in REGION_COUNCILS, key)
        town = self.gaz.towns[key]
        return Place(key, town.name, town.lat, town.lon, town.covered, town.council)

    def _match_name(self, text: str, fuzzy: bool) -> Place | None:
        words = normalise_name(text).split()
        for size in range(min(self._max_words, len(words)), 0, -1):  # longest phrase first
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start:start + size])
                hit = self._names.get(phrase)
                if hit is None and fuzzy and len(phrase) >= 5:
                    close = difflib.get_close_matches(phrase, self._names, n=1, cutoff=0.84)
                    hit = self._names[close[0]] if close else None
                if hit:
                    return self.from_name(*hit)
        return None

    def resolve(self, text: str) -> Place | None:
        """Find a place anywhere in free text ("what help is near hereford?", "im in hr4 9ab")."""
        for code in find_in_text(text):
            if place := self.from_outward(code):
                return place
        return self._match_name(text, fuzzy=False) or self._match_name(text, fuzzy=True)

    def parse_strict(self, text: str) -> Place:
        """A search box value: the whole input must be a postcode, outward code, area, town or council."""
        cleaned = text.strip()
        if not cleaned or len(cleaned) > 60:
            raise PlaceNotFound("Please give a UK postcode (like HR4 9AB or HR4) or a town name.")
        code = parse(cleaned)
        if code:
            place = self.from_outward(code)
            if place is None:
                raise PlaceNotFound(f"I couldn't find the postcode district {code.outward}; "
                                    "please check it or give a nearby town.")
            return place
        upper = cleaned.upper()
        if AREA.match(upper) and upper in self.gaz.areas:
            name, lat, lon = self.gaz.areas[upper]
            return Place(upper, f"{upper} ({name} area)", lat, lon, False, None)
        if any(ch.isalpha() for ch in cleaned) and not set(cleaned) & set(";=<>{}`\\|"):
            place = self._match_name(cleaned, fuzzy=False) or self._match_name(cleaned, fuzzy=True)
            if place:
                return place
        raise PlaceNotFound("Sorry, I don't recognise that place. "
                            "Please give a UK postcode (like HR4 9AB or HR4) or a town name.")
