"""Between a :class:`~msrelief.evidence.models.Reference` row and a CSL-JSON item.

Fields the model has columns for are mapped one to one; any other CSL field is kept in
``Reference.extra`` so that an import followed by an export loses nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from msrelief.evidence.bibliography import CSL_TYPES, OTHERS
from msrelief.evidence.bibliography.csl import issued_year

__all__ = [
    "CSL_TYPES",
    "author_errors",
    "authors_from_text",
    "authors_to_text",
    "fields_from_csl",
    "first_author",
    "to_csl",
]

#: CSL variable -> model field, for the plain text fields.
TEXT_FIELDS = {
    "title": "title",
    "container-title": "container_title",
    "container-title-short": "container_title_short",
    "volume": "volume",
    "issue": "issue",
    "page": "page",
    "DOI": "doi",
    "URL": "url",
    "PMID": "pmid",
    "PMCID": "pmcid",
    "publisher": "publisher",
    "note": "note",
}
_HANDLED = {"id", "type", "author", "issued", *TEXT_FIELDS}


class _ReferenceLike(Protocol):
    """A stored reference, or its columns read without the model (``stored_references``)."""

    @property
    def key(self) -> str: ...

    @property
    def csl_type(self) -> str: ...

    @property
    def authors(self) -> Any: ...

    @property
    def year(self) -> int | None: ...

    @property
    def extra(self) -> Any: ...


def to_csl(reference: _ReferenceLike) -> dict[str, Any]:
    """The CSL-JSON item of ``reference``: empty fields are left out."""
    item: dict[str, Any] = {"id": reference.key, "type": reference.csl_type}
    if reference.authors:
        item["author"] = [dict(name) for name in reference.authors]
    for csl_name, field in TEXT_FIELDS.items():
        value = getattr(reference, field)
        if value:
            item[csl_name] = value
    extra = dict(reference.extra or {})
    issued = extra.pop("issued", None)
    if reference.year is not None:
        same_year = (
            isinstance(issued, Mapping) and issued_year({"issued": issued}) == reference.year
        )
        item["issued"] = issued if same_year else {"date-parts": [[reference.year]]}
    elif isinstance(issued, Mapping) and "date-parts" not in issued:
        item["issued"] = issued  # a date given only in words ("in press")
    for key, value in extra.items():
        item.setdefault(key, value)
    return item


def fields_from_csl(item: Mapping[str, Any]) -> dict[str, Any]:
    """Model field values for a (normalised) CSL-JSON item."""
    fields: dict[str, Any] = {
        "key": str(item["id"]),
        "csl_type": str(item.get("type", "article-journal")),
        "authors": [dict(name) for name in item.get("author", [])],
        "year": issued_year(item),
    }
    for csl_name, field in TEXT_FIELDS.items():
        value = item.get(csl_name, "")
        fields[field] = value if isinstance(value, str) else str(value)
    extra = {key: value for key, value in item.items() if key not in _HANDLED}
    issued = item.get("issued")
    if isinstance(issued, Mapping) and _more_than_a_year(issued):
        extra["issued"] = dict(issued)
    fields["extra"] = extra
    return fields


def _more_than_a_year(issued: Mapping[str, Any]) -> bool:
    """Whether a date says more than its year (a month, a range, "circa", a season)."""
    if set(issued) - {"date-parts"}:
        return True
    parts = issued.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        return len(parts) > 1 or len(parts[0]) > 1
    return False


def author_errors(authors: Any) -> list[str]:
    """Problems with an author list (a list of ``{family, given}`` or ``{literal}``)."""
    if not isinstance(authors, list):
        return ["Authors must be a list."]
    problems = []
    for number, name in enumerate(authors, start=1):
        if not isinstance(name, Mapping):
            problems.append(f"Author {number} is not a name.")
        elif not (name.get("family") or name.get("literal")):
            problems.append(f"Author {number} needs a family name.")
    return problems


def first_author(authors: Any) -> str:
    if not isinstance(authors, list) or not authors:
        return ""
    name = authors[0]
    return str(name.get("family") or name.get("literal") or "")


def authors_to_text(authors: Any) -> str:
    """One author a line, ``Family, Given``; an incomplete list ends with ``et al.``"""
    lines = []
    for name in authors or []:
        if name == OTHERS:
            lines.append("et al.")
        elif "literal" in name:
            lines.append(str(name["literal"]))
        else:
            given = name.get("given", "")
            lines.append(f"{name.get('family', '')}, {given}" if given else name.get("family", ""))
    return "\n".join(lines)


def authors_from_text(text: str) -> list[dict[str, str]]:
    """Read what :func:`authors_to_text` writes. A line without a comma is a family name."""
    names: list[dict[str, str]] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        if line.lower().rstrip(".") in {"et al", "others"}:
            names.append(dict(OTHERS))
            continue
        family, _, given = (part.strip() for part in line.partition(","))
        names.append({"family": family, "given": given} if given else {"family": family})
    return names
