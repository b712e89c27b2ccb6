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

        # The dashboard's "email not delivered" marks, read with a staff login's session.
        from msrelief.accounts import session_columns
        from msrelief.instruments import flag_marks

        session_columns.register(flag_marks.SESSION_COLUMN, flag_marks.column_over_login)
