from django.apps import AppConfig


class InstrumentsConfig(AppConfig):
    name = "msrelief.instruments"
    label = "instruments"
    verbose_name = "Outcome measures"
