"""Benchmark of msrelief.stats meta-analysis (run on demand: ``python benchmarks/meta.py``).

Prints the time per call of each model and its ratio to the fixed-effect baseline measured
in the same process, because these machines are too noisy for absolute timings.
"""

from __future__ import annotations

import random
import timeit
from collections.abc import Callable

from msrelief.stats.meta import leave_one_out, meta_analysis


def _studies(k: int, seed: int = 20240601) -> tuple[list[float], list[float]]:
    rng = random.Random(seed)
    yi = [rng.gauss(-0.5, 0.6) for _ in range(k)]
    vi = [rng.uniform(0.005, 0.5) for _ in range(k)]
    return yi, vi


def _per_call(func: Callable[[], object], repeat: int = 5) -> float:
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number


def _cases(yi: list[float], vi: list[float]) -> dict[str, Callable[[], object]]:
    return {
        "FE (baseline)": lambda: meta_analysis(yi, vi, method="FE"),
        "DL": lambda: meta_analysis(yi, vi, method="DL"),
        "REML": lambda: meta_analysis(yi, vi, method="REML"),
        "PM": lambda: meta_analysis(yi, vi, method="PM"),
        "REML + HKSJ": lambda: meta_analysis(yi, vi, method="REML", hksj=True),
        "REML leave-one-out": lambda: leave_one_out(yi, vi, method="REML"),
    }


def main() -> None:
    for k in (13, 200):
        cases = _cases(*_studies(k))
        baseline = _per_call(cases["FE (baseline)"])
        print(f"k = {k}")
        for name, func in cases.items():
            seconds = _per_call(func)
            print(f"  {name:<20} {seconds * 1e6:10.1f} us/call  {seconds / baseline:7.1f}x FE")


if __name__ == "__main__":
    main()
