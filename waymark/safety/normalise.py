"""Text normalisation for the danger rule layer.

People in crisis type fast, on phones, often without diacritics or in a
transliteration. Patterns are matched against this normalised form so one
pattern covers "Nóż", "noz" and "NOŻ". The result is always a single space,
then tokens separated by single spaces, then a single space: patterns use a
space as their word boundary because regex ``\\b`` is unreliable in scripts
whose vowel signs are combining marks (Gurmukhi, Bengali).
"""
import re
import unicodedata

# Letters that Unicode does not decompose into base + mark.
_LATIN_FOLDS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe"}
)
# Arabic-script letters that people type interchangeably (Arabic, Urdu, Persian keyboards).
_ARABIC_FOLDS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ى": "ي", "ی": "ي", "ې": "ي", "ے": "ي",
        "ك": "ک", "ة": "ه", "ۀ": "ه", "ھ": "ه", "ہ": "ه",
        "ؤ": "و", "ئ": "ي",
        "\u0640": "",  # tatweel
    }
)
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_INVISIBLES = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc`´]")
_NON_WORD = re.compile(r"[^\w\u0900-\u0dff]+")
# Letters only: "pleaseee" -> "pleasee", but "999" must stay "999".
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")


def _strip_latin_marks(text: str) -> str:
    """Drop accents from Latin, Greek and Cyrillic letters only.

    Indic vowel signs are combining marks too, and removing them would
    destroy the word, so marks after other scripts are kept, and so are marks
    after a non-letter: in a pattern, a virama may follow regex syntax such as
    "(" or "|".
    """
    out: list[str] = []
    keep_marks = True
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if keep_marks:
                out.append(char)
            continue
        keep_marks = not (char.isalpha() and ord(char) <= 0x052F)  # Latin, Greek, Cyrillic letters
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def normalise(text: str) -> str:
    """Return the matching form of ``text`` (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _INVISIBLES.sub("", text)
    text = _APOSTROPHES.sub("", text)
    text = _strip_latin_marks(text.translate(_LATIN_FOLDS))
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_FOLDS)
    text = _REPEATS.sub(r"\1\1", text)
    text = _NON_WORD.sub(" ", text.replace("_", " "))
    return f" {' '.join(text.split())} "


def fold_pattern(pattern: str) -> str:
    """Apply `normalise`'s letter folding to a regex without touching its syntax.

    Pattern authors may write "nóż" or Bengali letters in either Unicode form;
    folding the pattern the same way as the text makes both match.
    """
    pattern = unicodedata.normalize("NFKC", pattern)
    pattern = _strip_latin_marks(pattern.translate(_LATIN_FOLDS))
    return _ARABIC_MARKS.sub("", pattern).translate(_ARABIC_FOLDS)
