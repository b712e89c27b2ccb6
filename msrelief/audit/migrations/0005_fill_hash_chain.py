"""Chain the events written before the hash chain existed, oldest (lowest id) first, exactly as
msrelief.audit.services.record chains a new one. It runs before 0006 adds the triggers that
refuse every UPDATE."""

from django.db import migrations

from msrelief.audit import chain


def forwards(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    previous = chain.GENESIS
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        event.previous_hash = previous
        event.hash = chain.event_hash(event)
        AuditEvent.objects.filter(pk=event.pk).update(
            previous_hash=event.previous_hash, hash=event.hash
        )
        previous = event.hash


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_actor_protected_and_hash_chain")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
