from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "msrelief.programmes"
    label = "programmes"
    verbose_name = "Care programmes"
