"""`msrelief import-questionnaire`: a clinic's licensed wording for a scoring-only instrument."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from msrelief.accounts.models import User
from msrelief.core import errors
from msrelief.instruments.services import import_clinic_questionnaire
from msrelief.lib import bounded_json


class Command(BaseCommand):
    help = (
        "Import your clinic's licensed wording of a scoring-only questionnaire. The file is a "
        "FHIR R4 Questionnaire for an instrument such as MFIS-21, with the definition's items "
        "and answer values, your wording in place of every placeholder and a label on every "
        "answer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("instrument", help="Instrument code, e.g. mfis21.")
        parser.add_argument("file", help="Path to the FHIR Questionnaire JSON.")
        parser.add_argument("--by", required=True, help="Email of the clinic admin importing it.")
        parser.add_argument("--licence", required=True, help="The licence your clinic holds.")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = User.objects.filter(email__iexact=options["by"]).first()
        if actor is None:
            raise CommandError(f"no user with email {options['by']!r}")
        source = options["file"]
        try:
            questionnaire = bounded_json.loads(Path(source).read_text("utf-8"))
        except OSError as error:
            raise CommandError(f"cannot read {source}: {error.strerror}") from None
        except UnicodeDecodeError:
            raise CommandError(f"{source} is not UTF-8 text") from None
        except bounded_json.JsonInputError as error:
            raise CommandError(f"{source}: {error}") from None
        try:
            stored = import_clinic_questionnaire(
                actor, options["instrument"], questionnaire, options["licence"]
            )
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        except ValidationError as error:
            raise errors.as_command_error(error) from None
        self.stdout.write(
            f"Imported {stored.instrument_code}@{stored.instrument_version} wording for "
            f"{stored.clinic}."
        )
