"""Command line: ``waymark directory search|import|check|generate|ensure-ready``.

Bad input always ends with exit status 2 and exactly one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from .api import Directory, SearchResult, ServiceHit, UnknownNeed
from .geo import gazetteer
from .places import PlaceNotFound
from .synthetic import generate, write_file


class UsageError(Exception):
    """Wrong arguments; reported as one line with exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print the usage block too
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="waymark directory", description="Waymark service directory")
    parser.add_argument("--database", help="database URL (default: WAYMARK_DATABASE_URL or var/directory.sqlite3)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    search = sub.add_parser("search", help="services near a place for some needs")
    search.add_argument("--near", required=True, help="postcode, outward code (HR4), town or council")
    search.add_argument("--need", action="append", default=[], help="need tag (repeatable)")
    search.add_argument("--lang", help="language code, e.g. pl")
    search.add_argument("--limit", type=int, default=3)
    search.add_argument("--json", action="store_true", help="print a JSON list")
    imp = sub.add_parser("import", help="validate and import a CSV or YAML file (all-or-nothing)")
    imp.add_argument("file", type=Path)
    sub.add_parser("check", help="list stale (> 6 months) or incomplete entries")
    gen = sub.add_parser("generate", help="write a synthetic directory of N services")
    gen.add_argument("count", type=int)
    gen.add_argument("out", type=Path)
    gen.add_argument("--seed", type=int, default=7)
    sub.add_parser("ensure-ready", help="migrate the database and load the shipped data")
    return parser


def _hit_json(hit: ServiceHit) -> dict:
    data = asdict(hit)
    data["needs"], data["languages"], data["matched_needs"] = list(hit.needs), list(hit.languages), list(hit.matched_needs)
    return data


def _print_text(result: SearchResult) -> None:
    where = result.place.label
    if result.outside_region:
        print(f"{where} is outside the area we cover in detail; nearest covered services and national lines:")
    else:
        print(f"Services for {where}:")
    for hit in result.local + result.national:
        contact = hit.phone or hit.text_number or hit.website or hit.email or "contact via a national line below"
        extra = "national" if hit.national else f"{hit.distance_km:g} km" if hit.distance_km is not None else ""
        status = {True: "open now", False: "closed now", None: "hours unknown"}[hit.open_now]
        print(f"- {hit.name}: {contact} ({extra}, {status})")
    for need in result.unmet_needs:
        print(f"No local service listed for '{need}'; the national lines above can help.")


def _run(args: argparse.Namespace) -> int:
    if args.command == "generate":
        if args.count < 0:
            raise UsageError("count must be 0 or more")
        write_file(generate(args.count, gazetteer(), args.seed), args.out)
        print(f"wrote {args.count} synthetic services to {args.out}")
        return 0
    directory = Directory.open(args.database)
    try:
        directory.ensure_ready()
        if args.command == "ensure-ready":
            print("directory ready")
            return 0
        if args.command == "search":
            result = directory.search(args.near, args.need, lang=args.lang, limit=args.limit)
            if args.json:
                print(json.dumps([_hit_json(h) for h in result.local + result.national], ensure_ascii=False, indent=2))
            else:
                _print_text(result)
            return 0
        if args.command == "import":
            if not args.file.is_file():
                raise UsageError(f"no such file: {args.file}")
            report = directory.import_file(args.file)
            if report.errors:
                for line in report.errors:
                    print(line, file=sys.stderr)
                print(f"nothing imported: {len(report.errors)} error(s)", file=sys.stderr)
                return 2
            print(f"imported {len(report.records)} services")
            return 0
        problems = directory.check()
        for line in problems:
            print(line)
        print(f"{len(problems)} problem(s)")
        return 1 if problems else 0
    finally:
        directory.close()


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(build_parser().parse_args(argv))
    except (UsageError, PlaceNotFound, UnknownNeed) as exc:
        print(f"waymark directory: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except SQLAlchemyError as exc:
        print(f"waymark directory: database error ({type(exc).__name__}); check WAYMARK_DATABASE_URL",
              file=sys.stderr)
        return 1
