from django.apps import AppConfig
from django.core import checks


class NotificationsConfig(AppConfig):
    name = "msrelief.notifications"
    label = "notifications"
    verbose_name = "Messages"

    def ready(self) -> None:
        from msrelief.notifications.checks import tasks_backend_check

        checks.register(tasks_backend_check)
