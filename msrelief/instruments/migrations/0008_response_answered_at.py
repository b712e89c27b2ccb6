"""Every response gets ``answered_at``: its own submission time, or for a correction the
submission time of the first response of its chain."""

import django.utils.timezone
from django.db import migrations, models


def fill_answered_at(apps, schema_editor):
    Response = apps.get_model("instruments", "Response")
    Response.objects.update(answered_at=models.F("submitted_at"))
    rows = Response.objects.values_list("pk", "supersedes_id", "submitted_at")
    links = {pk: (earlier, when) for pk, earlier, when in rows}
    for pk, (earlier, when) in links.items():
        if earlier is None:
            continue
        while earlier is not None:
            earlier, when = links[earlier]
        Response.objects.filter(pk=pk).update(answered_at=when)


class Migration(migrations.Migration):
    dependencies = [
        ("instruments", "0007_symptom_diary"),
    ]

    operations = [
        migrations.AddField(
            model_name="response",
            name="answered_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.RunPython(fill_answered_at, migrations.RunPython.noop),
    ]
