"""Rewrite the labels of events written before labels became pseudonymous: they held
str(obj), which for a client is their name ("phq9-item9-positive for Robin"). The new label is
the kind and the id ("Client #42"), as msrelief.audit.services.label_for writes it now; the
event kind is filled in from the action, and the client id for events about a client."""

from django.db import migrations

LABELS = {
    "instruments.administration": "Questionnaire",
    "instruments.clinicquestionnaire": "Licensed wording",
    "clients.consentrecord": "Consent record",
    "accounts.user": "Login",
    "notifications.message": "Message",
}
NAMESPACES = {
    "accounts.user": "user",
    "accounts.clinic": "clinic",
    "clients.client": "client",
    "clients.consentrecord": "consent",
    "instruments.administration": "questionnaire",
    "instruments.response": "response",
    "instruments.score": "score",
    "instruments.safetyflag": "safety_flag",
    "instruments.clinicquestionnaire": "licensed_wording",
}
VERBS = {"create": "created", "update": "updated", "delete": "deleted", "view": "viewed"}


def _kind(apps, object_type):
    if object_type in LABELS:
        return LABELS[object_type]
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return object_type
    return str(model._meta.verbose_name).capitalize()


def forwards(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    kinds = {}
    for event in AuditEvent.objects.filter(event="").iterator():
        kind = kinds.setdefault(event.object_type, _kind(apps, event.object_type))
        namespace = NAMESPACES.get(event.object_type, event.object_type.split(".")[-1])
        AuditEvent.objects.filter(pk=event.pk).update(
            object_label=f"{kind} #{event.object_id}",
            event=f"{namespace}.{VERBS.get(event.action, event.action)}",
            client_ref=int(event.object_id)
            if event.object_type == "clients.client" and event.object_id.isdigit()
            else None,
        )


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_event_kind_and_client")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
