"""Every reply, in English and in every catalog, against the safety rules that can
be checked mechanically: no push to leave, no refuge location, no invented numbers."""
from __future__ import annotations

import re

import pytest

from waymark.i18n.catalogs import default_catalogs
from waymark.i18n.extract import source_messages

PUSH_TO_LEAVE = re.compile(
    r"\b(you (should|must|need to|have to|ought to|better) (leave|get out|walk away)"
    r"( (him|her|them|home|the (house|home|relationship)|your (partner|husband|wife|boyfriend|girlfriend|home)))?\b"
    r"(?! (this page|quickly|the chat))|leave (him|her|them) (now|today)|just leave (him|her|them))", re.IGNORECASE)
# A UK postcode with its inward part, or a street address, would locate a place.
FULL_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
STREET = re.compile(r"\b\d+\s+\w+\s+(street|road|lane|avenue|close|drive)\b", re.IGNORECASE)
PHONE = re.compile(r"\b0\d{2,4}[ \d]{6,10}\d\b|\b116 123\b")
KNOWN_NUMBERS = {
    "0808 2000 247", "0808 801 0327", "0800 999 5428", "0808 802 0300", "0808 802 4040", "0800 5999 247",
    "020 7008 0151", "0345 6000 459", "0800 1111", "0808 800 5000", "0808 500 2222", "0808 808 8141",
    "0808 80 10 800", "116 123", "0800 783 1359", "0800 840 3747", "0800 980 3331",
}
TEXTS = [text for _, text in source_messages()]


@pytest.mark.parametrize("text", TEXTS)
def test_english_reply_is_safe(text: str) -> None:
    assert not PUSH_TO_LEAVE.search(text)
    assert not FULL_POSTCODE.search(text) and not STREET.search(text)
    for number in PHONE.findall(text):
        assert number.strip() in KNOWN_NUMBERS, f"unknown phone number {number!r}"


def test_translations_add_no_phone_numbers() -> None:
    for language, table in default_catalogs().translations.items():
        for (_, english), translated in table.items():
            assert set(PHONE.findall(translated)) <= set(PHONE.findall(english)) | KNOWN_NUMBERS, (language, english)
