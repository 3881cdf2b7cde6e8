"""Gettext catalogs: one `locales/<code>/LC_MESSAGES/waymark.po` per language.

The msgid is the English text and the msgctxt the response key (or the system
message's key), so translators see where a string is used and two responses that
happen to share English words can still be translated differently. Catalogs are
read straight from the .po files with Babel at start-up: there is no compiled .mo
to go stale, and loading ten small catalogs takes milliseconds.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

from waymark import PROJECT_ROOT

LOCALES_DIR = PROJECT_ROOT / "locales"
DOMAIN_NAME = "waymark"


def po_path(code: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / code / "LC_MESSAGES" / f"{DOMAIN_NAME}.po"


@dataclass(frozen=True)
class Catalogs:
    """Translations keyed by language, then (context, English text)."""

    translations: dict[str, dict[tuple[str | None, str], str]]

    @classmethod
    def load(cls, locales_dir: Path = LOCALES_DIR) -> "Catalogs":
        translations: dict[str, dict[tuple[str | None, str], str]] = {}
        for path in sorted(locales_dir.glob(f"*/LC_MESSAGES/{DOMAIN_NAME}.po")):
            with path.open("rb") as handle:
                catalog = read_po(handle)
            translations[path.parent.parent.name] = {
                (message.context, message.id): message.string
                for message in catalog
                if message.id and message.string and not message.fuzzy
            }
        return cls(translations)

    def gettext(self, language: str, text: str, context: str | None = None) -> str:
        """The translation of ``text`` in ``context``, or the English text itself."""
        table = self.translations.get(language, {})
        return table.get((context, text)) or text


@lru_cache(maxsize=1)
def default_catalogs() -> Catalogs:
    """The shipped catalogs, loaded once per process."""
    return Catalogs.load()
