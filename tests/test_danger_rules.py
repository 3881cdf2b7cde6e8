"""The danger rule layer: normalisation and patterns (no model involved)."""
from __future__ import annotations

from pathlib import Path

import pytest

from waymark.safety.danger import DangerRules, default_rules
from waymark.safety.normalise import normalise


@pytest.mark.parametrize(("raw", "folded"), [
    ("He's OUTSIDE!!!", " hes outside "),
    ("Nóż", " noz "),
    ("call 999 pleaseeee", " call 999 pleasee "),
    ("أنا في خطر", " انا في خطر "),
    ("ਮੈਨੂੰ ਬਚਾਓ", " ਮੈਨੂੰ ਬਚਾਓ "),
    ("   ", "  "),
])
def test_normalise(raw: str, folded: str) -> None:
    assert normalise(raw) == folded


@pytest.mark.parametrize("text", [
    "He's outside with a knife", "hes gonna kill me", "call 999", "CANT BREATHE his hands round my neck",
    "Ma nóż!!", "mă omoară", "ele está com uma faca", "سوف يقتلني", "সে আমাকে মেরে ফেলবে",
    "can someone call the police", "emergency", "meri jaan nu khatra hai hune", "help fi rwan plis",
])
def test_danger_phrases_fire_in_many_languages(text: str) -> None:
    assert default_rules().match(text) is not None


@pytest.mark.parametrize("text", [
    "what help is near Hereford?", "I think my partner is controlling", "thanks so much",
    "is it abuse if he checks my phone", "HR4 9AB", "can I get a non-molestation order",
    # planning and questions, where another language's words must not fire either
    "should i call the police for my friend", "how do deaf people call 999", "what do i do in an emergency",
    "how do i get help quietly if hes in the house", "where can i get help now that i have left",
    "how do i set up emergency sos on my iphone", "sos button kithe hunda phone te",
    "agar jaan ko khatra ho to kya karun", "999 pe kaise bataun", "agar wo chaku utha le to kya karun",
])
def test_ordinary_messages_do_not_fire(text: str) -> None:
    assert default_rules().match(text) is None


def test_every_shipped_language_has_rules() -> None:
    assert set(default_rules().languages) >= {"en", "cy", "pl", "ro", "pa", "ur", "bn", "ar", "lt", "pt"}


def test_pattern_syntax_keeps_the_indic_marks_after_it(tmp_path: Path) -> None:
    """A virama written right after "(" is part of the pattern, not an accent to drop."""
    (tmp_path / "pa.yml").write_text('language: pa\npatterns:\n  - " ਪ(੍ਰ)ੇਮ "\n', encoding="utf-8")
    assert DangerRules.from_directory(tmp_path).match("ਪ੍ਰੇਮ") is not None


def test_patterns_are_folded_like_text(tmp_path: Path) -> None:
    (tmp_path / "xx.yml").write_text('language: xx\npatterns:\n  - " nóż "\n', encoding="utf-8")
    assert DangerRules.from_directory(tmp_path).match("NOZ") is not None


def test_shared_guards_are_expanded_and_quantifiers_left_alone(tmp_path: Path) -> None:
    (tmp_path / "xx.yml").write_text(
        'language: xx\nguards:\n  not_past: "(?!.* yesterday )"\npatterns:\n  - "^{not_past}.* (knife|(ab){2}) "\n',
        encoding="utf-8")
    rules = DangerRules.from_directory(tmp_path)
    assert rules.match("he has a knife") is not None and rules.match("abab") is not None
    assert rules.match("he had a knife yesterday") is None


def test_an_unknown_guard_fails_at_load(tmp_path: Path) -> None:
    (tmp_path / "xx.yml").write_text('language: xx\npatterns:\n  - "^{not_defined}.* knife "\n', encoding="utf-8")
    with pytest.raises(ValueError, match="not_defined"):
        DangerRules.from_directory(tmp_path)
