"""Checks that tie one part of a definition to another.

Every check raises :class:`~msrelief.scoring.errors.DefinitionError` naming the file and the field
(a dotted path such as ``scoring.scores[2].bands``). The most useful one computes the range each
score can really take from its items, keying and transform and compares it with the declared
``range``: a wrong item number, a missing reverse key or a wrong multiplier shows up here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from msrelief.scoring.edss import is_edss
from msrelief.scoring.errors import DefinitionError
from msrelief.scoring.models import (
    AnswerScale,
    DefinitionSpec,
    ItemSpec,
    Mcid,
    ScoreSpec,
    ScoringSpec,
)

CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
VERSION_PATTERN = re.compile(r"^\d+\.\d+$")
LINK_ID_PATTERN = re.compile(r"^\d+[a-z]?$")
SCORE_NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
TOLERANCE = 1e-9


class _Checker:
    def __init__(self, file: str, spec: DefinitionSpec) -> None:
        self.file = file
        self.spec = spec
        self.scoring: ScoringSpec = spec.scoring
        self.items = {item.link_id: item for item in spec.scoring.items}

    def fail(self, field: str, problem: str) -> DefinitionError:
        return DefinitionError(self.file, field, problem)

    def scale_of(self, item: ItemSpec) -> AnswerScale:
        return self.scoring.answer_scales[item.scale]


def check_definition(file: str, spec: DefinitionSpec) -> None:
    """Raise DefinitionError for the first inconsistency found in ``spec``."""
    checker = _Checker(file, spec)
    _check_identity(checker)
    for name, scale in spec.scoring.answer_scales.items():
        _check_scale(checker, f"scoring.answer_scales.{name}", scale)
    _check_items(checker)
    _check_scores(checker)
    _check_safety(checker)
    _check_change_inputs(checker)


def _check_identity(c: _Checker) -> None:
    if not CODE_PATTERN.match(c.spec.code):
        raise c.fail("code", f"{c.spec.code!r} must be lower-case letters, digits and hyphens")
    if not VERSION_PATTERN.match(c.spec.version):
        raise c.fail("version", f"{c.spec.version!r} must look like 1.0")
    licence = c.spec.licence
    if licence.ships_item_text == (licence.item_text == "none"):
        raise c.fail(
            "licence.item_text",
            "must be 'none' exactly when ships_item_text is false "
            f"(got {licence.item_text!r} with ships_item_text={licence.ships_item_text})",
        )


def _check_scale(c: _Checker, field: str, scale: AnswerScale) -> None:
    if scale.values is not None:
        if scale.min is not None or scale.max is not None:
            raise c.fail(field, "give either values or min/max, not both")
        if not scale.values or len(set(scale.values)) != len(scale.values):
            raise c.fail(f"{field}.values", "must be a non-empty list of distinct numbers")
        if not all(math.isfinite(v) for v in scale.values):
            raise c.fail(f"{field}.values", "must be finite numbers")
        labels = scale.labels or {}
        known = {float(v) for v in scale.values}
        for key in labels:
            if _as_float(key) not in known:
                raise c.fail(f"{field}.labels", f"label key {key!r} is not one of the values")
        return
    if scale.min is None or scale.max is None or not scale.min < scale.max:
        raise c.fail(field, "needs values, or min and max with min < max")


def _as_float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _check_items(c: _Checker) -> None:
    seen: set[str] = set()
    for position, item in enumerate(c.scoring.items):
        field = f"scoring.items[{position}]"
        if not LINK_ID_PATTERN.match(item.link_id):
            raise c.fail(
                f"{field}.link_id", f"{item.link_id!r} must be an item number like 7 or 5a"
            )
        if item.link_id in seen:
            raise c.fail(f"{field}.link_id", f"item {item.link_id} appears twice")
        seen.add(item.link_id)
        if item.scale not in c.scoring.answer_scales:
            raise c.fail(f"{field}.scale", f"no answer scale named {item.scale!r}")
        _check_keying(c, field, item)


def _check_keying(c: _Checker, field: str, item: ItemSpec) -> None:
    keying = item.keying
    if keying is None:
        return
    chosen = [keying.reverse, keying.map is not None, keying.conditional_map is not None]
    if sum(chosen) != 1:
        raise c.fail(f"{field}.keying", "give exactly one of reverse, map or conditional_map")
    scale = c.scale_of(item)
    if keying.map is not None:
        _check_map_covers(c, f"{field}.keying.map", keying.map, scale)
    if keying.conditional_map is None:
        return
    conditional = keying.conditional_map
    pivot = c.items.get(conditional.on)
    if pivot is None or pivot.link_id == item.link_id:
        raise c.fail(f"{field}.keying.conditional_map.on", f"no other item {conditional.on!r}")
    pivot_values = c.scale_of(pivot).values
    if pivot_values is None:
        raise c.fail(f"{field}.keying.conditional_map.on", "the pivot item needs listed values")
    covered: list[float] = []
    missing_cases = 0
    for number, case in enumerate(conditional.cases):
        _check_map_covers(c, f"{field}.keying.conditional_map.cases[{number}].map", case.map, scale)
        missing_cases += case.when_missing
        covered.extend(case.when or ())
    if sorted(covered) != sorted(pivot_values) or missing_cases != 1:
        raise c.fail(
            f"{field}.keying.conditional_map.cases",
            "cases must cover every answer of the pivot item once, plus one when_missing case",
        )


def _check_map_covers(
    c: _Checker, field: str, mapping: dict[str, float], scale: AnswerScale
) -> None:
    if scale.values is None:
        raise c.fail(field, "a value map needs an answer scale with listed values")
    keys = [_as_float(key) for key in mapping]
    numeric = sorted(key for key in keys if key is not None)
    if len(numeric) != len(keys) or numeric != sorted(scale.values):
        raise c.fail(field, f"must map exactly the values {sorted(scale.values)}")


def _check_scores(c: _Checker) -> None:
    if not c.scoring.scores:
        raise c.fail("scoring.scores", "at least one score is needed")
    names: set[str] = set()
    for position, score in enumerate(c.scoring.scores):
        field = f"scoring.scores[{position}]"
        if not SCORE_NAME_PATTERN.match(score.name) or score.name in names:
            raise c.fail(f"{field}.name", f"{score.name!r} must be a new lower_case name")
        names.add(score.name)
        _check_score_items(c, field, score)
        _check_transform(c, field, score)
        _check_range(c, field, score)
        _check_bands(c, field, score)


def _check_score_items(c: _Checker, field: str, score: ScoreSpec) -> None:
    if not score.items or len(set(score.items)) != len(score.items):
        raise c.fail(f"{field}.items", "must be a non-empty list of distinct item numbers")
    for link in score.items:
        if link not in c.items:
            raise c.fail(f"{field}.items", f"item {link!r} is not one of scoring.items")
    count = len(score.items)
    rule = score.missing
    if not 1 <= rule.min_answered <= count:
        raise c.fail(f"{field}.missing.min_answered", f"must be between 1 and {count}")
    is_algorithm = score.aggregate == "algorithm"
    if is_algorithm != (c.scoring.algorithm != "standard"):
        raise c.fail(f"{field}.aggregate", "'algorithm' is used exactly when scoring.algorithm is")
    if score.aggregate == "sum" and rule.min_answered < count and rule.impute != "person_mean":
        raise c.fail(
            f"{field}.missing.impute",
            "a sum over some items only must impute (person_mean); summing what is present "
            "would silently lower the score",
        )
    if score.aggregate in ("max", "algorithm") and rule.impute != "none":
        raise c.fail(f"{field}.missing.impute", f"'{score.aggregate}' cannot impute")


def _check_transform(c: _Checker, field: str, score: ScoreSpec) -> None:
    transform = score.transform
    if transform is None:
        return
    has_multiply = transform.multiply is not None
    has_rescale = transform.rescale_from is not None and transform.rescale_to is not None
    partial = (transform.rescale_from is None) != (transform.rescale_to is None)
    if has_multiply == has_rescale or partial:
        raise c.fail(f"{field}.transform", "give multiply, or both rescale_from and rescale_to")
    if has_rescale and transform.rescale_from is not None:
        low, high = transform.rescale_from
        if not low < high:
            raise c.fail(f"{field}.transform.rescale_from", "must be [low, high] with low < high")


def _keyed_bounds(c: _Checker, item: ItemSpec) -> tuple[float, float]:
    scale = c.scale_of(item)
    if scale.values is None:
        assert scale.min is not None and scale.max is not None
        return scale.min, scale.max
    keying = item.keying
    values: Iterable[float] = scale.values
    if keying is not None and keying.map is not None:
        values = keying.map.values()
    elif keying is not None and keying.conditional_map is not None:
        values = [v for case in keying.conditional_map.cases for v in case.map.values()]
    listed = list(values)
    return min(listed), max(listed)


def _check_range(c: _Checker, field: str, score: ScoreSpec) -> None:
    low, high = score.range
    if not low < high:
        raise c.fail(f"{field}.range", "must be [low, high] with low < high")
    if score.aggregate == "algorithm":
        return
    bounds = [_keyed_bounds(c, c.items[link]) for link in score.items]
    lows, highs = [b[0] for b in bounds], [b[1] for b in bounds]
    if score.aggregate == "sum":
        raw = (sum(lows), sum(highs))
    elif score.aggregate == "mean":
        raw = (sum(lows) / len(lows), sum(highs) / len(highs))
    else:
        raw = (min(lows), max(highs))
    transform = score.transform
    if transform is not None and transform.multiply is not None:
        raw = (raw[0] * transform.multiply, raw[1] * transform.multiply)
    elif transform is not None and transform.rescale_from is not None:
        if not _close_pair(raw, transform.rescale_from):
            raise c.fail(
                f"{field}.transform.rescale_from",
                f"the items give raw scores {list(raw)}, not {list(transform.rescale_from)}",
            )
        assert transform.rescale_to is not None
        raw = transform.rescale_to
    computed = (min(raw), max(raw))
    if not _close_pair(computed, score.range):
        raise c.fail(
            f"{field}.range",
            f"the items, keys and transform give {list(computed)}, not {list(score.range)}",
        )


def _close_pair(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) <= TOLERANCE and abs(a[1] - b[1]) <= TOLERANCE


def _check_bands(c: _Checker, field: str, score: ScoreSpec) -> None:
    if score.bands is None:
        return
    starts = [band.from_ for band in score.bands]
    if not starts or starts != sorted(set(starts)):
        raise c.fail(f"{field}.bands", "band 'from' values must be strictly increasing")
    if abs(starts[0] - score.range[0]) > TOLERANCE or starts[-1] > score.range[1]:
        raise c.fail(f"{field}.bands", "the first band must start at the range's low end")
    if not all(band.label.strip() for band in score.bands):
        raise c.fail(f"{field}.bands", "every band needs a label")
    if not score.bands_source:
        raise c.fail(f"{field}.bands_source", "bands need their source")


def _check_safety(c: _Checker) -> None:
    for position, rule in enumerate(c.scoring.safety):
        item = c.items.get(rule.item)
        if item is None:
            raise c.fail(f"scoring.safety[{position}].item", f"no item {rule.item!r}")
        if (rule.at_least is None) == (not rule.unanswered):
            raise c.fail(
                f"scoring.safety[{position}]",
                "give either 'at_least' (an answer value) or 'unanswered': true, not both",
            )


def _check_change_inputs(c: _Checker) -> None:
    names = {score.name for score in c.scoring.scores}
    primary = {"total"} if "total" in names else names
    for key, table in (("reliability", c.spec.reliability), ("mcid", c.spec.mcid)):
        for name in table:
            if name not in names:
                raise c.fail(f"{key}.{name}", f"there is no score named {name!r}")
        for name in sorted(primary - set(table)):
            raise c.fail(key, f"needs an entry for {name!r} (with nulls and 'not found' if none)")
    for name, reliability in c.spec.reliability.items():
        if reliability.r is not None and not 0 < reliability.r < 1:
            raise c.fail(f"reliability.{name}.r", "must be between 0 and 1")
        for label, value in (("sd", reliability.sd), ("sem", reliability.sem)):
            if value is not None and value <= 0:
                raise c.fail(f"reliability.{name}.{label}", "must be positive")
    for name, mcid in c.spec.mcid.items():
        values = [v for v in (mcid.improvement, mcid.deterioration) if v is not None]
        if any(v <= 0 for v in values):
            raise c.fail(f"mcid.{name}", "thresholds are positive sizes of change")
        if values and mcid.unit is None:
            raise c.fail(f"mcid.{name}.unit", "say whether the MCID is in points or percent")
        _check_mcid_by_edss(c, name, mcid)


def _check_mcid_by_edss(c: _Checker, name: str, mcid: Mcid) -> None:
    by_edss = mcid.by_edss
    if by_edss is None:
        return
    field = f"mcid.{name}"
    if mcid.improvement is not None or mcid.deterioration is not None:
        raise c.fail(field, "with by_edss, give the thresholds per EDSS band (leave these null)")
    if mcid.unit is None:
        raise c.fail(f"{field}.unit", "say whether the MCID is in points or percent")
    if not by_edss.cite.strip():
        raise c.fail(f"{field}.by_edss.cite", "needs the short author-year shown with the MCID")
    if not by_edss.bands:
        raise c.fail(f"{field}.by_edss.bands", "needs at least one EDSS band")
    previous_high: float | None = None
    for position, band in enumerate(by_edss.bands):
        where = f"{field}.by_edss.bands[{position}]"
        low, high = band.edss
        if not (is_edss(low) and is_edss(high)):
            raise c.fail(f"{where}.edss", "EDSS bounds go from 0 to 10 in steps of 0.5")
        if low > high:
            raise c.fail(f"{where}.edss", f"the lower bound {low:g} is above the upper {high:g}")
        if previous_high is not None and low <= previous_high:
            raise c.fail(f"{where}.edss", "bands must rise without overlapping the one before")
        previous_high = high
        values = [v for v in (band.improvement, band.deterioration) if v is not None]
        if not values:
            raise c.fail(where, "needs an improvement or a deterioration threshold")
        if any(v <= 0 for v in values):
            raise c.fail(where, "thresholds are positive sizes of change")
