"""The checked-in geodata: coverage of the listed areas, sources and licences named."""
import re

from directory.geo import DATA_DIR, gazetteer

AREAS = ("HR", "WR", "SY", "TF", "ST", "WS", "WV", "DY", "B", "DE", "CW", "LD", "NP", "GL", "CV", "SK")


def test_every_listed_area_has_districts_and_a_centroid():
    gaz = gazetteer()
    for area in AREAS:
        assert any(re.match(rf"^{area}\d", code) for code in gaz.districts), area
    assert len(gaz.areas) >= 120 and "SW" in gaz.areas and "ZE" in gaz.areas


def test_region_districts_are_complete():
    gaz = gazetteer()
    for area, top in (("HR", 9), ("TF", 13), ("WR", 15), ("ST", 21)):
        for n in range(1, top + 1):
            assert f"{area}{n}" in gaz.districts, f"{area}{n}"
    assert gaz.districts["TF9"].post_town == "Market Drayton" and gaz.districts["HR9"].post_town == "Ross-on-Wye"


def test_data_files_name_source_and_licence():
    for name, licence in (("districts.csv", "CC BY 4.0"), ("towns.csv", "CC BY 4.0"), ("areas.csv", "ODbL")):
        header = (DATA_DIR / name).read_text(encoding="utf-8").split("\n", 8)[:8]
        text = " ".join(header)
        assert "Source" in text or "source" in text.lower(), name
        assert licence in text, name
    assert "post town's GeoNames point" in (DATA_DIR / "districts.csv").read_text(encoding="utf-8")
