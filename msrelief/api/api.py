"""One NinjaAPI; each capability adds its router here."""

from __future__ import annotations

from ninja import NinjaAPI

from msrelief.api import fhir, scoring
from msrelief.evidence.api import router as evidence_router

api = NinjaAPI(
    title="msrelief API",
    version="1",
    description=(
        "Scoring of outcome measures, the evidence base (meta-analysis, references as "
        "CSL-JSON) and FHIR R4 export of msrelief records."
    ),
    urls_namespace="api",
)
api.add_router("/score", scoring.router)
api.add_router("/fhir", fhir.router)
api.add_router("/evidence", evidence_router)
