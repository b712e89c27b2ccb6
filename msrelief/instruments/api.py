"""POST /api/score/{instrument}: the same result as `msrelief score`. Nothing is stored, so no
login is needed; bad answers get a 400 with a message that names the item. POSTs are
rate-limited per client address (429 with Retry-After, :mod:`msrelief.core.ratelimit`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Body, Router, Schema
from ninja.responses import Status

from msrelief.core import api_throttle
from msrelief.scoring import ScoringError, get_definition, list_instruments, score_json

router = Router(tags=["scoring"])


class ScoreOut(Schema):
    total: float | None
    subscales: dict[str, float | None]
    band: str | None
    missing: int
    prorated: bool
    version: str


class ErrorOut(Schema):
    detail: str


class InstrumentOut(Schema):
    code: str
    version: str
    title: str
    licence: str
    ships_item_text: bool


# The operation ids were made from this router's earlier module (msrelief.api.scoring) and are
# kept so that clients generated from the OpenAPI schema keep working.
@router.get(
    "/",
    response=list[InstrumentOut],
    summary="List the instruments that can be scored",
    operation_id="msrelief_api_scoring_instruments",
)
def instruments(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {key: row[key] for key in ("code", "version", "title", "licence", "ships_item_text")}
        for row in list_instruments()
    ]


@router.post(
    "/{instrument}",
    operation_id="msrelief_api_scoring_score",
    response={200: ScoreOut, 400: ErrorOut, 404: ErrorOut, 429: ErrorOut},
    throttle=api_throttle.ApiThrottle("api-score"),
    summary="Score one set of answers",
    description="The body maps each item's number in the published form (as a string) to the "
    "numeric value the manual gives that answer; leave an unanswered item out.",
)
def score(request: HttpRequest, instrument: str, answers: Body[dict[str, Any]]) -> Any:
    try:
        get_definition(instrument)
    except KeyError as error:
        return Status(404, {"detail": str(error.args[0])})
    try:
        return Status(200, score_json(instrument, answers))
    except ScoringError as error:
        return Status(400, {"detail": str(error)})
