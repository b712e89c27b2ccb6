"""A client with something of every kind on record, their portal login used once (so that the
audit trail names it as an actor), made through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.clients import history_services
from msrelief.clients import services as clients
from msrelief.clients.models import Client
from msrelief.instruments.diary import services as diary
from msrelief.portal import services as portal
from msrelief.portal.tests.factories import fill_record
from msrelief.programmes import services as programmes
from msrelief.programmes.reminders.models import Outcome, ReminderKind, ReminderLog
from msrelief.programmes.tests.factories import today

EMAIL = "robin.erasable@example.test"


def every_kind_of_record(therapist: Any, client: Any) -> dict[str, Any]:
    clients.update_client(therapist, client, email=EMAIL)
    client.refresh_from_db()
    made = fill_record(therapist, client, "Robin's left calf cramps at night.")
    programmes.record_adverse_event(
        therapist, client, programmes.Report(today(), "bruising", "mild", "Ice."), made["session"]
    )
    history_services.add_entry(
        therapist, client, "relapse", {"onset": today() - dt.timedelta(days=300)}
    )
    plan, _ = diary.start_diary(therapist, client, "daily")
    diary.check_in(plan, {"nrs-pain": 3.0}, None, "link")
    # A reminder decision, as the reminder pass logs it.
    ReminderLog.objects.create(
        client=client,
        kind=ReminderKind.SESSION,
        about_key=f"session:{made['session'].pk}@x",
        session=made["session"],
        decided_at=timezone.now(),
        outcome=Outcome.SKIPPED,
        reason="no email address",
    )
    link = portal.invite_client(therapist, client)
    client.refresh_from_db()
    portal.export_own(client.user, "json")  # the login is now an actor in the audit trail
    return {**made, "plan": plan, "link": link, "login": client.user}


def rows_about(number: int) -> list[str]:
    """Every row of every model that points at client ``number`` by a foreign key to Client or
    by a ``client_ref`` column, except the audit trail (which keeps the id on purpose)."""
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            points = isinstance(field, models.ForeignKey) and field.related_model is Client
            if points and model.objects.filter(**{field.attname: number}).exists():
                found.append(f"{model._meta.label}.{field.name}")
        refs = getattr(model, "client_ref", None) is not None and model is not AuditEvent
        if refs and model.objects.filter(client_ref=number).exists():
            found.append(f"{model._meta.label}.client_ref")
    return found
