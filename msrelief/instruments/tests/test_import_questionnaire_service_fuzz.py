"""Fuzzing the import of a clinic's licensed questionnaire wording, from the uploaded bytes on:
whatever file arrives (any bytes, the licensed wording with one value made wrong, nesting
thousands deep, huge numbers), it is stored whole or refused with messages and nothing is
saved; never another exception. `make fuzz-importers` runs it with 5,000 examples."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import event, given

from msrelief.audit.models import AuditEvent
from msrelief.core.uploads import read_upload
from msrelief.instruments import services
from msrelief.instruments.models import ClinicQuestionnaire
from msrelief.lib import bounded_json
from msrelief.testing import fuzz_settings, hostile_bytes, licensed_wording, mutated_json

pytestmark = pytest.mark.django_db

_wording = mutated_json(licensed_wording("mfis5"))
_files = hostile_bytes(_wording) | _wording.map(str.encode)


@fuzz_settings()
@given(_files)
def test_any_uploaded_wording_file_is_stored_whole_or_refused_with_messages(
    clinic_admin: Any, data: bytes
) -> None:
    before = (ClinicQuestionnaire.objects.count(), AuditEvent.objects.count())
    try:
        text = read_upload(SimpleUploadedFile("wording.json", data), "", "questionnaire")
        questionnaire = bounded_json.loads(text)
        stored = services.import_clinic_questionnaire(
            clinic_admin, "mfis5", questionnaire, "Licence 7"
        )
    except bounded_json.JsonInputError as error:
        assert str(error).strip()
    except (forms.ValidationError, ValidationError) as error:
        assert all(message.strip() for message in error.messages)
    else:
        stored.refresh_from_db()
        assert stored.questionnaire == questionnaire
        assert AuditEvent.objects.count() == before[1] + 1
        event("stored")
        return
    assert (ClinicQuestionnaire.objects.count(), AuditEvent.objects.count()) == before
    event("refused")
