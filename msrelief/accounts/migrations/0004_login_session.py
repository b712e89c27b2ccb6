"""Sessions move to accounts.LoginSession, which names its login in a column (msrelief/accounts/
sessions.py). The live sessions of Django's own table are copied over, each with the login its
signed data names (when that login still exists), so nobody is signed out by the upgrade."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations, models
from django.utils import timezone


def copy_live_sessions(apps, schema_editor):
    Session = apps.get_model("sessions", "Session")
    LoginSession = apps.get_model("accounts", "LoginSession")
    logins = set(apps.get_model("accounts", "User").objects.values_list("pk", flat=True))
    decoder = SessionStore()
    copies = []
    for old in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = decoder.decode(old.session_data)
        try:
            user_id = int(data[SESSION_KEY])
        except (KeyError, TypeError, ValueError):
            user_id = None
        copies.append(
            LoginSession(
                session_key=old.session_key,
                session_data=old.session_data,
                expire_date=old.expire_date,
                user_id=user_id if user_id in logins else None,
            )
        )
    LoginSession.objects.bulk_create(copies, batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_recovery_codes'),
        ('sessions', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='LoginSession',
            fields=[
                ('session_key', models.CharField(max_length=40, primary_key=True, serialize=False, verbose_name='session key')),
                ('session_data', models.TextField(verbose_name='session data')),
                ('expire_date', models.DateTimeField(db_index=True, verbose_name='expire date')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'session',
            },
        ),
        migrations.RunPython(copy_live_sessions, migrations.RunPython.noop),
    ]
