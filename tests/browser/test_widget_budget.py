"""The widget's size budget and its strings, checked without a browser."""
from __future__ import annotations

import gzip
import re

from bot.widget_routes import STATIC_DIR, english_strings, widget_script_text

BUDGET_BYTES = 30 * 1024


def test_script_and_styles_fit_the_gzip_budget() -> None:
    script = widget_script_text("https://www.bbc.co.uk/weather").encode()
    styles = (STATIC_DIR / "widget.css").read_bytes()
    assert len(gzip.compress(script, 9)) + len(gzip.compress(styles, 9)) <= BUDGET_BYTES


def test_every_ui_string_is_used_and_every_looked_up_key_exists() -> None:
    """An unused key is dead weight for translators; a missing one would show an empty text."""
    source = (STATIC_DIR / "widget.js").read_text()
    keys = set(english_strings())
    assert {key for key in keys if f'"{key}"' not in source} == set()
    assert set(re.findall(r'\bt\("([a-z0-9_]+)"\)', source)) - keys == set()


def test_served_script_carries_english_strings_and_exit_url() -> None:
    script = widget_script_text("https://example.org/neutral")
    assert "/*WAYMARK_BOOT*/" not in script
    assert '"exitUrl":"https://example.org/neutral"' in script
    assert "0808 2000 247" in script, "the helpline must be baked in for when the server is gone"
