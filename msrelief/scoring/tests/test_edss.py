"""Choosing an EDSS band for an MCID given by disability (msrelief.scoring.edss)."""

from __future__ import annotations

import pytest

from msrelief.scoring.edss import band_label, bands_summary, choose_band, is_edss
from msrelief.scoring.models import EdssBand, McidByEdss

# Two bands with a gap between them, to reach every branch (MSIS-29 has no gap).
GAPPED = McidByEdss(
    cite="Example 2020",
    bands=(
        EdssBand(edss=(1, 3), improvement=4),
        EdssBand(edss=(5, 6.5), deterioration=6),
    ),
)


@pytest.mark.parametrize(
    ("edss", "label", "reason"),
    [
        (1.0, "EDSS 1-3", None),
        (3.0, "EDSS 1-3", None),
        (5.0, "EDSS 5-6.5", None),
        (6.5, "EDSS 5-6.5", None),
        (0.5, None, "no MCID for EDSS below 1"),
        (4.0, None, "no MCID for EDSS 4"),
        (7.0, None, "no MCID for EDSS above 6.5"),
        (None, None, "needs the client's EDSS"),
    ],
)
def test_an_edss_falls_in_its_band_or_the_reason_for_none_is_given(
    edss: float | None, label: str | None, reason: str | None
) -> None:
    choice = choose_band(GAPPED, edss)
    assert (None if choice.band is None else band_label(choice.band)) == label
    assert choice.reason == reason


def test_the_summary_gives_each_bands_threshold_in_either_direction() -> None:
    assert bands_summary(GAPPED, "points") == "4 points for EDSS 1-3, 6 points for EDSS 5-6.5"


@pytest.mark.parametrize(
    ("value", "valid"),
    [(0, True), (0.5, True), (10, True), (5.25, False), (-0.5, False), (10.5, False)],
)
def test_an_edss_is_0_to_10_in_half_steps(value: float, valid: bool) -> None:
    assert is_edss(value) is valid
