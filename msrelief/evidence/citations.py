"""Formatted references for the pages and the ``cite`` command (reads only; nothing is saved).

citeproc-py takes tens of milliseconds a reference, so formatted text is kept in Django's cache
under a key made from the style and a digest of the CSL-JSON of the reference(s) formatted.
Any change to a stored reference, however it is made (the evidence services, an import, the
admin, the seed loader), changes its CSL-JSON and therefore the key: a page can never show a
formatting of an older version, and nothing has to be invalidated by hand. Bump
:data:`CACHE_VERSION` when a change to the formatting code should show at once on a shared
cache.
"""

from __future__ import annotations

import difflib
import hashlib
import html
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from django.core.cache import cache

from msrelief.evidence.bibliography import (
    STYLES,
    BibliographyError,
    format_reference,
    sanitise_html,
)
from msrelief.evidence.bibliography.render import check_items, render
from msrelief.evidence.bibliography.styles import get_style

if TYPE_CHECKING:
    from msrelief.evidence.models import Reference

DEFAULT_STYLE = "harvard"
STYLE_CHOICES = [(name, spec.title) for name, spec in STYLES.items()]
CACHE_VERSION = 1
CACHE_SECONDS = 7 * 24 * 60 * 60


class Citable(Protocol):
    """A reference that can be formatted: a stored :class:`~msrelief.evidence.models.Reference`
    or, where no app is loaded (``msrelief cite``), a
    :class:`~msrelief.evidence.stored_references.StoredReference`."""

    @property
    def title(self) -> str: ...

    @property
    def year(self) -> int | None: ...

    @property
    def first_author(self) -> str: ...

    def csl(self) -> dict[str, Any]: ...


def _cache_key(kind: str, style: str, items: Sequence[dict[str, Any]]) -> str:
    text = json.dumps(items, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"msrelief:citations:{CACHE_VERSION}:{kind}:{style}:{digest}"


def style_or_default(style: str | None) -> str:
    """A known style name, else Harvard."""
    return style if style in STYLES else DEFAULT_STYLE


def formatted_list(references: Sequence[Reference], style: str) -> list[tuple[Reference, str]]:
    """Each reference with its HTML entry in ``style``, in the order the style lists them
    (author and year for Harvard and APA; the given order, numbered, for Vancouver)."""
    if not references:
        return []
    items = [reference.csl() for reference in references]
    key = _cache_key("list", style, items)
    entries: list[tuple[str, str]] | None = cache.get(key)
    if entries is None:
        try:
            rendered = render(check_items(items), [], get_style(style), "html")
        except BibliographyError:
            return [(reference, html.escape(_fallback(reference))) for reference in references]
        entries = [(item_key, sanitise_html(text)) for item_key, text in rendered.entries]
        cache.set(key, entries, CACHE_SECONDS)
    by_key = {reference.key: reference for reference in references}
    return [(by_key[item_key], text) for item_key, text in entries]


def formatted(reference: Citable, style: str = DEFAULT_STYLE, fmt: str = "html") -> str:
    """One reference in ``style`` (``fmt`` ``html`` or ``text``)."""
    item = reference.csl()
    key = _cache_key(fmt, style, [item])
    text: str | None = cache.get(key)
    if text is None:
        try:
            text = format_reference(item, style, fmt)
        except BibliographyError:
            text = _fallback(reference)
            return html.escape(text) if fmt == "html" else text
        cache.set(key, text, CACHE_SECONDS)
    return text


def _fallback(reference: Citable) -> str:
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


def study_name(reference: Reference) -> str:
    """How a reader's page names a study: "Naderi et al. 2024" ("n.d." only when the year is
    not known)."""
    label = short_label(reference)
    who, _, year = label.rpartition(", ")
    return f"{who} {year}" if reference.year is not None else label


def close_keys(key: str, keys: Sequence[str]) -> list[str]:
    """Citation keys that look like ``key`` (for "did you mean" messages)."""
    folded = {k.casefold(): k for k in keys}
    matches = difflib.get_close_matches(key.casefold(), list(folded), n=5, cutoff=0.75)
    return [folded[m] for m in matches]
