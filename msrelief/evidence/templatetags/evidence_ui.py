"""Template filters for the evidence pages: missing values say so, numbers never read "nan"."""

from __future__ import annotations

import math
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from msrelief.evidence import display, instruments
from msrelief.scoring.sources import CITED_KEY as KEY

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


@register.filter
def instrument_match(result: Any) -> SafeString | str:
    """ "Matched to msrelief's FSS (score total)" for a result with an ``instrument_code``, the
    name linking to the instrument's scoring source on the sources page; "" without one."""
    definition = instruments.definition(result.instrument_code or "")
    if definition is None:
        return ""
    found = KEY.search(definition.spec.scoring.source or "")
    href = reverse("instruments-sources") + (f"#{found.group(1)}" if found else "")
    score = result.score_name or instruments.sole_score(definition.code) or "not stated"
    return format_html(
        'Matched to msrelief\'s <a href="{}">{}</a> ({}), score: {}',
        href,
        definition.spec.short_title,
        definition.code,
        score,
    )
