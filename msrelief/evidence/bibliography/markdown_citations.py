"""Markdown with citation keys → sanitised HTML with in-text citations and a reference list.

The citation syntax is the core of pandoc's (https://pandoc.org/MANUAL.html#citation-syntax):
``[@naderi2024]`` cites one work and ``[@naderi2024; @schroeder2014]`` several in one citation.
A key starts and ends with a letter, digit or underscore and may contain ``: . -`` inside.
Nothing is replaced inside code spans or code blocks. Locators, prefixes and ``-@`` are not
supported.

The Markdown is converted with Python-Markdown (``extra`` and ``sane_lists`` extensions), each
citation is replaced by the style's in-text form inside ``<span class="citation"
data-cites="…">``, the reference list of the cited works is appended as a ``<section
class="references">``, and the whole is cleaned with nh3. Vancouver numbers works in the order
they are first cited and lists them in that order (``<ol>``); Harvard and APA list them
alphabetically (``<ul>``).

An unknown key raises :class:`BibliographyError` naming it (the default, which is what the CLI
and the data checks want); ``unknown="mark"`` instead leaves a visible
"[unknown reference: key]" in the text, for previews while a page is being written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Literal

import markdown  # type: ignore[import-untyped]

from .errors import BibliographyError
from .formatting import sanitise_html
from .render import check_items, keys_in, render
from .styles import StyleSpec, get_style

_KEY = r"[\w](?:[\w:.\-]*[\w])?"
CITATION = re.compile(rf"\[\s*(@{_KEY}(?:\s*;\s*@{_KEY})*)\s*\]")
_CODE = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>)", re.DOTALL | re.IGNORECASE)


def find_citations(html_text: str) -> list[list[str]]:
    """The key groups cited in HTML, in document order, outside ``<code>`` and ``<pre>``."""
    groups: list[list[str]] = []
    for index, segment in enumerate(_CODE.split(html_text)):
        if index % 2 == 0:
            groups.extend(_keys(match) for match in CITATION.finditer(segment))
    return groups


def _keys(match: re.Match[str]) -> list[str]:
    return [part.strip().lstrip("@") for part in match.group(1).split(";")]


def render_markdown_with_citations(
    text: str,
    items: Sequence[Mapping[str, Any]],
    style: str,
    *,
    heading: str = "References",
    heading_level: int = 2,
    unknown: Literal["raise", "mark"] = "raise",
) -> str:
    """Render Markdown to safe HTML, formatting ``[@key]`` citations in ``style``.

    Raises :class:`BibliographyError` for an unknown key (unless ``unknown="mark"``), an unknown
    style, or an invalid item. Text without citations gets no reference list.
    """
    spec = get_style(style)
    if unknown not in ("raise", "mark"):
        raise BibliographyError("must be 'raise' or 'mark'", field="unknown")
    if not 2 <= heading_level <= 4:
        raise BibliographyError("must be 2, 3 or 4", field="heading_level")
    indexed = check_items(items)
    body = markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    groups = find_citations(body)
    missing = keys_in([key for group in groups for key in group if key.lower() not in indexed])
    if missing and unknown == "raise":
        raise BibliographyError(
            f"unknown citation key(s): {', '.join(missing)}", entry=missing[0], field="citation key"
        )
    known = [[key for key in group if key.lower() in indexed] for group in groups]
    order = keys_in([key.lower() for group in known for key in group])
    citations: Iterator[str] = iter(())
    entries: list[tuple[str, str]] = []
    if order:
        cited = {key: indexed[key] for key in order}
        rendered = render(cited, [group for group in known if group], spec, "html", listed=order)
        citations, entries = iter(rendered.citations), rendered.entries
    spans = [_citation_html(group, ok, citations) for group, ok in zip(groups, known, strict=True)]
    result = _replace(body, iter(spans))
    if entries:
        result += "\n" + _reference_list(entries, spec, heading, heading_level)
    return sanitise_html(result)


def _citation_html(group: Sequence[str], known: Sequence[str], citations: Iterator[str]) -> str:
    parts = []
    if known:
        cites = html.escape(" ".join(known), quote=True)
        parts.append(f'<span class="citation" data-cites="{cites}">{next(citations)}</span>')
    parts.extend(f"[unknown reference: {html.escape(key)}]" for key in group if key not in known)
    return " ".join(parts)


def _replace(body: str, replacements: Iterator[str]) -> str:
    segments = _CODE.split(body)
    for index in range(0, len(segments), 2):
        segments[index] = CITATION.sub(lambda _match: next(replacements), segments[index])
    return "".join(segments)


def _reference_list(
    entries: Sequence[tuple[str, str]], spec: StyleSpec, heading: str, level: int
) -> str:
    tag = "ol" if spec.numeric else "ul"
    rows = []
    for key, entry in entries:
        text = re.sub(r"^\d+\.\s*", "", entry) if spec.numeric else entry
        rows.append(f'<li id="ref-{html.escape(key, quote=True)}">{text}</li>')
    title = html.escape(heading)
    return (
        f'<section class="references" aria-labelledby="references-heading">'
        f'<h{level} id="references-heading">{title}</h{level}>'
        f'<{tag} class="references">{"".join(rows)}</{tag}></section>'
    )
