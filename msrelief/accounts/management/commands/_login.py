"""What the sign-in commands share: finding the login an operator named."""

from __future__ import annotations

from django.core.management.base import CommandError

from msrelief.accounts.models import User


def login_named(email: str) -> User:
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise CommandError(f"No login has the email address {email!r}.")
    return user
