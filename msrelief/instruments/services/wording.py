"""A clinic's licensed questionnaire wording, imported as a FHIR Questionnaire."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.instruments import importing
from msrelief.instruments.models import ClinicQuestionnaire
from msrelief.instruments.services._common import definition_or_error


@transaction.atomic
def import_clinic_questionnaire(
    actor: User, code: str, questionnaire: Any, licence_note: str
) -> ClinicQuestionnaire:
    """Store a clinic's licensed wording for a scoring-only instrument (replacing an earlier
    import of the same version). Only a clinic admin may do this. The wording must replace
    every placeholder of the structure file and label every answer; nothing is saved
    otherwise (:func:`msrelief.instruments.importing.problems_with` names each problem)."""
    if not actor.is_authenticated or not actor.is_clinic_admin or actor.clinic is None:
        raise PermissionDenied("Only a clinic admin can import licensed questionnaire text.")
    definition = definition_or_error(code)
    if definition.licence.item_text != "none":
        raise ValidationError(
            {
                "instrument": f"{definition.title} ships its own wording, so it takes no "
                "clinic wording; only scoring-only questionnaires do."
            }
        )
    if not licence_note.strip():
        raise ValidationError({"licence_note": "Say which licence lets your clinic use this text."})
    problems = importing.problems_with(questionnaire, definition)
    if problems:
        raise ValidationError({"questionnaire": problems})
    stored, created = ClinicQuestionnaire.objects.update_or_create(
        clinic=actor.clinic,
        instrument_code=definition.code,
        instrument_version=definition.version,
        defaults={
            "questionnaire": questionnaire,
            "licence_note": licence_note.strip(),
            "imported_by": actor,
            "imported_at": timezone.now(),
        },
    )
    audit.record(
        actor,
        Action.CREATE if created else Action.UPDATE,
        stored,
        clinic=actor.clinic,
        changes={"instrument": definition.key},
    )
    return stored
