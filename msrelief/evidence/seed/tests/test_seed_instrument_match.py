"""The seed's instrument matches and time points in weeks agree with what each result says."""

from __future__ import annotations

import re

import pytest

from msrelief.evidence.seed import Result, load_seed
from msrelief.scoring import get_definition


def all_results() -> list[Result]:
    return [r for s in load_seed().studies for r in s.results + s.unconfirmed_results]


def matched(code: str) -> set[str]:
    return {r.id for r in all_results() if r.instrument_code == code}


def test_a_time_point_in_weeks_is_a_number_the_results_own_time_point_names() -> None:
    for result in all_results():
        if result.time_point_weeks is None:
            continue
        words = result.time_point or ""
        numbers = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", words)}
        stated = numbers or ({0.0} if words == "baseline" else set())
        assert result.time_point_weeks in stated, result.id
        assert "week" in words or words == "baseline", result.id


def test_every_time_point_that_names_weeks_has_its_number_of_weeks() -> None:
    for result in all_results():
        if result.time_point and re.search(r"\d+[- ]weeks?", result.time_point):
            assert result.time_point_weeks is not None, result.id


def test_a_matched_instrument_is_the_one_the_paper_names() -> None:
    for result in all_results():
        if not result.instrument_code:
            continue
        definition = get_definition(result.instrument_code)
        short = definition.spec.short_title.split(",")[0]
        full = definition.title.split(" (")[0]
        named = result.instrument or ""
        assert short.split("-")[0] in named or full in named, (result.id, named)


def test_naderi_2024_is_matched_for_the_fss_psqi_and_mas_it_used() -> None:
    naderi = {
        r.id: (r.instrument_code, r.score_name) for r in load_seed().study("naderi2024").results
    }
    assert naderi["naderi2024-fatigue"] == ("fss", "total")
    assert naderi["naderi2024-sleep"] == ("psqi", "total")
    assert naderi["naderi2024-spasticity"] == ("mas", None)  # which score is not stated


@pytest.mark.parametrize(
    "result_id",
    ["naderi2024-stress", "naderi2024-anxiety", "naderi2024-depression", "naderi2024-qol"],
)
def test_a_result_whose_instrument_version_is_not_stated_is_left_unmatched_and_says_why(
    result_id: str,
) -> None:
    result = next(r for r in load_seed().study("naderi2024").results if r.id == result_id)
    assert result.instrument_code is None and "Not matched to msrelief" in (result.notes or "")


def test_an_instrument_msrelief_does_not_ship_is_never_matched() -> None:
    unmatched = {"gaballah2023-pain", "schroeder2014-qol", "naderi2024-pain", "sajadi2020-anxiety"}
    assert not unmatched & {r.id for r in all_results() if r.instrument_code}


def test_the_unconfirmed_results_are_never_matched() -> None:
    for study in load_seed().studies:
        assert all(r.instrument_code is None for r in study.unconfirmed_results), study.id
