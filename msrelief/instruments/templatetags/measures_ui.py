"""Plain words for scores on staff pages: an instrument's name instead of its code, a score's
label instead of its key, and numbers without a trailing ".0"."""

from __future__ import annotations

from typing import Any

from django import template

from msrelief.instruments.presenting import flag_groups, score_number, summary_html
from msrelief.scoring import get_definition

register = template.Library()


@register.filter
def instrument_name(code: str) -> str:
    """``"dass21"`` -> ``"DASS-21"`` (the definition's short title); an unknown code is shown
    as it is rather than hidden."""
    try:
        return get_definition(code).spec.short_title
    except KeyError:
        return code


@register.filter
def score_label(code_or_version: str, name: str) -> str:
    """The label of score ``name`` of instrument ``code`` (or ``code@version``), e.g.
    ``"depression"`` -> ``"Depression"``."""
    try:
        return get_definition(code_or_version).score_spec(name).label
    except (KeyError, StopIteration, ValueError):
        return name


register.filter("score_number", score_number)
register.filter("score_summary", summary_html)


@register.filter
def scoring_rules(label: str) -> str:
    """A stored scoring version in words: ``"phq9@1.0/scoring-2"`` -> ``"PHQ-9 form version
    1.0, scoring rules edition 2"`` (the label itself stays in exports and the API)."""
    key, _, rules = label.partition("/")
    code, _, version = key.partition("@")
    edition = rules.removeprefix("scoring-")
    if not (code and version and edition):
        return label
    return f"{instrument_name(code)} form version {version}, scoring rules edition {edition}"


@register.simple_tag
def client_flag_groups(client: Any) -> dict[str, list[Any]]:
    """The client's safety flags by state, for a page of a lower app (the client record) that
    cannot import this one; see ``instruments/_flags.html``."""
    flags = client.safety_flags.select_related("response", "acknowledged_by", "resolved_by")
    return flag_groups(flags)
