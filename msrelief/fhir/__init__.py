"""FHIR R4 mapping of msrelief's records. Every resource built here is validated with the
``fhir.resources`` models (R4B, whose QuestionnaireResponse and Observation match R4)."""
