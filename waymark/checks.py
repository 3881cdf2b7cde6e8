"""`./dev test`: every check CI runs, in order, stopping at the first failure.

1. `rasa data validate` (domain, NLU data and stories agree)
2. train the model if its inputs changed
3. Rasa story tests (tests/stories) against that model
4. the held-out quality report (reports/), which reports rather than gates
5. axe-core for the accessibility tests (`npm ci`, once)
6. pytest (unit, gateway end-to-end, triage, directory, browser) — last, so its
   closing line is the last thing printed.
Extra arguments are passed to pytest.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from waymark import PROJECT_ROOT
from waymark.logging_setup import configure_logging
from waymark.settings import Settings
from waymark.training import ensure_model

BIN = Path(sys.executable).parent


AXE_DIR = PROJECT_ROOT / "tests" / "browser" / "axe"


def _run(title: str, command: list[str], cwd: Path = PROJECT_ROOT) -> None:
    print(f"\n== {title}", flush=True)
    result = subprocess.run(command, cwd=cwd)
    if result.returncode != 0:
        print(f"== FAILED: {title} (exit {result.returncode})", flush=True)
        sys.exit(result.returncode)


def main(pytest_args: list[str]) -> None:
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    settings = Settings.from_env()
    configure_logging(settings.log_level)
    rasa = str(BIN / "rasa")
    _run("rasa data validate", [rasa, "data", "validate", "--domain", "domain", "--data", "nlu", "stories"])
    print("\n== train the model if its training data changed", flush=True)
    model = ensure_model(settings.models_dir)
    print(model, flush=True)
    _run("rasa story tests", [rasa, "test", "core", "--model", str(model), "--stories", "tests/stories",
                              "--fail-on-prediction-errors", "--out", "results/stories", "--no-plot"])
    _run("held-out quality report", [str(BIN / "waymark"), "quality"])
    if shutil.which("npm") and not (AXE_DIR / "node_modules" / "axe-core").exists():
        _run("npm ci (axe-core for the accessibility tests)", ["npm", "ci", "--no-audit", "--no-fund"], AXE_DIR)
    result = subprocess.run([sys.executable, "-m", "pytest", *pytest_args], cwd=PROJECT_ROOT)
    sys.exit(result.returncode)


if __name__ == "__main__":
    main(sys.argv[1:])
