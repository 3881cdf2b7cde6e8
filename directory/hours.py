"""Structured opening hours in Europe/London.

Syntax (a small subset of OpenStreetMap ``opening_hours``, easy to type in YAML/CSV):
``24/7`` or ``Mo-Fr 09:00-17:00; Sa 10:00-13:00, 14:00-16:00``; a range ending at or
before its start runs past midnight (``Mo-Su 18:00-08:00``). Empty means unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_RULE = re.compile(r"^(?P<days>[A-Za-z,\- ]+?)\s+(?P<times>\d.*)$")
_RANGE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


class HoursError(ValueError):
    """Opening hours text that does not follow the syntax above."""


@dataclass(frozen=True)
class Hours:
    always: bool
    spans: tuple[tuple[int, time, time], ...]  # (weekday 0=Mo, start, end) in London time

    def open_at(self, when: datetime) -> bool:
        """Open at an aware (or naive = London) moment; overnight spans count from the day they start."""
        local = when.astimezone(LONDON) if when.tzinfo else when.replace(tzinfo=LONDON)
        if self.always:
            return True
        now, day = local.time(), local.weekday()
        yesterday = (day - 1) % 7
        for weekday, start, end in self.spans:
            if end > start:
                if weekday == day and start <= now < end:
                    return True
            elif (weekday == day and now >= start) or (weekday == yesterday and now < end):
                return True
        return False


def _days(text: str) -> list[int]:
    out: list[int] = []
    for part in text.replace(" ", "").split(","):
        first, _, last = part.partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise HoursError(f"unknown day {part!r} (use Mo Tu We Th Fr Sa Su)")
        a, b = DAYS.index(first), DAYS.index(last or first)
        out.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    return out


def _time(hh: str, mm: str) -> time:
    h, m = int(hh), int(mm)
    if h == 24 and m == 0:
        return time(0, 0)
    if h > 23 or m > 59:
        raise HoursError(f"bad time {hh}:{mm}")
    return time(h, m)


def parse_hours(text: str | None) -> Hours | None:
    """Parse the syntax above; None for unknown hours. Raises HoursError on bad syntax."""
    text = (text or "").strip()
    if not text:
        return None
    if text.lower() in {"24/7", "mo-su 00:00-24:00"}:
        return Hours(True, ())
    spans: list[tuple[int, time, time]] = []
    for rule in filter(None, (r.strip() for r in text.split(";"))):
        m = _RULE.match(rule)
        if not m:
            raise HoursError(f"cannot read {rule!r} (expected e.g. 'Mo-Fr 09:00-17:00')")
        days = _days(m.group("days"))
        for rng in m.group("times").split(","):
            t = _RANGE.match(rng.strip())
            if not t:
                raise HoursError(f"bad time range {rng.strip()!r} (expected HH:MM-HH:MM)")
            start, end = _time(t.group(1), t.group(2)), _time(t.group(3), t.group(4))
            spans.extend((d, start, end) for d in days)
    return Hours(False, tuple(spans))


def open_now(text: str | None, when: datetime) -> bool | None:
    """True/False, or None when the hours are not known."""
    hours = parse_hours(text)
    return None if hours is None else hours.open_at(when)


__all__ = ["Hours", "HoursError", "parse_hours", "open_now", "LONDON"]
