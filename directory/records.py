"""Validation of directory rows from YAML or CSV, with the line number of every error.

Why all the checks live here: an import is all-or-nothing, so every row is validated
before anything touches the database, and a service manager gets the full list of
problems (by line) in one go rather than one per attempt.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import yaml

from .geo import Gazetteer
from .hours import HoursError, parse_hours
from .tags import is_need_tag

REQUIRED = ("id", "name", "organisation", "description", "areas", "source", "verified_on")
LIST_FIELDS = ("areas", "needs", "languages", "accessibility")
KNOWN_FIELDS = frozenset(REQUIRED + LIST_FIELDS + (
    "phone", "text", "email", "website", "webchat", "hours", "general", "base_lat", "base_lon"))
_PHONE = re.compile(r"^(0\d{7,10}|116\d{3})$")
_SHORTCODE = re.compile(r"^\d{5,6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
_URL = re.compile(r"^https?://[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$", re.I)
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,79}$")
_LANG = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class ServiceRecord:
    """One validated service, ready to write."""
    slug: str
    name: str
    organisation: str
    description: str
    areas: tuple[str, ...]
    source: str
    verified_on: date
    phone: str | None = None
    text_number: str | None = None
    email: str | None = None
    website: str | None = None
    webchat_url: str | None = None
    hours: str | None = None
    needs: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    accessibility: tuple[str, ...] = ()
    general: bool = False
    base: tuple[float, float] | None = None

    @property
    def national(self) -> bool:
        return "national" in self.areas


@dataclass
class ImportReport:
    records: list[ServiceRecord] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _list(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    raise ValueError("should be a list")


def _phone(value: str | None, label: str, errors: list[str], shortcode: bool = False) -> str | None:
    if value is None:
        return None
    digits = re.sub(r"[\s()-]", "", value)
    digits = "0" + digits[3:] if digits.startswith("+44") else digits
    if not (_PHONE.match(digits) or (shortcode and _SHORTCODE.match(digits))):
        errors.append(f"{label} {value!r} is not a UK phone number")
    return value


def validate(raw: dict[str, Any], gaz: Gazetteer) -> tuple[ServiceRecord | None, list[str]]:
    """Check one row; returns the record or the list of problems with it."""
    errors: list[str] = []
    unknown = sorted(set(raw) - KNOWN_FIELDS)
    if unknown:
        errors.append(f"unknown field(s): {', '.join(unknown)}")
    for name in REQUIRED:
        if _text(raw.get(name)) is None and not raw.get(name):
            errors.append(f"missing required field '{name}'")
    try:
        lists = {name: _list(raw.get(name)) for name in LIST_FIELDS}
    except ValueError:
        return None, errors + ["areas/needs/languages/accessibility must be lists"]
    slug = _text(raw.get("id")) or ""
    if slug and not _SLUG.match(slug):
        errors.append(f"id {slug!r} must be lower-case letters, digits and hyphens")
    bad_tags = [t for t in lists["needs"] if not is_need_tag(t)]
    if bad_tags:
        errors.append(f"unknown need tag(s): {', '.join(bad_tags)}")
    bad_areas = [a for a in lists["areas"] if not gaz.known_area_key(a)]
    if bad_areas:
        errors.append(f"unknown area(s): {', '.join(bad_areas)} "
                      "(use national, nation:wales, la:<council>, district:HR4 or area:HR)")
    if "national" in lists["areas"] and len(lists["areas"]) > 1:
        errors.append("a national service cannot also list local areas")
    bad_langs = [code for code in lists["languages"] if not _LANG.match(code)]
    if bad_langs:
        errors.append(f"language code(s) {', '.join(bad_langs)} should be ISO 639 like 'pl'")
    phone = _phone(_text(raw.get("phone")), "phone", errors)
    text_number = _phone(_text(raw.get("text")), "text number", errors, shortcode=True)
    email = _text(raw.get("email"))
    if email and not _EMAIL.match(email):
        errors.append(f"email {email!r} is not an email address")
    for name in ("website", "webchat"):
        url = _text(raw.get(name))
        if url and not _URL.match(url):
            errors.append(f"{name} {url!r} is not an http(s) URL")
    hours = _text(raw.get("hours"))
    try:
        parse_hours(hours)
    except HoursError as exc:
        errors.append(f"hours: {exc}")
    verified = raw.get("verified_on")
    if isinstance(verified, str):
        try:
            verified = date.fromisoformat(verified.strip())
        except ValueError:
            errors.append(f"verified_on {verified!r} is not a date (YYYY-MM-DD)")
    elif verified is not None and not isinstance(verified, date):
        errors.append("verified_on is not a date (YYYY-MM-DD)")
    base = None
    if _text(raw.get("base_lat")) or _text(raw.get("base_lon")):
        try:
            base = (float(raw["base_lat"]), float(raw["base_lon"]))
            if not (49.0 <= base[0] <= 61.0 and -9.0 <= base[1] <= 2.5):
                errors.append("base_lat/base_lon are not in the UK")
        except (KeyError, TypeError, ValueError):
            errors.append("base_lat and base_lon must both be numbers")
    general = raw.get("general", False)
    if isinstance(general, str):
        general = general.strip().lower() in {"true", "yes", "1"}
    if errors:
        return None, errors
    return ServiceRecord(
        slug=slug, name=_text(raw["name"]), organisation=_text(raw["organisation"]),
        description=_text(raw["description"]), areas=lists["areas"], source=_text(raw["source"]),
        verified_on=verified, phone=phone, text_number=text_number, email=email,
        website=_text(raw.get("website")), webchat_url=_text(raw.get("webchat")), hours=hours,
        needs=lists["needs"], languages=lists["languages"], accessibility=lists["accessibility"],
        general=bool(general), base=base), []


def _yaml_rows(text: str) -> Iterable[tuple[int, Any]]:
    """(line number, row) pairs; line numbers come from the YAML node marks."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("services"), list):
        raise ValueError("line 1: expected a mapping with a 'services:' list")
    items = next(v for k, v in root.value if k.value == "services").value
    for node, row in zip(items, data["services"]):
        yield node.start_mark.line + 1, row


def _csv_rows(text: str) -> Iterable[tuple[int, Any]]:
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in lines)))
    for row in reader:
        yield lines[reader.line_num - 1][0], {k: v for k, v in row.items() if k and v not in (None, "")}


def read_file(path: Path, gaz: Gazetteer) -> ImportReport:
    """Validate every row of a YAML or CSV file; errors are "FILE:LINE: problem"."""
    report = ImportReport()
    try:
        text = path.read_text(encoding="utf-8")
        rows = list(_csv_rows(text) if path.suffix.lower() == ".csv" else _yaml_rows(text))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, csv.Error) as exc:
        report.errors.append(f"{path.name}: {str(exc).splitlines()[0]}")
        return report
    seen: dict[str, int] = {}
    for line, row in rows:
        if not isinstance(row, dict):
            report.errors.append(f"{path.name}:{line}: each service must be a mapping of fields")
            continue
        record, problems = validate(row, gaz)
        report.errors.extend(f"{path.name}:{line}: {p}" for p in problems)
        if record:
            if record.slug in seen:
                report.errors.append(f"{path.name}:{line}: id {record.slug!r} repeats line {seen[record.slug]}")
            seen[record.slug] = line
            report.records.append(record)
    if not rows:
        report.errors.append(f"{path.name}: no services found")
    return report
