from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm

from msrelief.accounts import services


class LoginForm(AuthenticationForm):
    """Email and password, with plain-language labels and error."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "The email address or password is not right. Check them and try again.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "autofocus": True}
        )


class _ThroughService:
    """Save the new password through accounts.services.set_password (audited)."""

    user: Any
    cleaned_data: dict[str, Any]

    def save(self, commit: bool = True) -> Any:
        return services.set_password(self.user, self.user, self.cleaned_data["new_password1"])


class AuditedPasswordChangeForm(_ThroughService, PasswordChangeForm):
    """The logged-in user changes their password (old password first)."""


class AuditedSetPasswordForm(_ThroughService, SetPasswordForm):
    """A reset link's holder sets a new password."""
