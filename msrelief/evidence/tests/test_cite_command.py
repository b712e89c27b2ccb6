import io

import pytest
from django.core.management import CommandError, call_command


def cite(*args):
    out = io.StringIO()
    call_command("cite", *args, stdout=out)
    return out.getvalue().strip()


def test_a_reference_is_printed_in_harvard_by_default(seeded):
    text = cite("naderi2024")
    assert text.startswith("Naderi, A. et al. (2024) \u2018Can a six-week Swedish massage")
    assert "https://doi.org/10.1016/j.explore.2024.103032" in text


def test_apa_and_vancouver_can_be_chosen(seeded):
    assert cite("naderi2024", "--style", "apa").startswith("Naderi, A., Rezvani, M. H.")
    assert cite("naderi2024", "--style", "vancouver").startswith("Naderi A, Rezvani MH")


def test_an_unknown_key_lists_close_keys(seeded):
    with pytest.raises(CommandError, match="Did you mean: naderi2024"):
        cite("naderi2023")


def test_a_key_with_nothing_close_says_so_plainly(seeded):
    with pytest.raises(CommandError, match=r"No reference has the citation key 'zzz'\.$"):
        cite("zzz")
