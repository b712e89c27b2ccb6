"""Django's password validators with msrelief's words (settings.AUTH_PASSWORD_VALIDATORS).

The checks are Django's own; only what a person reads changes: each error says what to do,
and each help text is one short sentence, so that the form can show them as one hint.
"""

from __future__ import annotations

from django.contrib.auth import password_validation as django


class MinimumLengthValidator(django.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return (
            f"This password is too short: use at least {self.min_length} characters. A few "
            "unrelated words in a row make a long password that is easy to remember."
        )

    def get_help_text(self) -> str:
        return f"Use at least {self.min_length} characters."


class UserAttributeSimilarityValidator(django.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return (
            "This password is too like your name or email address. Choose one that has "
            "nothing to do with them."
        )

    def get_help_text(self) -> str:
        return "Do not use your name or email address."


class CommonPasswordValidator(django.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return "Many people use this password, so it is easy to guess. Choose another."

    def get_help_text(self) -> str:
        return "Do not use a password that many people use."


class NumericPasswordValidator(django.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return "This password is only numbers. Add some letters or other characters."

    def get_help_text(self) -> str:
        return "Do not use only numbers."
