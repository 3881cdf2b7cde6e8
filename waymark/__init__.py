"""Waymark: shared core (settings, safety rules, i18n, NLU components, CLI).

`bot/`, `actions/` and the CLI import from here so that safety rules and
translations live in one place each.
"""
from pathlib import Path

#: The project checkout: training data, domain, locales and models are found from here.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
