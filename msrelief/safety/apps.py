from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "msrelief.safety"
    label = "safety"
    verbose_name = "Safety"
