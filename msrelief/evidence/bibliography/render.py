"""Running citeproc-py over CSL-JSON items, with the work-arounds its output needs.

citeproc-py 0.11 (https://github.com/citeproc-py/citeproc-py) implements most of CSL 1.0 but not
all of it. Quirks found while checking its output against the style guides, and what this module
does about each:

1. No year-suffix disambiguation: two works by Naderi from 2024 both cite as "(Naderi, 2024)".
   Author-date styles get the ``year-suffix`` variable set here ("2024a", "2024b"), assigned in
   reference-list order among items whose citations would otherwise read the same
   (the "add names" step of CSL disambiguation is not attempted).
2. Substituted variables printed twice (see :mod:`styles`): fixed by element subclasses there.
3. Vancouver (NLM) ``second-field-align`` is ignored, giving "1.Naderi A"; a space is added.
4. Cite Them Right labels a journal article without volume and pages "[Preprint]"; in this
   project that only means the volume was not found, so the label is dropped for
   ``article-journal`` items (it stays for CSL type ``article``).
5. Straight quotes are not made typographic: apostrophes become U+2019 and quoted words inside a
   title get single curly quotes, or double ones inside Cite Them Right's single-quoted titles
   (the en-GB nesting rule).
6. Keys are lower-cased by citeproc-py, so two keys differing only in case are refused earlier.
7. Incomplete author lists (:data:`csl.OTHERS`) are rendered as a literal "et al." name; the
   conjunction citeproc puts before a last name ("and et al.", "& et al.") is removed.
8. The HTML formatter leaves DOIs and URLs as text; in HTML they become links.
9. ``collapse="citation-number"`` is ignored, giving "(2,3,4)"; runs of three or more
   consecutive numbers are collapsed to "(2-4)" (with an en dash) as CSL 1.0.2 describes.
10. Page ranges of unequal length ("1-18" became "1-8") and localized date delimiters ("2022Oct")
    are fixed by element subclasses in :mod:`styles`.
11. Sort keys are rendered with the output formatter, so in HTML an italic substitute
    ("<i>Journal of …</i>" standing in for a missing author) sorted before every letter. The
    reference-list order is worked out once in plain text and imposed on the HTML run.
12. The HTML formatter escapes the style's own terms but not the item's field values, so a title
    holding "<" or "&" produced broken or unsafe HTML. Field values are escaped here before
    they reach citeproc-py when the output is HTML.
13. Punctuation is not de-duplicated, so a title ending in "?" gave "pathogenesis?." in APA and
    Vancouver; a full stop straight after "?" or "!" is dropped (CSL 1.0.2, "Punctuation in
    Quotes" and affix collapsing as citeproc-js does it).
14. A journal article with no author, editor or journal title leaves Harvard nothing to put in
    the author position ("(no date) 'Title'"). Such an item is rendered as CSL type ``article``,
    whose substitute is the title; the stored item is unchanged.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from citeproc import VARIABLES as CITEPROC_VARIABLES
from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
from citeproc.source.json import CiteProcJSON

from .csl import NAME_FIELDS, NAME_PARTS, CslItem, is_others, normalise_items
from .errors import BibliographyError
from .styles import RENDER_LOCK, StyleSpec, load_style

Format = Literal["text", "html"]

_ALLOWED_FIELDS = frozenset(
    {"id", "type"} | {variable.replace("_", "-") for variable in CITEPROC_VARIABLES}
) - {"year-suffix", "citation-number", "locator"}
_QUOTED_FIELDS = ("title", "container-title", "title-short", "publisher")
_ET_AL = "et al."


@dataclass(frozen=True)
class Rendered:
    """Citations in the order asked for, and reference-list entries as (key, text) pairs."""

    citations: list[str]
    entries: list[tuple[str, str]]


def check_items(items: Sequence[Mapping[str, Any]]) -> dict[str, CslItem]:
    """Normalise items and index them by lower-cased key (the form citeproc-py uses)."""
    return {item["id"].lower(): item for item in normalise_items(items)}


def render(
    items: Mapping[str, CslItem],
    citations: Sequence[Sequence[str]],
    spec: StyleSpec,
    fmt: Format,
    *,
    listed: Sequence[str] | None = None,
) -> Rendered:
    """Render ``citations`` (lists of keys) and the reference list of the cited items.

    ``listed`` (lower-cased keys) are registered first, in that order, so that Vancouver numbers
    and the reference list follow it; by default every item is listed in the given order.
    """
    order = list(items) if listed is None else list(listed)
    wanted = [[key.lower() for key in group] for group in citations]
    unknown = sorted({key for group in citations for key in group if key.lower() not in items})
    if unknown:
        raise BibliographyError(
            f"unknown citation key(s): {', '.join(unknown)}", entry=unknown[0], field="key"
        )
    prepared = {key: prepare_item(item, spec, escape=fmt == "html") for key, item in items.items()}
    sorted_keys = None if spec.numeric else _add_year_suffixes(prepared, order, spec)
    output = formatter.html if fmt == "html" else formatter.plain
    cites, keys, entries = _run(prepared, order, wanted, spec, output, sorted_keys)
    fixed = [_fix_entry(entries[i], items[key], spec, fmt) for i, key in enumerate(keys)]
    return Rendered(
        citations=[_fix_citation(text, spec) for text in cites],
        entries=[(items[key]["id"], text) for key, text in zip(keys, fixed, strict=True)],
    )


def _run(
    prepared: Mapping[str, CslItem],
    order: Sequence[str],
    wanted: Sequence[Sequence[str]],
    spec: StyleSpec,
    output: Any,
    sorted_keys: Sequence[str] | None = None,
) -> tuple[list[str], list[str], list[str]]:
    """One citeproc-py run; ``sorted_keys`` imposes a reference-list order (quirk 11)."""
    with RENDER_LOCK:
        style = load_style(spec)
        source = CiteProcJSON([prepared[key] for key in order if key in prepared])
        bibliography = CitationStylesBibliography(style, source, output)
        for key in order:
            bibliography.register(Citation([CitationItem(key)]))
        requested = [Citation([CitationItem(key) for key in group]) for group in wanted]
        for citation in requested:
            bibliography.register(citation)
        if sorted_keys is None:
            bibliography.sort()
        else:
            position = {key: index for index, key in enumerate(sorted_keys)}
            bibliography.items.sort(key=lambda cite: position[cite.key])
            bibliography.keys = [cite.key for cite in bibliography.items]
        cites = [str(bibliography.cite(citation, _refuse)) for citation in requested]
        entries = [str(entry) for entry in bibliography.bibliography()]
        return cites, list(bibliography.keys), entries


def _refuse(item: Any) -> None:
    raise BibliographyError("unknown citation key", entry=str(item.key), field="key")


def prepare_item(item: CslItem, spec: StyleSpec, *, escape: bool = False) -> CslItem:
    """The copy of an item handed to citeproc-py: known fields only, typographic quotes, and
    (for HTML, quirk 12) field values HTML-escaped."""
    ready: CslItem = {key: value for key, value in item.items() if key in _ALLOWED_FIELDS}
    inner = ("\u201c", "\u201d") if spec.locale == "en-GB" else ("\u2018", "\u2019")
    for field in _QUOTED_FIELDS:
        if isinstance(ready.get(field), str):
            ready[field] = smart_quotes(ready[field], inner)
    text = _escape_html if escape else _keep
    for field, value in ready.items():
        if field in NAME_FIELDS:
            ready[field] = [_prepare_name(name, text) for name in value]
        elif isinstance(value, str) and field not in ("id", "type"):
            ready[field] = text(value)
        elif isinstance(value, dict) and isinstance(value.get("literal"), str):
            ready[field] = {**value, "literal": text(value["literal"])}
    ready["id"] = item["id"].lower()
    if ready["type"] == "article-journal" and not _has_any(
        ready, (*NAME_FIELDS, "container-title")
    ):
        ready["type"] = "article"
    return ready


def _has_any(item: Mapping[str, Any], fields: Sequence[str]) -> bool:
    return any(item.get(field) for field in fields)


def _escape_html(value: str) -> str:
    return html.escape(value, quote=False)


def _keep(value: str) -> str:
    return value


def _prepare_name(name: Mapping[str, str], text: Callable[[str], str]) -> dict[str, str]:
    if is_others(name):
        return {"literal": _ET_AL}
    if "literal" in name:
        return {"literal": text(name["literal"])}
    return {part: text(name[part]) for part in NAME_PARTS if part in name}


def smart_quotes(text: str, inner: tuple[str, str] = ("\u2018", "\u2019")) -> str:
    """Straight quotes to typographic: quoted words get ``inner`` quotes, apostrophes U+2019."""
    opening, closing = inner
    text = re.sub(r"(^|[\s(\[{\u2014-])'([^']+?)'(?=$|[\s.,;:!?)\]}\u2014-])",
                  rf"\1{opening}\2{closing}", text)  # fmt: skip
    text = re.sub(r'(^|[\s(\[{])"([^"]+?)"', rf"\1{opening}\2{closing}", text)
    return text.replace("'", "\u2019")


def _add_year_suffixes(
    prepared: dict[str, CslItem], order: Sequence[str], spec: StyleSpec
) -> list[str]:
    """Give items whose author-date citations collide the suffixes a, b, c (quirk 1).

    Returns the reference-list order worked out from plain text (quirk 11).
    """
    dated = {key: prepared[key] for key in order}
    cites, keys, _ = _run(dated, order, [[key] for key in keys_in(order)], spec, formatter.plain)
    by_text: dict[str, list[str]] = {}
    text_of = dict(zip(keys_in(order), cites, strict=True))
    for key in keys:
        by_text.setdefault(text_of[key], []).append(key)
    for group in by_text.values():
        if len(group) > 1:
            for index, key in enumerate(group):
                prepared[key]["year-suffix"] = _suffix(index)
    return list(keys)


def keys_in(order: Sequence[str]) -> list[str]:
    """``order`` without repeats."""
    return list(dict.fromkeys(order))


def _suffix(index: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    if index < len(letters):
        return letters[index]
    return letters[index // 26 - 1] + letters[index % 26]


def _fix_names(text: str, spec: StyleSpec) -> str:
    """Drop the conjunction citeproc puts before the literal "et al." name (quirk 7)."""
    joined = ", et al." if spec.name == "apa" else " et al."
    return re.sub(r",? (?:and|&amp;|&) et al\.", joined, text)


def _fix_punctuation(text: str) -> str:
    """Drop a full stop that follows "?" or "!", also across closing tags (quirk 13)."""
    return re.sub(r"([?!])((?:</[a-z]+>)*)\.", r"\1\2", text)


def _fix_citation(text: str, spec: StyleSpec) -> str:
    text = _fix_punctuation(_fix_names(text, spec))
    if spec.numeric:
        text = re.sub(r"\d+(?:,\d+)+", lambda match: collapse_numbers(match.group(0)), text)
    return text


def collapse_numbers(text: str) -> str:
    """Collapse runs of three or more consecutive numbers: ``1,2,3,5`` → ``1-3,5`` (quirk 9)."""
    numbers = [int(part) for part in text.split(",")]
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [
        f"{run[0]}\u2013{run[-1]}" if len(run) >= 3 else ",".join(str(n) for n in run)
        for run in runs
    ]
    return ",".join(parts)


def _fix_entry(text: str, item: CslItem, spec: StyleSpec, fmt: Format) -> str:
    text = _fix_punctuation(_fix_names(text, spec)).strip()
    if spec.numeric:
        text = re.sub(r"^(\d+)\.(?=\S)", r"\1. ", text)
    if spec.name == "harvard" and item["type"] == "article-journal":
        text = text.replace(" [Preprint]", "")
    if fmt == "html":
        text = link_identifiers(text, item)
    return text


def link_identifiers(text: str, item: Mapping[str, Any]) -> str:
    """Turn the item's DOI and URL, where they appear in rendered HTML, into links (quirk 8)."""
    doi = item.get("DOI")
    if isinstance(doi, str):
        href = html.escape("https://doi.org/" + doi, quote=True)
        shown = html.escape(doi, quote=False)
        for written in (f"https://doi.org/{shown}", f"doi:{shown}"):
            if written in text:
                text = text.replace(written, f'<a href="{href}">{written}</a>', 1)
                break
    url = item.get("URL")
    if isinstance(url, str) and re.match(r"https?://", url) and "doi.org/" not in url:
        shown = html.escape(url, quote=False)
        if shown in text and f'href="{html.escape(url, quote=True)}"' not in text:
            href = html.escape(url, quote=True)
            text = text.replace(shown, f'<a href="{href}">{shown}</a>', 1)
    return text
