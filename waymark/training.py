"""Training the Rasa model only when what it is trained from has changed.

The model's file name carries a hash of its inputs (config, domain, training
data and the custom NLU components' code), so "is the model current?" is a file
lookup, and re-running setup with nothing changed costs nothing.
"""
from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path

from waymark import PROJECT_ROOT

log = logging.getLogger(__name__)

MODEL_PREFIX = "waymark-"
TRAINING_INPUTS = ("config.yml", "domain", "nlu", "stories", "waymark/components", "waymark/i18n/identify.py",
                   "waymark/i18n/romanised.py", "waymark/i18n/languages.py")


def _input_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for name in TRAINING_INPUTS:
        path = root / name
        if path.is_dir():
            files.extend(p for p in path.rglob("*") if p.is_file() and p.suffix in {".yml", ".yaml", ".py"})
        elif path.is_file():
            files.append(path)
    return sorted(files)


def training_hash(root: Path = PROJECT_ROOT) -> str:
    """A short hash of every file the model is trained from (paths and contents)."""
    digest = hashlib.sha256()
    for path in _input_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def current_model_path(models_dir: Path, root: Path = PROJECT_ROOT) -> Path:
    return models_dir / f"{MODEL_PREFIX}{training_hash(root)}.tar.gz"


def ensure_model(models_dir: Path, root: Path = PROJECT_ROOT) -> Path:
    """Return the current model, training it first if it is missing or stale."""
    target = current_model_path(models_dir, root)
    if target.exists():
        return target
    # Rasa's training cache (.rasa/cache) would only copy every model part to disk again.
    os.environ.setdefault("RASA_MAX_CACHE_SIZE", "0")
    from rasa.api import train

    log.info("model.train.start")
    print("Training the Rasa model for the current data (6 to 13 minutes on 2 cores, depending on the machine)...", flush=True)
    models_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    result = train(
        domain=str(root / "domain"),
        config=str(root / "config.yml"),
        training_files=[str(root / "nlu"), str(root / "stories")],
        output=str(models_dir),
        fixed_model_name=target.name.removesuffix(".tar.gz"),
        # The file name already says whether a model is current, so Rasa's own cache
        # never saves work here: skip its fingerprint pass.
        force_training=True,
        # The conversation is mostly rules and short stories: augmented stories only
        # slow TED and Memoization down (minutes on two cores) without changing them.
        core_additional_arguments={"augmentation_factor": 0},
    )
    if result.code != 0 or not target.exists():
        raise SystemExit("Training failed; run `rasa data validate` to see what is wrong with the data.")
    for old in models_dir.glob(f"{MODEL_PREFIX}*.tar.gz"):
        if old != target:
            old.unlink()
    minutes = (time.monotonic() - started) / 60
    log.info("model.train.done minutes=%.1f", minutes)
    print(f"Model trained in {minutes:.1f} minutes.", flush=True)
    return target
