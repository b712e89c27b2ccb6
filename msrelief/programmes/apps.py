from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "msrelief.programmes"
    label = "programmes"
    verbose_name = "Care programmes"

    def ready(self) -> None:
        # The worker's last look at each queued reminder (notifications/withdrawal.py).
        from msrelief.instruments import sources
        from msrelief.notifications import withdrawal
        from msrelief.notifications.models import Kind
        from msrelief.programmes.reminders.withdraw import message_verdict
        from msrelief.programmes.summaries import session_rating_responses

        for kind in (
            Kind.SESSION_REMINDER,
            Kind.QUESTIONNAIRE_REMINDER,
            Kind.OVERDUE_MEASURES,
            Kind.DIARY_REMINDER,
        ):
            withdrawal.register(kind, message_verdict)
        # A client's history keeps the 0-10 ratings taken before and after sessions apart from
        # questionnaires of the same instrument (instruments/sources.py).
        sources.register_source(session_rating_responses)
