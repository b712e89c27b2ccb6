"""Triggers that refuse every UPDATE and DELETE of an audit event in the database itself
(SQLite or PostgreSQL, by the connection's vendor); msrelief/audit/append_only.py explains them
and the one exception, a throwaway test database. After 0003 and 0005, which rewrite events."""

from django.db import migrations

from msrelief.audit import append_only


def forwards(apps, schema_editor):
    append_only.create(schema_editor.connection)


def backwards(apps, schema_editor):
    append_only.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_fill_hash_chain")]
    operations = [migrations.RunPython(forwards, backwards)]
