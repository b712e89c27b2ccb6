"""The filters that put scores in plain words on staff pages."""

import pytest

from msrelief.instruments.templatetags.measures_ui import (
    instrument_name,
    score_label,
    score_number,
    scoring_rules,
)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (14.0, "14"),
        (12.5, "12.5"),
        (66.66667, "66.7"),
        (0.0, "0"),
        (-3.0, "-3"),
        (None, "\N{EN DASH}"),
    ],
)
def test_a_score_is_shown_as_people_write_it(value, shown):
    assert score_number(value) == shown


def test_an_instrument_is_named_by_its_short_title_and_an_unknown_code_is_kept():
    assert instrument_name("dass21") == "DASS-21"
    assert instrument_name("no-such-thing") == "no-such-thing"


def test_a_score_is_named_by_its_label():
    assert score_label("phq9", "total") == "Total score"
    assert score_label("msis29@1.0", "physical").lower().startswith("physical")


def test_a_scoring_version_reads_as_the_form_and_the_edition_of_its_rules():
    assert scoring_rules("phq9@1.0/scoring-2") == (
        "PHQ-9 form version 1.0, scoring rules edition 2"
    )
    assert scoring_rules("something else") == "something else"
