"""The shape of an instrument definition file, as pydantic models.

A definition file (``msrelief/instruments/definitions/<code>-<version>.json``) holds three things:

* metadata: code, version, title, constructs, recall period, licence, references, and what a
  client reads besides the items: ``instructions``, ``recall_phrase`` (the recall period in
  plain words, "the last 2 weeks") and ``item_leads`` (a stem repeated with each item);
* ``questionnaire``: a FHIR R4 ``Questionnaire`` resource (item ``linkId`` = the item's number);
* ``scoring``: the scoring specification read by :mod:`msrelief.scoring.engine`; each score
  carries its ``presentation`` (axis, summary template, export column), and ``export`` names
  the item columns (:mod:`msrelief.scoring.contract`).

These models check types and required fields. Checks that relate one field to another (every
subscale item exists, bands are ordered, the declared range is what the items can produce) live in
:mod:`msrelief.scoring.checks`, so that each error can name the exact field.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Direction = Literal["lower_is_better", "higher_is_better"]


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class AnswerScale(_Spec):
    """The answers an item accepts: either a list of values or a numeric range.

    ``labels`` name listed values; on a range they are its anchors and may name only ``min``
    and ``max`` (a 0-10 rating's "no pain" and "worst pain you can imagine"). ``about`` says
    what a rating is of, for its error message ("Choose a number from 0 to 10 for pain.").
    """

    values: tuple[float, ...] | None = None
    min: float | None = None
    max: float | None = None
    integer: bool = False
    unit: str | None = None
    labels: dict[str, str] | None = None
    about: str | None = None


class ConditionalCase(_Spec):
    """One case of a conditional recode: applies when the pivot item has one of ``when``."""

    when: tuple[float, ...] | None = None
    when_missing: bool = False
    map: dict[str, float]


class ConditionalMap(_Spec):
    """Recode an item differently depending on the answer to another item (SF-36 bodily pain)."""

    on: str
    cases: tuple[ConditionalCase, ...]


class Keying(_Spec):
    """How an answer becomes the value that is aggregated: reversed, mapped, or conditional."""

    reverse: bool = False
    map: dict[str, float] | None = None
    conditional_map: ConditionalMap | None = None


class ItemSpec(_Spec):
    link_id: str
    scale: str
    keying: Keying | None = None
    optional: bool = False
    note: str | None = None


class MissingRule(_Spec):
    """How many of a score's items must be answered, and whether absent ones are imputed.

    ``impute = "person_mean"`` replaces each unanswered item by the mean of the answered ones
    (equivalently: sum = mean of answered items x number of items). ``note`` says where the rule
    comes from, or that none was found.
    """

    min_answered: int
    impute: Literal["none", "person_mean"] = "none"
    note: str


class Transform(_Spec):
    """A linear transform applied after aggregation: ``multiply`` or ``rescale_from/_to``."""

    multiply: float | None = None
    rescale_from: tuple[float, float] | None = None
    rescale_to: tuple[float, float] | None = None


class Band(_Spec):
    """A severity band: applies to scores at or above ``from`` up to the next band's ``from``."""

    from_: float = Field(alias="from")
    label: str


class ScoreExport(_Spec):
    """How a score is named in an export: ``column`` is a variable name (``phq9_total``)."""

    column: str


class ScorePresentation(_Spec):
    """What a chart, a report or an export shows of one score, besides what the score spec
    already says (range, direction, bands) and the definition's MCID and reliability.

    ``axis`` is the chart's value axis, ``[min, max]``; it defaults to the score's range and
    may be wider (a timed test drawn from 0). ``summary`` is a one-line template with named
    placeholders (:data:`msrelief.scoring.contract.PLACEHOLDERS`). Checked at load by
    :mod:`msrelief.scoring.contract_checks`.
    """

    axis: tuple[float, float] | None = None
    summary: str
    export: ScoreExport


class DefinitionExport(_Spec):
    """How a definition's items are named in an export: ``<item_prefix>_q<item number>``."""

    item_prefix: str


class ScoreSpec(_Spec):
    name: str
    label: str
    items: tuple[str, ...]
    aggregate: Literal["sum", "mean", "max", "algorithm"]
    missing: MissingRule
    transform: Transform | None = None
    range: tuple[float, float]
    direction: Direction
    unit: str | None = None
    bands: tuple[Band, ...] | None = None
    bands_source: str | None = None
    loinc: str | None = None
    presentation: ScorePresentation


class SafetyRule(_Spec):
    """An answer that must be brought to a clinician's attention whatever the total: an answer
    of ``at_least`` or more, or (``unanswered``) the item left blank, which for a question such
    as PHQ-9 item 9 is a signal of its own."""

    item: str
    at_least: float | None = None
    unanswered: bool = False
    code: str
    title: str = ""  # a few words for an email subject line or a list: no health details
    message: str
    source: str


class ScoringSpec(_Spec):
    version: str
    algorithm: Literal["standard", "psqi"] = "standard"
    source: str
    answer_scales: dict[str, AnswerScale]
    items: tuple[ItemSpec, ...]
    scores: tuple[ScoreSpec, ...]
    safety: tuple[SafetyRule, ...] = ()


class Licence(_Spec):
    holder: str
    terms: str
    ships_item_text: bool
    item_text: Literal["full", "content", "none"]
    attribution: str | None = None
    source: str


class Reliability(_Spec):
    """Inputs of the reliable change index for one score; a value not found stays null."""

    r: float | None = None
    r_kind: str | None = None
    r_source: str
    sd: float | None = None
    sd_source: str
    sem: float | None = None
    sem_source: str


class EdssBand(_Spec):
    """The MCID for clients whose EDSS lies in ``edss`` (inclusive, e.g. ``[0, 5]``)."""

    edss: tuple[float, float]
    improvement: float | None = None
    deterioration: float | None = None


class McidByEdss(_Spec):
    """An MCID that depends on disability: one threshold per EDSS band, none outside them.

    ``cite`` is the short author-year shown beside the threshold ("Costelloe 2007").
    """

    cite: str
    bands: tuple[EdssBand, ...]


class Mcid(_Spec):
    """Minimal clinically important difference for one score; null values mean not found.

    With ``by_edss`` the thresholds are given per EDSS band and the top-level ``improvement`` and
    ``deterioration`` stay null: the client's EDSS chooses the band.
    """

    improvement: float | None = None
    deterioration: float | None = None
    unit: Literal["points", "percent"] | None = None
    population: str | None = None
    source: str
    by_edss: McidByEdss | None = None


class ItemLead(_Spec):
    """The stem an instrument repeats with each of some items ("Over the last 2 weeks, how often
    have you been bothered by ..."), shown as a lead line above each of them."""

    items: tuple[str, ...]
    text: str


class DefinitionSpec(_Spec):
    format: Literal[1]
    code: str
    version: str
    title: str
    short_title: str
    constructs: tuple[str, ...]
    recall_period: str | None = None
    recall_phrase: str | None = None
    administration: Literal["self-report", "clinician-rated", "performance"]
    references: tuple[str, ...]
    licence: Licence
    item_text_source: str
    instructions: str | None = None
    item_leads: tuple[ItemLead, ...] = ()
    questionnaire: dict[str, Any]
    scoring: ScoringSpec
    reliability: dict[str, Reliability]
    mcid: dict[str, Mcid]
    export: DefinitionExport
    notes: tuple[str, ...] = ()


class ContentSpec(_Spec):
    """A content-pack file: item wording kept apart from the code licence (non-commercial)."""

    code: str
    version: str
    licence: str
    text_source: str
    verification: str
    instructions: str | None = None
    item_leads: tuple[ItemLead, ...] = ()
    items: dict[str, str]
    answer_labels: dict[str, dict[str, str]] = {}
