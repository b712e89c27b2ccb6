from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "msrelief.privacy"
    label = "privacy"
    verbose_name = "Privacy"
