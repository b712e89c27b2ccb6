"""Choosing an MCID by the client's EDSS (Expanded Disability Status Scale, Kurtzke 1983 [S26]).

Some MCIDs were estimated separately for disability bands: the MSIS-29 physical score needs a
change of 7 points at EDSS 0-5 and 8 points at EDSS 5.5-8 (Costelloe 2007 [S20]). A definition
gives such an MCID as ``mcid.<score>.by_edss``; :func:`choose_band` picks the band for a client's
EDSS, or says why none applies: the EDSS is unknown, or lies outside every band. There is no
fallback to a guessed band.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from msrelief.scoring.models import EdssBand, McidByEdss

EDSS_MIN = 0.0
EDSS_MAX = 10.0


def is_edss(value: float) -> bool:
    """True for a possible EDSS: 0 to 10 in steps of 0.5."""
    return math.isfinite(value) and EDSS_MIN <= value <= EDSS_MAX and float(value * 2).is_integer()


def number(value: float) -> str:
    """5.0 -> "5", 5.5 -> "5.5"."""
    return f"{value:g}"


def band_label(band: EdssBand) -> str:
    """``EDSS 0-5``."""
    low, high = band.edss
    return f"EDSS {number(low)}-{number(high)}"


@dataclass(frozen=True)
class BandChoice:
    """The band for one client, or ``reason`` (a phrase) when none applies."""

    band: EdssBand | None
    reason: str | None


def choose_band(by_edss: McidByEdss, edss: float | None) -> BandChoice:
    if edss is None:
        return BandChoice(None, "needs the client's EDSS")
    for band in by_edss.bands:
        if band.edss[0] <= edss <= band.edss[1]:
            return BandChoice(band, None)
    highest = max(band.edss[1] for band in by_edss.bands)
    lowest = min(band.edss[0] for band in by_edss.bands)
    if edss > highest:
        return BandChoice(None, f"no MCID for EDSS above {number(highest)}")
    if edss < lowest:
        return BandChoice(None, f"no MCID for EDSS below {number(lowest)}")
    return BandChoice(None, f"no MCID for EDSS {number(edss)}")


def bands_summary(by_edss: McidByEdss, unit: str) -> str:
    """``7 points for EDSS 0-5, 8 points for EDSS 5.5-8``: each band's improvement threshold,
    or its deterioration threshold where it gives only that (the loader requires one)."""
    parts = []
    for band in by_edss.bands:
        sizes = [v for v in (band.improvement, band.deterioration) if v is not None]
        parts.append(f"{number(sizes[0])} {unit} for {band_label(band)}")
    return ", ".join(parts)
