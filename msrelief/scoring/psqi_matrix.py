"""The PSQI algorithm of :mod:`msrelief.scoring.psqi` on a matrix of responses, with NumPy.

The same rules and boundary choices as the one-response scorer (Buysse et al. 1989 [S16]);
``test_properties.py`` holds the matrix path of every instrument to the same scores as scoring
one response at a time, on generated responses.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from msrelief.scoring.plan import BAND_EPSILON, Plan
from msrelief.scoring.psqi import COMPONENTS, DISTURBANCE_ITEMS, hours_in_bed

FloatArray = npt.NDArray[np.float64]


def _column(plan: Plan, matrix: FloatArray, link: str) -> FloatArray:
    return matrix[:, plan.index[link]]


def _bands(values: FloatArray, edges: tuple[float, ...]) -> FloatArray:
    """Score 0..len(edges) by how many upper edges the value exceeds (NaN stays NaN)."""
    result = np.zeros(values.shape, dtype=np.float64)
    for edge in edges:
        result += values > edge
    result[np.isnan(values)] = np.nan
    return result


def _efficiency_matrix(plan: Plan, matrix: FloatArray) -> FloatArray:
    q1, q3, q4 = (_column(plan, matrix, link) for link in ("1", "3", "4"))
    in_bed = np.mod(q3 - q1, 24)
    known = ~(np.isnan(q1) | np.isnan(q3) | np.isnan(q4))
    bad = known & ((in_bed == 0) | (q4 > in_bed + BAND_EPSILON))
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        hours_in_bed(plan.code, float(q1[row]), float(q3[row]), float(q4[row]), f" row {row}")
    with np.errstate(divide="ignore", invalid="ignore"):
        percent = q4 / in_bed * 100
    result = np.select(
        [percent >= 85 - BAND_EPSILON, percent >= 75 - BAND_EPSILON, percent >= 65 - BAND_EPSILON],
        [0.0, 1.0, 2.0],
        3.0,
    )
    result[~known] = np.nan
    return result


def score_matrix(plan: Plan, matrix: FloatArray) -> dict[str, FloatArray]:
    """The same algorithm on a matrix of responses (rows) by items (columns); NaN = missing."""

    def col(link: str) -> FloatArray:
        return _column(plan, matrix, link)

    latency = np.ceil((_bands(col("2"), (15, 30, 60)) + col("5a")) / 2)
    hours = col("4")
    duration = 3.0 - ((hours >= 5).astype(np.float64) + (hours >= 6) + (hours > 7))
    duration[np.isnan(hours)] = np.nan
    other = np.nan_to_num(col("5j"), nan=0.0)
    disturbance_sum = sum((col(link) for link in DISTURBANCE_ITEMS), start=other)
    scores = {
        "subjective_quality": col("6").copy(),
        "latency": latency,
        "duration": duration,
        "efficiency": _efficiency_matrix(plan, matrix),
        "disturbances": np.ceil(disturbance_sum / 9),
        "medication": col("7").copy(),
        "daytime_dysfunction": np.ceil((col("8") + col("9")) / 2),
    }
    scores["total"] = np.sum(np.stack([scores[name] for name in COMPONENTS]), axis=0)
    return scores
