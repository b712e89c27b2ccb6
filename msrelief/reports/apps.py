from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "msrelief.reports"
    label = "reports"
    verbose_name = "Reports"
