"""A worked example: answers, the expected scores, and where the example or its rule comes from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest

from msrelief.scoring import score


def numbered(values: Sequence[float], start: int = 1) -> dict[str, float]:
    """Answers given in item order: numbered([2, 0]) == {"1": 2, "2": 0}."""
    return {str(number): value for number, value in enumerate(values, start=start)}


@dataclass(frozen=True)
class Example:
    name: str
    code: str
    answers: dict[str, float]
    total: float | None
    band: str | None
    source: str
    subscales: dict[str, float | None] = field(default_factory=dict)
    subscale_bands: dict[str, str | None] = field(default_factory=dict)


def check(example: Example) -> None:
    result = score(example.code, example.answers)
    assert result.total == pytest.approx(example.total, abs=1e-9)
    assert result.band == example.band
    for name, expected in example.subscales.items():
        assert result.subscales[name] == pytest.approx(expected, abs=1e-9), name
    for name, expected_band in example.subscale_bands.items():
        assert result.subscale_bands[name] == expected_band, name
    assert example.source


def ids(examples: Sequence[Example]) -> list[str]:
    return [example.name for example in examples]
