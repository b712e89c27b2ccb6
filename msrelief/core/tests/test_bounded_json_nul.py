"""``bounded_json.loads`` refuses a string holding the NUL character, naming where it is:
PostgreSQL cannot store one, so letting it through turned an upload into a server error."""

import json

import pytest

from msrelief.lib import bounded_json


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('"\\u0000"', "the top level"),
        ('["ok", "a\\u0000b"]', "[1]"),
        ('{"item": [{"text": "ok"}, {"text": "x\\u0000"}]}', "item[1].text"),
        ('{"url": "\\u0000", "title": "ok"}', "url"),
        ('{"a\\u0000": 1}', "a key of the top-level object"),
        ('{"item": {"b\\u0000": 1}}', "a key of item"),
    ],
)
def test_a_nul_character_anywhere_is_refused_with_its_place_named(text, where):
    with pytest.raises(bounded_json.JsonInputError) as refused:
        bounded_json.loads(text)
    assert f"the text at {where} holds a NUL character" in str(refused.value)


def test_a_backslash_followed_by_u0000_is_ordinary_text():
    assert bounded_json.loads('["a\\\\u0000b"]') == ["a\\u0000b"]


def test_the_first_nul_in_document_order_is_the_one_named():
    data = json.loads('{"a": ["ok", "\\u0000"], "b": "\\u0000"}')
    assert bounded_json.nul_character_at(data) == "a[1]"
    assert bounded_json.nul_character_at({"a": ["ok"], "b": 1.5}) is None
    # A value before a key: the value is named, as it comes first in the text.
    assert bounded_json.nul_character_at({"a": ["\x00"], "b\x00": 1}) == "a[0]"
    assert (
        bounded_json.nul_character_at({"a": 1, "b\x00": ["\x00"]})
        == "a key of the top-level object"
    )
