"""RIS import and export, via rispy (https://github.com/MrTango/rispy).

Tag mapping (RIS ↔ CSL-JSON, after the RIS specification as Zotero and EndNote write it):
``TY`` ↔ ``type`` (see :data:`RIS_TYPES`); ``ID`` ↔ ``id``; ``AU`` (also ``A1``) ↔ ``author``;
``A2`` ↔ ``editor``; ``TI`` (also ``T1``) ↔ ``title``; ``T2`` (also ``JF``, ``JO``) ↔
``container-title``; ``J2`` (also ``JA``) ↔ ``container-title-short``; ``PY`` and ``DA`` ↔
``issued``; ``VL`` ↔ ``volume``; ``IS`` ↔ ``issue``; ``SP``/``EP`` ↔ ``page``; ``DO`` ↔ ``DOI``;
``UR`` ↔ ``URL`` (the first one); ``PB`` ↔ ``publisher``; ``CY`` ↔ ``publisher-place``; ``SN`` ↔
``ISSN`` (``ISBN`` for books and chapters); ``ET`` ↔ ``edition``; ``AB`` ↔ ``abstract``; ``N1`` ↔
``note``; ``LA`` ↔ ``language``. A CSL type with no RIS counterpart is written as ``GEN`` with
``M3`` (type of work) holding the CSL type. RIS has no PubMed ID tag, so ``PMID`` and ``PMCID`` are
not carried.

Names: ``Family, Given[, Suffix]``; a name without a comma is an organisation (a CSL literal);
``others`` marks an incomplete author list. RIS does not require ``ID``: by default an entry
without one is refused (a citation key is needed); ``make_keys=True`` derives one as
first-author family name + year (``naderi2024``, then ``naderi2024b`` …).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import rispy

from .csl import CSL_TYPES, CslItem, date_parts, is_others, issued_year, normalise_items
from .errors import BibliographyError

#: CSL type → RIS reference type.
RIS_TYPES: dict[str, str] = {
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "article": "UNPB",
    "book": "BOOK",
    "chapter": "CHAP",
    "paper-conference": "CPAPER",
    "report": "RPRT",
    "thesis": "THES",
    "webpage": "ELEC",
    "manuscript": "MANSCPT",
    "dataset": "DATA",
    "software": "COMP",
    "patent": "PAT",
    "map": "MAP",
    "pamphlet": "PAMP",
    "personal_communication": "PCOMM",
    "legal_case": "CASE",
    "bill": "BILL",
    "hearing": "HEAR",
    "standard": "STAND",
    "document": "GEN",
}
_RIS_ALIASES = {"EJOUR": "article-journal", "JFULL": "article-journal", "INPR": "article-journal",
                "CONF": "paper-conference", "EBOOK": "book", "EDBOOK": "book",
                "ECHAP": "chapter", "BLOG": "post-weblog", "WEB": "webpage"}  # fmt: skip
_CSL_FROM_RIS = {ris: csl for csl, ris in RIS_TYPES.items()} | _RIS_ALIASES
_TY_LINE = re.compile(r"^TY  - ", re.MULTILINE)
_BEFORE_TY_LINE = re.compile(r"^(?=TY  - )", re.MULTILINE)


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without the "1." counter line it puts before each record."""

    PATTERN = "{tag}  - {value}"
    NEWLINE: ClassVar[str] = "\n"

    def set_header(self, count: int) -> str:
        return ""


def import_ris(text: str, *, make_keys: bool = False) -> list[CslItem]:
    """Read RIS text into CSL-JSON items.

    Raises :class:`BibliographyError` for text with no RIS record, a record without its ``ER``
    end tag, or a record without title or (unless ``make_keys``) without ``ID``.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    records = _read_records(text)
    started = len(_TY_LINE.findall(text))
    if text.strip() and not started:
        raise BibliographyError("no RIS records found (expected a line starting 'TY  - ')")
    if len(records) != started:
        raise BibliographyError(
            f"RIS record {len(records) + 1} has no 'ER  - ' end tag",
            entry=f"#{len(records) + 1}",
            field="ER",
        )
    items = [_record_to_csl(record, position) for position, record in enumerate(records, 1)]
    if make_keys:
        _fill_keys(items)
    for position, item in enumerate(items, 1):
        if not item.get("id"):
            raise BibliographyError(
                "the record has no citation key (pass make_keys=True to derive one)",
                entry=f"#{position} ({item['title'][:60]!r})",
                field="ID",
            )
    return normalise_items(items)


def _read_records(text: str) -> list[dict[str, Any]]:
    """rispy's records, each parsed on its own: rispy remembers the last tag from one record to
    the next, so a continued line early in a record was added to a tag of the record before,
    and raised KeyError when its own record had no such tag."""
    records: list[dict[str, Any]] = []
    for chunk in _BEFORE_TY_LINE.split(text):
        records += rispy.loads(chunk)
    return records


def _first(record: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _record_to_csl(record: Mapping[str, Any], position: int) -> CslItem:
    title = _first(record, "title", "primary_title")
    if title is None:
        key = _first(record, "id")
        raise BibliographyError("is missing or empty", entry=key or f"#{position}", field="TI")
    kind = _csl_type(record)
    item: CslItem = {"id": _first(record, "id") or "", "type": kind, "title": title}
    simple = {
        "container-title": _first(record, "secondary_title", "alternate_title3", "journal_name"),
        "container-title-short": _first(record, "alternate_title1", "alternate_title2"),
        "volume": _first(record, "volume"),
        "issue": _first(record, "number"),
        "page": _page(record),
        "DOI": _first(record, "doi"),
        "URL": _first(record, "urls"),
        "publisher": _first(record, "publisher"),
        "publisher-place": _first(record, "place_published"),
        "edition": _first(record, "edition"),
        "abstract": _first(record, "abstract", "notes_abstract"),
        "language": _first(record, "language"),
        "ISBN" if kind in ("book", "chapter") else "ISSN": _first(record, "issn"),
    }
    item.update({key: value for key, value in simple.items() if value is not None})
    notes = record.get("notes")
    if isinstance(notes, list) and notes:
        item["note"] = "\n".join(str(n) for n in notes)
    name_tags = (("author", ("authors", "first_authors")), ("editor", ("secondary_authors",)))
    for csl_field, keys in name_tags:
        names = [n for key in keys for n in record.get(key) or []]
        if names:
            item[csl_field] = [_name_from_ris(n) for n in names]
    issued = _issued_from_ris(record)
    if issued is not None:
        item["issued"] = issued
    return item


def _csl_type(record: Mapping[str, Any]) -> str:
    code = str(record.get("type_of_reference", "GEN")).strip().upper()
    work = _first(record, "type_of_work")
    if code == "GEN" and work is not None and work in CSL_TYPES:
        return work
    return _CSL_FROM_RIS.get(code, "document")


def _page(record: Mapping[str, Any]) -> str | None:
    start, end = _first(record, "start_page"), _first(record, "end_page")
    if start and end:
        return f"{start}-{end}"
    return start or end


def _name_from_ris(raw: str) -> dict[str, str]:
    text = raw.strip()
    if text.lower() in ("others", "et al.", "et al"):
        return {"literal": "others"}
    if "," not in text:
        return {"literal": text}
    family, _, rest = (part.strip() for part in text.partition(","))
    given, _, suffix = (part.strip() for part in rest.partition(","))
    name = {"family": family, "given": given, "suffix": suffix}
    return {key: value for key, value in name.items() if value}


def _issued_from_ris(record: Mapping[str, Any]) -> dict[str, Any] | None:
    for key in ("date", "year", "publication_year"):
        value = _first(record, key)
        if value is None:
            continue
        parts = _leading_numbers(value.split("/")[:3])
        if parts and len(str(parts[0])) == 4:
            return {"date-parts": [parts]}
    return None


def _leading_numbers(pieces: list[str]) -> list[int]:
    """Year, month and day up to the first piece that is not one: ``2020//15`` is 2020 alone,
    not 2020 with its day 15 read as a month. Only ASCII digits, at most four: ``str.isdigit()``
    also takes "²", and a run of thousands of digits, both of which ``int()`` refuses."""
    numbers: list[int] = []
    for piece in pieces:
        if not re.fullmatch(r"[0-9]{1,4}", piece.strip()):
            break
        numbers.append(int(piece))
    return numbers


def _fill_keys(items: list[CslItem]) -> None:
    """Give records without ``ID`` a key: ascii family name of the first author + year."""
    taken = {str(item["id"]).casefold() for item in items if item.get("id")}
    for item in items:
        if item.get("id"):
            continue
        base = _key_stem(item) + str(issued_year(item) or "")
        key, suffix = base, "b"
        while key.casefold() in taken:
            key, suffix = base + suffix, chr(ord(suffix) + 1)
        taken.add(key.casefold())
        item["id"] = key


def _key_stem(item: CslItem) -> str:
    authors = item.get("author") or [{"literal": item["title"]}]
    first = authors[0]
    word = first.get("family") or first.get("literal") or "ref"
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", ascii_word.lower()) or "ref"


def export_ris(items: Sequence[Mapping[str, Any]]) -> str:
    """Write CSL-JSON items as RIS text."""
    records = [_csl_to_record(item) for item in normalise_items(items)]
    return str(rispy.dumps(records, implementation=_RisWriter))


def _csl_to_record(item: CslItem) -> dict[str, Any]:
    kind = item["type"]
    record: dict[str, Any] = {"type_of_reference": RIS_TYPES.get(kind, "GEN"), "id": item["id"]}
    if record["type_of_reference"] == "GEN" and kind != "document":
        record["type_of_work"] = kind
    if item.get("author"):
        record["authors"] = [_name_to_ris(n) for n in item["author"]]
    if item.get("editor"):
        record["secondary_authors"] = [_name_to_ris(n) for n in item["editor"]]
    record["title"] = item["title"]
    pairs = (
        ("secondary_title", "container-title"), ("alternate_title1", "container-title-short"),
        ("volume", "volume"), ("number", "issue"), ("doi", "DOI"), ("publisher", "publisher"),
        ("place_published", "publisher-place"), ("edition", "edition"), ("abstract", "abstract"),
        ("language", "language"), ("issn", "ISBN" if kind in ("book", "chapter") else "ISSN"),
    )  # fmt: skip
    record.update({ris: item[csl] for ris, csl in pairs if isinstance(item.get(csl), str)})
    if isinstance(item.get("URL"), str):
        record["urls"] = [item["URL"]]
    if isinstance(item.get("note"), str):
        record["notes"] = item["note"].split("\n")
    record.update(_page_to_ris(item.get("page")))
    record.update(_date_to_ris(item))
    return record


def _page_to_ris(page: Any) -> dict[str, str]:
    if not isinstance(page, str):
        return {}
    start, _, end = page.partition("-")
    return {"start_page": start, "end_page": end} if end else {"start_page": start}


def _date_to_ris(item: CslItem) -> dict[str, str]:
    parts = date_parts(item)
    if not parts:
        return {}
    result = {"year": str(parts[0])}
    if len(parts) > 1:
        padded = [str(parts[0])] + [f"{p:02d}" for p in parts[1:]]
        result["date"] = "/".join(padded + [""] * (3 - len(padded)))
    return result


def _name_to_ris(name: Mapping[str, str]) -> str:
    if is_others(name):
        return "others"
    if "literal" in name:
        return name["literal"]
    family = " ".join(p for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(p for p in (name.get("given"), name.get("dropping-particle")) if p)
    if not given and not name.get("suffix"):
        return f"{family},"  # the comma keeps a lone family name from reading as an organisation
    parts = [family, given] + ([name["suffix"]] if name.get("suffix") else [])
    return ", ".join(parts)
