"""Pure statistics for msrelief: effect sizes and meta-analysis (forest plots: ``charts``).

No Django import anywhere in this package. Results match R's metafor to 4 decimals on
published examples (see ``docs/stats.md``).
"""

from __future__ import annotations

from msrelief.stats.effect_sizes import (
    EffectSize,
    from_confidence_interval,
    hedges_correction,
    hedges_g,
    log_odds_ratio,
    log_risk_ratio,
    mean_difference,
    percent_change,
    ratio_to_percent_change,
    standardised_mean_change,
)
from msrelief.stats.errors import MetaAnalysisError
from msrelief.stats.meta import (
    METHODS,
    LeaveOneOut,
    MetaResult,
    Method,
    leave_one_out,
    meta_analysis,
)

__all__ = [
    "METHODS",
    "EffectSize",
    "LeaveOneOut",
    "MetaAnalysisError",
    "MetaResult",
    "Method",
    "from_confidence_interval",
    "hedges_correction",
    "hedges_g",
    "leave_one_out",
    "log_odds_ratio",
    "log_risk_ratio",
    "mean_difference",
    "meta_analysis",
    "percent_change",
    "ratio_to_percent_change",
    "standardised_mean_change",
]
