"""The reminder emails, written to the outbox inside the sending transaction. Bodies are kept
minimal: a session's day and time, a questionnaire's name and link, an overdue measure's name
and due date, "your symptom diary" and the login's diary page; never a score or a note. Each
email carries its own unsubscribe link (only the hash of its token is kept), which works
without signing in.

A questionnaire reminder carries a new link to it: the link made when the programme
scheduled the questionnaire was shown to nobody (only its hash is kept), so the reminder is
how the client gets one. As with "Email a new link", a link given out before stops working;
the answers saved so far stay."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.instruments import tokens
from msrelief.instruments.diary.models import Frequency
from msrelief.instruments.models import Administration
from msrelief.instruments.services.assigning import link_expiry, link_url
from msrelief.notifications import services as outbox
from msrelief.notifications.models import Kind, Message
from msrelief.programmes.reminders import unsubscribe
from msrelief.programmes.reminders.diary_rules import has_login
from msrelief.programmes.reminders.models import ReminderKind
from msrelief.programmes.reminders.rules import Decision, day_in_words, in_words
from msrelief.scoring import get_definition


def queue(decision: Decision, now: dt.datetime) -> Message:
    """Write the email of ``decision`` to the outbox (in the caller's transaction)."""
    client = decision.client
    if decision.kind == ReminderKind.SESSION:
        assert decision.session is not None
        context = {
            "clinic_name": client.clinic.name,
            "when": in_words(decision.session.starts_at, client.zone),
            "zone": client.zone.key,
            "minutes": decision.session.minutes,
        }
        return _queue(Kind.SESSION_REMINDER, client.email, context, decision)
    if decision.administration is not None:
        context = _questionnaire_context(decision.administration, decision.kind, now)
        return _queue(Kind.QUESTIONNAIRE_REMINDER, client.email, context, decision)
    if decision.diary is not None:
        context = {
            "clinic_name": client.clinic.name,
            "weekly": decision.diary.frequency == Frequency.WEEKLY,
            # The standing link is not stored: the login's page, or no link (diary_rules).
            "url": settings.BASE_URL + reverse("diary-mine") if has_login(client) else "",
        }
        return _queue(Kind.DIARY_REMINDER, client.email, context, decision)
    assert decision.therapist is not None
    context = {
        "name": decision.therapist.full_name or decision.therapist.email,
        "rows": [
            {
                "title": measure.instrument_code.upper(),
                "due": day_in_words(measure.due_on),
                "url": settings.BASE_URL
                + reverse("clients-detail", kwargs={"pk": measure.enrolment.client_id}),
            }
            for measure in decision.measures
        ],
    }
    return _queue(Kind.OVERDUE_MEASURES, decision.therapist.email, context, decision)


def _queue(kind: Kind, to: str, context: dict[str, object], decision: Decision) -> Message:
    """The email, with an unsubscribe link of its own for its recipient."""
    to_therapist = decision.therapist is not None
    context["unsubscribe_url"] = unsubscribe.new_link(
        client=None if to_therapist else decision.client, user=decision.therapist
    )
    about = decision.session or decision.administration or decision.diary
    return outbox.queue_email(kind, to, context, clinic=decision.client.clinic, about=about)


def _questionnaire_context(
    administration: Administration, kind: str, now: dt.datetime
) -> dict[str, object]:
    """A new link for the questionnaire (the row is locked by the caller's re-check)."""
    client = administration.client
    token = tokens.new_token()
    start = max(administration.available_from, timezone.localdate(now))
    expires = link_expiry(start)
    if administration.token_expires_at is not None:
        expires = max(expires, administration.token_expires_at)
    administration.token_hash = tokens.hash_token(token)
    administration.token_expires_at = expires
    administration.save(update_fields=["token_hash", "token_expires_at"])
    audit.record(
        None,
        Action.UPDATE,
        administration,
        clinic=client.clinic,
        changes={"fields": ["token_hash", "token_expires_at"], "reminder": kind},
        event="questionnaire.link_reminded",
    )
    definition = get_definition(administration.instrument_code, administration.instrument_version)
    return {
        "clinic_name": client.clinic.name,
        "title": definition.spec.short_title,
        "url": link_url(token),
        "expires": in_words(expires, client.zone),
        "nudge": kind == ReminderKind.QUESTIONNAIRE_NUDGE,
    }
