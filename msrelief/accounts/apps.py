from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "msrelief.accounts"
    label = "accounts"
    verbose_name = "Accounts and clinics"
