"""CSL-JSON items: the canonical in-memory form of a reference, and their validation.

An item is a plain ``dict`` following the CSL-JSON schema (Citation Style Language 1.0.2,
https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html and
https://github.com/citation-style-language/schema/blob/master/schemas/input/csl-data.json):
``id`` is the stable citation key (``naderi2024``), ``type`` a CSL item type, names are lists of
``{"family", "given"}`` or ``{"literal"}`` dicts, dates are ``{"date-parts": [[y, m, d]]}``.

Every importer passes its output through :func:`normalise_item`, so all formats give the same
shape: strings stripped, numbers in ``volume``/``issue`` as strings, page ranges with a plain
hyphen, DOIs without a resolver prefix, PubMed-style initials (``MH``) spelled ``M. H.``.

An author list that the source itself cut short ("Dolcetti E, Bruno A, Guadalupi L, et al.") ends
with the name :data:`OTHERS` (``{"literal": "others"}``), the CSL spelling of BibTeX's
``and others``; the formatters render it as "et al.".
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .errors import BibliographyError

CslItem = dict[str, Any]
"""One reference as a CSL-JSON dict."""

#: The item types of CSL 1.0.2.
CSL_TYPES = frozenset(
    {
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
        "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
        "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
        "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
        "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
        "personal_communication", "post", "post-weblog", "regulation", "report", "review",
        "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
    }
)  # fmt: skip

#: CSL name variables.
NAME_FIELDS = (
    "author", "editor", "translator", "container-author", "collection-editor", "composer",
    "director", "illustrator", "interviewer", "original-author", "recipient", "reviewed-author",
    "editorial-director",
)  # fmt: skip

#: CSL date variables.
DATE_FIELDS = ("issued", "accessed", "original-date", "event-date", "submitted")

#: Name parts CSL allows in a personal name.
NAME_PARTS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix")

#: The last name of an author list that is known to be incomplete (BibTeX ``and others``).
OTHERS: dict[str, str] = {"literal": "others"}

_NUMBER_FIELDS = ("volume", "issue", "page", "number", "edition", "number-of-pages")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DASHES = re.compile(r"\s*(?:--|[\u2010-\u2015])\s*")
_INITIALS_ONLY = re.compile(r"[A-Z]{1,3}|(?:[A-Z]\.)+")


def describe_entry(item: Mapping[str, Any], position: int) -> str:
    """Name an entry for an error message: its key, else its position and title."""
    key = item.get("id")
    if isinstance(key, str | int) and str(key).strip():
        return str(key).strip()
    title = item.get("title")
    if isinstance(title, str) and title.strip():
        return f"#{position} ({title.strip()[:60]!r})"
    return f"#{position}"


def is_others(name: Mapping[str, Any]) -> bool:
    """True for the :data:`OTHERS` marker that ends an incomplete author list."""
    literal = name.get("literal")
    return isinstance(literal, str) and literal.strip().lower() in {"others", "et al.", "et al"}


def tidy_given(given: str) -> str:
    """Spell a given name consistently: PubMed initials ``MH`` or ``M.H.`` become ``M. H.``.

    citeproc-py initialises each space-separated given name, so ``MH`` would otherwise render
    as the single initial "M." (NLM records print initials run together).
    """
    text = " ".join(given.split())
    compact = text.replace(" ", "")
    if _INITIALS_ONLY.fullmatch(compact):
        return " ".join(f"{letter}." for letter in compact if letter.isalpha())
    return text


def normalise_name(name: Any, *, entry: str, field: str) -> dict[str, str]:
    """Check and tidy one CSL name dict."""
    if not isinstance(name, Mapping):
        raise BibliographyError("each name must be an object", entry=entry, field=field)
    if is_others(name):
        return dict(OTHERS)
    literal = name.get("literal")
    if isinstance(literal, str) and literal.strip():
        return {"literal": " ".join(literal.split())}
    tidy: dict[str, str] = {}
    for part in NAME_PARTS:
        value = name.get(part)
        if value is None:
            continue
        if not isinstance(value, str):
            raise BibliographyError(f"name part {part!r} must be text", entry=entry, field=field)
        value = tidy_given(value) if part == "given" else " ".join(value.split())
        if value:
            tidy[part] = value
    if "family" not in tidy and "given" not in tidy:
        raise BibliographyError("a name needs a family name or a literal", entry=entry, field=field)
    return tidy


def normalise_date(value: Any, *, entry: str, field: str) -> dict[str, Any]:
    """Check a CSL date: ``date-parts`` of integers, or a ``literal``; ``raw`` ISO dates parsed."""
    if not isinstance(value, Mapping):
        raise BibliographyError("a date must be an object", entry=entry, field=field)
    if "date-parts" not in value and isinstance(value.get("raw"), str):
        numbers = re.findall(r"\d+", value["raw"])[:3]
        if numbers and all(len(number) <= 4 for number in numbers):  # a year has four digits
            return {"date-parts": [[int(number) for number in numbers]]}
    if "date-parts" in value:
        ranges = value["date-parts"]
        if not isinstance(ranges, list) or not ranges:
            raise BibliographyError("date-parts must be a list of lists", entry=entry, field=field)
        tidy: dict[str, Any] = {"date-parts": [_date_parts(r, entry, field) for r in ranges]}
        for extra in ("circa", "season"):
            if extra in value:
                tidy[extra] = value[extra]
        return tidy
    literal = value.get("literal")
    if isinstance(literal, str) and literal.strip():
        return {"literal": literal.strip()}
    raise BibliographyError("a date needs date-parts or a literal", entry=entry, field=field)


def _date_parts(parts: Any, entry: str, field: str) -> list[int]:
    if not isinstance(parts, list) or not 1 <= len(parts) <= 3:
        raise BibliographyError("date-parts must hold [year, month, day]", entry=entry, field=field)
    try:
        return [int(p) for p in parts]
    except (TypeError, ValueError, OverflowError):
        shown = repr(parts) if len(repr(parts)) <= 60 else repr(parts)[:57] + "..."
        raise BibliographyError(f"date-parts {shown} are not whole numbers", entry=entry,
                                field=field) from None  # fmt: skip


def normalise_doi(doi: str) -> str:
    """Strip a resolver prefix (``https://doi.org/``, ``doi:``) from a DOI."""
    return _DOI_PREFIX.sub("", doi.strip()).strip()


def normalise_page(page: str) -> str:
    """Write page ranges with a plain hyphen (an en dash or BibTeX ``765--770`` → ``765-770``)."""
    return _DASHES.sub("-", page.strip())


def _require_text(item: Mapping[str, Any], field: str, entry: str) -> str:
    value = item.get(field)
    if isinstance(value, int) and not isinstance(value, bool) and field == "id":
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise BibliographyError("is missing or empty", entry=entry, field=field)
    return " ".join(value.split())


def normalise_item(item: Mapping[str, Any], *, position: int = 1) -> CslItem:
    """Return a checked, tidied copy of one CSL-JSON item.

    Raises :class:`BibliographyError` naming the entry and field when the key (``id``), the
    ``title`` or the ``type`` is missing, the type is not a CSL type, or a name or date is bad.
    """
    if not isinstance(item, Mapping):
        raise BibliographyError("each item must be a JSON object", entry=f"#{position}")
    entry = describe_entry(item, position)
    tidy: CslItem = copy.deepcopy(dict(item))
    tidy["id"] = _require_text(item, "id", entry)
    tidy["title"] = _require_text(item, "title", entry)
    kind = _require_text(item, "type", entry)
    if kind not in CSL_TYPES:
        raise BibliographyError(f"{kind!r} is not a CSL item type", entry=entry, field="type")
    tidy["type"] = kind
    for field in NAME_FIELDS:
        if field in tidy:
            names = tidy[field]
            if not isinstance(names, list):
                raise BibliographyError("must be a list of names", entry=entry, field=field)
            tidy[field] = [normalise_name(n, entry=entry, field=field) for n in names]
    for field in DATE_FIELDS:
        if field in tidy:
            tidy[field] = normalise_date(tidy[field], entry=entry, field=field)
    _tidy_scalars(tidy, entry)
    return {key: value for key, value in tidy.items() if value not in (None, "", [])}


def _tidy_scalars(tidy: CslItem, entry: str) -> None:
    for field in _NUMBER_FIELDS:
        value = tidy.get(field)
        if isinstance(value, int) and not isinstance(value, bool):
            tidy[field] = str(value)
    for field, value in list(tidy.items()):
        if isinstance(value, str) and field not in ("abstract", "note"):
            tidy[field] = " ".join(value.split())
    if isinstance(tidy.get("page"), str):
        tidy["page"] = normalise_page(tidy["page"])
    if isinstance(tidy.get("DOI"), str):
        tidy["DOI"] = normalise_doi(tidy["DOI"])
    for field in ("volume", "issue", "page", "DOI", "URL", "container-title"):
        if field in tidy and not isinstance(tidy[field], str):
            raise BibliographyError("must be text", entry=entry, field=field)


def normalise_items(items: Iterable[Mapping[str, Any]]) -> list[CslItem]:
    """Normalise a list of items and refuse duplicate keys (compared without case)."""
    result: list[CslItem] = []
    seen: dict[str, str] = {}
    for position, item in enumerate(items, start=1):
        tidy = normalise_item(item, position=position)
        folded = tidy["id"].casefold()
        if folded in seen:
            raise BibliographyError(
                f"duplicate citation key (already used by {seen[folded]!r})",
                entry=tidy["id"],
                field="id",
            )
        seen[folded] = tidy["id"]
        result.append(tidy)
    return result


def issued_year(item: Mapping[str, Any]) -> int | None:
    """The year of ``issued``, or ``None`` when the item has no dated issue."""
    issued = item.get("issued")
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return int(parts[0][0])
    return None


def date_parts(item: Mapping[str, Any], field: str = "issued") -> list[int]:
    """The first ``[year, month, day]`` list of a date field (empty when there is none)."""
    value = item.get(field)
    if isinstance(value, Mapping):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list):
            return [int(p) for p in parts[0]]
    return []


def date_literal(item: Mapping[str, Any], field: str = "issued") -> str | None:
    """The ``literal`` text of a date field, if the date is given only as text."""
    value = item.get(field)
    if isinstance(value, Mapping) and isinstance(value.get("literal"), str):
        return str(value["literal"])
    return None
