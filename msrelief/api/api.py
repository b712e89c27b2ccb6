"""The one NinjaAPI instance. Each app owns its router (``<app>/api.py``) and adds it here."""

from __future__ import annotations

from ninja import NinjaAPI

from msrelief.evidence.api import router as evidence_router
from msrelief.fhir.api import router as fhir_router
from msrelief.instruments.api import router as scoring_router

api = NinjaAPI(
    title="msrelief API",
    version="1",
    description=(
        "Scoring of outcome measures, the evidence base (meta-analysis, references as "
        "CSL-JSON) and FHIR R4 export of msrelief records."
    ),
    urls_namespace="api",
)
api.add_router("/score", scoring_router)
api.add_router("/fhir", fhir_router)
api.add_router("/evidence", evidence_router)
