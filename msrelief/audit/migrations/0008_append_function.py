"""PostgreSQL's one-statement append to the audit trail (msrelief/audit/append_pg.py); nothing
on SQLite, whose writers append from Python."""

from django.db import migrations

from msrelief.audit import append_pg


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(append_pg.CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(append_pg.DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0007_change_by_clinic_index")]
    operations = [migrations.RunPython(forwards, backwards)]
