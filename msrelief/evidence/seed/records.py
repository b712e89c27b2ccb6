"""Typed records of the seed data (``docs/bibliography.md``, "Seed data", describes each field).

The records mirror the JSON files one to one: every JSON key is a field of the same name, so a
field missing from the JSON, or a key the records do not know, is an error in :func:`load_seed`.
Numbers that were not found are ``None`` (DESIGN.md: "a value that was not found stays empty").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

#: Verification statuses, weakest last (definitions in ``claims.json`` and the docs).
VERIFICATION_STATUSES = ("verified_in_source", "abstract_only", "second_hand", "unverified")
STUDY_KINDS = ("trial", "review")
ARM_KINDS = ("intervention", "comparator")
RESULT_SCOPES = ("arm", "within_arm", "between_arms", "pooled", "narrative")
EFFECT_TYPES = (
    "hedges_g",
    "hedges_g_range",
    "cohens_d",
    "mean_difference",
    "mean_change_difference",
    "md_or_smd_unstated",
    "f_statistic",
    "pearson_r",
    "median_percent_reduction",
)
P_OPERATORS = ("=", "<", "<=")


@dataclass(frozen=True, slots=True)
class Topic:
    """One of the seven topics of the source article, in its order."""

    slug: str
    order: int
    title: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim restated in the project's words, with its references and verification status."""

    id: str
    topic: str
    references: tuple[str, ...]
    text: str
    verification_status: str
    source_status: str
    note: str | None


@dataclass(frozen=True, slots=True)
class Population:
    """Who took part, as far as it was found."""

    description: str | None
    ms_type: str | None
    sex: str | None
    edss_range: str | None
    age: str | None
    age_mean: float | None
    age_sd: float | None
    n_female: int | None
    notes: str | None


@dataclass(frozen=True, slots=True)
class Review:
    """Extra facts of a systematic review."""

    n_studies_included: int | None
    n_participants: int | None
    search: str | None
    comparison: str | None
    appraisal: str | None


@dataclass(frozen=True, slots=True)
class Arm:
    """A group (or, in a crossover, a period) of a study and the programme it received."""

    name: str
    kind: str
    label: str
    technique: str | None
    body_regions: str | None
    minutes_per_session: float | None
    minutes_per_session_max: float | None
    sessions_per_week: float | None
    weeks: float | None
    sessions_total: int | None
    delivered_by: str | None
    n_randomised: int | None
    n_allocated: int | None
    n_enrolled: int | None
    n_analysed: int | None
    verification_status: str
    second_hand_fields: tuple[str, ...]
    notes: str | None


@dataclass(frozen=True, slots=True)
class Result:
    """One reported result: an arm value, a within-arm change, a comparison or a pooled estimate."""

    id: str
    scope: str
    arm: str | None
    comparison: tuple[str, ...] | None
    construct: str
    instrument: str | None
    instrument_code: str | None  # an msrelief instrument code (msrelief.scoring), or None
    score_name: str | None  # which score of that instrument
    direction: str | None
    scale_range: tuple[float, ...] | None
    time_point: str | None
    time_point_weeks: float | None  # weeks from the start, 0 = baseline
    n: int | None
    mean: float | None
    sd: float | None
    median: float | None
    iqr: tuple[float, ...] | None
    effect_type: str | None
    effect_value: float | None
    effect_range: tuple[float, ...] | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    p_operator: str | None
    p_text: str | None
    units: str | None
    k: int | None
    i2: float | None
    tau2: float | None
    model: str | None
    text: str | None
    verification_status: str
    source: str | None
    notes: str | None


@dataclass(frozen=True, slots=True)
class Study:
    """A trial or review with its arms, results and (kept apart) unconfirmed results."""

    id: str
    research_id: str | None
    reference: str
    kind: str
    design: str | None
    country: str | None
    setting: str | None
    population: Population
    n_randomised: int | None
    n_enrolled: int | None
    n_completed: int | None
    n_analysed: int | None
    time_points: tuple[str, ...]
    review: Review | None
    bias_notes: str | None
    verification_status: str
    second_hand_fields: tuple[str, ...]
    sources: tuple[str, ...]
    confidence: str | None
    notes: str | None
    arms: tuple[Arm, ...]
    results: tuple[Result, ...]
    unconfirmed_results: tuple[Result, ...]
    # "What this study found" in plain words; the only key a study may leave out.
    plain_summary: str | None = None

    def arm(self, name: str) -> Arm:
        """The arm called ``name`` (``KeyError`` if there is none)."""
        for arm in self.arms:
            if arm.name == name:
                return arm
        raise KeyError(name)


@dataclass(frozen=True, slots=True)
class SeedData:
    """Everything in the seed files, checked: references by key, topics, claims and studies."""

    references: Mapping[str, Mapping[str, Any]]
    topics: tuple[Topic, ...]
    claims: tuple[Claim, ...]
    studies: tuple[Study, ...]

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id (``KeyError`` if there is none)."""
        return first_or_key_error((c for c in self.claims if c.id == claim_id), claim_id)

    def study(self, study_id: str) -> Study:
        """The study with this id (``KeyError`` if there is none)."""
        return first_or_key_error((s for s in self.studies if s.id == study_id), study_id)


def first_or_key_error(found: Iterable[T], key: str) -> T:
    """The first item found, or ``KeyError(key)``."""
    for item in found:
        return item
    raise KeyError(key)
