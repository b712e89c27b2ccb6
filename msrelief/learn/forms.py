"""The Learn pages' forms: the citation style, a star rating, a comment and its edit."""

from __future__ import annotations

from typing import Any

from django import forms

from msrelief.core.voice import HouseVoice
from msrelief.evidence.citations import STYLE_CHOICES
from msrelief.learn.models import MAX_COMMENT_LENGTH, MAX_NAME_LENGTH, MAX_STARS

STAR_CHOICES = [(str(n), f"{n} star{'s' if n > 1 else ''}") for n in range(1, MAX_STARS + 1)]
COMMENT_HINT = (
    "Plain text. You can use *italics*, **bold**, lists and links. Comments are read by a "
    "moderator before they are shown."
)


class AlwaysEmpty(forms.TextInput):
    """The honeypot's input: drawn empty every time, even on a form shown again after a
    refusal, so that a person is never left with a robot's value in it."""

    def format_value(self, value: Any) -> str | None:
        return None


class StyleForm(HouseVoice, forms.Form):
    style = forms.ChoiceField(label="Citation style", choices=STYLE_CHOICES)


class RatingForm(HouseVoice, forms.Form):
    stars = forms.TypedChoiceField(
        label="How useful was this page?",
        choices=STAR_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose from 1 to 5 stars."},
    )


class CommentForm(HouseVoice, forms.Form):
    author_name = forms.CharField(label="Your name", max_length=MAX_NAME_LENGTH)
    author_email = forms.EmailField(
        label="Your email address",
        required=False,
        help_text="Only the moderators see it, to reply to you. It is never shown.",
    )
    body = forms.CharField(
        label="Your comment",
        max_length=MAX_COMMENT_LENGTH,
        help_text=COMMENT_HINT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    # The honeypot: hidden from people by the stylesheet, filled in by many spam robots.
    website = forms.CharField(
        label="Leave this box empty", required=False, widget=AlwaysEmpty(
            attrs={"autocomplete": "off", "tabindex": "-1"}
        )
    )  # fmt: skip

    def __init__(self, *args: Any, signed_in: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if signed_in:
            self.fields["author_name"].required = False
            self.fields["author_name"].help_text = "Leave it empty to use the name of your login."
            del self.fields["author_email"]


class CommentEditForm(HouseVoice, forms.Form):
    body = forms.CharField(
        label="Your comment",
        max_length=MAX_COMMENT_LENGTH,
        help_text=COMMENT_HINT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
