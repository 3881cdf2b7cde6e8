"""UK postcode parsing. Only the outward code (e.g. "HR4") ever leaves this module."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Outward: A9, A99, AA9, AA99, A9A, AA9A. Inward: 9AA (inward letters exclude C I K M O V).
_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
FULL = re.compile(rf"^({_OUTWARD})({_INWARD})$")
OUTWARD = re.compile(rf"^{_OUTWARD}$")
AREA = re.compile(r"^[A-Z]{1,2}$")
IN_TEXT = re.compile(rf"(?<![A-Z0-9])({_OUTWARD})(?: ?{_INWARD})?(?![A-Z0-9])")


@dataclass(frozen=True)
class Outward:
    """A parsed postcode reduced to what we keep: outward code and area letters."""
    outward: str
    area: str
    full: bool  # the input was a full postcode (the inward part is dropped here)


def parse(text: str) -> Outward | None:
    """Parse "hr49ab", "HR4 9AB", "hr4", "WR1"; None when it is not postcode-shaped."""
    compact = re.sub(r"\s+", "", text).upper()
    if m := FULL.match(compact):
        return Outward(m.group(1), re.match(r"[A-Z]+", m.group(1)).group(0), True)
    if OUTWARD.match(compact):
        return Outward(compact, re.match(r"[A-Z]+", compact).group(0), False)
    return None


def find_in_text(text: str) -> list[Outward]:
    """Postcode-shaped tokens in free text, full postcodes first."""
    found = [(m.group(0) != m.group(1), m.group(1)) for m in IN_TEXT.finditer(text.upper())]
    found.sort(key=lambda f: not f[0])
    return [Outward(code, re.match(r"[A-Z]+", code).group(0), full) for full, code in found]
