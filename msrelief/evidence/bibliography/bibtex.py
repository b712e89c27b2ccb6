"""BibTeX import and export, via bibtexparser 2.x (https://bibtexparser.readthedocs.io/en/main/).

Field mapping (BibTeX/biblatex ↔ CSL-JSON, after the pandoc and Zotero conventions):
``author``/``editor`` ↔ ``author``/``editor``; ``title``; ``journal`` (also biblatex
``journaltitle``) or ``booktitle`` ↔ ``container-title``; ``shortjournal`` ↔
``container-title-short``; ``year``/``month``/biblatex ``date`` ↔ ``issued``; ``volume``;
``number`` ↔ ``issue``; ``pages`` ↔ ``page``; ``doi`` ↔ ``DOI``; ``url`` ↔ ``URL``; ``pmid`` ↔
``PMID``; ``pmcid`` ↔ ``PMCID``; ``publisher`` (also ``institution``, ``school``) ↔ ``publisher``;
``address`` (also ``location``) ↔ ``publisher-place``; ``isbn``, ``issn``, ``edition``, ``note``,
``abstract`` and ``language`` unchanged. Entry types follow :data:`BIBTEX_TYPES`; a CSL type with
no BibTeX counterpart is written as ``@misc`` with ``entrysubtype = {<csl type>}`` so that it
comes back unchanged.

LaTeX in field values is decoded with pylatexenc (a bibtexparser dependency); on export only the
characters special to LaTeX are escaped and other Unicode is written as UTF-8 (biber and every
current reference manager read it). ``{MS Society}`` in a name list is an organisation (a CSL
literal name) and ``and others`` marks an incomplete author list (:data:`csl.OTHERS`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from bibtexparser.entrypoint import parse_string, write_string
from bibtexparser.library import Library
from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from bibtexparser.model import Block, Entry, Field
from pylatexenc.latex2text import LatexNodes2Text

from msrelief.lib.limits import MAX_BIBTEX_DEPTH, MAX_BIBTEX_FIELD

from .csl import (
    CslItem,
    date_literal,
    date_parts,
    is_others,
    normalise_item,
    normalise_items,
)
from .errors import BibliographyError

#: CSL type → BibTeX entry type (the reverse direction also accepts :data:`_BIBTEX_ALIASES`).
BIBTEX_TYPES: dict[str, str] = {
    "article-journal": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "report": "techreport",
    "thesis": "phdthesis",
    "webpage": "online",
    "manuscript": "unpublished",
    "dataset": "dataset",
    "document": "misc",
}
_BIBTEX_ALIASES = {
    "mastersthesis": "thesis",
    "conference": "paper-conference",
    "inbook": "chapter",
    "booklet": "pamphlet",
    "proceedings": "book",
    "manual": "report",
    "electronic": "webpage",
    "www": "webpage",
    "software": "software",
    "patent": "patent",
}
_CSL_FROM_BIBTEX = {bib: csl for csl, bib in BIBTEX_TYPES.items()} | _BIBTEX_ALIASES

# BibTeX field → CSL field for plain text fields (decoded from LaTeX).
_TEXT_FIELDS = (
    ("title", "title"),
    ("journal", "container-title"),
    ("journaltitle", "container-title"),
    ("booktitle", "container-title"),
    ("shortjournal", "container-title-short"),
    ("volume", "volume"),
    ("number", "issue"),
    ("issue", "issue"),
    ("pages", "page"),
    ("publisher", "publisher"),
    ("institution", "publisher"),
    ("school", "publisher"),
    ("address", "publisher-place"),
    ("location", "publisher-place"),
    ("edition", "edition"),
    ("note", "note"),
    ("abstract", "abstract"),
    ("language", "language"),
)
# Identifier fields: never LaTeX-decoded (a DOI may hold "_" or "%").
_VERBATIM_FIELDS = (
    ("doi", "DOI"),
    ("url", "URL"),
    ("pmid", "PMID"),
    ("pmcid", "PMCID"),
    ("isbn", "ISBN"),
    ("issn", "ISSN"),
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LATEX = LatexNodes2Text()
_LIGATURE = re.compile(r"(-(?=-)|'(?=')|`(?=`)|[!?](?=`))")
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
}


def decode_latex(value: str) -> str:
    """LaTeX → Unicode text; a bare ``%`` is kept as a percent sign, not read as a comment.

    pylatexenc parses recursively: groups are bounded by :func:`_check_nesting`, and anything
    else nested deeply enough to exhaust the stack (``\\begin{x}`` a thousand times) is refused.
    """
    try:
        text = _LATEX.latex_to_text(re.sub(r"(?<!\\)%", r"\\%", value))
    except RecursionError:
        raise BibliographyError("the LaTeX in this value is nested too deeply to read") from None
    return " ".join(text.replace("\xa0", " ").split())


def _check_nesting(text: str) -> None:
    """Refuse ``{...}`` groups nested more than :data:`MAX_BIBTEX_DEPTH` deep, before parsing.

    Counted over the whole text at once (escaped braces included, which only matters for a
    file with hundreds of unmatched ``\\{``), so the check costs milliseconds even at 1 MB.
    """
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    depth = np.cumsum((codes == ord("{")).astype(np.int32) - (codes == ord("}")))
    if depth.size and int(depth.max()) > MAX_BIBTEX_DEPTH:
        position = int(np.argmax(depth > MAX_BIBTEX_DEPTH))
        line = text.count("\n", 0, position) + 1
        raise BibliographyError(
            f"line {line}: braces are nested more than {MAX_BIBTEX_DEPTH} levels deep (the limit)"
        )


def encode_latex(value: str) -> str:
    """Escape the characters LaTeX treats specially; other Unicode stays as it is.

    Pairs that LaTeX would join into one glyph (``--``, ``''``, ``!`` + backtick …) are split
    with ``{}`` so that they read back unchanged.
    """
    escaped = "".join(_LATEX_SPECIALS.get(char, char) for char in value)
    return _LIGATURE.sub(r"\1{}", escaped)


def import_bibtex(text: str) -> list[CslItem]:
    """Read BibTeX or biblatex text into CSL-JSON items.

    Raises :class:`BibliographyError` for braces nested more than
    :data:`~msrelief.lib.limits.MAX_BIBTEX_DEPTH` levels (naming the line), a block bibtexparser
    cannot parse (naming its line), a duplicate key, an entry without key or title, or non-empty
    text with no entry at all.
    """
    _check_nesting(text)
    library = parse_string(text)
    for failed in library.failed_blocks:
        key = getattr(failed, "key", None)
        raise BibliographyError(
            f"BibTeX could not be parsed (block starting on line {(failed.start_line or 0) + 1}): "
            f"{failed.error}",
            entry=str(key) if key else None,
        )
    only_comments = not (library.entries or library.strings or library.preambles)
    if only_comments and not all(_is_blank_comment(block) for block in library.blocks):
        raise BibliographyError("no BibTeX entries found (expected '@article{key, ...}')")
    items = [_entry_to_csl(entry, position) for position, entry in enumerate(library.entries, 1)]
    return normalise_items(items)


def _is_blank_comment(block: object) -> bool:
    comment = getattr(block, "comment", None)
    return isinstance(comment, str) and (not comment.strip() or comment.lstrip().startswith("%"))


def _entry_to_csl(entry: Entry, position: int) -> CslItem:
    fields = {field.key.lower(): field.value for field in entry.fields}
    title = fields.get("title")
    entry_name = entry.key or (f"#{position} ({title[:60]!r})" if title else f"#{position}")
    if not entry.key.strip():
        raise BibliographyError("the entry has no citation key", entry=entry_name, field="key")
    _check_lengths(fields, entry_name)
    item: CslItem = {"id": entry.key.strip(), "type": _csl_type(entry.entry_type, fields)}
    try:
        _decode_fields(fields, item)
    except _FieldError as error:
        raise BibliographyError(error.problem, entry=entry_name, field=error.field) from None
    issued = _issued_from_bibtex(fields)
    if issued is not None:
        item["issued"] = issued
    if "title" not in item:
        raise BibliographyError("is missing or empty", entry=entry_name, field="title")
    return normalise_item(item, position=position)


class _FieldError(Exception):
    def __init__(self, field: str, problem: str) -> None:
        self.field, self.problem = field, problem


def _check_lengths(fields: Mapping[str, Any], entry_name: str) -> None:
    """Refuse a field over :data:`MAX_BIBTEX_FIELD` characters: decoding LaTeX takes time that
    grows faster than the length, so a huge field would tie up the server."""
    for name, value in fields.items():
        if isinstance(value, str) and len(value) > MAX_BIBTEX_FIELD:
            raise BibliographyError(
                f"is {len(value):,} characters long; the limit is {MAX_BIBTEX_FIELD:,}",
                entry=entry_name,
                field=name,
            )


def _decode_fields(fields: Mapping[str, Any], item: CslItem) -> None:
    """Fill ``item`` from the BibTeX ``fields``; a value that cannot be read is a _FieldError."""
    for bib_field, csl_field in _TEXT_FIELDS:
        if isinstance(fields.get(bib_field), str) and csl_field not in item:
            item[csl_field] = _decoded(bib_field, fields[bib_field])
    for bib_field, csl_field in _VERBATIM_FIELDS:
        if isinstance(fields.get(bib_field), str):
            item[csl_field] = re.sub(r"\\([_%&#$])", r"\1", fields[bib_field]).strip()
    for bib_field in ("author", "editor"):
        if isinstance(fields.get(bib_field), str):
            try:
                item[bib_field] = _names_from_bibtex(fields[bib_field])
            except BibliographyError as error:
                raise _FieldError(bib_field, error.problem) from None


def _decoded(field: str, value: str) -> str:
    try:
        return decode_latex(value)
    except BibliographyError as error:
        raise _FieldError(field, error.problem) from None


def _csl_type(entry_type: str, fields: Mapping[str, Any]) -> str:
    kind = entry_type.lower()
    subtype = fields.get("entrysubtype")
    if kind == "misc" and isinstance(subtype, str) and subtype.strip():
        return subtype.strip()
    return _CSL_FROM_BIBTEX.get(kind, "document")


def _names_from_bibtex(value: str) -> list[dict[str, str]]:
    names: list[dict[str, str]] = []
    for raw in split_multiple_persons_names(value):
        raw = raw.strip()
        if raw.lower() == "others":
            names.append({"literal": "others"})
        elif raw.startswith("{") and raw.endswith("}") and _balanced(raw[1:-1]):
            names.append({"literal": decode_latex(raw[1:-1])})
        else:
            parts = parse_single_name_into_parts(raw, strict=False)
            name = {
                "family": decode_latex(" ".join(parts.von + parts.last)),
                "given": decode_latex(" ".join(parts.first)),
                "suffix": decode_latex(" ".join(parts.jr)),
            }
            names.append({key: text for key, text in name.items() if text})
    return names


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _issued_from_bibtex(fields: Mapping[str, Any]) -> dict[str, Any] | None:
    date = fields.get("date")
    if isinstance(date, str) and re.fullmatch(r"\d{4}(-\d{1,2}){0,2}", date.strip()):
        return {"date-parts": [[int(p) for p in date.strip().split("-")]]}
    year = fields.get("year")
    if not isinstance(year, str) or not year.strip():
        return None
    if not re.fullmatch(r"\d{1,4}", year.strip()):
        return {"literal": decode_latex(year)}
    parts = [int(year)]
    month = _month_number(fields.get("month"))
    if month is not None:
        parts.append(month)
    return {"date-parts": [parts]}


def _month_number(value: Any) -> int | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().lower()
    if re.fullmatch(r"[0-9]{1,2}", text) and 1 <= int(text) <= 12:  # not "²", not 4,301 digits
        return int(text)
    return _MONTHS.index(text[:3]) + 1 if text[:3] in _MONTHS else None


def export_bibtex(items: Sequence[Mapping[str, Any]]) -> str:
    """Write CSL-JSON items as BibTeX (UTF-8, LaTeX specials escaped)."""
    entries: list[Block] = [_csl_to_entry(item) for item in normalise_items(items)]
    return write_string(Library(entries))


def _csl_to_entry(item: CslItem) -> Entry:
    kind = item["type"]
    entry_type = BIBTEX_TYPES.get(kind, "misc")
    fields: list[tuple[str, str]] = []
    for csl_field in ("author", "editor"):
        if item.get(csl_field):
            fields.append((csl_field, " and ".join(_name_to_bibtex(n) for n in item[csl_field])))
    fields.append(("title", encode_latex(item["title"])))
    if "container-title" in item:
        container = "booktitle" if kind in ("chapter", "paper-conference") else "journal"
        fields.append((container, encode_latex(item["container-title"])))
    fields.extend(_date_to_bibtex(item))
    fields.extend(_text_fields_to_bibtex(item, kind))
    for bib_field, csl_field in _VERBATIM_FIELDS:
        if csl_field in item:
            fields.append((bib_field, str(item[csl_field])))
    if entry_type == "misc" and kind != "document":
        fields.append(("entrysubtype", kind))
    return Entry(entry_type, item["id"], [Field(key, value) for key, value in fields])


def _text_fields_to_bibtex(item: CslItem, kind: str) -> list[tuple[str, str]]:
    publisher_field = {"report": "institution", "thesis": "school"}.get(kind, "publisher")
    pairs = (
        ("shortjournal", "container-title-short"),
        ("volume", "volume"),
        ("number", "issue"),
        ("pages", "page"),
        (publisher_field, "publisher"),
        ("address", "publisher-place"),
        ("edition", "edition"),
        ("note", "note"),
        ("abstract", "abstract"),
        ("language", "language"),
    )
    result = []
    for bib_field, csl_field in pairs:
        if isinstance(item.get(csl_field), str):
            value = item[csl_field].replace("-", "--") if bib_field == "pages" else item[csl_field]
            result.append((bib_field, encode_latex(value)))
    return result


def _name_to_bibtex(name: Mapping[str, str]) -> str:
    if is_others(name):
        return "others"
    if "literal" in name:
        return "{" + encode_latex(name["literal"]) + "}"
    family = encode_latex(
        " ".join(p for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    )
    given = encode_latex(
        " ".join(p for p in (name.get("given"), name.get("dropping-particle")) if p)
    )
    if name.get("suffix"):
        return f"{family}, {encode_latex(name['suffix'])}, {given}"
    if given:
        return f"{family}, {given}"
    # A lone multi-word family name must be braced, or BibTeX splits it into first and last.
    return "{" + family + "}" if " " in family else family


def _date_to_bibtex(item: CslItem) -> list[tuple[str, str]]:
    literal = date_literal(item)
    if literal is not None:
        return [("year", encode_latex(literal))]
    parts = date_parts(item)
    if not parts:
        return []
    fields = [("year", str(parts[0]))]
    if len(parts) > 1:
        fields.append(("month", str(parts[1])))
    if len(parts) > 2:
        fields.append(("date", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))))
    return fields
