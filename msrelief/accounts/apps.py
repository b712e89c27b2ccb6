from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "msrelief.accounts"
    label = "accounts"
    verbose_name = "Accounts and clinics"

    def ready(self) -> None:
        from msrelief.accounts import receivers  # noqa: F401  (connects the sign-in signals)
