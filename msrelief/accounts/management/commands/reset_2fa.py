"""``msrelief reset-2fa EMAIL``: remove a login's authenticator app and recovery codes
(audited)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from msrelief.accounts import signin_services
from msrelief.accounts.management.commands._login import login_named


class Command(BaseCommand):
    help = (
        "Reset a login's second factor: its authenticator app and recovery codes. For someone "
        "who lost both; a clinic admin or superuser sets a new app up at the next sign-in."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The login's email address.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = login_named(options["email"])
        try:
            signin_services.reset_two_factor(None, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"The second factor of {user.email} is reset.")
