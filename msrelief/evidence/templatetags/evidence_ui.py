"""Template filters for the evidence pages: missing values say so, numbers never read "nan"."""

from __future__ import annotations

import math
from typing import Any

from django import template

from msrelief.evidence import display

register = template.Library()

NOT_REPORTED = "not reported"


@register.filter
def reported(value: Any, words: str = NOT_REPORTED) -> Any:
    """``{{ value|reported }}``: the value, or "not reported" when it is empty or NULL."""
    if value is None or value == "" or value == []:
        return words
    if isinstance(value, float):
        return display.number(value)
    return value


@register.filter
def fixed(value: Any, places: int = 2) -> str:
    """A number to ``places`` decimals; empty for a missing or non-finite value."""
    if value is None or not isinstance(value, int | float) or not math.isfinite(value):
        return ""
    text = f"{value:.{int(places)}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


@register.filter
def p_value(value: Any) -> str:
    """A computed p-value with its sign: "p < 0.0001" when tiny, else "p = " and four decimals."""
    if value is None or not isinstance(value, int | float) or not math.isfinite(value):
        return ""
    return "p < 0.0001" if value < 0.0001 else f"p = {value:.4f}"


@register.filter
def get(mapping: Any, key: str) -> Any:
    """``{{ dict|get:"name" }}``."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def effect_band(value: Any) -> str:
    """A standardised difference in words: "very small", "small", "medium" or "large"
    (Cohen's rule of thumb, ``display.effect_band``); empty for a missing value."""
    if value is None or not isinstance(value, int | float) or not math.isfinite(value):
        return ""
    return display.effect_band(float(value))
