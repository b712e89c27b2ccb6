from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "msrelief.portal"
    label = "portal"
    verbose_name = "Client portal"

    def ready(self) -> None:
        # The worker's last look at each queued sign-in email (notifications/withdrawal.py).
        from msrelief.notifications import withdrawal
        from msrelief.notifications.models import Kind
        from msrelief.portal.link_verdict import link_verdict

        for kind in (Kind.PORTAL_SIGN_IN, Kind.PORTAL_INVITATION):
            withdrawal.register(kind, link_verdict)
