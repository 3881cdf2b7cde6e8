"""The languages Waymark speaks, named in themselves, with their writing direction.

`status` is honest: "draft" until a native speaker who knows the domestic abuse
field has reviewed the training data and the catalog.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LanguageInfo:
    code: str
    endonym: str
    english_name: str
    rtl: bool = False
    status: str = "draft"


LANGUAGES: dict[str, LanguageInfo] = {
    info.code: info
    for info in (
        LanguageInfo("en", "English", "English", status="reviewed"),
        LanguageInfo("cy", "Cymraeg", "Welsh"),
        LanguageInfo("pl", "Polski", "Polish"),
        LanguageInfo("ro", "Română", "Romanian"),
        LanguageInfo("pa", "ਪੰਜਾਬੀ", "Punjabi (Gurmukhi)"),
        LanguageInfo("ur", "اردو", "Urdu", rtl=True),
        LanguageInfo("bn", "বাংলা", "Bengali"),
        LanguageInfo("ar", "العربية", "Arabic", rtl=True),
        LanguageInfo("lt", "Lietuvių", "Lithuanian"),
        LanguageInfo("pt", "Português", "Portuguese"),
    )
}

DEFAULT_LANGUAGE = "en"


def supported(code: str | None) -> str | None:
    """Return ``code`` reduced to a supported language ("pt-BR" -> "pt"), or None."""
    if not code:
        return None
    base = code.strip().lower().replace("_", "-").split("-")[0]
    return base if base in LANGUAGES else None
