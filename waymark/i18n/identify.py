"""Message-level language identification.

Lingua (lingua-language-detector) is used because it is offline, ships its models
inside the wheel, is the most accurate open library on short text (the messages
here are often three words long), and covers every target language including
Welsh, Punjabi and Urdu. It is restricted to the languages Waymark speaks, which
both speeds it up and stops it guessing languages nobody here writes.

Lingua cannot see Roman Urdu, Roman Punjabi, Banglish or Arabizi; a classifier
learnt from Waymark's own training data recognises those (romanised.py).

Short or ambiguous messages ("ok", "HR4", "yes please") keep the conversation's
current language: a switch needs clear evidence, because flipping language
mid-conversation on a misread word would be worse than not switching.
"""
from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from waymark.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES, supported
from waymark.i18n.romanised import ROMANISED, classifier, is_latin, romanised_language

#: A switch away from the current language needs at least this relative confidence...
SWITCH_CONFIDENCE = 0.55
#: Latin text only switches away from a language often typed in Latin letters
#: (ROMANISED) on near-certain evidence.
ROMANISED_SWITCH_CONFIDENCE = 0.9
#: ...and at least this many letters, unless the script alone decides it.
MIN_LETTERS = 10
#: The current language is kept while Lingua gives it at least this much.
KEEP_CONFIDENCE = 0.2
#: Scripts used by exactly one supported language decide on their own.
_SCRIPT_LANGUAGES = (("\u0a00", "\u0a7f", "pa"), ("\u0980", "\u09ff", "bn"))


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()


def preload() -> None:
    """Load Lingua's models and fit the romanised classifier now, so that a survivor's
    first message does not wait for them."""
    _detector()
    classifier()


def _single_script_language(text: str) -> str | None:
    for low, high, code in _SCRIPT_LANGUAGES:
        if any(low <= char <= high for char in text):
            return code
    return None


def identify(text: str, current: str | None = None) -> str:
    """Return the language to answer ``text`` in.

    ``current`` is the conversation's language so far (the widget's explicit
    choice, the previous turn's language, or the page's ``lang``).
    """
    current = supported(current)
    by_script = _single_script_language(text)
    if by_script:
        return by_script
    letters = sum(char.isalpha() for char in text)
    if letters == 0:
        return current or DEFAULT_LANGUAGE
    latin = is_latin(text)
    # Roman Urdu and Roman Punjabi are too alike to switch between, so a conversation
    # already in a romanised language keeps it; any other may switch to one.
    if latin and letters >= MIN_LETTERS and current not in ROMANISED:
        romanised = romanised_language(text)
        if romanised:
            return romanised
    confidences = {
        value.language.iso_code_639_1.name.lower(): value.value
        for value in _detector().compute_language_confidence_values(text)
    }
    if current and confidences.get(current, 0.0) >= KEEP_CONFIDENCE:
        return current
    best = max(confidences, key=confidences.__getitem__)
    needed = SWITCH_CONFIDENCE
    if current in ROMANISED and latin:
        needed = ROMANISED_SWITCH_CONFIDENCE
    if confidences[best] >= needed and (letters >= MIN_LETTERS or not latin):
        return best
    return current or DEFAULT_LANGUAGE
