"""Every number of research/studies.json is in the seed, unaltered, and the seed invents none.

The research files live in the shared folder beside the repository (``../shared/research``), as in
CI. The test is skipped, with that reason, only when the file is absent.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from msrelief.evidence.seed import SEED_DIR

REPO_ROOT = Path(__file__).resolve().parents[4]
RESEARCH_DIR = REPO_ROOT.parent / "shared" / "research"
RESEARCH_STUDIES = RESEARCH_DIR / "studies.json"

pytestmark = pytest.mark.skipif(
    not RESEARCH_STUDIES.exists(),
    reason=f"research data not found at {RESEARCH_STUDIES} (the shared folder beside the repo)",
)


def numbers(value: Any) -> Iterator[float]:
    """Every JSON number in a value (booleans are not numbers)."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int | float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from numbers(item)


def texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


def numbers_in_text(text: str) -> set[float]:
    return {float(token) for token in re.findall(r"\d+(?:\.\d+)?", text.replace("\u2212", "-"))}


@pytest.fixture(scope="module")
def research() -> dict[str, Any]:
    return {study["id"]: study for study in json.loads(RESEARCH_STUDIES.read_text())["studies"]}


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    data = json.loads((SEED_DIR / "studies.json").read_text(encoding="utf-8"))
    return {study["id"]: study for study in data["studies"]}


@pytest.fixture(scope="module")
def evidence_numbers() -> set[float]:
    return numbers_in_text((RESEARCH_DIR / "evidence.md").read_text(encoding="utf-8"))


def seed_study_for(research_id: str, seed: dict[str, Any]) -> dict[str, Any]:
    matches = [study for study in seed.values() if study["research_id"] == research_id]
    assert len(matches) == 1, f"research study {research_id} has {len(matches)} seed studies"
    match: dict[str, Any] = matches[0]
    return match


def test_every_research_study_has_a_seed_study(
    research: dict[str, Any], seed: dict[str, Any]
) -> None:
    for research_id in research:
        seed_study_for(research_id, seed)


def test_every_research_number_is_in_its_seed_study_unaltered(
    research: dict[str, Any], seed: dict[str, Any]
) -> None:
    dropped = {}
    for research_id, study in research.items():
        missing = Counter(numbers(study)) - Counter(numbers(seed_study_for(research_id, seed)))
        if missing:
            dropped[research_id] = sorted(missing.elements())
    assert dropped == {}


def test_the_seed_invents_no_number(
    research: dict[str, Any], seed: dict[str, Any], evidence_numbers: set[float]
) -> None:
    invented = {}
    for study_id, study in seed.items():
        source = research.get(study["research_id"], {})
        allowed = {abs(n) for n in numbers(source)} | evidence_numbers
        allowed |= {n for text in texts(source) for n in numbers_in_text(text)}
        extra = [n for n in numbers(study) if abs(n) not in allowed]
        if extra:
            invented[study_id] = extra
    assert invented == {}


def candidate_cells(research: dict[str, Any]) -> Iterator[tuple[str, float, float]]:
    rows = research["hernandezreif1998"]["unverified_candidate_data"]["rows"]
    for measure, columns in rows.items():
        slug = measure.lower().replace(" ", "-")
        for column, pair in columns.items():
            arm, day = column.split("_", 1)
            for timing, cell in zip(("before", "after"), pair, strict=True):
                mean, sd = re.fullmatch(r"(\d+)\((\d+)\)", cell).groups()  # type: ignore[union-attr]
                yield f"hernandezreif1998-{slug}-{arm}-{day}-{timing}", float(mean), float(sd)


def test_the_unconfirmed_table_is_copied_cell_by_cell(
    research: dict[str, Any], seed: dict[str, Any]
) -> None:
    kept = {r["id"]: r for r in seed["hernandezreif1998"]["unconfirmed_results"]}
    cells = list(candidate_cells(research))
    assert len(cells) == len(kept) == 32
    for result_id, mean, sd in cells:
        assert (kept[result_id]["mean"], kept[result_id]["sd"]) == (mean, sd), result_id


SPOT_CHECKS = [
    ("naderi2024", "naderi2024-stress", "effect_value", 0.8),
    ("naderi2024", "naderi2024-anxiety", "effect_value", 0.47),
    ("naderi2024", "naderi2024-depression", "effect_value", 0.7),
    ("naderi2024", "naderi2024-qol", "effect_value", 0.53),
    ("naderi2024", "naderi2024-qol-components", "effect_range", [0.31, 0.58]),
    ("salarvand2021", "salarvand2021-fatigue", "ci_low", -2.4),
    ("ma2023", "ma2023-fatigue", "i2", 93),
    ("ma2023", "ma2023-sf36-role-physical", "ci_high", 25.3),
    ("negahban2013", "negahban2013-walking-massage-vs-exercise", "effect_value", 7.84),
    ("backus2016", "backus2016-fatigue", "effect_value", -0.76),
    ("miller2013", "miller2013-msis-reflexology-8wk", "sd", 3.3),
    ("miller2013", "miller2013-msis-between-16wk", "p_value", 0.112),
    ("sievner2003", "sievner2003-paresthesias-3mo", "p_value", 0.04),
    ("eftekhari2023", "eftekhari2023-qol-psychological", "effect_value", 5.42),
]


@pytest.mark.parametrize(("study_id", "result_id", "field", "expected"), SPOT_CHECKS)
def test_key_numbers_sit_in_the_right_field(
    seed: dict[str, Any], study_id: str, result_id: str, field: str, expected: Any
) -> None:
    result = next(r for r in seed[study_id]["results"] if r["id"] == result_id)
    assert result[field] == expected
