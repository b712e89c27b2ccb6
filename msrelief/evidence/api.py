"""JSON API of the evidence base, mounted at ``/api/evidence``.

* ``POST /api/evidence/meta`` pools studies exactly as ``msrelief meta`` does; the studies come
  as CSV text (``csv``) or as row objects (``rows``) with the same columns. Nothing is stored,
  so no login is needed; a bad row is a 400 whose ``detail`` names the row. At most
  :data:`~msrelief.lib.limits.MAX_STUDIES` studies (more is a 400 before any work), and the
  endpoint is rate-limited per client address (429, :mod:`msrelief.core.ratelimit`).
* ``GET /api/evidence/references`` lists every reference as a CSL-JSON item;
  ``GET /api/evidence/references/{key}`` returns one (404 for an unknown key).
* ``GET /api/evidence/comparators?instrument=fss&score=total&weeks=6`` lists the trial results
  on one instrument score (:func:`msrelief.evidence.comparators.comparators`), each with its
  labelled figure and citation, and the caveat a page must show beside them; a bad question is
  a 400 naming ``instrument``, ``score`` or ``weeks``. Read only: results are written through
  the evidence pages (the services), not the API.
"""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import Field

from msrelief.core import api_throttle
from msrelief.evidence import analysis, comparators, instruments
from msrelief.evidence.citations import close_keys
from msrelief.evidence.models import Reference
from msrelief.lib.limits import MAX_STUDIES, MAX_UPLOAD_BYTES
from msrelief.stats import MetaAnalysisError
from msrelief.stats.meta_csv import run_meta_csv

router = Router(tags=["evidence"])


class MetaIn(Schema):
    measure: Literal["MD", "SMD", "RR", "OR", "GEN"] = Field(
        description="MD, SMD (Hedges' g), RR, OR, or GEN for precomputed yi and vi."
    )
    method: Literal["FE", "DL", "REML", "PM"] = Field(default="REML")
    hksj: bool = Field(default=False, description="Hartung-Knapp-Sidik-Jonkman adjustment.")
    csv: str | None = Field(
        default=None,
        max_length=MAX_UPLOAD_BYTES,
        description="The studies as CSV text with a header row (columns as for `msrelief meta`), "
        f"at most {MAX_STUDIES} studies and {MAX_UPLOAD_BYTES:,} characters.",
    )
    rows: list[dict[str, Any]] | None = Field(
        default=None,
        description="Or the studies as objects, one a study, keyed by the same column names "
        f"(at most {MAX_STUDIES}).",
    )


class StudyEffect(Schema):
    study: str
    yi: float | None
    vi: float | None
    weight: float | None


class RatioScale(Schema):
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    pi_low: float | None
    pi_high: float | None


class MetaOut(Schema):
    estimate: float | None
    se: float | None
    ci_low: float | None
    ci_high: float | None
    tau2: float | None
    i2: float | None
    h2: float | None
    q: float | None
    q_p: float | None
    pi_low: float | None
    pi_high: float | None
    statistic: float | None
    p_value: float | None
    level: float | None
    k: int
    method: str
    hksj: bool
    df: int | None
    measure: str
    scale: str
    studies: list[StudyEffect]
    exp: RatioScale | None = None


class ErrorOut(Schema):
    detail: str


@router.post(
    "/meta",
    response={200: MetaOut, 400: ErrorOut, 429: ErrorOut},
    throttle=api_throttle.ApiThrottle("api-meta"),
    summary="Pool studies in a meta-analysis",
    description="The same result as `msrelief meta FILE.csv`. Give the studies as `csv` text or "
    f"as `rows`, not both; at most {MAX_STUDIES} studies. Missing values are null, never NaN.",
)
def meta(request: HttpRequest, body: MetaIn) -> Any:
    if (body.csv is None) == (body.rows is None):
        return Status(400, {"detail": "give the studies as either 'csv' or 'rows'"})
    if body.rows is not None and len(body.rows) > MAX_STUDIES:
        detail = f"rows: {len(body.rows)} studies; the limit is {MAX_STUDIES} per analysis"
        return Status(400, {"detail": detail})
    text = body.csv if body.csv is not None else analysis.rows_to_csv(body.measure, body.rows or [])
    try:
        output = run_meta_csv(text, body.measure, body.method, body.hksj, max_studies=MAX_STUDIES)
    except MetaAnalysisError as error:
        field = "csv" if body.csv is not None else "rows"
        return Status(400, {"detail": f"{field}: {error}"})
    return Status(200, output)


@router.get(
    "/references",
    response=list[dict[str, Any]],
    summary="List every reference as CSL-JSON",
)
def references(request: HttpRequest) -> list[dict[str, Any]]:
    return [reference.csl() for reference in Reference.objects.all()]


@router.get(
    "/references/{key}",
    response={200: dict[str, Any], 404: ErrorOut},
    summary="One reference as CSL-JSON",
    url_name="evidence_reference",
)
def reference(request: HttpRequest, key: str) -> Any:
    found = Reference.objects.filter(key=key).first()
    if found is None:
        keys = list(Reference.objects.values_list("key", flat=True))
        near = close_keys(key, keys)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        return Status(404, {"detail": f"no reference with the key {key!r}{hint}"})
    return Status(200, found.csl())


class FigureOut(Schema):
    kind: Literal["mean_change", "standardised", "difference"]
    label: str
    value: float
    value_source: Literal["reported", "computed"]
    ci_low: float | None
    ci_high: float | None
    ci_source: Literal["reported", "computed"] | None = Field(
        description="Where the CI comes from; null when there is none (method says why)."
    )
    method: str = Field(description="How a computed figure or CI was computed, or why no CI.")


class ComparatorOut(Schema):
    result_key: str
    study_key: str
    reference_key: str
    citation: str = Field(description='A short label, for example "Naderi et al. 2024".')
    scope: str
    arm_label: str
    versus_label: str | None
    n: int | None
    arm_n: int | None
    versus_n: int | None
    time_point: str
    time_point_weeks: float | None
    instrument: str
    instrument_code: str
    score_name: str
    direction: str
    scale_low: float | None
    scale_high: float | None
    figure: FigureOut | None = Field(
        description="The figure to set beside a client's change; null when none was reported."
    )
    reported: str
    finding: str
    verification_status: str


class FieldErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(description="The messages by query parameter.")


class ComparatorsOut(Schema):
    instrument: str
    score: str
    weeks: float | None
    caveat: str
    comparators: list[ComparatorOut]


@router.get(
    "/comparators",
    response={200: ComparatorsOut, 400: FieldErrorOut},
    summary="Trial results on one instrument score",
    description="The trial results in the evidence base that used `score` of `instrument` "
    "(an msrelief instrument code; the score may be left out for an instrument with one score), "
    "at `weeks` from the start when given. Each has what the paper reported: a mean change, a "
    "standardised effect or a difference between groups, labelled, with a CI only where it was "
    "reported or can be computed from reported numbers. Unconfirmed results and reviews are "
    "left out.",
)
def comparator_list(
    request: HttpRequest, instrument: str, score: str = "", weeks: float | None = None
) -> Any:
    found = comparators.comparators(instrument, score, weeks)
    chosen = score or instruments.sole_score(instrument) or ""
    return Status(
        200,
        {
            "instrument": instrument,
            "score": chosen,
            "weeks": weeks,
            "caveat": comparators.CAVEAT,
            "comparators": found,
        },
    )
