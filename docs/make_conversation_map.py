"""Draw the conversation map (docs/conversation-map.md) from the rules and stories.

Why generated: the map is for reviewers (practitioners, translators, the lead) who
need to see every route and its "tell me more" pages without reading Rasa YAML,
and a hand-drawn map would drift from the training data the bot really uses.

Run from the repository root:
    .venv/bin/python docs/make_conversation_map.py            # writes the file
    .venv/bin/python docs/make_conversation_map.py --check    # exit 1 if stale
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
STORY_FILES = sorted((ROOT / "stories").glob("*.yml"))
OUTPUT = ROOT / "docs" / "conversation-map.md"
START = "start"


@dataclass(frozen=True)
class Turn:
    """One user turn and the bot's answer, as a rule or story states it."""

    source: str  # the bot action the turn depends on, or START
    trigger: str  # intent(s) plus any slot or loop condition, as an edge label
    actions: Tuple[str, ...]  # what the bot does in reply, in order
    name: str  # the rule or story it came from
    is_rule: bool  # stories join routes together, so only rules shape diagrams


def _trigger_label(step: dict) -> Optional[str]:
    """The edge label for a user step (`intent:` or an `or:` of intents)."""
    if "intent" in step:
        return str(step["intent"])
    if "or" in step:
        return " / ".join(str(s["intent"]) for s in step["or"] if "intent" in s)
    return None


def turns_from(name: str, steps: Sequence[dict], is_rule: bool) -> List[Turn]:
    """Split a rule or story into turns; conditions before a user step become
    the turn's source (the last bot action) so page-to-page links are kept."""
    turns: List[Turn] = []
    source = START
    trigger: Optional[str] = None
    actions: List[str] = []
    for step in steps:
        label = _trigger_label(step)
        if label is not None:
            if trigger is not None and actions:
                turns.append(Turn(source, trigger, tuple(actions), name, is_rule))
                source = actions[-1]
            trigger, actions = label, []
        elif "action" in step:
            if trigger is None:
                source = str(step["action"])
            else:
                actions.append(str(step["action"]))
        elif "slot_was_set" in step and trigger is not None and not actions:
            for slot in step["slot_was_set"]:
                if isinstance(slot, dict):
                    trigger += "".join(f" [{k}={v}]" for k, v in slot.items())
    if trigger is not None and actions:
        turns.append(Turn(source, trigger, tuple(actions), name, is_rule))
    return turns


def load_turns(files: Iterable[Path]) -> List[Turn]:
    """Every turn in every rule and story file, de-duplicated, in file order."""
    seen: Dict[Tuple[str, str, Tuple[str, ...]], Turn] = {}
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, title in (("rules", "rule"), ("stories", "story")):
            for item in data.get(key) or []:
                steps = item.get("steps", [])
                for turn in turns_from(str(item.get(title, "")), steps, key == "rules"):
                    seen.setdefault((turn.source, turn.trigger, turn.actions), turn)
    return list(seen.values())


def _node_id(actions: Tuple[str, ...]) -> str:
    return "n_" + "__".join(actions).replace("-", "_")


def components(turns: List[Turn]) -> List[List[Turn]]:
    """Group turns that are linked by a "previous action" into one diagram, so
    each route (with its pages) is drawn on its own rather than as one tangle."""
    parent: Dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    for turn in turns:
        find(turn.actions[-1])
        if turn.source != START:
            union(turn.source, turn.actions[-1])
    groups: Dict[str, List[Turn]] = {}
    for turn in turns:
        groups.setdefault(find(turn.actions[-1]), []).append(turn)
    return list(groups.values())


def mermaid(group: List[Turn]) -> str:
    """One mermaid flowchart: a start node, a box per bot reply sequence, and an
    edge per user turn labelled with the intent and any slot condition."""
    lines = ["flowchart TD", f"  {START}((user))"]
    ends: Dict[str, List[Tuple[str, ...]]] = {}
    for turn in group:
        ends.setdefault(turn.actions[-1], [])
        if turn.actions not in ends[turn.actions[-1]]:
            ends[turn.actions[-1]].append(turn.actions)
    declared = set()
    for turn in group:
        node = _node_id(turn.actions)
        if node not in declared:
            lines.append(f'  {node}["{"<br/>".join(turn.actions)}"]')
            declared.add(node)
        sources = [START] if turn.source == START else [
            _node_id(a) for a in ends.get(turn.source, [])
        ] or [f"x_{turn.source}"]
        for src in sources:
            if src.startswith("x_") and src not in declared:
                lines.append(f'  {src}["{turn.source}"]')
                declared.add(src)
            lines.append(f'  {src} -- "{turn.trigger}" --> {node}')
    return "\n".join(lines)


def title(group: List[Turn]) -> str:
    """Name a diagram after the intents that open it, which is how people look
    a route up ("what happens after ask_legal?")."""
    openers: List[str] = []
    for turn in group:
        intent = turn.trigger.split(" [")[0]
        if turn.source == START and intent not in openers:
            openers.append(intent)
    return "Starts with: " + ", ".join(openers) if openers else group[0].name


def render(turns: List[Turn]) -> str:
    """The whole Markdown page: one diagram per route, then a table of turns."""
    out = [
        "# Conversation map",
        "",
        "Generated by `docs/make_conversation_map.py` from `stories/*.yml`; do not edit by hand.",
        "Boxes are what the bot sends (response keys, in order); arrows are what the user",
        "says or taps (intent, with the slot value a rule needs in brackets). `user` is a",
        "turn that can happen at any point. Words for each key: `domain/responses_*.yml`.",
        "",
    ]
    for group in components([t for t in turns if t.is_rule]):
        out += [f"## {title(group)}", "", "```mermaid", mermaid(group), "```", ""]
    out += [
        "## Every turn",
        "",
        "Rules and the multi-turn example stories, which also link routes together.",
        "",
        "| After | User | Bot | From |",
        "|---|---|---|---|",
    ]
    for t in turns:
        after = "any time" if t.source == START else f"`{t.source}`"
        kind = "rule" if t.is_rule else "story"
        out.append(f"| {after} | {t.trigger} | {', '.join(t.actions)} | {kind}: {t.name} |")
    return "\n".join(out) + "\n"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the map is stale")
    args = parser.parse_args(argv)
    text = render(load_turns(STORY_FILES))
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print("docs/conversation-map.md is stale; run docs/make_conversation_map.py")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
