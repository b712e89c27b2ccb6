from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "msrelief.portal"
    label = "portal"
    verbose_name = "Client portal"
