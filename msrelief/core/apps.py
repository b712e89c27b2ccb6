from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "msrelief.core"
    label = "core"
    verbose_name = "msrelief core"

    def ready(self) -> None:
        from msrelief.core import checks  # noqa: F401  (registers the system checks)
