"""Formatted references for the pages and the ``cite`` command (reads only; nothing is saved)."""

from __future__ import annotations

import difflib
import html
from collections.abc import Sequence

from msrelief.evidence.bibliography import (
    STYLES,
    BibliographyError,
    format_reference,
    sanitise_html,
)
from msrelief.evidence.bibliography.render import check_items, render
from msrelief.evidence.bibliography.styles import get_style
from msrelief.evidence.models import Reference

DEFAULT_STYLE = "harvard"
STYLE_CHOICES = [(name, spec.title) for name, spec in STYLES.items()]


def style_or_default(style: str | None) -> str:
    """A known style name, else Harvard."""
    return style if style in STYLES else DEFAULT_STYLE


def formatted_list(references: Sequence[Reference], style: str) -> list[tuple[Reference, str]]:
    """Each reference with its HTML entry in ``style``, in the order the style lists them
    (author and year for Harvard and APA; the given order, numbered, for Vancouver)."""
    if not references:
        return []
    by_key = {reference.key: reference for reference in references}
    try:
        rendered = render(check_items([r.csl() for r in references]), [], get_style(style), "html")
    except BibliographyError:
        return [(reference, html.escape(_fallback(reference))) for reference in references]
    return [(by_key[key], sanitise_html(text)) for key, text in rendered.entries]


def formatted(reference: Reference, style: str = DEFAULT_STYLE, fmt: str = "html") -> str:
    """One reference in ``style`` (``fmt`` ``html`` or ``text``)."""
    try:
        return format_reference(reference.csl(), style, fmt)
    except BibliographyError:
        text = _fallback(reference)
        return html.escape(text) if fmt == "html" else text


def _fallback(reference: Reference) -> str:
    year = reference.year if reference.year is not None else "no date"
    return f"{reference.first_author or reference.title} ({year}) {reference.title}"


def short_label(reference: Reference) -> str:
    """An in-text label such as "Naderi et al., 2024" (no citeproc run needed)."""
    names = [n for n in reference.authors if isinstance(n, dict)]
    people = [n.get("family") or n.get("literal") for n in names if n.get("literal") != "others"]
    cut = len(people) != len(names)
    if not people:
        who = reference.container_title or reference.title[:40]
    elif len(people) == 1 and not cut:
        who = str(people[0])
    elif len(people) == 2 and not cut:
        who = f"{people[0]} and {people[1]}"
    else:
        who = f"{people[0]} et al."
    return f"{who}, {reference.year if reference.year is not None else 'n.d.'}"


def close_keys(key: str, keys: Sequence[str]) -> list[str]:
    """Citation keys that look like ``key`` (for "did you mean" messages)."""
    folded = {k.casefold(): k for k in keys}
    matches = difflib.get_close_matches(key.casefold(), list(folded), n=5, cutoff=0.75)
    return [folded[m] for m in matches]
