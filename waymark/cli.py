"""The `waymark` command: serve, train, triage, actions, directory, i18n, quality."""
from __future__ import annotations

import argparse
import sys

from waymark.logging_setup import configure_logging
from waymark.settings import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="waymark", description="Waymark support and signposting chatbot.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="train if needed, then run the whole product on this machine")
    commands.add_parser("train", help="train the Rasa model if the training data changed")
    commands.add_parser("triage", help="classify JSON lines from stdin (see shared/design.md)")
    commands.add_parser("actions", help="run only the rasa-sdk action server")
    commands.add_parser("directory", help="service directory tools (waymark directory --help)", add_help=False)
    quality = commands.add_parser("quality", help="score every language on held-out phrasing; writes reports/")
    quality.add_argument("--model", help="a model archive to score instead of the current one")
    i18n = commands.add_parser("i18n", help="gettext catalogs: extract, update, check")
    i18n.add_argument("action", choices=["extract", "update", "check"])
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["directory"]:
        from directory.cli import main as directory_main

        return directory_main(argv[1:])
    args = _parser().parse_args(argv)
    settings = Settings.from_env()
    configure_logging(settings.log_level)
    if args.command == "serve":
        from waymark.serve import serve

        serve(settings)
    elif args.command == "train":
        from waymark.training import ensure_model

        print(ensure_model(settings.models_dir))
    elif args.command == "triage":
        from waymark.triage import triage

        return triage(settings)
    elif args.command == "quality":
        from waymark.quality import main as quality_main

        return quality_main(args.model)
    elif args.command == "i18n":
        from waymark.i18n.extract import main as i18n_main

        return i18n_main([args.action])
    elif args.command == "actions":
        from waymark.action_server import run_action_server

        run_action_server(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
