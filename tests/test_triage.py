"""`waymark triage`, exactly as the design's contract says."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from waymark import PROJECT_ROOT

WAYMARK = str(Path(sys.executable).with_name("waymark"))


def _triage(lines: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([WAYMARK, "triage"], input="\n".join(lines) + "\n", capture_output=True, text=True,
                          cwd=PROJECT_ROOT, env={**os.environ, **(env or {})}, timeout=300)


def test_triage_classifies_in_order_with_danger_and_language(model_path: Path) -> None:
    lines = [
        json.dumps({"text": "he is outside with a knife"}),
        json.dumps({"text": "what help is near Hereford?"}),
        json.dumps({"text": "hello"}),
        json.dumps({"text": "thank you so much", "lang": "en"}),
    ]
    result = _triage(lines)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4
    assert all(set(row) == {"language", "intent", "confidence", "danger"} for row in rows)
    assert rows[0]["danger"] is True and rows[0]["intent"] == "immediate_danger"
    assert rows[1]["danger"] is False and rows[1]["intent"] == "find_service"
    assert rows[2]["intent"] == "greet"
    assert rows[3]["intent"] == "thanks"
    assert all(row["language"] == "en" and 0.0 <= row["confidence"] <= 1.0 for row in rows)


def test_triage_keeps_lines_aligned_when_one_is_bad(model_path: Path) -> None:
    result = _triage([json.dumps({"text": "hi"}), "not json", json.dumps({"text": "he has a gun"})])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 1
    assert "line 2" in result.stderr and "Traceback" not in result.stderr
    assert [row["danger"] for row in rows] == [False, False, True]


def test_triage_without_a_model_says_how_to_train(tmp_path: Path) -> None:
    result = _triage([json.dumps({"text": "hi"})], env={"WAYMARK_MODELS_DIR": str(tmp_path)})
    assert result.returncode == 2
    assert "waymark train" in result.stderr and "Traceback" not in result.stderr
