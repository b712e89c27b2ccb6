"""Reference lists, in-text citations and single references in Harvard, APA and Vancouver.

The styles are described in :mod:`styles`; the citeproc-py quirks worked around in
:mod:`render`. HTML output is passed through nh3 (https://nh3.readthedocs.io/) with the small
allow-list of :data:`HTML_TAGS`, so it can be put into a page as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import nh3

from .errors import BibliographyError
from .render import Format, check_items, render
from .styles import get_style

#: Tags and attributes allowed in HTML output (after nh3).
HTML_TAGS = frozenset(nh3.ALLOWED_TAGS | {"section"})
HTML_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href"},
    "span": {"class", "data-cites"},
    "section": {"class", "aria-labelledby"},
    "ol": {"class"},
    "ul": {"class"},
    "li": {"id"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
}


def sanitise_html(text: str) -> str:
    """Clean HTML with nh3: allowed tags only, links limited to http(s) and mailto."""
    return str(
        nh3.clean(
            text,
            tags=set(HTML_TAGS),
            attributes=HTML_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer",
        )
    )


def _check_format(fmt: str) -> Format:
    if fmt == "text":
        return "text"
    if fmt == "html":
        return "html"
    raise BibliographyError(f"unknown output format {fmt!r}; choose 'text' or 'html'", field="fmt")


def format_bibliography(
    items: Sequence[Mapping[str, Any]], style: str, fmt: str = "text"
) -> list[str]:
    """The reference list of ``items`` in ``style`` (``harvard``, ``apa`` or ``vancouver``).

    Author-date styles sort the list as the style says (by author, then year); Vancouver keeps the
    order of ``items`` and numbers the entries ("1. Naderi A, …"). ``fmt`` is ``"text"`` (plain
    Unicode) or ``"html"`` (``<i>`` for italics, DOIs and URLs as links, sanitised).
    """
    output = _check_format(fmt)
    indexed = check_items(items)
    entries = render(indexed, [], get_style(style), output).entries
    texts = [text for _, text in entries]
    return [sanitise_html(text) for text in texts] if output == "html" else texts


def format_citation(
    items: Sequence[Mapping[str, Any]], keys: Sequence[str], style: str, fmt: str = "text"
) -> str:
    """The in-text citation of ``keys`` ("(Naderi et al., 2024)", or "(1,2)" in Vancouver).

    Vancouver numbers follow the order of ``items`` (the reference list's order), and author-date
    year suffixes ("2024a") are worked out over all ``items``. An unknown key raises
    :class:`BibliographyError` naming it.
    """
    output = _check_format(fmt)
    if isinstance(keys, str) or not keys:
        raise BibliographyError("give a non-empty list of citation keys", field="keys")
    indexed = check_items(items)
    text = render(indexed, [list(keys)], get_style(style), output).citations[0]
    return sanitise_html(text) if output == "html" else text


def format_reference(item: Mapping[str, Any], style: str, fmt: str = "text") -> str:
    """One reference as it would appear in a reference list, without a Vancouver number.

    This is what ``msrelief cite KEY --style harvard|apa|vancouver`` prints.
    """
    text = format_bibliography([item], style, fmt)[0]
    if get_style(style).numeric:
        text = text.split(". ", 1)[1] if text[:1].isdigit() else text
    return text
