"""The objects the authorization matrix asks about: one of each kind in each of two clinics
(Harbour Street, "A", and Hillside, "B"), the personas who ask, and the secrets of each clinic
(values that only its own people may ever see in a page).

Everything is made through the services, as real use makes it, once per test module
(conftest.py). A token is only ever shown once, so the factory keeps each one it is given.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.management import call_command
from django.utils import timezone

from msrelief.testing import PHQ9_ALL_ZERO, assign, make_client_record, make_user

#: A token no link ever had: the "other" object of a token page.
UNKNOWN_TOKEN = "no-such-token-0000000000000000000000000"


@dataclass
class Site:
    """One clinic and one object of each kind in it."""

    label: str
    clinic: Any
    therapist: Any
    colleague: Any
    admin: Any
    client: Any
    client_login: Any
    objects: dict[str, Any] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    secrets: tuple[str, ...] = ()


@dataclass
class World:
    a: Site
    b: Site
    evidence_editor: Any
    superuser: Any
    shared: dict[str, Any] = field(default_factory=dict)

    def site(self, label: str) -> Site:
        return self.a if label == "A" else self.b


def _site(label: str, name: str, domain: str, person: str) -> Site:
    from msrelief.accounts.models import Clinic
    from msrelief.clients import services as clients

    clinic = Clinic.objects.create(name=name)
    therapist = make_user(
        f"therapist@{domain}", clinic, "therapist", full_name=f"{label} Therapist"
    )
    colleague = make_user(
        f"colleague@{domain}", clinic, "therapist", full_name=f"{label} Colleague"
    )
    admin = make_user(f"admin@{domain}", clinic, "clinic_admin", full_name=f"{label} Admin")
    email = f"{person.split()[0].lower()}@{domain}"
    login = make_user(email, clinic, "client", full_name=person)
    record = make_client_record(therapist, display_name=person, notes=f"{person} likes tea.")
    clients.update_client(therapist, record, email=email)
    record = clients.link_login(therapist, record, login)
    site = Site(label, clinic, therapist, colleague, admin, record, login)
    _fill(site)
    note_text = f"Worked the shoulders of {person}; secret note {label}."
    site.objects["note"] = _note(site, note_text)
    site.secrets = (person, email, f"{person} likes tea.", note_text)
    return site


def _fill(site: Site) -> None:
    from msrelief.clients import history_services
    from msrelief.instruments import services as instruments
    from msrelief.instruments.diary import services as diary
    from msrelief.portal import services as portal
    from msrelief.portal.models import Purpose
    from msrelief.programmes.calendar import services as calendar
    from msrelief.programmes.tests.factories import enrol, make_template, todays_session
    from msrelief.safety import services as safety

    therapist, record = site.therapist, site.client
    administration, token = assign(therapist, record, "phq9")
    site.objects["administration"], site.tokens["questionnaire"] = administration, token
    # Item 9 above zero raises a safety flag, which is the flag the matrix asks about.
    response = instruments.enter_response(therapist, record, "phq9", {**PHQ9_ALL_ZERO, "9": 1.0})
    site.objects["response"] = response
    site.objects["flag"] = response.safety_flags.first()
    template = make_template(f"clinic-template-{site.label.lower()}", clinic=site.clinic)
    site.objects["template"] = template
    enrolment = enrol(therapist, record, template)
    site.objects["enrolment"] = enrolment
    site.objects["session"] = todays_session(enrolment)
    site.objects["screen"] = safety.run_screen(therapist, record, timezone.localdate(), {})
    site.objects["goal"] = history_services.add_entry(
        therapist, record, "goal", {"text": "Walk to the shop", "set_on": dt.date(2026, 1, 10)}
    )
    plan, diary_token = diary.start_diary(therapist, record, "daily")
    site.objects["diary"], site.tokens["diary"] = plan, diary_token
    _link, sign_in_token = portal._new_link(
        site.client_login, record, Purpose.SIGN_IN, dt.timedelta(hours=1), None
    )
    site.tokens["sign_in"] = sign_in_token
    site.tokens["unsubscribe"] = _unsubscribe_token(record)
    site.objects["message"] = _failed_message(site)
    _feed, site.tokens["calendar"] = calendar.create_client_feed(therapist, record)


def _note(site: Site, text: str) -> Any:
    from msrelief.programmes.services import notes

    return notes.save_note(site.therapist, site.objects["session"], {"subjective": text})


def _unsubscribe_token(record: Any) -> str:
    from msrelief.instruments import tokens
    from msrelief.programmes.reminders.models import UnsubscribeLink

    token = tokens.new_token()
    UnsubscribeLink.objects.create(token_hash=tokens.hash_token(token), client=record)
    return token


def _failed_message(site: Site) -> Any:
    """An email of the clinic's outbox that could not be delivered (the retry page's object)."""
    from msrelief.notifications.models import Delivery, Message

    message = Message.objects.filter(clinic=site.clinic).latest("pk")
    Message.objects.filter(pk=message.pk).update(status=Delivery.FAILED)
    return message


def build() -> World:
    from django.contrib.auth.models import Permission

    from msrelief.accounts.models import User

    call_command("load_evidence", stdout=io.StringIO())
    a = _site("A", "Harbour Street Clinic", "harbour.test", "Robin Harbourside")
    b = _site("B", "Hillside Practice", "hillside.test", "Bea Hillcrest")
    editor = make_user("erin@research.test", None, "", full_name="Erin Editor")
    editor.user_permissions.add(Permission.objects.get(codename="edit_evidence"))
    superuser = User.objects.create_superuser("root@example.test", "a-long-test-password-42")
    world = World(a, b, editor, superuser)
    world.shared.update(_evidence())
    world.shared["proposal"] = _proposal(a.admin, world.shared["claim"])
    world.shared["comment"] = _comment()
    return world


def _evidence() -> dict[str, Any]:
    from msrelief.evidence.models import Arm, Claim, Reference, Result, Study

    return {
        "reference": Reference.objects.order_by("pk").first(),
        "claim": Claim.objects.order_by("pk").first(),
        "study": Study.objects.order_by("pk").first(),
        "arm": Arm.objects.order_by("pk").first(),
        "result": Result.objects.order_by("pk").first(),
    }


def _proposal(admin: Any, claim: Any) -> Any:
    """A clinic admin's change held for review (the review pages' object)."""
    from django.test import override_settings

    from msrelief.evidence import services

    with override_settings(EVIDENCE_REVIEW=True):
        return services.update_claim(admin, claim, note="A note proposed for review.")


def _comment() -> Any:
    from msrelief.learn import services as learn
    from msrelief.learn.models import Comment
    from msrelief.learn.services import Reader

    slug = "what-ms-is"
    learn.post_comment(Reader(), slug, body="A reader's comment.", name="Sam", address="10.9.9.9")
    return Comment.objects.latest("pk")
