"""``msrelief unlock EMAIL``: let a locked login sign in again (audited)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from msrelief.accounts import signin_services
from msrelief.accounts.management.commands._login import login_named


class Command(BaseCommand):
    help = (
        "Unlock a login that too many wrong passwords or codes locked. For a superuser locked "
        "out, or when no clinic admin can; the audit trail records it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The login's email address.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = login_named(options["email"])
        try:
            signin_services.unlock(None, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"{user.email} is unlocked and can sign in again.")
