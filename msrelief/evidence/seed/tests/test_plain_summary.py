"""A study's plain_summary ("what this study found") is the one key a study may leave out."""

from __future__ import annotations

from pathlib import Path

import pytest

from msrelief.evidence.models import Study
from msrelief.evidence.seed import SeedError, load_seed
from msrelief.evidence.seed.tests.test_seed_errors import copy_seed, edit, study
from msrelief.evidence.seeding import load

SUMMARY = "People who had massage felt less tired after six weeks. The trial was small."


def test_a_study_without_a_plain_summary_loads_with_none(tmp_path: Path) -> None:
    directory = copy_seed(tmp_path)
    edit(directory, "studies.json", lambda d: study(d, "naderi2024").pop("plain_summary", None))
    assert load_seed(directory).study("naderi2024").plain_summary is None


def test_a_study_with_a_plain_summary_keeps_its_words(tmp_path: Path) -> None:
    directory = copy_seed(tmp_path)
    edit(directory, "studies.json", lambda d: study(d, "naderi2024").update(plain_summary=SUMMARY))
    assert load_seed(directory).study("naderi2024").plain_summary == SUMMARY


def test_an_empty_plain_summary_is_refused_naming_the_study(tmp_path: Path) -> None:
    directory = copy_seed(tmp_path)
    edit(directory, "studies.json", lambda d: study(d, "naderi2024").update(plain_summary=" "))
    with pytest.raises(SeedError, match=r"naderi2024.*plain_summary.*non-empty text"):
        load_seed(directory)


def test_other_study_keys_are_still_required(tmp_path: Path) -> None:
    directory = copy_seed(tmp_path)
    edit(directory, "studies.json", lambda d: study(d, "naderi2024").pop("country"))
    with pytest.raises(SeedError, match=r"country.*is missing"):
        load_seed(directory)


@pytest.mark.django_db
def test_the_loader_stores_the_summary_or_leaves_it_empty(tmp_path: Path) -> None:
    directory = copy_seed(tmp_path)
    edit(directory, "studies.json", lambda d: study(d, "naderi2024").update(plain_summary=SUMMARY))
    edit(directory, "studies.json", lambda d: study(d, "gaballah2023").pop("plain_summary", None))
    load(load_seed(directory))
    assert Study.objects.get(key="naderi2024").plain_summary == SUMMARY
    assert Study.objects.get(key="gaballah2023").plain_summary == ""
