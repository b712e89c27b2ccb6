"""compute.constructs, with no database: pairing, completion, and responders judged exactly
as judge_change judges each client."""

from __future__ import annotations

import math

import numpy as np
import pytest

from msrelief.reports.cohort.compute import (
    CohortDataError,
    Responses,
    answers_matrix,
    constructs,
    first_and_last,
)
from msrelief.scoring import get_definition, judge_change


def test_each_clients_first_and_last_scored_value_are_paired() -> None:
    clients = np.array([0, 0, 0, 1, 2, 2], dtype=np.int64)
    values = np.array([10.0, 8.0, 5.0, 7.0, math.nan, 4.0])
    pairs = first_and_last(clients, values)
    assert pairs.clients.tolist() == [0]
    assert (pairs.baseline.tolist(), pairs.end.tolist()) == ([10.0], [5.0])
    assert pairs.started == 3  # every client has a scored response; only client 0 has two


def test_an_unscorable_response_is_passed_over_for_the_next_scored_one() -> None:
    clients = np.array([0, 0, 0, 0], dtype=np.int64)
    values = np.array([math.nan, 12.0, 9.0, math.nan])
    pairs = first_and_last(clients, values)
    assert (pairs.baseline.tolist(), pairs.end.tolist()) == ([12.0], [9.0])


def test_no_scored_value_gives_no_pairs() -> None:
    pairs = first_and_last(np.array([0, 1], dtype=np.int64), np.array([math.nan, math.nan]))
    assert (len(pairs.clients), pairs.started) == (0, 0)


def _random_cohort(code: str, clients: int, each: int, seed: int) -> Responses:
    definition = get_definition(code)
    rng = np.random.default_rng(seed)
    matrix = np.column_stack(
        [
            rng.choice(np.asarray(rule.values, dtype=float), size=clients * each)
            for rule in definition.plan.items
        ]
    )
    owners = np.repeat(np.arange(clients, dtype=np.int64), each)
    return Responses(definition, owners, matrix)


@pytest.mark.parametrize("code", ["mfis21", "phq9", "msis29@1.0"])
def test_responders_are_the_clients_judge_change_calls_improved_on_each_criterion(
    code: str,
) -> None:
    responses = _random_cohort(code, clients=60, each=3, seed=5)
    edss = np.random.default_rng(9).choice([2.0, 4.5, 6.0, 7.0, 9.0, math.nan], size=60)
    definition = responses.definition
    for result in constructs(responses, edss):
        by_rci = by_mcid = 0
        for client, before, after in zip(
            result.pairs.clients, result.pairs.baseline, result.pairs.end, strict=True
        ):
            level = None if math.isnan(edss[client]) else float(edss[client])
            judged = judge_change(definition, float(before), float(after), result.score, edss=level)
            improved = judged.change != 0 and (judged.change < 0) == (
                judged.direction == "lower_is_better"
            )
            by_rci += bool(judged.reliable and improved)
            by_mcid += bool(judged.meets_mcid and improved)
        if result.responders_rci is not None:
            assert result.responders_rci.count == by_rci
        if result.responders_mcid is not None:
            assert result.responders_mcid.count == by_mcid


def test_an_mcid_by_edss_band_leaves_out_clients_with_no_edss_or_one_outside_the_bands() -> None:
    responses = _random_cohort("msis29@1.0", clients=40, each=2, seed=3)
    edss = np.array([3.0] * 10 + [6.0] * 10 + [9.0] * 10 + [math.nan] * 10)
    (physical,) = [c for c in constructs(responses, edss) if c.score == "physical"]
    assert physical.responders_mcid is not None
    assert physical.responders_mcid.n == 20  # EDSS 0-5 and 5.5-8 only (Costelloe 2007)
    assert physical.mcid is None  # 7 points for some, 8 for others: the note says which
    assert physical.mcid_note is not None and "EDSS 0-5" in physical.mcid_note


def test_a_score_with_no_mcid_and_no_reliability_has_no_responder_figures() -> None:
    responses = _random_cohort("phq8", clients=5, each=2, seed=1)
    (total,) = constructs(responses, np.full(5, math.nan))
    assert total.responders_mcid is None
    assert total.responders_rci is None
    assert total.n == 5


def test_the_completion_rate_is_the_share_of_started_clients_with_an_end() -> None:
    definition = get_definition("phq9")
    matrix = answers_matrix(definition, [{str(i): 1.0 for i in range(1, 10)}] * 5)
    owners = np.array([0, 0, 1, 2, 2], dtype=np.int64)
    (total,) = constructs(Responses(definition, owners, matrix), np.full(3, math.nan))
    assert (total.completion.count, total.completion.n) == (2, 3)
    assert total.completion.proportion == pytest.approx(2 / 3)


def test_stored_answers_that_are_not_allowed_are_refused_naming_the_instrument() -> None:
    definition = get_definition("phq9")
    with pytest.raises(CohortDataError, match=r"phq9@1\.0: a stored response has unknown item 10"):
        answers_matrix(definition, [{"10": 1.0}])
    matrix = answers_matrix(definition, [{"1": 7.0}])
    with pytest.raises(CohortDataError, match="item 1: 7 is not allowed"):
        constructs(Responses(definition, np.array([0], dtype=np.int64), matrix), np.full(1, 1.0))
