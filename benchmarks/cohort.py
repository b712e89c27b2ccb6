"""Benchmark: the cohort build step on a synthetic clinic, against a bare NumPy pass.

Run on demand (never as a timed test)::

    .venv/bin/python benchmarks/cohort.py [--clients 100000] [--responses 8]
                                          [--instruments phq9,mfis21] [--repeat 3]

It makes, in memory (no database), a clinic of ``--clients`` clients, each with
``--responses`` responses shared out over the instruments (by default 4 PHQ-9 and 4 MFIS-21
responses a client: 800,000 responses in all), answered at random from each item's own answer
scale with about 1 % left blank, and an EDSS for most clients. It then times, best of
``--repeat``:

* **build**: :func:`msrelief.reports.cohort.compute.constructs` for every instrument: scoring
  every response with ``score_many``, pairing each client's first and last score of every
  score (subscales too), and the statistics of ``stats.cohort`` (means, t intervals, MCID and
  RCI responders with Wilson intervals);
* **bare NumPy**: over the same matrices, the sum of the items of every row, ignoring blanks,
  and the mean of those sums: about the least any computation on the matrix can cost.

It prints both times, the ratio build / bare NumPy, and whether the build meets the target of
issue 12: under 3 s for 100,000 clients x 8 responses.
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from msrelief.reports.cohort.compute import Responses, constructs
from msrelief.scoring import Definition, get_definition

SEED = 20260512
BLANK_RATE = 0.01
TARGET_SECONDS = 3.0
EDSS_STEPS = np.arange(0.0, 10.5, 0.5)


def simulate(
    definition: Definition, clients: int, each: int, rng: np.random.Generator
) -> Responses:
    """``each`` responses for every client, rows grouped by client, answers on each item's scale."""
    rows = clients * each
    matrix = np.empty((rows, len(definition.item_ids)))
    for column, rule in enumerate(definition.plan.items):
        if rule.values is not None:
            matrix[:, column] = rng.choice(np.asarray(rule.values, dtype=np.float64), size=rows)
        else:
            matrix[:, column] = rng.integers(int(rule.low), int(rule.high) + 1, size=rows)
    matrix[rng.random(matrix.shape) < BLANK_RATE] = np.nan
    owners = np.repeat(np.arange(clients, dtype=np.int64), each)
    return Responses(definition, owners, matrix)


def best_of(repeat: int, work: Callable[[], object]) -> float:
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def bare_numpy(matrices: list[npt.NDArray[np.float64]]) -> float:
    total = 0.0
    for matrix in matrices:
        total += float(np.nansum(matrix, axis=1).mean())
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--responses", type=int, default=8, help="responses a client, in all")
    parser.add_argument("--instruments", default="phq9,mfis21")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    codes = [code.strip() for code in args.instruments.split(",") if code.strip()]
    if args.responses < 2 * len(codes):
        parser.error("--responses must give every instrument at least two responses a client")
    rng = np.random.default_rng(SEED)
    edss = rng.choice(EDSS_STEPS[:18], size=args.clients)
    edss[rng.random(args.clients) < 0.1] = np.nan  # not recorded for about 1 in 10
    shares = [args.responses // len(codes)] * len(codes)
    shares[0] += args.responses - sum(shares)
    data = [
        simulate(get_definition(code), args.clients, each, rng)
        for code, each in zip(codes, shares, strict=True)
    ]
    rows = sum(len(d.clients) for d in data)
    results: list[object] = []

    def build() -> None:
        results[:] = [result for d in data for result in constructs(d, edss)]

    build_s = best_of(args.repeat, build)
    bare_s = best_of(args.repeat, lambda: bare_numpy([d.matrix for d in data]))
    verdict = "met" if build_s < TARGET_SECONDS else "NOT met"
    print(
        f"{args.clients:,} clients x {args.responses} responses ({rows:,} rows; "
        f"{', '.join(f'{c} x {s}' for c, s in zip(codes, shares, strict=True))}), "
        f"best of {args.repeat}"
    )
    print(f"{'what':<34}{'seconds':>10}{'ratio':>9}")
    print(f"{'bare NumPy (row sums, mean)':<34}{bare_s:>10.3f}{1.0:>9.1f}")
    print(f"{'cohort build':<34}{build_s:>10.3f}{build_s / bare_s:>9.1f}")
    print(f"{len(results)} scores summarised; target: build under {TARGET_SECONDS:g} s: {verdict}")


if __name__ == "__main__":
    main()
