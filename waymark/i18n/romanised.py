"""Romanised text: Roman Urdu, Roman Punjabi, Banglish and Arabizi.

Many people type these languages in Latin letters, which Lingua (see identify.py)
cannot recognise: to it "mujhe madad chahiye" is poor English. A small character
n-gram classifier learns them from the Latin-script examples in Waymark's own
training data (nlu/<code>/), against the Latin examples of every other language,
so it needs no extra download and improves whenever the training data does. It is
fitted once per process, in about a second, and only ever answers for the four
romanised languages, and only when it is sure.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from waymark import PROJECT_ROOT

NLU_DIR = PROJECT_ROOT / "nlu"
ROMANISED = frozenset({"ur", "pa", "bn", "ar"})
#: Cross-validated on the training data, this confidence mistakes about 0.3% of
#: other languages' Latin examples for a romanised one.
MIN_CONFIDENCE = 0.6
_MARKUP = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def is_latin(text: str) -> bool:
    """True when no letter is beyond the Latin, Greek and Cyrillic blocks."""
    return not any(ord(char) > 0x052F for char in text if char.isalpha())


def latin_examples(nlu_dir: Path) -> Iterator[tuple[str, str]]:
    """(text, language) for every Latin-script training example, entity markup removed."""
    for path in sorted(nlu_dir.glob("*/*.yml")):
        language = path.parent.name
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for line in (block.get("examples") or "").splitlines():
                text = _MARKUP.sub(r"\1", line.strip().removeprefix("- ")).lower()
                if text and is_latin(text):
                    yield text, language


@lru_cache(maxsize=1)
def classifier() -> Any:
    """The fitted classifier (once per process), or None when no romanised examples exist."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier
    from sklearn.pipeline import make_pipeline

    examples = list(latin_examples(NLU_DIR))
    if not ROMANISED & {language for _, language in examples}:
        return None
    texts, languages = zip(*examples)
    model = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), min_df=2, sublinear_tf=True),
        SGDClassifier(loss="log_loss", alpha=1e-5, max_iter=15, tol=None, random_state=7))
    return model.fit(texts, languages)


def romanised_language(text: str) -> str | None:
    """The romanised language ``text`` is written in, or None when unsure or not romanised."""
    model = classifier()
    if model is None or not is_latin(text):
        return None
    probabilities = model.predict_proba([text.lower()])[0]
    best = probabilities.argmax()
    language = model.classes_[best]
    return language if language in ROMANISED and probabilities[best] >= MIN_CONFIDENCE else None
