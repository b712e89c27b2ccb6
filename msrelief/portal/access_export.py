"""The subject-access export: everything msrelief keeps about one client, as one plain dict
that turns into JSON as it is (and into a readable page, :mod:`msrelief.portal.access_html`).
Staff download it from the client record, the client from their own portal; both get the
same content (docs/portal.md lists the keys and what is left out, and why).

Each record is given field by field from its model, so a field added later is exported
without a change here. Left out are only what is not information about the client: the
digests of link tokens, the audit trail's hash chain and request ids, a form's duplicate-
submission key, and other people's contact details (a staff member is named, not addressed;
the address a staff member acted from is not given). The query count is fixed, whatever the
number of rows (every list is fetched in one query, see the tests).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.audit.events import EVENTS
from msrelief.audit.models import AuditEvent
from msrelief.clients import consent
from msrelief.clients.models import Client
from msrelief.instruments.models import Administration, Response, SafetyFlag
from msrelief.notifications.models import Message
from msrelief.portal.models import SignInLink
from msrelief.programmes.models import AdverseEvent, Enrolment
from msrelief.safety.models import Screen
from msrelief.scoring import ScoringError, get_definition

FORMAT = "msrelief-subject-access/1"
FORMATS = ("json", "html")
#: Fields that are no information about the client (see the module's docstring).
LEFT_OUT = frozenset(
    {"client", "clinic", "token_hash", "previous_hash", "hash", "request_id", "submission_key"}
)
HISTORY = (
    ("relapses", "relapses"),
    ("dmt_periods", "dmt_periods"),
    ("medicines", "medicines"),
    ("conditions", "conditions"),
    ("falls", "falls"),
    ("goals", "goals"),
)
PRIVATE_LINK_TEXT = "(This message held a private link to sign in or to a questionnaire.)"
EXPLANATION = (
    "Everything this clinic keeps about you in msrelief, as it was when this file was made: "
    "your record, your history, your consent, your questionnaires with their answers and "
    "scores, your sessions with your therapist's notes, safety concerns raised, the messages "
    "sent about you, and the record of who looked at or changed your information."
)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


class _Builder:
    def __init__(self, client: Client) -> None:
        self.client = client
        people = User.objects.filter(Q(clinic_id=client.clinic_id) | Q(is_superuser=True))
        self.names = {user.pk: str(user) for user in people}

    def person(self, user_id: int | None) -> str | None:
        if user_id is None:
            return None
        if user_id not in self.names:  # someone of another clinic, since moved: rare
            found = User.objects.filter(pk=user_id).first()
            self.names[user_id] = str(found) if found is not None else f"Login #{user_id}"
        return self.names[user_id]

    def fields(self, obj: models.Model, *skip: str) -> dict[str, Any]:
        """The model's own fields: choices in words, logins by name, other records by id."""
        row: dict[str, Any] = {}
        for field in obj._meta.concrete_fields:
            if field.name in LEFT_OUT or field.name in skip:
                continue
            value = getattr(obj, field.attname)
            if field.is_relation and field.related_model is User:
                row[field.name] = self.person(value)
            elif field.is_relation:
                row[field.attname] = value
            elif field.choices and value not in (None, ""):
                row[field.name] = str(dict(field.flatchoices).get(value, value))
            else:
                row[field.name] = _plain(value)
        return row


def _title(code: str, version: str) -> str:
    try:
        return get_definition(code, version).title
    except (ScoringError, KeyError, ValueError):
        return code


def build(client: Client) -> dict[str, Any]:
    """Everything kept about ``client`` (see the module's docstring and docs/portal.md)."""
    b = _Builder(client)
    return {
        "format": FORMAT,
        "made_at": _plain(timezone.now()),
        "explanation": EXPLANATION,
        "clinic": client.clinic.name,
        "record": b.fields(client, "user"),
        "login": _login(b, client),
        "consents": [
            {**b.fields(c), "text": consent.TEXTS.get(c.text_version, "")}
            for c in client.consents.all()
        ],
        "history": {
            key: [b.fields(entry) for entry in getattr(client, relation).all()]
            for key, relation in HISTORY
        },
        "questionnaires": [
            {"title": _title(a.instrument_code, a.instrument_version), **b.fields(a)}
            for a in Administration.objects.filter(client=client).order_by("assigned_at", "id")
        ],
        "responses": _responses(b, client),
        "safety_screens": [
            b.fields(s) for s in Screen.objects.filter(client=client).order_by("performed_at")
        ],
        "safety_flags": [
            b.fields(f) for f in SafetyFlag.objects.filter(client=client).order_by("raised_at")
        ],
        "programmes": _programmes(b, client),
        "adverse_events": [
            b.fields(e)
            for e in AdverseEvent.objects.filter(client=client).order_by("occurred_on", "id")
        ],
        "sign_in_links": [
            b.fields(link, "user")
            for link in SignInLink.objects.filter(client=client).order_by("created_at")
        ],
        "messages": _messages(b, client),
        "audit_events": _audit_events(b, client),
    }


def _login(b: _Builder, client: Client) -> dict[str, Any] | None:
    user = client.user
    if user is None:
        return None
    return {
        "email": user.email,
        "full_name": user.full_name,
        "active": user.is_active,
        "date_joined": _plain(user.date_joined),
        "last_login": _plain(user.last_login),
        "has_a_password": user.has_usable_password(),
    }


def _responses(b: _Builder, client: Client) -> list[dict[str, Any]]:
    rows = (
        Response.objects.filter(client=client)
        .prefetch_related("scores")
        .order_by("answered_at", "id")
    )
    return [
        {
            "title": _title(r.instrument_code, r.instrument_version),
            **b.fields(r),
            "scores": [b.fields(s, "response") for s in r.scores.all()],
        }
        for r in rows
    ]


def _programmes(b: _Builder, client: Client) -> list[dict[str, Any]]:
    enrolments = (
        Enrolment.objects.filter(client=client)
        .select_related("template")
        .prefetch_related("sessions__notes", "sessions__ratings", "changes", "measures")
        .order_by("start_date", "id")
    )
    return [
        {
            "programme": e.template.title,
            **b.fields(e, "template"),
            "sessions": [
                {
                    **b.fields(s, "enrolment"),
                    "notes": [b.fields(n, "session") for n in s.notes.all()],
                    "ratings": [b.fields(r, "session") for r in s.ratings.all()],
                }
                for s in e.sessions.all()
            ],
            "plan_changes": [b.fields(c, "enrolment") for c in e.changes.all()],
            "scheduled_measures": [b.fields(m, "enrolment") for m in e.measures.all()],
        }
        for e in enrolments
    ]


def _messages(b: _Builder, client: Client) -> list[dict[str, Any]]:
    own = {
        address.lower() for address in (client.email, getattr(client.user, "email", "")) if address
    }
    rows = []
    for m in Message.objects.filter(client_ref=client.pk).order_by("created_at", "id"):
        to_them = m.to_address.lower() in own
        rows.append(
            {
                "kind": m.get_kind_display(),
                "to": m.to_address if to_them else "clinic staff",
                "subject": m.subject,
                "text": PRIVATE_LINK_TEXT if m.redact_when_sent else m.body_text,
                "status": m.get_status_display(),
                "created_at": _plain(m.created_at),
                "sent_at": _plain(m.sent_at),
            }
        )
    return rows


def _audit_events(b: _Builder, client: Client) -> list[dict[str, Any]]:
    about = Q(client_ref=client.pk)
    if client.user_id is not None:
        about |= Q(object_type="accounts.user", object_id=str(client.user_id))
        about |= Q(actor_id=client.user_id)
    rows = []
    for event in AuditEvent.objects.filter(about).order_by("occurred_at", "id"):
        actor = b.person(event.actor_id) if event.actor_id is not None else "msrelief"
        kind = EVENTS.get(event.event)
        own = event.actor_id is not None and event.actor_id == client.user_id
        rows.append(
            {
                "occurred_at": _plain(event.occurred_at),
                "what": kind.describe(str(actor), event.object_label) if kind else event.event,
                "event": event.event,
                "by": actor,
                "details": event.changes,
                "from_address": event.remote_addr if own else None,
            }
        )
    return rows
