from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "msrelief.evidence"
    label = "evidence"
    verbose_name = "Evidence base"
