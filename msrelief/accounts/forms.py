from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    SetPasswordForm,
    UsernameField,
)
from django.core.validators import MaxLengthValidator

from msrelief.accounts import services
from msrelief.lib.limits import MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH


class LoginForm(AuthenticationForm):
    """Email and password, with plain-language labels and error.

    Both fields have a length limit that is checked before the database is asked: Django sets
    the username's ``max_length`` only on the widget, and a very long address makes SQLite refuse
    the lookup (``LIKE or GLOB pattern too complex``).
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "The email address or password is not right. Check them and try again.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"] = UsernameField(
            label="Email address",
            max_length=MAX_EMAIL_LENGTH,
            widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
            error_messages={
                "max_length": f"An email address has at most {MAX_EMAIL_LENGTH} characters."
            },
        )
        password = self.fields["password"]
        assert isinstance(password, forms.CharField)
        password.max_length = MAX_PASSWORD_LENGTH
        password.validators.append(
            MaxLengthValidator(
                MAX_PASSWORD_LENGTH,
                f"A password has at most {MAX_PASSWORD_LENGTH:,} characters.",
            )
        )


class _ThroughService:
    """Save the new password through accounts.services.set_password (audited)."""

    user: Any
    cleaned_data: dict[str, Any]

    def save(self, commit: bool = True) -> Any:
        return services.set_password(self.user, self.user, self.cleaned_data["new_password1"])


class AuditedPasswordChangeForm(_ThroughService, PasswordChangeForm):
    """The logged-in user changes their password (old password first)."""


class AuditedSetPasswordForm(_ThroughService, SetPasswordForm):  # type: ignore[type-arg]
    """A reset link's holder sets a new password."""
