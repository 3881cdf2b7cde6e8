import pytest

from directory.postcodes import find_in_text, parse


@pytest.mark.parametrize("text,outward,full", [
    ("hr49ab", "HR4", True), ("HR4 9AB", "HR4", True), ("  hr4  9ab ", "HR4", True),
    ("hr4", "HR4", False), ("WR1", "WR1", False), ("SW1A 1AA", "SW1A", True), ("b1", "B1", False),
    ("ST16 2AB", "ST16", True), ("wr11 4ab", "WR11", True),
])
def test_parse_full_and_partial(text, outward, full):
    code = parse(text)
    assert code is not None and code.outward == outward and code.full is full


@pytest.mark.parametrize("junk", ["", "hello", "HR4 9A", "12345", "'; DROP TABLE services;--", "HR4 9AC1",
                                  "HR4 9CA", "ABC1", "1HR"])
def test_parse_rejects_junk(junk):
    assert parse(junk) is None


def test_find_in_text_prefers_full_postcode_and_keeps_only_outward():
    found = find_in_text("im in hr4 9ab near WR1")
    assert [c.outward for c in found] == ["HR4", "WR1"]
    assert found[0].full and not found[1].full
    assert all(" " not in c.outward for c in found)
