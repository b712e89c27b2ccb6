from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "msrelief.demo"
    label = "demo"
    verbose_name = "Demo data"
