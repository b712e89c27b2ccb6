from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "msrelief.programmes"
    label = "programmes"
    verbose_name = "Care programmes"

    def ready(self) -> None:
        # The worker's last look at each queued reminder (notifications/withdrawal.py).
        from msrelief.notifications import withdrawal
        from msrelief.notifications.models import Kind
        from msrelief.programmes.reminders.withdraw import message_verdict

        for kind in (
            Kind.SESSION_REMINDER,
            Kind.QUESTIONNAIRE_REMINDER,
            Kind.OVERDUE_MEASURES,
            Kind.DIARY_REMINDER,
        ):
            withdrawal.register(kind, message_verdict)
