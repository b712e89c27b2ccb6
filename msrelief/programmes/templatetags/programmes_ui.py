"""Template helpers for the programme pages, and the panels that pages of lower apps show
(the client record, the clinic dashboard) without importing this app: they load this library
by name and call :func:`client_programmes` or :func:`programme_dashboard`."""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField, Form

from msrelief.clients import regions
from msrelief.programmes import adherence, summaries, vocab

register = template.Library()


@register.filter
def technique_labels(codes: list[str]) -> str:
    return ", ".join(vocab.label(vocab.TECHNIQUES, code) for code in codes)


@register.filter
def region_labels(codes: list[str]) -> str:
    return ", ".join(regions.label(code) for code in codes)


@register.filter
def field_named(form: Form, name: str) -> BoundField:
    return form[name]


@register.filter
def rated(name: str, ratings: dict[tuple[str, str], Any]) -> bool:
    """True if the rating field ``pre_nrs-pain`` is already recorded in ``ratings``."""
    phase, _, code = name.partition("_")
    return (phase, code) in ratings


@register.simple_tag
def recorded_ratings(ratings: dict[tuple[str, str], Any], phase: str) -> list[tuple[str, str, int]]:
    """(what, value, response id) of each rating recorded for ``phase``, in the page's order."""
    found = []
    for code, about in vocab.RATINGS:
        rating = ratings.get((phase, code))
        if rating is not None:
            value = rating.response.answers.get("1")
            shown = "\N{EN DASH}" if value is None else f"{float(value):g}"
            found.append((about, shown, rating.response_id))
    return found


@register.simple_tag
def client_programmes(client: Any) -> dict[str, Any]:
    """The client record's panels: each enrolment with its adherence, the client's adherence
    over all of them, and their adverse events."""
    lines = summaries.client_enrolments(client.pk)
    return {
        "lines": lines,
        "total": adherence.combined(line.adherence for line in lines),
        "events": list(summaries.client_adverse_events(client.pk)),
    }


@register.simple_tag
def programme_dashboard(user: Any) -> dict[str, Any]:
    """The dashboard's panels: the user's sessions today, the clinic's overdue programme
    questionnaires, and adherence per programme over the clinic's active enrolments."""
    if user.clinic_id is None:
        return {"today": [], "overdue": [], "programmes": []}
    return {
        "today": list(summaries.todays_sessions(user)),
        "overdue": list(summaries.overdue_measures(user.clinic_id)),
        "programmes": summaries.by_programme(summaries.active_enrolments(user.clinic_id)),
    }


@register.simple_tag
def client_reminders(client: Any) -> Any:
    """The client's latest reminder decisions, for the record's Reminders section."""
    from msrelief.programmes.reminders import reads

    return list(reads.recent_for(client))
