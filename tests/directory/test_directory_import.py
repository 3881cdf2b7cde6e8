"""Import validation (line numbers, all-or-nothing), check, and the synthetic generator."""
from datetime import date
from pathlib import Path

from directory.geo import gazetteer
from directory.records import read_file
from directory.synthetic import generate, write_file

GOOD = """services:
- id: t-good
  name: Good
  organisation: Org
  description: Fine
  phone: 01632 960100
  areas: ["la:Herefordshire"]
  needs: [lgbt]
  source: test
  verified_on: 2026-11-01
"""
BAD = GOOD + """- id: t-bad
  name: Bad
  organisation: Org
  description: Broken row
  phone: 12345
  website: not a url
  hours: Mon-Fri 9-5
  areas: ["la:Narnia"]
  needs: [unicorns]
  source: test
  verified_on: 2026-11-01
- id: t-missing
  name: Missing fields
"""


def test_yaml_errors_name_their_lines(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text(BAD, encoding="utf-8")
    report = read_file(path, gazetteer())
    joined = "\n".join(report.errors)
    assert "bad.yml:11: phone '12345'" in joined
    assert "bad.yml:11: website" in joined and "bad.yml:11: hours" in joined
    assert "bad.yml:11: unknown area(s): la:Narnia" in joined
    assert "bad.yml:11: unknown need tag(s): unicorns" in joined
    assert "bad.yml:22: missing required field 'organisation'" in joined


def test_csv_errors_name_their_lines(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("# comment line\n"
                    "id,name,organisation,description,phone,areas,needs,source,verified_on\n"
                    "t-a,A,Org,Ok,01632 960101,district:HR4,lgbt;older,test,2026-11-01\n"
                    "t-b,B,Org,Bad,01632 960102,district:HR4,lgbt,test,yesterday\n", encoding="utf-8")
    report = read_file(path, gazetteer())
    assert report.errors == ["bad.csv:4: verified_on 'yesterday' is not a date (YYYY-MM-DD)"]


def test_import_is_all_or_nothing(directory, tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text(BAD, encoding="utf-8")
    assert directory.import_file(path).errors
    assert "t-good" not in [h.id for h in directory.search("Hereford", ["lgbt"], limit=10).local]
    path.write_text(GOOD, encoding="utf-8")
    assert not directory.import_file(path).errors
    assert directory.search("Hereford", ["lgbt"]).local[0].id == "t-good"


def test_check_lists_stale_and_incomplete(directory, tmp_path):
    path = tmp_path / "old.yml"
    path.write_text(GOOD.replace("2026-11-01", "2025-01-01"), encoding="utf-8")
    directory.import_file(path)
    problems = directory.check(today=date(2026, 11, 23))
    assert "t-good: stale, last verified 2025-01-01" in problems
    assert any(p.startswith("glow-stoke: incomplete") for p in problems)
    assert not any(p.startswith("national-domestic-abuse-helpline") for p in problems)


def test_generator_is_synthetic_and_valid(tmp_path):
    records = generate(200, gazetteer())
    assert len({r.slug for r in records}) == 200
    for r in records:
        digits = r.phone.replace(" ", "")
        assert (digits.startswith("01632960") or digits.startswith("07700900")) and len(digits) == 11
        assert "SYNTHETIC" in r.name and r.source.startswith("synthetic")
    for suffix in ("csv", "yml"):
        path = tmp_path / f"synthetic.{suffix}"
        write_file(records, path)
        report = read_file(path, gazetteer())
        assert not report.errors and len(report.records) == 200


def test_shipped_data_has_no_invented_numbers():
    report = read_file(Path(__file__).resolve().parents[2] / "directory" / "data" / "services.yml", gazetteer())
    assert not report.errors
    phones = {r.slug: r.phone for r in report.records}
    assert phones["national-domestic-abuse-helpline"] == "0808 2000 247"
    assert phones["wmwa-herefordshire-shropshire"] == "0800 783 1359"
    assert phones["signhealth-domestic-abuse"] is None
    assert all(r.base is None for r in report.records)  # no base locations, never a refuge
