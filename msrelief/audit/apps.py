from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "msrelief.audit"
    label = "audit"
    verbose_name = "Audit trail"
