"""Benchmark: the matrix scoring path against scoring one response at a time.

Run on demand (never as a timed test)::

    .venv/bin/python benchmarks/scoring.py [--rows 1000000] [--code dass21] [--loop-rows N]

It simulates responses to a 21-item instrument with subscales (DASS-21 by default, or MFIS-21)
from a seeded NumPy Generator, leaves about 1 % of answers blank, and scores them

* with ``score_many`` (all rows), and
* with ``score`` in a Python loop over the same rows, one response at a time (answers are
  built as dicts in chunks of 50,000 outside the timed part, so only scoring is timed). By
  default the loop scores every row; ``--loop-rows N`` scores only the first N for a quick run,
  and the output then says the loop figure is a sample.

Both runs happen in the same process, so the ratio is meaningful on a noisy machine. A random
2,000 rows are also checked to give identical results on both paths.
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np
import numpy.typing as npt

from msrelief.scoring import Definition, ScoringError, get_definition, score, score_many

SEED = 20260501
BLANK_RATE = 0.01


def simulate(
    definition: Definition, rows: int, rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """Random valid answers for every item (first listed answer scale), about 1 % blank."""
    values = np.array(definition.plan.items[0].values or (0.0, 1.0), dtype=np.float64)
    matrix = rng.choice(values, size=(rows, len(definition.item_ids)))
    matrix[rng.random(matrix.shape) < BLANK_RATE] = np.nan
    return matrix


def as_answers(definition: Definition, row: npt.NDArray[np.float64]) -> dict[str, float]:
    return {
        link: float(value)
        for link, value in zip(definition.item_ids, row, strict=True)
        if not math.isnan(value)
    }


def time_matrix(definition: Definition, matrix: npt.NDArray[np.float64], repeats: int) -> float:
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        score_many(definition, matrix)
        best = min(best, time.perf_counter() - start)
    return best


CHUNK = 50_000


def time_loop(
    definition: Definition, matrix: npt.NDArray[np.float64], rows: int
) -> tuple[float, int]:
    """Seconds spent in ``score`` over the first ``rows`` rows, and how many were scorable."""
    seconds, scored = 0.0, 0
    for first in range(0, rows, CHUNK):
        chunk = [as_answers(definition, row) for row in matrix[first : min(first + CHUNK, rows)]]
        start = time.perf_counter()
        for response in chunk:
            try:
                score(definition, response)
                scored += 1
            except ScoringError:
                pass
        seconds += time.perf_counter() - start
    return seconds, scored


def check_agreement(
    definition: Definition, matrix: npt.NDArray[np.float64], picks: npt.NDArray[np.int64]
) -> None:
    many = score_many(definition, matrix[picks])
    for row, index in enumerate(picks):
        try:
            expected: float | None = score(definition, as_answers(definition, matrix[index])).total
        except ScoringError:
            expected = None
        got = many.totals[row]
        assert (expected is None and math.isnan(got)) or expected == got, (index, expected, got)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--loop-rows", type=int, default=0, help="0 (default): every row")
    parser.add_argument("--code", default="dass21", choices=["dass21", "mfis21"])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    definition = get_definition(args.code)
    rng = np.random.default_rng(SEED)
    matrix = simulate(definition, args.rows, rng)
    picks = rng.choice(args.rows, size=min(2000, args.rows), replace=False)
    check_agreement(definition, matrix, picks)
    loop_rows = min(args.loop_rows or args.rows, args.rows)

    matrix_seconds = time_matrix(definition, matrix, args.repeats)
    loop_seconds, scored = time_loop(definition, matrix, loop_rows)
    matrix_rate = args.rows / matrix_seconds
    loop_rate = loop_rows / loop_seconds

    print(
        f"instrument: {definition.scoring_version} ({len(definition.item_ids)} items, "
        f"subscales: {', '.join(n for n in definition.score_names if n != 'total')})"
    )
    print(f"simulated responses: {args.rows:,} (seed {SEED}, {BLANK_RATE:.0%} of answers blank)")
    print(
        f"matrix path (score_many), best of {args.repeats}: {matrix_seconds:.3f} s "
        f"-> {matrix_rate:,.0f} responses/s"
    )
    sampled = "" if loop_rows == args.rows else f" (a sample: the first {loop_rows:,} rows)"
    print(
        f"loop path (score, one at a time) over {loop_rows:,} responses{sampled}: "
        f"{loop_seconds:.3f} s -> {loop_rate:,.0f} responses/s "
        f"({scored:,} scorable, the rest raised ScoringError)"
    )
    print(f"ratio matrix / loop: {matrix_rate / loop_rate:.1f}x")
    print(
        f"targets: ratio >= 20x {'met' if matrix_rate >= 20 * loop_rate else 'NOT met'}; "
        f">= 1,000,000 responses/s {'met' if matrix_rate >= 1_000_000 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
