"""The accounts app: first in INSTALLED_APPS, so its module is loaded before any app's models."""

import django_stubs_ext
from django.apps import AppConfig

# Lets the type-checked generics of django-stubs (ModelAdmin[User], ModelForm[Client]) be
# written in the code: at run time Django's classes then accept the subscript. Here, not in
# the settings, so that the commands that never set Django up (msrelief score, meta, screen)
# do not import Django's models for it: django.setup() loads this module before any models.
django_stubs_ext.monkeypatch()


class AccountsConfig(AppConfig):
    name = "msrelief.accounts"
    label = "accounts"
    verbose_name = "Accounts and clinics"

    def ready(self) -> None:
        from msrelief.accounts import receivers  # noqa: F401  (connects the sign-in signals)
