import pytest

from directory import PlaceNotFound

REGION_TOWNS = ["Hereford", "Leominster", "Ledbury", "Ross-on-Wye", "Kington", "Bromyard", "Worcester",
                "Kidderminster", "Redditch", "Bromsgrove", "Evesham", "Malvern", "Droitwich", "Pershore",
                "Shrewsbury", "Oswestry", "Ludlow", "Bridgnorth", "Market Drayton", "Whitchurch",
                "Church Stretton", "Telford", "Newport", "Wellington", "Stoke-on-Trent",
                "Newcastle-under-Lyme", "Stafford", "Cannock", "Lichfield", "Tamworth",
                "Burton upon Trent", "Leek", "Stone", "Uttoxeter"]


@pytest.mark.parametrize("town", REGION_TOWNS)
def test_every_region_town_resolves_inside_the_region(shared_sqlite, town):
    place = shared_sqlite.places.parse_strict(town)
    assert place.covered, place
    assert place.local_authority in {"Herefordshire", "Worcestershire", "Shropshire", "Telford and Wrekin",
                                     "Staffordshire", "Stoke-on-Trent"}


@pytest.mark.parametrize("text,key", [
    ("what help is near hereford?", "Hereford"), ("im in hr4 9ab", "HR4"), ("HR4", "HR4"),
    ("any services in herefrod", "Hereford"), ("shrewsbry pls", "Shrewsbury"), ("near kiddermister", "Kidderminster"),
    ("i live in telford and wrekin", "Telford and Wrekin"), ("ST4", "ST4"), ("stoke", "Stoke-on-Trent"),
])
def test_resolve_place_in_free_text(shared_sqlite, text, key):
    place = shared_sqlite.resolve_place(text)
    assert place is not None and place.key == key


@pytest.mark.parametrize("text", ["i need help", "hello there", "my partner hurts me", ""])
def test_resolve_place_none_without_a_place(shared_sqlite, text):
    assert shared_sqlite.resolve_place(text) is None


def test_place_never_keeps_the_full_postcode(shared_sqlite):
    place = shared_sqlite.resolve_place("my postcode is HR4 9AB")
    assert place.key == "HR4" and "9AB" not in place.label


def test_outside_region_outward_code_uses_area_centroid(shared_sqlite):
    place = shared_sqlite.places.parse_strict("SW1A 1AA")
    assert place.key == "SW1A" and not place.covered and 51.0 < place.lat < 52.0


@pytest.mark.parametrize("junk,needle", [
    ("'; DROP TABLE services;--", "don't recognise"), ("HR10", "HR10"), ("qwertyuiop", "don't recognise"),
    ("", "postcode"), ("x" * 200, "postcode"),
])
def test_junk_is_rejected_kindly(shared_sqlite, junk, needle):
    with pytest.raises(PlaceNotFound) as err:
        shared_sqlite.places.parse_strict(junk)
    assert needle in str(err.value) and "\n" not in str(err.value)
