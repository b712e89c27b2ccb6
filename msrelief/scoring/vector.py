"""Score many responses at once: :func:`score_many` on a matrix (rows = responses).

It reads the same compiled :class:`~msrelief.scoring.plan.Plan` as :func:`score` and gives the
same numbers (a property test checks this row by row). The work is done column-wise with NumPy:
keyed answers with missing cells set to 0 are multiplied by a 0/1 item-by-score matrix, which
yields every sum at once; the same product on the answered-cell indicator yields the counts
needed for the missing-item rules and prorating.

Row semantics follow the one-response path: where :func:`score` would raise because the primary
score cannot be computed, the row has ``scorable`` False and NaN in every score. Answers that are
not allowed (unknown values, out of range) raise :class:`ScoringError` naming the row and item.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from msrelief.scoring.definition import Definition
from msrelief.scoring.engine import resolve
from msrelief.scoring.errors import ScoringError
from msrelief.scoring.plan import BAND_EPSILON, ItemRule, Plan, Recode, ScorePlan, format_number
from msrelief.scoring.psqi_matrix import score_matrix

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]
ObjectArray = npt.NDArray[np.object_]


@dataclass(frozen=True, eq=False)
class ManyResult:
    """Scores of many responses; NaN (or None in band arrays) where a score does not exist."""

    totals: FloatArray
    subscales: dict[str, FloatArray]
    bands: ObjectArray
    subscale_bands: dict[str, ObjectArray]
    missing: IntArray
    prorated: BoolArray
    scorable: BoolArray
    version: str


def _accepts(rule: ItemRule, block: FloatArray) -> BoolArray:
    values = rule.values
    ok: BoolArray
    if values is None:
        ok = (block >= rule.low) & (block <= rule.high)
        if rule.integer:
            ok &= block == np.floor(block)
        return ok
    steps = np.diff(values)
    if len(values) > 1 and np.all(steps == steps[0]):
        position = (block - values[0]) / steps[0] if steps[0] != 1 or values[0] else block
        ok = (position == np.round(position)) & (position >= 0) & (position <= len(values) - 1)
        return ok
    ok = np.isin(block, values)
    return ok


def _rule_key(rule: ItemRule) -> tuple[object, ...]:
    return (rule.values, rule.low, rule.high, rule.integer)


def validate_matrix(plan: Plan, matrix: FloatArray, missing: BoolArray) -> None:
    """Raise ScoringError at the first cell holding a value its item does not allow."""
    groups: dict[tuple[object, ...], list[int]] = {}
    for rule in plan.items:
        groups.setdefault(_rule_key(rule), []).append(rule.index)
    for columns in groups.values():
        whole = columns == list(range(matrix.shape[1]))
        block = matrix if whole else matrix[:, columns]
        ok = _accepts(plan.items[columns[0]], block) | (missing if whole else missing[:, columns])
        if ok.all():
            continue
        row, column = (int(i) for i in np.argwhere(~ok)[0])
        rule = plan.items[columns[column]]
        value = float(block[row, column])
        raise ScoringError(
            f"{plan.code} row {row}, item {rule.link_id}: {format_number(value)} is not allowed; "
            f"{rule.describe()}"
        )


def _lookup(mapping: dict[float, float], answers: FloatArray) -> FloatArray:
    keys = np.array(sorted(mapping), dtype=np.float64)
    mapped = np.array([mapping[k] for k in keys], dtype=np.float64)
    position = np.clip(np.searchsorted(keys, answers), 0, len(keys) - 1)
    return np.where(np.isnan(answers), np.nan, mapped[position])


def _keyed_column(recode: Recode, matrix: FloatArray, column: int) -> FloatArray:
    answers = matrix[:, column]
    if recode.kind == "reverse":
        return recode.pivot - answers
    if recode.kind == "map":
        return _lookup(recode.mapping, answers)
    pivot = matrix[:, recode.on_index]
    keyed = np.full(answers.shape, np.nan)
    for when, mapping in recode.cases:
        rows = np.isnan(pivot) if when is None else np.isin(pivot, list(when))
        keyed[rows] = _lookup(mapping, answers[rows])
    return keyed


def keyed_matrix(plan: Plan, matrix: FloatArray) -> FloatArray:
    if all(recode.kind == "identity" for recode in plan.recodes):
        return matrix
    keyed = matrix.copy()
    for column, recode in enumerate(plan.recodes):
        if recode.kind != "identity":
            keyed[:, column] = _keyed_column(recode, matrix, column)
    return keyed


def _finish_score(
    score: ScorePlan, sums: FloatArray, counts: FloatArray
) -> tuple[FloatArray, BoolArray]:
    size = len(score.indices)
    usable = counts >= score.min_answered
    with np.errstate(divide="ignore", invalid="ignore"):
        if score.aggregate == "mean":
            raw = sums / counts
        else:
            raw = np.where(counts < size, sums * size / counts, sums)
    values = raw * score.factor + score.offset
    values[~usable] = np.nan
    return values, usable & (counts < size)


def standard_matrix(
    plan: Plan, matrix: FloatArray, missing: BoolArray
) -> tuple[dict[str, FloatArray], BoolArray]:
    """All scores of a standard instrument for every row, and which rows were prorated."""
    keyed = keyed_matrix(plan, matrix)
    filled = np.where(missing, 0.0, keyed)
    answered = (~missing).astype(np.float64)
    summed = [s for s in plan.scores if s.aggregate != "max"]
    weights = np.zeros((matrix.shape[1], len(summed)))
    for column, score in enumerate(summed):
        weights[list(score.indices), column] = 1.0
    sums, counts = filled @ weights, answered @ weights
    results: dict[str, FloatArray] = {}
    prorated = np.zeros(matrix.shape[0], dtype=bool)
    for column, score in enumerate(summed):
        results[score.name], imputed = _finish_score(score, sums[:, column], counts[:, column])
        prorated |= imputed
    for score in plan.scores:
        if score.aggregate == "max":
            columns = list(score.indices)
            highest = np.where(missing[:, columns], -np.inf, keyed[:, columns]).max(axis=1)
            values = highest * score.factor + score.offset
            values[answered[:, columns].sum(axis=1) < score.min_answered] = np.nan
            results[score.name] = values
    return results, prorated


def band_labels(score: ScorePlan, values: FloatArray) -> ObjectArray:
    labels = np.array([*score.band_labels, None], dtype=object)
    edges = np.array(score.band_from, dtype=np.float64) - BAND_EPSILON
    position = np.searchsorted(edges, values, side="right") - 1
    position[np.isnan(values)] = -1
    result: ObjectArray = labels[position]
    return result


def score_many(definition_or_code: Definition | str, matrix: npt.ArrayLike) -> ManyResult:
    """Score every row of ``matrix`` (columns = ``definition.item_ids`` in order; NaN = missing)."""
    definition = resolve(definition_or_code)
    plan = definition.plan
    data = np.asarray(matrix, dtype=np.float64)
    if data.ndim != 2 or data.shape[1] != len(plan.items):
        raise ScoringError(
            f"{plan.code}: expected a matrix with {len(plan.items)} columns "
            f"(items {', '.join(definition.item_ids)}), got shape {data.shape}"
        )
    missing = np.isnan(data)
    validate_matrix(plan, data, missing)
    if plan.algorithm == "psqi":
        scores, prorated = score_matrix(plan, data), np.zeros(data.shape[0], dtype=bool)
    else:
        scores, prorated = standard_matrix(plan, data, missing)
    return _assemble(plan, scores, prorated, missing)


def _assemble(
    plan: Plan, scores: dict[str, FloatArray], prorated: BoolArray, missing: BoolArray
) -> ManyResult:
    total_plan = plan.total
    subscale_plans = [s for s in plan.scores if s.name != "total"]
    if total_plan is not None:
        scorable = ~np.isnan(scores["total"])
    else:
        scorable = np.any(~np.isnan(np.stack([scores[s.name] for s in subscale_plans])), axis=0)
    for values in scores.values():
        values[~scorable] = np.nan
    rows = missing.shape[0]
    counted = [rule.index for rule in plan.items if not rule.optional]
    totals = scores["total"] if total_plan is not None else np.full(rows, np.nan)
    no_band = np.full(rows, None, dtype=object)
    return ManyResult(
        totals=totals,
        subscales={s.name: scores[s.name] for s in subscale_plans},
        bands=band_labels(total_plan, totals) if total_plan and total_plan.band_labels else no_band,
        subscale_bands={
            s.name: band_labels(s, scores[s.name]) for s in subscale_plans if s.band_labels
        },
        missing=missing[:, counted].sum(axis=1).astype(np.int64),
        prorated=prorated & scorable,
        scorable=scorable,
        version=plan.version_label,
    )
