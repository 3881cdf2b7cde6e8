"""`waymark i18n extract|update|check`: keep every catalog in step with the English.

Sources of user-facing strings, each entry's msgctxt saying where it is used:
- domain responses and the gateway's own replies (msgctxt = response key), text
  and button titles;
- the widget's UI strings in bot/widget_strings.yml (msgctxt = "widget:<key>").
`extract` writes locales/waymark.pot; `update` merges it into every language's
.po (new entries empty, changed English marked fuzzy); `check` fails when any
catalog has a missing, fuzzy or obsolete entry, or placeholders that differ.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from waymark import PROJECT_ROOT
from waymark.i18n.catalogs import DOMAIN_NAME, LOCALES_DIR, po_path
from waymark.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES
from waymark.i18n.responses import load_responses, load_widget_strings

POT_PATH = LOCALES_DIR / f"{DOMAIN_NAME}.pot"
PLACEHOLDER = re.compile(r"{[^{}\n]+}")


def source_messages() -> list[tuple[str, str]]:
    """(context, English) for every user-facing string, in a stable order."""
    messages: list[tuple[str, str]] = []
    for key, variations in sorted(load_responses().items()):
        for variation in variations:
            if variation.get("text"):
                messages.append((key, variation["text"]))
            messages.extend((key, button["title"]) for button in variation.get("buttons") or [])
    messages.extend((f"widget:{key}", text) for key, text in sorted(load_widget_strings().items()))
    return list(dict.fromkeys(messages))


def template() -> Catalog:
    catalog = Catalog(project="Waymark", domain=DOMAIN_NAME, charset="utf-8")
    for context, text in source_messages():
        catalog.add(text, context=context)
    return catalog


def extract() -> Path:
    POT_PATH.parent.mkdir(parents=True, exist_ok=True)
    with POT_PATH.open("wb") as handle:
        write_po(handle, template(), omit_header=False, sort_output=False, width=0)
    return POT_PATH


def update() -> list[Path]:
    """Merge the template into every non-English catalog, creating missing ones."""
    pot = template()
    written = []
    for code in LANGUAGES:
        if code == DEFAULT_LANGUAGE:
            continue
        path = po_path(code)
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=code)
        else:
            catalog = Catalog(locale=code, project="Waymark", domain=DOMAIN_NAME, charset="utf-8")
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=0, sort_output=False)
        written.append(path)
    return written


def problems(code: str, sources: list[tuple[str, str]] | None = None) -> list[str]:
    """Everything wrong with one language's catalog, as readable lines."""
    sources = source_messages() if sources is None else sources
    path = po_path(code)
    if not path.exists():
        return [f"{code}: no catalog at {path.relative_to(PROJECT_ROOT)}"]
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    found = {(m.context, m.id): m for m in catalog if m.id}
    issues = []
    for context, text in sources:
        message = found.get((context, text))
        where = f"{code} [{context}] {text[:50]!r}"
        if message is None or not message.string:
            issues.append(f"{where}: missing")
        elif message.fuzzy:
            issues.append(f"{where}: fuzzy")
        elif sorted(PLACEHOLDER.findall(message.string)) != sorted(PLACEHOLDER.findall(text)):
            issues.append(f"{where}: placeholders differ")
    extra = set(found) - set(sources)
    issues.extend(f"{code} [{context}] {text[:50]!r}: obsolete" for context, text in sorted(extra, key=str))
    return issues


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "extract":
        print(extract().relative_to(PROJECT_ROOT))
    elif command == "update":
        extract()
        for path in update():
            print(path.relative_to(PROJECT_ROOT))
    elif command == "check":
        sources = source_messages()
        issues = [issue for code in LANGUAGES if code != DEFAULT_LANGUAGE for issue in problems(code, sources)]
        print("\n".join(issues) or "every catalog is complete")
        return 1 if issues else 0
    else:
        print("usage: waymark i18n extract | update | check", file=sys.stderr)
        return 2
    return 0
