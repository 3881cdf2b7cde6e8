"""HTTP routes the survivor widget needs besides `/ws`.

- `GET /widget.js`: the embeddable script. The English UI strings, the language
  list and the configured exit URL are baked into it, so the widget can show
  the helplines even when the server is gone, and strings live in one place
  (`widget_strings.yml`) rather than being copied into JavaScript.
- `GET /widget/strings/{lang}.json`: the UI strings in one language, from the
  gettext catalogs (msgctxt "widget:<key>"); open to any origin, because a
  provider's site loads them cross-origin and they hold nothing private.
- `GET /demo/provider`: a sample provider page showing the one-tag embed.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.app_keys import SETTINGS
from waymark.i18n.catalogs import default_catalogs
from waymark.i18n.languages import LANGUAGES, supported
from waymark.i18n.responses import load_widget_strings

STATIC_DIR = Path(__file__).with_name("static")
WIDGET_SOURCE = STATIC_DIR / "widget.js"
#: Where widget.js receives its configuration; the file works (in English, with
#: the default exit URL) even if served raw.
BOOT_MARKER = "/*WAYMARK_BOOT*/{}"
CONTEXT_PREFIX = "widget:"


@lru_cache(maxsize=1)
def english_strings() -> dict[str, str]:
    """The widget's UI strings in English, read once per process."""
    return load_widget_strings()


def translated_strings(language: str) -> dict[str, str]:
    """Every UI string in ``language`` (English where a translation is missing)."""
    catalogs = default_catalogs()
    return {
        key: catalogs.gettext(language, english, f"{CONTEXT_PREFIX}{key}")
        for key, english in english_strings().items()
    }


def language_list() -> list[dict[str, Any]]:
    """The language picker's entries: each language named in itself."""
    return [{"code": info.code, "name": info.endonym, "rtl": info.rtl} for info in LANGUAGES.values()]


def widget_script_text(exit_url: str, source: Path = WIDGET_SOURCE) -> str:
    """widget.js with its boot configuration filled in."""
    boot = {"strings": english_strings(), "languages": language_list(), "exitUrl": exit_url}
    text = source.read_text(encoding="utf-8")
    if BOOT_MARKER not in text:
        raise RuntimeError(f"{source} lost its boot marker {BOOT_MARKER!r}")
    # ensure_ascii keeps U+2028/2029 and any "</script>" harmless inside JavaScript.
    return text.replace(BOOT_MARKER, json.dumps(boot, ensure_ascii=True, separators=(",", ":")))


async def widget_script(request: web.Request) -> web.Response:
    text = widget_script_text(request.app[SETTINGS].exit_url)
    return web.Response(text=text, content_type="text/javascript", headers=_open_to_embedders())


async def widget_strings(request: web.Request) -> web.Response:
    language = supported(request.match_info["lang"])
    if language is None or language != request.match_info["lang"]:
        raise web.HTTPNotFound()
    body = {"lang": language, "rtl": LANGUAGES[language].rtl, "strings": translated_strings(language)}
    return web.json_response(body, headers=_open_to_embedders())


async def demo_provider(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC_DIR / "demo-provider.html")


def _open_to_embedders() -> dict[str, str]:
    """Let a provider's page on another origin load the script and strings.

    No credentials are involved (the widget never sends cookies), so `*` is safe.
    """
    return {"Access-Control-Allow-Origin": "*", "Cross-Origin-Resource-Policy": "cross-origin"}


def add_widget_routes(app: web.Application) -> None:
    """Register the widget's routes on the gateway."""
    app.router.add_get("/widget.js", widget_script)
    app.router.add_get("/widget/strings/{lang}.json", widget_strings)
    app.router.add_get("/demo/provider", demo_provider)
