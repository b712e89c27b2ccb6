from __future__ import annotations

from django import forms

from msrelief.core.voice import HouseVoice
from msrelief.lib.limits import MAX_EMAIL_LENGTH


class SignInForm(HouseVoice, forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=MAX_EMAIL_LENGTH,
        help_text="The address your clinic has for you.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
