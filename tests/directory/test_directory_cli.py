"""The CLI contract: JSON shape, one-line errors with exit status 2."""
import json

import pytest

from directory.cli import main


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("WAYMARK_DATABASE_URL", url)
    return url


def test_search_json(db_url, capsys):
    assert main(["search", "--near", "HR4 9AB", "--need", "deaf_bsl", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"name", "phone", "website", "needs", "distance_km", "open_now", "national"} <= set(rows[0])
    assert rows[0]["phone"] == "0800 783 1359" and rows[0]["national"] is False
    assert any(r["name"].startswith("SignHealth") and r["distance_km"] is None for r in rows)


@pytest.mark.parametrize("argv", [
    ["search", "--near", "'; DROP TABLE services;--"],
    ["search", "--near", "HR4", "--need", "bogus"],
    ["search"],
    ["import", "/nonexistent/file.yml"],
])
def test_bad_input_exits_2_with_one_line(db_url, capsys, argv):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_generate_then_import(db_url, tmp_path, capsys):
    out = tmp_path / "syn.csv"
    assert main(["generate", "50", str(out)]) == 0
    assert main(["import", str(out)]) == 0
    assert "imported 50 services" in capsys.readouterr().out


def test_text_output_is_plain(db_url, capsys):
    assert main(["search", "--near", "Telford"]) == 0
    out = capsys.readouterr().out
    assert "0800 840 3747" in out and "0808 2000 247" in out
