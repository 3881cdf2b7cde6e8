"""Search behaviour on both backends, with the shipped data plus small imported fixtures."""
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, text

from directory import PlaceNotFound, UnknownNeed

MONDAY_NOON = datetime(2026, 3, 2, 12, 0)


def _import(directory, tmp_path: Path, services: list[dict]) -> None:
    base = {"organisation": "Test org", "description": "Test entry", "source": "test",
            "verified_on": "2026-11-01"}
    path = tmp_path / "extra.yml"
    path.write_text(yaml.safe_dump({"services": [{**base, **s} for s in services]}), encoding="utf-8")
    report = directory.import_file(path)
    assert not report.errors, report.errors


def test_hereford_gets_the_herefordshire_helpline_first(directory):
    for near in ("Hereford", "HR4 9AB"):
        result = directory.search(near, now=MONDAY_NOON)
        assert result.local[0].phone == "0800 783 1359"
        assert result.local[0].open_now is True and result.local[0].open_24_7
        assert "0808 2000 247" in [h.phone for h in result.national]
        assert not result.outside_region
        assert all(h.distance_km is None and h.national for h in result.national)


def test_deaf_need_unmet_locally_gets_signhealth(directory):
    result = directory.search("HR4 9AB", ["deaf_bsl"])
    assert result.unmet_needs == ("deaf_bsl",)
    assert result.national[0].name.startswith("SignHealth")
    assert result.national[0].matched_needs == ("deaf_bsl",)


@pytest.mark.parametrize("need,line", [("lgbt", "0800 999 5428"), ("men", "0808 801 0327")])
def test_by_and_for_national_line_for_unmet_need(directory, need, line):
    result = directory.search("Shrewsbury", [need])
    assert result.unmet_needs == (need,)
    assert result.national[0].phone == line


def test_telford_and_worcester_get_their_own_helplines(directory):
    assert directory.search("Telford").local[0].phone == "0800 840 3747"
    result = directory.search("WR1", ["nrpf"])
    assert result.local[0].phone == "0800 980 3331"
    assert result.unmet_needs == ("nrpf",)


def test_stoke_lists_staffordshire_services(directory):
    names = [h.name for h in directory.search("ST4").local]
    assert "New Era" in names and "Glow" in names


def test_outside_region_gives_nearest_covered_with_distance(directory):
    result = directory.search("SW1A 1AA")
    assert result.outside_region and result.place.key == "SW1A"
    assert result.local and all(h.distance_km and h.distance_km > 100 for h in result.local)
    assert result.national[0].phone == "0808 2000 247"


def test_wales_gets_live_fear_free_as_local(directory):
    result = directory.search("LD1")
    assert result.local[0].phone == "0808 80 10 800" and result.local[0].distance_km == 0.0
    assert result.outside_region


def test_perpetrator_services_only_when_asked(directory):
    plain = directory.search("Hereford", limit=10)
    assert all("perpetrator" not in h.needs or len(h.needs) > 1 for h in plain.local + plain.national)
    asked = directory.search("Hereford", ["perpetrator"])
    assert asked.local[0].organisation == "Cranstoun"
    assert asked.national[0].phone == "0808 802 4040"


def test_ranking_needs_then_coverage_then_distance(directory, tmp_path):
    _import(directory, tmp_path, [
        # meets both needs, does not cover HR4 but is based 10 km away
        {"id": "t-both-near", "name": "Both needs nearby", "areas": ["district:HR1"], "needs": ["lgbt", "older"],
         "phone": "01632 960001", "base_lat": 52.10, "base_lon": -2.60},
        # meets one need and covers HR4
        {"id": "t-one-cover", "name": "One need covering", "areas": ["district:HR4"], "needs": ["lgbt"],
         "phone": "01632 960002"},
        # meets one need, covers, but has a base far away
        {"id": "t-one-far", "name": "One need far base", "areas": ["district:HR4"], "needs": ["older"],
         "phone": "01632 960003", "base_lat": 52.30, "base_lon": -2.40},
        # meets one need, nearby but not covering
        {"id": "t-one-near", "name": "One need not covering", "areas": ["district:HR6"], "needs": ["older"],
         "phone": "01632 960004", "base_lat": 52.06, "base_lon": -2.72},
    ])
    result = directory.search("HR4", ["lgbt", "older"], limit=5)
    names = [h.name for h in result.local]
    assert names[:4] == ["Both needs nearby", "One need covering", "One need far base",
                         "One need not covering"]
    assert result.local[0].matched_needs == ("lgbt", "older")
    assert result.unmet_needs == ()
    assert result.local[1].distance_km == 0.0 and result.local[2].distance_km > 20


def test_language_ranks_services_that_speak_it(directory, tmp_path):
    _import(directory, tmp_path, [
        {"id": "t-polish", "name": "Polish speaking service", "areas": ["la:Worcestershire"],
         "languages": ["pl"], "phone": "01632 960010"}])
    assert directory.search("Worcester", lang="pl").local[0].name == "Polish speaking service"


def test_open_now_from_hours(directory, tmp_path):
    _import(directory, tmp_path, [
        {"id": "t-office", "name": "Office hours", "areas": ["district:TF3"], "needs": ["legal"],
         "hours": "Mo-Fr 09:00-17:00", "phone": "01632 960020"}])
    monday = directory.search("TF3", ["legal"], now=datetime(2026, 3, 2, 10, 0))
    sunday = directory.search("TF3", ["legal"], now=datetime(2026, 3, 8, 10, 0))
    assert monday.local[0].name == "Office hours" and monday.local[0].open_now is True
    assert sunday.local[0].open_now is False
    hits = {h.id: h for h in directory.search("TF3", limit=10).local}
    assert hits["west-mercia-idva"].open_now is None


def test_bad_input_raises_kind_errors(directory):
    with pytest.raises(PlaceNotFound):
        directory.search("'; DROP TABLE services;--")
    with pytest.raises(UnknownNeed):
        directory.search("HR4", ["not_a_tag"])
    assert directory.search("Hereford").local  # the table is still there


def test_ensure_ready_is_idempotent(directory):
    before = directory.search("Hereford", limit=10)
    directory.ensure_ready()
    assert directory.search("Hereford", limit=10) == before


def test_imported_national_line_is_listed_at_once(directory, tmp_path):
    """National lines are cached per process; an import must not wait for the cache."""
    assert "t-older-line" not in [h.id for h in directory.search("Hereford", ["older"]).national]
    _import(directory, tmp_path, [{"id": "t-older-line", "name": "Older people's line", "areas": ["national"],
                                   "needs": ["older"], "phone": "0808 157 0000"}])
    assert directory.search("Hereford", ["older"]).national[0].id == "t-older-line"


@pytest.mark.postgres
def test_search_survives_the_server_dropping_its_connection(pg_directory, postgres_url):
    """No ping before each search: a connection the server dropped is replaced on first use."""
    before = pg_directory.search("Hereford", ["lgbt"])
    with pg_directory.engine.connect() as conn:  # the same pooled connection the search used
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
    admin = create_engine(postgres_url, future=True)
    with admin.begin() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
    admin.dispose()
    assert pg_directory.search("Hereford", ["lgbt"]) == before
