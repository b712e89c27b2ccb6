"""Import → export → import gives back the same reference fields, in every format."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msrelief.evidence.bibliography import (
    CSL_TYPES,
    export_bibtex,
    export_csl_json,
    export_ris,
    import_bibtex,
    import_csl_json,
    import_ris,
    normalise_item,
)
from msrelief.evidence.bibliography.csl import issued_year

from .samples import ALL

FORMATS: dict[str, tuple[Callable[..., str], Callable[[str], list[dict[str, Any]]]]] = {
    "bibtex": (export_bibtex, import_bibtex),
    "ris": (export_ris, import_ris),
    "csl-json": (export_csl_json, import_csl_json),
}
COMPARED = ("title", "container-title", "volume", "issue", "page", "DOI", "URL", "type")


def compared_fields(item: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the round trip must keep: authors, title, container, year, numbers, ids, type."""
    fields = {key: item.get(key) for key in COMPARED}
    fields["author"] = item.get("author", [])
    fields["year"] = issued_year(item)
    return fields


def round_trip(items: list[dict[str, Any]], fmt: str) -> list[dict[str, Any]]:
    export, read = FORMATS[fmt]
    return read(export(items))


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_sample_references_survive_a_round_trip(fmt: str) -> None:
    first = [normalise_item(item) for item in ALL]
    again = round_trip(round_trip(first, fmt), fmt)
    assert [compared_fields(i) for i in again] == [compared_fields(i) for i in first]


# Text with the characters that need escaping in BibTeX and the ones RIS lines cannot hold removed.
_TEXT = (
    st.text(
        alphabet=st.characters(
            codec="utf-8",
            categories=("L", "N", "P", "S", "Zs"),
            exclude_characters="\u2028\u2029\xa0",
        ),
        min_size=1,
        max_size=40,
    )
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)
_WORD = st.from_regex(r"[A-Z][a-z]{1,10}(?:-[A-Z][a-z]{1,8})?", fullmatch=True)
_NAME = st.one_of(
    st.builds(lambda family, given: {"family": family, "given": given}, _WORD, _WORD),
    st.builds(lambda family: {"family": family}, _WORD),
)
_NUMBER = st.from_regex(r"[1-9][0-9]{0,4}", fullmatch=True)
_TYPES = sorted(CSL_TYPES)


@st.composite
def csl_items(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": draw(st.from_regex(r"[a-z]{3,10}[0-9]{4}", fullmatch=True)),
        "type": draw(st.sampled_from(_TYPES)),
        "title": draw(_TEXT),
        "author": draw(st.lists(_NAME, max_size=4)),
    }
    optional = {
        "container-title": _TEXT,
        "volume": _NUMBER,
        "issue": _NUMBER,
        "page": st.builds(lambda a, b: f"{a}-{b}", _NUMBER, _NUMBER),
        "DOI": st.from_regex(r"10\.[0-9]{4,5}/[a-z0-9.()_-]{3,20}", fullmatch=True),
        "URL": st.from_regex(r"https://example\.org/[a-z0-9_]{1,12}", fullmatch=True),
        "issued": st.builds(lambda y: {"date-parts": [[y]]}, st.integers(1900, 2030)),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            item[key] = draw(strategy)
    return normalise_item(item)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=60, deadline=None)
@given(item=csl_items())
def test_any_item_survives_a_round_trip(fmt: str, item: dict[str, Any]) -> None:
    [again] = round_trip([item], fmt)
    assert compared_fields(again) == compared_fields(item)
