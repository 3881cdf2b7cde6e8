"""Message-level language identification and when it may switch language."""
from __future__ import annotations

import pytest

from waymark.i18n.identify import identify
from waymark.i18n.languages import supported
from waymark.i18n.romanised import romanised_language


@pytest.mark.parametrize(("text", "expected"), [
    ("boję się mojego męża", "pl"), ("mi-e frica de sotul meu", "ro"), ("tenho medo do meu marido", "pt"),
    ("bijau savo vyro, jis mane muša", "lt"), ("ਮੈਨੂੰ ਮਦਦ ਚਾਹੀਦੀ ਹੈ", "pa"), ("مجھے مدد چاہیے", "ur"),
    ("أحتاج مساعدة من فضلك", "ar"), ("আমার সাহায্য দরকার", "bn"), ("I am scared of my partner", "en"),
    ("Mae arna i ofn fy ngŵr, dw i angen help", "cy"),
])
def test_clear_messages_are_identified(text: str, expected: str) -> None:
    assert identify(text) == expected


@pytest.mark.parametrize(("text", "current"), [("ok", "pl"), ("HR4 9AB", "ar"), ("yes", "ro"), ("", "cy"),
                                               ("mujhe madad chahiye", "ur")])
def test_short_or_romanised_messages_keep_the_conversation_language(text: str, current: str) -> None:
    assert identify(text, current) == current


def test_writing_in_another_language_switches() -> None:
    assert identify("potrzebuję pomocy, mój mąż mnie bije", current="en") == "pl"


def test_unknown_defaults_to_english() -> None:
    assert identify("??") == "en"


@pytest.mark.parametrize(("code", "expected"), [("pt-BR", "pt"), ("EN_gb", "en"), ("xx", None), (None, None)])
def test_supported(code: str | None, expected: str | None) -> None:
    assert supported(code) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("meri saas mujhe ghar se nikalne ki dhamki deti hai", "ur"),
    ("amar bor amake taka dey na, ki korbo bujhte parchi na", "bn"),
    ("mera pati mainu bahut tang karda, ki kara", "pa"),
])
def test_romanised_first_messages_are_identified(text: str, expected: str) -> None:
    """Lingua cannot read Roman Urdu, Banglish or Roman Punjabi; the romanised classifier can."""
    assert identify(text) == expected
    assert identify(text, current="en") == expected


@pytest.mark.parametrize("text", ["my husband checks my phone every night", "can I get a refuge near Telford",
                                  "mae o'n gwirio fy ffôn bob nos", "el îmi verifică telefonul în fiecare seară"])
def test_other_latin_messages_are_not_taken_for_romanised(text: str) -> None:
    assert romanised_language(text) is None
