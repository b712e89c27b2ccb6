"""What the study pages list as missing, and small helpers for showing results."""

from __future__ import annotations

from typing import Any

from msrelief.evidence.models import Arm, ArmKind, EffectType, Result, Study, StudyKind

TRIAL_FIELDS = (
    "design", "country", "setting", "population", "ms_type", "sex", "edss_range", "age",
    "n_randomised", "n_analysed",
)  # fmt: skip
REVIEW_FIELDS = (
    "design", "review_studies", "review_participants", "review_search", "review_comparison",
    "review_appraisal",
)  # fmt: skip
INTERVENTION_FIELDS = (
    "technique", "body_regions", "minutes_per_session", "sessions_per_week", "weeks",
    "delivered_by", "n_randomised", "n_analysed",
)  # fmt: skip
COMPARATOR_FIELDS = ("n_randomised", "n_analysed")


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _label(model: Any, name: str) -> str:
    text = str(model._meta.get_field(name).verbose_name)
    return text[:1].upper() + text[1:]


def missing_for_study(study: Study, arms: list[Arm], results: list[Result]) -> list[str]:
    """Plain-language list of what the sources did not report for ``study``."""
    names = REVIEW_FIELDS if study.kind == StudyKind.REVIEW else TRIAL_FIELDS
    items = [_label(Study, name) for name in names if _empty(getattr(study, name))]
    for arm in arms:
        wanted = INTERVENTION_FIELDS if arm.kind == ArmKind.INTERVENTION else COMPARATOR_FIELDS
        gaps = [_label(Arm, name).lower() for name in wanted if _empty(getattr(arm, name))]
        if gaps:
            items.append(f"{arm.label}: {', '.join(gaps)}")
    confirmed = [r for r in results if r.attribution_confirmed]
    without_numbers = [r for r in confirmed if not has_numbers(r)]
    if without_numbers:
        items.append(
            f"Numbers for {len(without_numbers)} of {len(confirmed)} results "
            f"({', '.join(sorted({r.construct for r in without_numbers}))})"
        )
    no_spread = [r for r in confirmed if r.mean is not None and r.sd is None]
    if no_spread:
        items.append(f"Standard deviations for {len(no_spread)} reported means")
    return items


def has_numbers(result: Result) -> bool:
    """Whether a result carries any number (a mean, a median, an effect or a p-value)."""
    values = (
        result.mean, result.median, result.effect_value, result.effect_low, result.p_value,
        result.ci_low,
    )  # fmt: skip
    return any(value is not None for value in values)


def number(value: float | int | None) -> str:
    """A stored number as the source printed it: no trailing zeros, never "nan"."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def effect_text(result: Result) -> str:
    """The reported effect in words: "Hedges' g 0.53", "Hedges' g 0.31 to 0.58"."""
    if result.effect_value is None and result.effect_low is None:
        return ""
    name = result.get_effect_type_display() if result.effect_type else "Effect"
    if result.effect_value is not None:
        text = f"{name} {number(result.effect_value)}"
    else:
        text = f"{name} {number(result.effect_low)} to {number(result.effect_high)}"
    if result.units:
        text += f" {result.units}"
    return text


def ci_text(result: Result) -> str:
    if result.ci_low is None or result.ci_high is None:
        return ""
    return f"{number(result.ci_low)} to {number(result.ci_high)}"


def p_text(result: Result) -> str:
    if result.p_text:
        return result.p_text
    if result.p_value is None:
        return ""
    return f"{result.get_p_operator_display()} {number(result.p_value)}"


def group_text(result: Result) -> str:
    """Which group(s) a result is about."""
    if result.arm and result.versus_arm:
        return f"{result.arm.label} vs {result.versus_arm.label}"
    if result.arm:
        return result.arm.label
    return "All participants" if result.scope == "within_arm" else "Whole study"


#: Where the small / medium / large bands of a standardised effect come from.
COHEN_1988 = (
    "Cohen J. Statistical power analysis for the behavioral sciences. 2nd ed. Hillsdale (NJ): "
    "Lawrence Erlbaum Associates; 1988."
)
STANDARDISED = frozenset({EffectType.HEDGES_G, EffectType.COHENS_D})
MEAN_DIFFERENCES = frozenset({EffectType.MEAN_DIFFERENCE, EffectType.MEAN_CHANGE_DIFFERENCE})


def effect_band(value: float) -> str:
    """Cohen's rule of thumb for a standardised difference (Hedges' g, Cohen's d): under 0.2
    very small, from 0.2 small, from 0.5 medium, from 0.8 large; the sign does not count."""
    size = abs(value)
    if size < 0.2:
        return "very small"
    if size < 0.5:
        return "small"
    return "medium" if size < 0.8 else "large"


def effect_words(result: Result) -> str:
    """What a reported effect means in words, where the effect type allows it."""
    kind, value = result.effect_type, result.effect_value
    if kind in STANDARDISED and value is not None:
        return f"A {effect_band(value)} effect, by the usual rule of thumb."
    if kind == EffectType.HEDGES_G_RANGE and None not in (result.effect_low, result.effect_high):
        low, high = effect_band(result.effect_low or 0.0), effect_band(result.effect_high or 0.0)
        if low == high:
            return f"A {low} effect at both ends, by the usual rule of thumb."
        return f"From a {low} to a {high} effect, by the usual rule of thumb."
    if kind in MEAN_DIFFERENCES and value is not None:
        scale = f" of the {result.instrument}" if result.instrument else " of the scale"
        units = result.units or "points"
        return f"A difference of {number(abs(value))} {units} in the units{scale}, not a size."
    if kind == EffectType.MD_OR_SMD_UNSTATED:
        return "The source does not say if this is standardised, so its size is not put in words."
    return ""
