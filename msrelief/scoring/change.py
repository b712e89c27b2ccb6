"""Is a client's change bigger than measurement noise, and is it clinically important?

Reliable Change Index (Jacobson NS, Truax P. *J Consult Clin Psychol* 1991;59:12-19):

* SEM = SD x sqrt(1 - r); SEdiff = sqrt(2) x SEM = SD x sqrt(2) x sqrt(1 - r);
* RCI = (follow-up - baseline) / SEdiff; |RCI| > 1.96 is a reliable change (95 %).

Where a published SEM exists for the score (e.g. FSS 0.7, MFIS 7.3; Learmonth 2013 [S19]) it is
used directly (SEdiff = sqrt(2) x SEM): an SEM measured in people with MS is a better basis than
one computed from a clinic's few clients. A caller may supply its own SD (say, the clinic's
baseline SD) and/or r, with a source string; then the SD formula is used with the caller's
values, falling back to the definition's for the one not given.

MCID (minimal clinically important difference) comes from the definition with its source. It is
direction-aware: the improvement threshold applies to change in the better direction (down for
``lower_is_better`` scores, up for ``higher_is_better``) and the deterioration threshold to change
the other way; either may be unknown. Percent MCIDs (e.g. T25FW 20 %) compare the percentage
change from baseline, which does not exist when the baseline is 0.

How the two combine into ``classification``:

* both available: ``improved`` needs a reliable change (|RCI| > 1.96) in the better direction that
  also reaches the improvement MCID; ``worse`` needs a reliable change in the worse direction that
  reaches the deterioration MCID; anything else is ``no reliable change`` (the flags ``reliable``
  and ``meets_mcid`` still say, for example, "reliable but smaller than the MCID");
* only the RCI available: ``improved`` / ``worse`` on a reliable change alone;
* only the MCID available: ``improved`` / ``worse`` when the MCID is reached;
* neither: ``classification`` is None; the raw change and percent change are still given.

``basis`` records which of these applied, so a screen can say what the judgement rests on.

An MCID given by EDSS band (MSIS-29 physical: 7 points at EDSS 0-5, 8 at EDSS 5.5-8; Costelloe
2007 [S20]) needs the client's ``edss``: the band it falls in gives the threshold, and
``mcid_band`` / ``mcid_note`` say which was used ("MCID 7 points, for EDSS 0-5 (Costelloe
2007)"). With no EDSS, or one outside every band, no MCID is applied and
``mcid_note`` says why; the band is never guessed. See :mod:`msrelief.scoring.edss`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from msrelief.scoring.definition import Definition
from msrelief.scoring.edss import band_label, bands_summary, choose_band, is_edss, number
from msrelief.scoring.engine import ScoreResult, resolve
from msrelief.scoring.errors import ScoringError
from msrelief.scoring.reliability import (
    JACOBSON_TRUAX,
    RELIABLE_Z,
    se_difference,
    stored_se_difference,
)

__all__ = [
    "JACOBSON_TRUAX",
    "RELIABLE_Z",
    "ChangeResult",
    "change_from_baseline",
    "judge_change",
    "judge_results",
    "percent_change",
    "reliable_change_index",
    "se_difference",
]

Classification = Literal["improved", "no reliable change", "worse"]
Basis = Literal["rci+mcid", "rci", "mcid"]


@dataclass(frozen=True)
class ChangeResult:
    """One change judgement; every threshold carries its source in ``sources``."""

    code: str
    score: str
    baseline: float
    follow_up: float
    change: float
    percent_change: float | None
    direction: str
    se_diff: float | None
    rci: float | None
    reliable: bool | None
    mcid: float | None
    mcid_unit: str | None
    meets_mcid: bool | None
    classification: Classification | None
    basis: Basis | None
    sources: tuple[str, ...]
    edss: float | None = None
    mcid_band: str | None = None  # "EDSS 0-5" when the MCID depends on the EDSS band
    mcid_note: str | None = None  # which MCID was used, or why none was applied


@dataclass(frozen=True)
class _Noise:
    se_diff: float | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class _Threshold:
    value: float | None = None
    unit: str | None = None
    meets: bool | None = None
    sources: tuple[str, ...] = ()
    band: str | None = None
    note: str | None = None


def change_from_baseline(baseline: float, follow_up: float) -> float:
    """Follow-up minus baseline, in the score's own units."""
    return follow_up - baseline


def percent_change(baseline: float, follow_up: float) -> float | None:
    """Change as a percentage of the baseline; None when the baseline is 0."""
    if baseline == 0:
        return None
    return (follow_up - baseline) / abs(baseline) * 100


def reliable_change_index(baseline: float, follow_up: float, se_diff: float) -> float:
    """RCI = (follow-up - baseline) / SEdiff."""
    return (follow_up - baseline) / se_diff


def _noise(
    definition: Definition,
    name: str,
    sd: float | None,
    sd_source: str | None,
    r: float | None,
    r_source: str | None,
) -> _Noise:
    stored = definition.reliability_for(name)
    if (sd is not None and not sd_source) or (r is not None and not r_source):
        raise ScoringError("an SD or r supplied for the RCI needs its source (sd_source/r_source)")
    if sd is not None or r is not None:
        use_sd = sd if sd is not None else (stored.sd if stored else None)
        use_r = r if r is not None else (stored.r if stored else None)
        if use_sd is None or use_r is None:
            return _Noise(None, ())
        sources = (
            sd_source if sd is not None else (stored.sd_source if stored else ""),
            r_source if r is not None else (stored.r_source if stored else ""),
        )
        return _Noise(se_difference(use_sd, use_r), tuple(s for s in sources if s))
    return _Noise(*stored_se_difference(stored))


def _mcid(
    definition: Definition,
    name: str,
    better: bool | None,
    change: float,
    percent: float | None,
    edss: float | None,
) -> _Threshold:
    mcid = definition.mcid_for(name)
    if mcid is None:
        return _Threshold()
    improvement, deterioration, band, cite = mcid.improvement, mcid.deterioration, None, None
    if mcid.by_edss is not None:
        choice, cite = choose_band(mcid.by_edss, edss), mcid.by_edss.cite
        if choice.band is None:
            given = bands_summary(mcid.by_edss, mcid.unit or "")
            return _Threshold(note=f"No MCID applied: {choice.reason} ({cite}: {given})")
        improvement, deterioration = choice.band.improvement, choice.band.deterioration
        band = band_label(choice.band)
    if improvement is None and deterioration is None:
        return _Threshold()
    if better is None:
        either = improvement if improvement is not None else deterioration
        assert either is not None
        note = _used(mcid.unit, band, cite, either)
        return _Threshold(None, mcid.unit, False, (mcid.source,), band, note)
    threshold = improvement if better else deterioration
    if threshold is None:
        return _Threshold(unit=mcid.unit, band=band)
    size = abs(change) if mcid.unit == "points" else (None if percent is None else abs(percent))
    meets = None if size is None else size >= threshold - 1e-9
    note = _used(mcid.unit, band, cite, threshold)
    return _Threshold(threshold, mcid.unit, meets, (mcid.source,), band, note)


def _used(unit: str | None, band: str | None, cite: str | None, value: float) -> str | None:
    """ "MCID 7 points, for EDSS 0-5 (Costelloe 2007)" for a band MCID; None otherwise."""
    if band is None or cite is None:
        return None
    return f"MCID {number(value)} {unit}, for {band} ({cite})"


def _classify(
    better: bool | None, reliable: bool | None, meets: bool | None
) -> tuple[Classification | None, Basis | None]:
    basis: Basis
    if reliable is not None and meets is not None:
        passed, basis = reliable and meets, "rci+mcid"
    elif reliable is not None:
        passed, basis = reliable, "rci"
    elif meets is not None:
        passed, basis = meets, "mcid"
    else:
        return None, None
    if not passed or better is None:
        return "no reliable change", basis
    if better:
        return "improved", basis
    return "worse", basis


@dataclass(frozen=True)
class Threshold:
    """The improvement MCID of one score for a client, or None (with ``note`` saying why when
    it depends on the EDSS)."""

    value: float | None
    unit: str | None
    sources: tuple[str, ...]
    band: str | None
    note: str | None


def reliable_change_se(
    definition_or_code: Definition | str, score: str = "total"
) -> tuple[float | None, tuple[str, ...]]:
    """The SEdiff :func:`judge_change` uses for ``score`` from the definition's own reliability,
    with its sources (Jacobson & Truax first); ``(None, ())`` when the definition has none.
    For judging many changes at once, as a cohort does."""
    definition = resolve(definition_or_code)
    noise = _noise(definition, score, None, None, None, None)
    if noise.se_diff is None:
        return None, ()
    return noise.se_diff, (JACOBSON_TRUAX, *noise.sources)


def improvement_mcid(
    definition_or_code: Definition | str, score: str = "total", edss: float | None = None
) -> Threshold:
    """The threshold an improvement on ``score`` must reach, as :func:`judge_change` applies it
    (by EDSS band where the MCID depends on it)."""
    definition = resolve(definition_or_code)
    found = _mcid(definition, score, True, 0.0, 0.0, edss)
    return Threshold(found.value, found.unit, found.sources, found.band, found.note)


def judge_change(
    definition_or_code: Definition | str,
    baseline: float,
    follow_up: float,
    score: str = "total",
    *,
    sd: float | None = None,
    sd_source: str | None = None,
    r: float | None = None,
    r_source: str | None = None,
    edss: float | None = None,
) -> ChangeResult:
    """Change from ``baseline`` to ``follow_up`` on one score, with RCI and MCID judgement.

    ``edss`` is the client's EDSS (0-10 in steps of 0.5), used only by an MCID given by EDSS band.
    """
    if edss is not None and not is_edss(edss):
        raise ScoringError(f"the EDSS must be 0 to 10 in steps of 0.5, got {edss}")
    definition = resolve(definition_or_code)
    direction = definition.score_spec(score).direction
    change = change_from_baseline(baseline, follow_up)
    percent = percent_change(baseline, follow_up)
    better = None if change == 0 else (change < 0) == (direction == "lower_is_better")
    noise = _noise(definition, score, sd, sd_source, r, r_source)
    rci = (
        None if noise.se_diff is None else reliable_change_index(baseline, follow_up, noise.se_diff)
    )
    reliable = None if rci is None else abs(rci) > RELIABLE_Z
    mcid = _mcid(definition, score, better, change, percent, edss)
    classification, basis = _classify(better, reliable, mcid.meets)
    rci_sources = (JACOBSON_TRUAX, *noise.sources) if noise.se_diff is not None else ()
    return ChangeResult(
        code=definition.code,
        score=score,
        baseline=baseline,
        follow_up=follow_up,
        change=change,
        percent_change=percent,
        direction=direction,
        se_diff=noise.se_diff,
        rci=rci,
        reliable=reliable,
        mcid=mcid.value,
        mcid_unit=mcid.unit,
        meets_mcid=mcid.meets,
        classification=classification,
        basis=basis,
        sources=(*rci_sources, *mcid.sources),
        edss=edss,
        mcid_band=mcid.band,
        mcid_note=mcid.note,
    )


def judge_results(
    definition_or_code: Definition | str,
    before: ScoreResult,
    after: ScoreResult,
    score: str = "total",
    *,
    sd: float | None = None,
    sd_source: str | None = None,
    r: float | None = None,
    r_source: str | None = None,
    edss: float | None = None,
) -> ChangeResult:
    """:func:`judge_change` on two :class:`ScoreResult` objects of the same instrument."""
    definition = resolve(definition_or_code)
    values = []
    for label, result in (("baseline", before), ("follow-up", after)):
        if result.version.split("@")[0] != definition.code:
            raise ScoringError(f"the {label} result ({result.version}) is not {definition.code}")
        value = result.total if score == "total" else result.subscales.get(score)
        if value is None:
            raise ScoringError(f"the {label} result has no {score!r} score")
        values.append(value)
    return judge_change(
        definition,
        values[0],
        values[1],
        score,
        sd=sd,
        sd_source=sd_source,
        r=r,
        r_source=r_source,
        edss=edss,
    )
