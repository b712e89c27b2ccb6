"""One NinjaAPI; each capability adds its router here."""

from __future__ import annotations

from ninja import NinjaAPI

from msrelief.api import fhir, scoring

api = NinjaAPI(
    title="msrelief API",
    version="1",
    description="Scoring of outcome measures and FHIR R4 export of msrelief records.",
    urls_namespace="api",
)
api.add_router("/score", scoring.router)
api.add_router("/fhir", fhir.router)
