from datetime import datetime, timezone

import pytest

from directory.hours import HoursError, open_now, parse_hours


def test_unknown_hours_are_none():
    assert open_now(None, datetime(2026, 3, 2, 12, tzinfo=timezone.utc)) is None
    assert open_now("", datetime(2026, 3, 2, 12, tzinfo=timezone.utc)) is None


def test_24_7_always_open():
    assert open_now("24/7", datetime(2026, 12, 25, 3, 0, tzinfo=timezone.utc)) is True


@pytest.mark.parametrize("when,expected", [
    (datetime(2026, 3, 2, 8, 59), False),   # Monday just before opening (naive = London)
    (datetime(2026, 3, 2, 9, 0), True),
    (datetime(2026, 3, 6, 16, 59), True),   # Friday
    (datetime(2026, 3, 6, 17, 0), False),
    (datetime(2026, 3, 7, 11, 0), True),    # Saturday morning
    (datetime(2026, 3, 7, 14, 0), False),
    (datetime(2026, 3, 8, 11, 0), False),   # Sunday
])
def test_weekday_hours(when, expected):
    assert open_now("Mo-Fr 09:00-17:00; Sa 10:00-13:00", when) is expected


def test_london_summer_time_is_respected():
    # 08:30 UTC on a Monday in July is 09:30 in London (BST): open.
    assert open_now("Mo-Fr 09:00-17:00", datetime(2026, 7, 6, 8, 30, tzinfo=timezone.utc)) is True
    # The same UTC time in January is 08:30 in London (GMT): closed.
    assert open_now("Mo-Fr 09:00-17:00", datetime(2026, 1, 5, 8, 30, tzinfo=timezone.utc)) is False


def test_overnight_range_runs_past_midnight():
    hours = "Fr 18:00-08:00"
    assert open_now(hours, datetime(2026, 3, 6, 23, 0)) is True   # Friday night
    assert open_now(hours, datetime(2026, 3, 7, 7, 0)) is True    # Saturday early
    assert open_now(hours, datetime(2026, 3, 7, 9, 0)) is False


@pytest.mark.parametrize("bad", ["Mon-Fri 9-5", "Mo-Fr 09:00", "Xx 09:00-10:00", "Mo 25:00-26:00", "always"])
def test_bad_syntax_raises(bad):
    with pytest.raises(HoursError):
        parse_hours(bad)
