"""docs/screening.md keeps up with the rule file: every answer key, rule, adaptation and
message is there, each rule with its outcome, grade and sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from msrelief.screening import ANSWER_KEYS, Rule, default_ruleset

DOC = (Path(__file__).resolve().parents[3] / "docs" / "screening.md").read_text(encoding="utf-8")
RULESET = default_ruleset()
SHORT = {"emergency_999": "999", "urgent_same_day": "same day", "ms_team": "MS team"}


def row_of(first_cell: str) -> str:
    rows = [line for line in DOC.splitlines() if line.startswith(f"| {first_cell} ")]
    assert len(rows) == 1, f"{first_cell}: {len(rows)} rows"
    return rows[0]


@pytest.mark.parametrize("key", ANSWER_KEYS)
def test_every_answer_key_is_documented(key: str) -> None:
    row_of(f"`{key}` |")


@pytest.mark.parametrize("rule", RULESET.rules, ids=lambda rule: rule.id)
def test_every_rule_is_documented_with_its_outcome_grade_and_sources(rule: Rule) -> None:
    row = row_of(f"**{rule.id}** {rule.spec.title} |")
    outcome = rule.spec.outcome + (f" ({SHORT[rule.spec.urgency]})" if rule.spec.urgency else "")
    cells = [cell.strip() for cell in row.split("|")]
    assert cells[2] == outcome
    assert cells[5].startswith(rule.spec.grade)
    assert all(f"`{key}`" in cells[6] for key in rule.spec.citations)
    assert all(f"`{key}`" in cells[4] for key in rule.spec.adaptations)


def test_every_adaptation_and_message_is_documented_with_its_text() -> None:
    for key, adaptation in RULESET.spec.adaptations.items():
        assert adaptation.label in row_of(f"`{key}` |")
    for key, message in RULESET.spec.messages.items():
        assert message.text in row_of(f"`{key}` |")


def test_the_docs_say_plainly_that_a_clinician_must_review_the_rules() -> None:
    assert "**Not yet reviewed by a clinician.**" in DOC
    assert "registered clinician must review every rule" in " ".join(DOC.split())
