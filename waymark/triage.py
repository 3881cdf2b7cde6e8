"""`waymark triage`: classify JSON lines exactly as the live bot does.

Input, one per line: {"text": "...", "lang": "pl"?}. Output, one per line and in
order: {"language", "intent", "confidence", "danger"}. It loads the same trained
model, whose pipeline includes the language identifier and the danger rule
layer, and parses each line with the same metadata the gateway passes.
"""
from __future__ import annotations

import asyncio
import json
import sys
from typing import IO, Any

from waymark.settings import Settings
from waymark.training import current_model_path

EXIT_NO_MODEL = 2
EXIT_BAD_LINES = 1


def _result(parse: dict[str, Any]) -> dict[str, Any]:
    intent = parse.get("intent") or {}
    return {
        "language": parse.get("language"),
        "intent": intent.get("name"),
        "confidence": round(float(intent.get("confidence") or 0.0), 4),
        "danger": bool(parse.get("danger")),
    }


async def _triage(model_path: str, lines: IO[str], out: IO[str]) -> int:
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import UserMessage

    agent = Agent.load(model_path)
    bad_lines = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text, language = str(item["text"]), item.get("lang")
        except (ValueError, KeyError, TypeError):
            # Keep one output line per input line so results stay aligned.
            print(f"line {number}: expected a JSON object with a \"text\" field", file=sys.stderr)
            bad_lines += 1
            out.write(json.dumps(_result({})) + "\n")
            continue
        parse = await agent.processor.parse_message(UserMessage(text, metadata={"language": language}))
        out.write(json.dumps(_result(parse), ensure_ascii=False) + "\n")
    out.flush()
    return EXIT_BAD_LINES if bad_lines else 0


def triage(settings: Settings, lines: IO[str] = sys.stdin, out: IO[str] = sys.stdout) -> int:
    model_path = current_model_path(settings.models_dir)
    if not model_path.exists():
        print("No trained model for the current training data. Train it with `waymark train` "
              "(or run `./dev serve`, which trains first).", file=sys.stderr)
        return EXIT_NO_MODEL
    return asyncio.run(_triage(str(model_path), lines, out))
