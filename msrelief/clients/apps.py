from django.apps import AppConfig


class ClientsConfig(AppConfig):
    name = "msrelief.clients"
    label = "clients"
    verbose_name = "Clients"
