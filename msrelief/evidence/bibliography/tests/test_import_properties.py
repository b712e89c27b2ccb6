"""Property-based checks of the importers: whatever text arrives, a list of items or a
BibliographyError, never another exception (RecursionError, KeyError, TypeError ...)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msrelief.evidence.bibliography import (
    BibliographyError,
    import_bibtex,
    import_csl_json,
    import_ris,
)

_quick = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text built from the characters each format gives meaning to, so that the examples reach
# past the first syntax check.
_bibtex_text = st.text(alphabet=st.sampled_from(list('@{}=,"\\%#$~^_ \nabkty019')), max_size=300)
_bibtex_entries = st.builds(
    lambda kind, key, body: f"@{kind}{{{key}, {body}}}",
    st.sampled_from(["article", "book", "misc", "online", "inproceedings", "x"]),
    st.text(alphabet="abc123_:-", max_size=8),
    st.lists(
        st.builds(
            lambda name, value: f"{name} = {{{value}}}",
            st.sampled_from(["title", "author", "year", "month", "date", "doi", "pages", "x"]),
            _bibtex_text,
        ),
        max_size=5,
    ).map(", ".join),
)
_ris_lines = st.lists(
    st.builds(
        lambda tag, value: f"{tag}  - {value}",
        st.sampled_from(["TY", "ID", "AU", "TI", "PY", "DA", "SP", "EP", "DO", "ER", "T2", "XX"]),
        st.text(max_size=40).map(lambda text: text.replace("\n", " ")),
    ),
    max_size=12,
).map("\n".join)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "type", "title", "author", "issued", "DOI", "page", "x"]),
            children,
            max_size=5,
        )
    ),
    max_leaves=30,
)


def _items_or_clear_error(importer: Callable[[str], Any], text: str) -> None:
    try:
        items = importer(text)
    except BibliographyError as error:
        assert str(error)
        return
    assert isinstance(items, list)
    json.dumps(items)


@_quick
@given(st.one_of(st.text(max_size=300), _bibtex_text, _bibtex_entries))
def test_any_text_imported_as_bibtex_gives_items_or_a_clear_error(text: str) -> None:
    _items_or_clear_error(import_bibtex, text)


@_quick
@given(st.one_of(st.text(max_size=300), _ris_lines, _ris_lines.map(lambda t: "TY  - JOUR\n" + t)))
def test_any_text_imported_as_ris_gives_items_or_a_clear_error(text: str) -> None:
    _items_or_clear_error(import_ris, text)
    _items_or_clear_error(lambda t: import_ris(t, make_keys=True), text)


@_quick
@given(st.one_of(st.text(max_size=300), _json_values.map(json.dumps)))
def test_any_text_imported_as_csl_json_gives_items_or_a_clear_error(text: str) -> None:
    _items_or_clear_error(import_csl_json, text)
