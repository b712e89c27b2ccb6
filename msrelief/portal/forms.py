from __future__ import annotations

from typing import Any

from django import forms

from msrelief.accounts.forms import AuditedSetPasswordForm
from msrelief.core.voice import HouseVoice
from msrelief.lib.limits import MAX_EMAIL_LENGTH
from msrelief.portal import services


class SignInForm(HouseVoice, forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=MAX_EMAIL_LENGTH,
        help_text="The address your clinic has for you.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class FirstPasswordForm(AuditedSetPasswordForm):
    """A client who signs in by link, and has no password, sets one (Django's SetPasswordForm:
    the new password twice, checked by the password rules); saved by the portal's service."""

    def save(self, commit: bool = True) -> Any:
        return services.set_first_password(self.user, self.cleaned_data["new_password1"])
