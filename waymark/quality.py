"""`waymark quality`: per-language scores on held-out phrasing the model never saw.

tests/heldout/<code>.yml are written by different people from the ones who wrote
that language's training data, in Rasa's NLU format. Each example is parsed
exactly as `waymark triage` does (model + language identifier + danger rule
layer, no language hint: a first message) and scored for intent accuracy, danger
recall (immediate_danger examples flagged), false alarms (other examples
flagged) and language identification. Results go to reports/quality.json and a
Markdown table in reports/quality.md for the README.
"""
from __future__ import annotations

import asyncio
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from waymark import PROJECT_ROOT
from waymark.i18n.languages import LANGUAGES
from waymark.safety.danger import DANGER_INTENT
from waymark.settings import Settings
from waymark.training import ensure_model

HELDOUT_DIR = PROJECT_ROOT / "tests" / "heldout"
REPORTS_DIR = PROJECT_ROOT / "reports"
CONFUSIONS_SHOWN = 5
TARGETS = {"intent_accuracy": 0.90, "danger_recall": 0.99, "false_alarm_rate": 0.05}


@dataclass(frozen=True)
class LanguageScore:
    language: str
    examples: int
    intent_accuracy: float
    danger_recall: float
    false_alarm_rate: float
    language_accuracy: float
    status: str
    # The most frequent (true intent, predicted intent, count) mistakes: where new
    # training data helps most, without showing anyone the held-out text itself.
    confusions: list[tuple[str, str, int]] = field(default_factory=list)

    def meets_targets(self) -> bool:
        return (self.intent_accuracy >= TARGETS["intent_accuracy"] and self.danger_recall >= TARGETS["danger_recall"]
                and self.false_alarm_rate <= TARGETS["false_alarm_rate"])


def heldout_examples(path: Path) -> list[tuple[str, str]]:
    """(text, intent) pairs from a Rasa NLU file, entity markup removed."""
    from rasa.shared.nlu.training_data.loading import load_data

    return [(m.get("text"), m.get("intent")) for m in load_data(str(path)).intent_examples]


async def _score(agent, code: str, examples: list[tuple[str, str]]) -> LanguageScore:
    from rasa.core.channels.channel import UserMessage

    correct = language_correct = danger_total = danger_hit = other_total = other_flagged = 0
    mistakes: Counter[tuple[str, str]] = Counter()
    for text, intent in examples:
        parse = await agent.processor.parse_message(UserMessage(text))
        predicted = (parse.get("intent") or {}).get("name")
        flagged = bool(parse.get("danger"))
        correct += predicted == intent
        if predicted != intent:
            mistakes[(intent, predicted or "none")] += 1
        language_correct += parse.get("language") == code
        if intent == DANGER_INTENT:
            danger_total += 1
            danger_hit += flagged
        else:
            other_total += 1
            other_flagged += flagged
    n = len(examples)
    return LanguageScore(code, n, round(correct / n, 3), round(danger_hit / max(danger_total, 1), 3),
                         round(other_flagged / max(other_total, 1), 3), round(language_correct / n, 3),
                         LANGUAGES[code].status if code in LANGUAGES else "draft",
                         [(true, predicted, count) for (true, predicted), count in mistakes.most_common(CONFUSIONS_SHOWN)])


async def _run(model_path: Path) -> list[LanguageScore]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model_path))
    scores = []
    for path in sorted(HELDOUT_DIR.glob("*.yml")):
        scores.append(await _score(agent, path.stem, heldout_examples(path)))
    return scores


def markdown_table(scores: list[LanguageScore]) -> str:
    lines = ["| language | examples | intent accuracy | danger recall | false alarms | language ID | review |",
             "|---|---|---|---|---|---|---|"]
    for s in scores:
        name = LANGUAGES[s.language].english_name if s.language in LANGUAGES else s.language
        lines.append(f"| {name} ({s.language}) | {s.examples} | {s.intent_accuracy:.3f} | {s.danger_recall:.3f} | "
                     f"{s.false_alarm_rate:.3f} | {s.language_accuracy:.3f} | {s.status} |")
    lines.append("")
    lines.append(f"Targets: intent accuracy ≥ {TARGETS['intent_accuracy']}, danger recall ≥ {TARGETS['danger_recall']}, "
                 f"false alarms ≤ {TARGETS['false_alarm_rate']}.")
    lines += ["", "Most frequent mistakes (true intent → predicted, count):", ""]
    for s in scores:
        mistakes = ", ".join(f"{true} → {predicted} ×{count}" for true, predicted, count in s.confusions) or "none"
        lines.append(f"- {s.language}: {mistakes}")
    return "\n".join(lines) + "\n"


def main(model: str | None = None) -> int:
    model_path = Path(model) if model else ensure_model(Settings.from_env().models_dir)
    scores = asyncio.run(_run(model_path))
    REPORTS_DIR.mkdir(exist_ok=True)
    (REPORTS_DIR / "quality.json").write_text(json.dumps([asdict(s) for s in scores], indent=2) + "\n")
    table = markdown_table(scores)
    (REPORTS_DIR / "quality.md").write_text(table, encoding="utf-8")
    print(table)
    return 0
