from django.apps import AppConfig


class InstrumentsConfig(AppConfig):
    name = "msrelief.instruments"
    label = "instruments"
    verbose_name = "Outcome measures"

    def ready(self) -> None:
        # The worker's last look at each queued link email (notifications/withdrawal.py).
        from msrelief.instruments.link_verdict import link_verdict
        from msrelief.notifications import withdrawal
        from msrelief.notifications.models import Kind

        withdrawal.register(Kind.QUESTIONNAIRE_LINK, link_verdict)
