"""Fuzzing the reference import (BibTeX, RIS, CSL-JSON) from the uploaded bytes on: whatever
file arrives, the references are all added, or a clear error names the problem and nothing is
added; never another exception. `make fuzz-importers` runs it with 5,000 examples."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import event, given
from hypothesis import strategies as st

from msrelief.audit.models import AuditEvent
from msrelief.core.uploads import read_upload
from msrelief.evidence import services
from msrelief.evidence.models import Reference
from msrelief.testing import fuzz_settings, hostile_bytes

pytestmark = pytest.mark.django_db

_words = st.text(alphabet=st.sampled_from(list('abcXYZ019 ,.-:{}"\\%&$~^_@=\t')), max_size=30)
_keys = st.from_regex(r"[a-z][a-z0-9_:-]{3,12}", fullmatch=True) | st.text(max_size=8)
# Ordinary values beside hostile ones, so that some files import and the checks past the parse
# are reached too.
_plain = {
    "title": "Massage in multiple sclerosis",
    "author": "Doe, Jane and Roe, Richard",
    "year": "2001",
    "date": "2001-05-02",
    "doi": "10.1000/xyz123",
    "pages": "1--9",
    "volume": "12",
}
_fields = st.sampled_from(sorted(_plain)).flatmap(
    lambda name: st.tuples(st.just(name), st.just(_plain[name]) | _words)
)
_bibtex = st.lists(
    st.builds(
        lambda kind, key, fields: f"@{kind}{{{key},\n{fields}\n}}",
        st.sampled_from(["article", "book", "misc", "online", "inproceedings", "string", "x"]),
        _keys,
        st.lists(
            _fields.map(lambda pair: f"  {pair[0]} = {{{pair[1]}}}"),
            max_size=6,
        ).map(",\n".join),
    ),
    min_size=1,
    max_size=4,
).map("\n\n".join)
_ris = st.lists(
    st.lists(
        st.builds(
            lambda tag, value: f"{tag}  - {value}",
            st.sampled_from(["TY", "ID", "AU", "TI", "PY", "DA", "SP", "EP", "DO", "T2", "XX"]),
            _words,
        ),
        max_size=8,
    ).map(lambda lines: "\n".join(["TY  - JOUR", *lines, "ER  - "])),
    min_size=1,
    max_size=4,
).map("\n".join)
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _words,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "type", "title", "author", "issued", "date-parts", "DOI", "x"]),
            inner,
            max_size=5,
        )
    ),
    max_leaves=25,
)
_csl = st.lists(
    st.fixed_dictionaries(
        {"id": _keys, "type": st.sampled_from(["article-journal", "book", "x"])},
        optional={
            "title": st.just(_plain["title"]) | _words,
            "issued": st.just({"date-parts": [[2001, 5]]}) | _json,
            "author": st.just([{"family": "Doe", "given": "Jane"}]) | _json,
            "DOI": st.just(_plain["doi"]) | _words,
        },
    ),
    min_size=1,
    max_size=4,
).map(lambda items: json.dumps(items, allow_nan=True))


# Well-formed files (a fresh key each, so that most import), to mutate and to import as they are.
_key = st.from_regex(r"[a-z][a-z0-9]{11}", fullmatch=True)
_title = st.text(alphabet="abcdefghij XYZ-", min_size=1, max_size=40).filter(str.strip)
_valid = {
    "bibtex": st.builds(
        lambda key, title: (
            f"@article{{{key},\n  title = {{{title}}},\n  author = {{Doe, Jane}},"
            "\n  year = {2001}\n}"
        ),
        _key,
        _title,
    ),
    "ris": st.builds(
        lambda key, title: (
            f"TY  - JOUR\nID  - {key}\nTI  - {title}\nAU  - Doe, Jane\nPY  - 2001\nER  - "
        ),
        _key,
        _title,
    ),
    "csl-json": st.builds(
        lambda key, title: json.dumps([{"id": key, "type": "article-journal", "title": title}]),
        _key,
        _title,
    ),
}


def _file(fmt: str, structured: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[str, bytes]]:
    valid = _valid[fmt]
    return st.tuples(st.just(fmt), hostile_bytes(structured | valid) | valid.map(str.encode))


_files = st.one_of(
    _file("bibtex", _bibtex), _file("ris", _ris), _file("csl-json", _csl | _json.map(json.dumps))
)


@fuzz_settings()
@given(_files)
def test_any_uploaded_reference_file_is_imported_whole_or_refused_with_a_message(
    clinic_admin: Any, file: tuple[str, bytes]
) -> None:
    fmt, data = file
    before = (Reference.objects.count(), AuditEvent.objects.count())
    try:
        text = read_upload(SimpleUploadedFile("references", data), "", "references")
        added = services.import_reference_file(clinic_admin, text, fmt)
    except (forms.ValidationError, ValidationError) as error:
        assert all(message.strip() for message in error.messages)
        assert (Reference.objects.count(), AuditEvent.objects.count()) == before
        event(f"{fmt}: refused")
        return
    event(f"{fmt}: imported")
    assert added
    assert Reference.objects.count() == before[0] + len(added)
    assert AuditEvent.objects.count() == before[1] + len(added)
