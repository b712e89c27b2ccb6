"""From answer matrices to the cohort's statistics, with no database (benchmarks/cohort.py
runs it on a synthetic clinic).

For one instrument version, the rows of :class:`Responses` are one client's current responses
in the order they were submitted, clients one after another. Every row is scored at once by
:func:`~msrelief.scoring.score_many`; then, for each score of the instrument, a client's
**baseline** is their first response with that score and their **end** their last, so only
clients with at least two scored responses are paired. A response whose score cannot be
computed (too many items unanswered) is passed over for that score.

The **completion rate** of a score is the share of the clients who have a baseline (at least
one scored response in the period) who also have an end (a second, later one), with its Wilson
interval: how many of those who started measuring were measured again.

Responders are judged with the thresholds :func:`~msrelief.scoring.judge_change` applies:
the definition's improvement MCID (by the client's EDSS where the MCID depends on it; clients
with no applicable MCID are left out of that proportion's n) and its reliable change index.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from msrelief.scoring import Definition, ScoringError, score_many
from msrelief.scoring.change import improvement_mcid, reliable_change_se
from msrelief.scoring.models import Direction
from msrelief.stats.cohort import (
    ChangeSummary,
    McidUnit,
    Proportion,
    responders_by_mcid,
    responders_by_rci,
    summarise_change,
    wilson_interval,
)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class CohortDataError(ValueError):
    """Stored answers that cannot be scored; the message names the instrument and item."""


@dataclass(frozen=True, eq=False)
class Responses:
    """One instrument version's responses: ``clients[i]`` is the client (an index into the
    report's client list) of row ``i`` of ``matrix`` (columns ``definition.item_ids``, NaN =
    unanswered). Rows are grouped by client and, within a client, in time order."""

    definition: Definition
    clients: IntArray
    matrix: FloatArray


@dataclass(frozen=True)
class Pairs:
    clients: IntArray  # the paired clients' indexes
    baseline: FloatArray
    end: FloatArray
    started: int  # clients with at least one scored response


@dataclass(frozen=True, eq=False)
class ConstructResult:
    """The cohort's numbers for one score of one instrument version."""

    instrument: str
    version: str
    scoring_version: str
    title: str
    score: str
    label: str
    direction: Direction
    unit: str | None
    summary: ChangeSummary
    completion: Proportion
    responders_mcid: Proportion | None  # None: the score has no improvement MCID
    mcid: float | None
    mcid_unit: str | None
    mcid_note: str | None  # for an MCID by EDSS band: the bands used
    responders_rci: Proportion | None  # None: the score has no reliability for an RCI
    se_diff: float | None
    sources: tuple[str, ...]
    pairs: Pairs = field(repr=False)

    @property
    def n(self) -> int:
        return self.summary.n


def answers_matrix(definition: Definition, answers: Sequence[Mapping[str, object]]) -> FloatArray:
    """Stored answers (item number -> value) as :func:`score_many`'s matrix."""
    index = definition.plan.index
    matrix = np.full((len(answers), len(definition.item_ids)), np.nan)
    for row, given in enumerate(answers):
        for key, value in given.items():
            column = index.get(key)
            if column is None:
                raise CohortDataError(f"{definition.key}: a stored response has unknown item {key}")
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise CohortDataError(
                    f"{definition.key} item {key}: the stored answer is not numeric"
                )
            matrix[row, column] = value
    return matrix


def first_and_last(clients: IntArray, values: FloatArray) -> Pairs:
    """Each client's first and last finite value, for clients with at least two."""
    scored = ~np.isnan(values)
    who, kept = clients[scored], values[scored]
    if len(who) == 0:
        empty = np.zeros(0)
        return Pairs(np.zeros(0, dtype=np.int64), empty, empty, 0)
    starts = np.flatnonzero(np.r_[True, who[1:] != who[:-1]])
    ends = np.r_[starts[1:] - 1, len(who) - 1]
    paired = ends > starts
    return Pairs(who[starts][paired], kept[starts][paired], kept[ends][paired], len(starts))


def _mcid_thresholds(
    definition: Definition, name: str, edss: FloatArray
) -> tuple[FloatArray, str | None, tuple[str, ...], str | None] | None:
    """Each client's improvement MCID (NaN where none applies), or None when the score has
    none at all; the unit, the sources and, for a band MCID, a note of the bands used."""
    spec = definition.mcid_for(name)
    if spec is None or (spec.improvement is None and spec.by_edss is None):
        return None
    thresholds = np.full(len(edss), np.nan)
    unit, sources, notes = spec.unit, set[str](), set[str]()
    for value in np.unique(edss):
        rows = np.isnan(edss) if np.isnan(value) else edss == value
        found = improvement_mcid(definition, name, None if np.isnan(value) else float(value))
        if found.value is not None:
            thresholds[rows] = found.value
            sources.update(found.sources)
        if found.note:
            notes.add(found.note)
    return thresholds, unit, tuple(sorted(sources)), "; ".join(sorted(notes)) or None


def _construct(
    definition: Definition, name: str, values: FloatArray, responses: Responses, edss: FloatArray
) -> ConstructResult:
    spec = definition.score_spec(name)
    pairs = first_and_last(responses.clients, values)
    summary = summarise_change(pairs.baseline, pairs.end)
    mcid = _mcid_thresholds(definition, name, edss[pairs.clients])
    by_mcid = None
    if mcid is not None:
        unit: McidUnit = "percent" if mcid[1] == "percent" else "points"
        by_mcid = responders_by_mcid(pairs.baseline, pairs.end, spec.direction, mcid[0], unit)
    se_diff, rci_sources = reliable_change_se(definition, name)
    by_rci = None
    if se_diff is not None:
        by_rci = responders_by_rci(pairs.baseline, pairs.end, spec.direction, se_diff)
    # One threshold for everyone judged, or none to show (the note gives each band's).
    used = np.unique(mcid[0][np.isfinite(mcid[0])]) if mcid is not None else np.zeros(0)
    return ConstructResult(
        instrument=definition.code,
        version=definition.version,
        scoring_version=definition.scoring_version,
        title=definition.title,
        score=name,
        label=spec.label,
        direction=spec.direction,
        unit=spec.unit,
        summary=summary,
        completion=_completion(summary.n, pairs.started),
        responders_mcid=by_mcid,
        mcid=float(used[0]) if len(used) == 1 else None,
        mcid_unit=None if mcid is None else mcid[1],
        mcid_note=None if mcid is None else mcid[3],
        responders_rci=by_rci,
        se_diff=se_diff,
        sources=(*rci_sources, *(mcid[2] if mcid is not None else ())),
        pairs=pairs,
    )


def _completion(paired: int, started: int) -> Proportion:
    share = paired / started if started else None
    return Proportion(paired, started, share, wilson_interval(paired, started))


def constructs(responses: Responses, edss: FloatArray) -> list[ConstructResult]:
    """Every score of one instrument version. ``edss`` holds each client's EDSS (NaN where not
    recorded), indexed like ``responses.clients``."""
    definition = responses.definition
    try:
        many = score_many(definition, responses.matrix)
    except ScoringError as error:
        raise CohortDataError(f"stored responses cannot be scored: {error}") from None
    results = []
    for name in definition.score_names:
        values = many.totals if name == "total" else many.subscales[name]
        results.append(_construct(definition, name, values, responses, edss))
    return results
