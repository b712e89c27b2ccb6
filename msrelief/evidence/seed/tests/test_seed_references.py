"""The seed references format in every style and survive every exchange format."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from msrelief.evidence.bibliography import (
    STYLES,
    export_references,
    format_bibliography,
    format_reference,
    import_references,
)
from msrelief.evidence.bibliography.csl import issued_year
from msrelief.evidence.seed import load_seed

REFERENCES = list(load_seed().references.values())


def essentials(item: Mapping[str, Any]) -> tuple[Any, ...]:
    fields = ("id", "type", "title", "container-title", "volume", "issue", "page", "DOI", "URL")
    return (*(item.get(f) for f in fields), item.get("author"), issued_year(item))


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csl-json"])
def test_seed_references_survive_an_export_and_import(fmt: str) -> None:
    again = import_references(export_references(REFERENCES, fmt), fmt)
    assert [essentials(item) for item in again] == [essentials(item) for item in REFERENCES]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_every_seed_reference_formats_in_every_style(style: str, fmt: str) -> None:
    entries = format_bibliography(REFERENCES, style, fmt)
    assert len(entries) == len(REFERENCES)
    assert all(entry.strip() for entry in entries)
    assert not any("[Preprint]" in entry for entry in entries)


@pytest.mark.parametrize(
    ("key", "style", "expected"),
    [
        ("gaballah2023", "harvard",
         "Gaballah, S., El-Deen, D.S. and Hebeshy, M.I. (2023) \u2018Effect of effleurage massage "
         "therapy on sleep disturbance, fatigue, pain, and anxiety in patients with multiple "
         "sclerosis: a quasi-experimental study\u2019, Applied Nursing Research, 73, p. 151719. "
         "Available at: https://doi.org/10.1016/j.apnr.2023.151719."),
        ("filippi2020", "apa",
         "Filippi, M., Preziosa, P., Langdon, D., et al. (2020). Identifying progression in "
         "multiple sclerosis: new perspectives. Annals of Neurology, 88, 438\u2013452."),
        ("hughes2009", "vancouver",
         "Hughes CM, Smyth S, Lowe-Strong AS. Reflexology for the treatment of pain in people "
         "with multiple sclerosis: a double-blind randomised sham-controlled clinical trial. "
         "Mult Scler. 2009;15(11):1329\u201338. doi:10.1177/1352458509345916"),
        ("finch_bessonnette", "apa",
         "Finch, & Bessonnette. (n.d.). A pragmatic investigation into the effects of massage "
         "therapy on the self efficacy of multiple sclerosis clients. Journal of Bodywork and "
         "Movement Therapies."),
    ],
)  # fmt: skip
def test_seed_references_read_as_the_styles_prescribe(key: str, style: str, expected: str) -> None:
    assert format_reference(load_seed().references[key], style) == expected
