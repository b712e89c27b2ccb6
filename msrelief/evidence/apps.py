from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "msrelief.evidence"
    label = "evidence"
    verbose_name = "Evidence base"

    def ready(self) -> None:
        from msrelief.evidence import signals

        signals.connect(self)
