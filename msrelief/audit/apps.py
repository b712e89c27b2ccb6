from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "msrelief.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from msrelief.audit import receivers  # noqa: F401  (connects the auth signals)
