"""The danger rule layer: per-language phrase patterns that flag immediate danger.

It runs on every message alongside the NLU model and can only raise the alarm,
never lower it, so a model that misreads "he's got a knife" still leads with 999.
Every language's patterns are checked on every message: language identification
is least reliable on exactly the short, misspelt messages people send in a crisis.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from waymark.safety.normalise import fold_pattern, normalise

PHRASES_DIR = Path(__file__).with_name("danger_phrases")
#: The intent every part of Waymark treats as "in danger now": 999 first.
DANGER_INTENT = "immediate_danger"


_GUARD = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def expand_guards(pattern: str, guards: dict[str, str]) -> str:
    """Replace ``{name}`` with the file's guard of that name.

    A guard is a lookahead many patterns share (say, "not when the message asks
    whether past behaviour was abuse"); writing it once keeps the copies from
    drifting apart. Regex quantifiers such as ``{0,2}`` are left alone; an unknown
    name fails at start-up like any other broken pattern.
    """
    def guard(match: re.Match[str]) -> str:
        if match.group(1) not in guards:
            raise ValueError(f"danger pattern uses an unknown guard {{{match.group(1)}}}")
        return guards[match.group(1)]

    return _GUARD.sub(guard, pattern)


@dataclass(frozen=True)
class DangerMatch:
    """Which rule fired: a language code and the pattern's index, never the text."""

    language: str
    rule: int


class DangerRules:
    """Compiled danger patterns for every language in ``PHRASES_DIR``."""

    def __init__(self, patterns: dict[str, list[re.Pattern[str]]]) -> None:
        self._patterns = patterns

    @classmethod
    def from_directory(cls, directory: Path = PHRASES_DIR) -> "DangerRules":
        """Load ``<lang>.yml`` files; a broken pattern fails loudly at start-up, not mid-chat."""
        patterns: dict[str, list[re.Pattern[str]]] = {}
        for path in sorted(directory.glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            guards = data.get("guards") or {}
            patterns[data["language"]] = [re.compile(fold_pattern(expand_guards(p, guards)), re.IGNORECASE)
                                          for p in data["patterns"]]
        return cls(patterns)

    @property
    def languages(self) -> list[str]:
        return sorted(self._patterns)

    def match(self, text: str) -> DangerMatch | None:
        """Return the first rule that fires on ``text``, or None."""
        folded = normalise(text)
        for language, patterns in self._patterns.items():
            for index, pattern in enumerate(patterns):
                if pattern.search(folded):
                    return DangerMatch(language, index)
        return None


@lru_cache(maxsize=1)
def default_rules() -> DangerRules:
    """The rules shipped with Waymark, loaded once per process."""
    return DangerRules.from_directory()
