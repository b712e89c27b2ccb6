from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    SetPasswordForm,
    UsernameField,
)
from django.core.validators import MaxLengthValidator

from msrelief.accounts import services
from msrelief.core.voice import HouseVoice
from msrelief.lib.limits import MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH


class LoginForm(HouseVoice, AuthenticationForm):
    """Email and password, with plain-language labels and error.

    Both fields have a length limit that is checked before the database is asked: Django sets
    the username's ``max_length`` only on the widget, and a very long address makes SQLite refuse
    the lookup (``LIKE or GLOB pattern too complex``).
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "The email address or password is not right. Check them and try again.",
        "inactive": "This login has been switched off. Ask your clinic admin about it.",
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


NEW_PASSWORD_MESSAGES = {
    "password_mismatch": "The two new passwords are not the same. Type the new password in "
    "both boxes again.",
}


class _NewPassword:
    """Save the new password through accounts.services.set_password (audited), with plain
    labels, and the password rules as one hint (Django's HTML list does not fit in a hint)."""

    user: Any
    cleaned_data: dict[str, Any]
    fields: dict[str, forms.Field]

    def plain_password_fields(self) -> None:
        new, again = self.fields["new_password1"], self.fields["new_password2"]
        new.label, again.label = "New password", "New password again"
        new.help_text = " ".join(password_validation.password_validators_help_texts())
        again.help_text = "Type it once more, so that a typing mistake is caught."

    def save(self, commit: bool = True) -> Any:
        return services.set_password(self.user, self.user, self.cleaned_data["new_password1"])


class AuditedPasswordChangeForm(_NewPassword, HouseVoice, PasswordChangeForm):
    """The logged-in user changes their password (current password first)."""

    error_messages = {
        **PasswordChangeForm.error_messages,
        **NEW_PASSWORD_MESSAGES,
        "password_incorrect": "Your current password is not right. Type it again.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.plain_password_fields()


class AuditedSetPasswordForm(_NewPassword, HouseVoice, SetPasswordForm):  # type: ignore[type-arg]
    """A reset link's holder sets a new password."""

    error_messages = {**SetPasswordForm.error_messages, **NEW_PASSWORD_MESSAGES}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plain_password_fields()


class CodeForm(HouseVoice, forms.Form):
    """The second step of signing in: the app's code, or a recovery code."""

    code = forms.CharField(
        label="Code",
        max_length=32,
        help_text="The 6 numbers your authenticator app shows now, or one of your recovery "
        "codes (such as abcde-fghij).",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


class EnrolForm(HouseVoice, forms.Form):
    code = forms.CharField(
        label="Code from the app",
        max_length=16,
        help_text="The 6 numbers the app shows for msrelief once it has the secret.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class ReauthForm(HouseVoice, forms.Form):
    """Proof again before a sensitive action: the password, and the code when the login has an
    authenticator app or recovery codes (the field is removed otherwise). With a passkey the
    code may be left blank: the passkey is asked for next."""

    password = forms.CharField(
        label="Password",
        max_length=MAX_PASSWORD_LENGTH,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = CodeForm.base_fields["code"]

    def __init__(
        self, *args: Any, with_code: bool, code_optional: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if not with_code:
            del self.fields["code"]
        elif code_optional:  # each form has its own copy of the field
            code = self.fields["code"]
            code.required = False
            code.help_text = f"{code.help_text} Or leave it blank: your passkey is asked for next."
