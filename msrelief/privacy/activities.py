"""The clinic's record of processing activities (UK GDPR art. 30): one table, here, of every
kind of personal data msrelief holds. For each: what is held, the default purpose, lawful basis
and recipients (a clinic admin may write the clinic's own, privacy.ProcessingRecord), how long
it is kept (read from the retention settings when asked, never copied), and which models hold
it, so that the page can count the clinic's records and a test can fail when a model that keys
to a client is in no activity (privacy/tests/test_activities.py)."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings

from msrelief.accounts.models import Clinic

CARE = "UK GDPR art. 6(1)(b): to provide the care the client asked for (contract)"
HEALTH = CARE + "; art. 9(2)(h): health data, for health care under a duty of confidence"
STAFF_AND_CLIENT = "Clinic staff (therapists and the clinic admin); the client, in their portal"


@dataclass(frozen=True)
class Source:
    """One model of an activity: ``model`` (its label, ``clients.relapse``) and the lookup from
    it to its clinic (``client__clinic``), with any other filter as (lookup, value) pairs."""

    model: str
    clinic_path: str
    only: tuple[tuple[str, object], ...] = ()

    def count(self, clinic: Clinic) -> int:
        rows = apps.get_model(self.model).objects.filter(
            **{self.clinic_path: clinic}, **dict(self.only)
        )
        return int(rows.count())


@dataclass(frozen=True)
class Period:
    """A retention period given by a setting, in words when asked: "8 years after the last
    contact (MSRELIEF_RETAIN_CLIENT_YEARS)". ``what`` names the part of the activity it is for,
    when the activity has more than one."""

    setting: str
    unit: str
    after: str
    what: str = ""

    def words(self) -> str:
        amount = int(getattr(settings, self.setting))
        unit = self.unit if amount != 1 else self.unit.rstrip("s")
        head = f"{self.what}: " if self.what else ""
        return f"{head}{amount} {unit} {self.after} (MSRELIEF_{self.setting})"


#: The client record's own period, which most activities share: the purge erases the whole
#: record, with everything that hangs on it, once the client's last contact is this long ago.
WITH_THE_RECORD = Period("RETAIN_CLIENT_YEARS", "years", "after the client's last contact")


@dataclass(frozen=True)
class Activity:
    key: str
    title: str
    held: str
    purpose: str
    lawful_basis: str
    recipients: str
    sources: tuple[Source, ...]
    #: The retention periods that come from settings, in the order shown.
    periods: tuple[Period, ...] = (WITH_THE_RECORD,)
    #: What the settings do not say: kept for good, until lifted, ...
    retention_note: str = "or sooner, when the clinic admin erases the client"

    def retention(self) -> str:
        parts = [period.words() for period in self.periods]
        return "; ".join(parts) + (f", {self.retention_note}" if parts else self.retention_note)

    def count(self, clinic: Clinic) -> int:
        return sum(source.count(clinic) for source in self.sources)

    @property
    def models(self) -> frozenset[str]:
        return frozenset(source.model for source in self.sources)


def _by_client(*models: str) -> tuple[Source, ...]:
    return tuple(Source(model, "client__clinic") for model in models)


def _by_clinic(*models: str) -> tuple[Source, ...]:
    return tuple(Source(model, "clinic") for model in models)


ACTIVITIES: tuple[Activity, ...] = (
    Activity(
        "client-record",
        "Client record and contact details",
        "Name, year of birth, type of MS, email address and phone, the responsible therapist, "
        "the therapist's notes on the record, and whether processing is restricted.",
        "To keep the client's record and contact them about their care.",
        HEALTH,
        STAFF_AND_CLIENT,
        _by_clinic("clients.client"),
    ),
    Activity(
        "health-history",
        "Health history",
        "Relapses, disease-modifying treatment periods, medicines, other conditions, falls "
        "and goals.",
        "To adapt the massage safely to the client's MS and treatment, and to follow their goals.",
        HEALTH,
        STAFF_AND_CLIENT,
        _by_client(
            "clients.relapse",
            "clients.dmtperiod",
            "clients.medicine",
            "clients.condition",
            "clients.fall",
            "clients.goal",
        ),
    ),
    Activity(
        "questionnaires",
        "Questionnaire responses and scores",
        "The questionnaires sent, the answers given (corrected ones too) and their scores.",
        "To measure how the client is doing before, during and after a programme.",
        HEALTH,
        STAFF_AND_CLIENT + " (their progress in words, not their answers' scores)",
        (
            *_by_clinic("instruments.administration", "instruments.response"),
            Source("instruments.score", "response__clinic"),
        ),
    ),
    Activity(
        "sessions",
        "Programmes, sessions and session notes",
        "Enrolments in a programme, planned sessions and their changes, scheduled measures, "
        "session notes (every signed version), ratings before and after a session, and the "
        "client's calendar feed.",
        "To plan and record the massage sessions given.",
        HEALTH,
        STAFF_AND_CLIENT,
        (
            *_by_clinic("programmes.enrolment"),
            Source("programmes.plannedsession", "enrolment__clinic"),
            Source("programmes.planchange", "enrolment__clinic"),
            Source("programmes.scheduledmeasure", "enrolment__clinic"),
            Source("programmes.sessionnote", "session__enrolment__clinic"),
            Source("programmes.sessionrating", "session__enrolment__clinic"),
            Source("programmes.calendarfeed", "clinic", (("client__isnull", False),)),
        ),
    ),
    Activity(
        "safety",
        "Safety signals",
        "Pre-session safety screens and their decisions, safety concerns raised by an answer "
        "(and what staff did about them), and unwanted effects after a session.",
        "To keep the client safe: to stop or adapt a session, and to act on a concern.",
        HEALTH + "; art. 9(2)(c) where the client's vital interests are at stake",
        STAFF_AND_CLIENT,
        _by_clinic("safety.screen", "instruments.safetyflag", "programmes.adverseevent"),
    ),
    Activity(
        "diary",
        "Symptom diary",
        "The diary's plan (how often, its link) and each check-in's 0-10 ratings.",
        "To follow the client's symptoms between sessions.",
        HEALTH,
        STAFF_AND_CLIENT,
        _by_clinic("instruments.diaryplan", "instruments.diaryentry"),
    ),
    Activity(
        "messages",
        "Messages sent (the outbox)",
        "The emails to the client and about them (reminders, questionnaire and sign-in "
        "links), their delivery attempts, the reminder decisions and the client's choice to "
        "stop reminders.",
        "To remind the client of sessions and questionnaires, and to show what was sent.",
        CARE,
        "The person each email is addressed to; the clinic's email provider, which carries it; "
        "the clinic admin, on the messages page",
        (
            *_by_clinic("notifications.message"),
            Source("notifications.deliveryattempt", "message__clinic"),
            *_by_client("programmes.reminderlog", "programmes.unsubscribelink"),
        ),
        periods=(
            Period(
                "RETAIN_MESSAGES_DAYS",
                "days",
                "after it was written, once sent or given up",
                what="Emails and their delivery attempts",
            ),
            Period(
                "RETAIN_CLIENT_YEARS",
                "years",
                "after the client's last contact",
                what="reminder decisions and the choice to stop reminders",
            ),
        ),
    ),
    Activity(
        "sign-in",
        "Sign-in links and client logins",
        "The client's portal login (email address, name, when they signed in) and the "
        "one-time sign-in links sent to it (only a digest of each link is kept).",
        "To let the client see their own information and download it.",
        CARE,
        "The client; the clinic admin, on the logins page",
        (
            Source("accounts.user", "clinic", (("role", "client"),)),
            *_by_client("portal.signinlink"),
        ),
        periods=(
            Period(
                "RETAIN_LINK_TOKENS_DAYS",
                "days",
                "after the link expired",
                what="Sign-in links",
            ),
            Period(
                "RETAIN_CLIENT_YEARS",
                "years",
                "after the client's last contact",
                what="the login",
            ),
        ),
    ),
    Activity(
        "audit",
        "Audit events",
        "Who did what to which record, and when, from which address: clients are named by "
        "number only, never by name, and no health data or free text is copied in.",
        "To show who looked at or changed a record, and to find misuse.",
        "UK GDPR art. 6(1)(f): legitimate interests, the security and accountability "
        "(art. 5(2), art. 32) of the clinic's records",
        "The clinic admin, on the audit log page",
        _by_clinic("audit.auditevent"),
        periods=(),
        retention_note="Kept for good: the trail is append-only, and its events chain "
        "together so that a change is found",
    ),
    Activity(
        "consents",
        "Consents and their withdrawal",
        "Each consent the client gave (the version of the text and the date) and each "
        "withdrawal of consent, by staff or by the client.",
        "To show what the client agreed to, and when they withdrew.",
        "UK GDPR art. 6(1)(a) and art. 9(2)(a): the client's consent; art. 7(1): the clinic "
        "must be able to show it",
        STAFF_AND_CLIENT,
        _by_client("clients.consentrecord", "privacy.consentwithdrawal"),
    ),
    Activity(
        "erasures",
        "Erasures and legal holds",
        "What is left of an erased client (a tombstone: their number, when, by whom, why and "
        "how many records of each kind went; no name or health data), and the legal holds "
        "that stop an erasure, with their reason.",
        "To show that an erasure was done, to erase again after a backup is restored, and to "
        "keep a record that is needed for a legal claim.",
        "UK GDPR art. 6(1)(c): legal obligation, to show that a request was met (art. 5(2), "
        "art. 17); art. 17(3)(e) and art. 9(2)(f): legal claims, for a legal hold",
        "The clinic admin",
        (*_by_clinic("privacy.tombstone"), *_by_client("privacy.legalhold")),
        periods=(),
        retention_note="Tombstones are kept for good; a legal hold until the clinic admin lifts it",
    ),
)

BY_KEY: dict[str, Activity] = {activity.key: activity for activity in ACTIVITIES}

#: The editable fields of an activity, in the order of the page and the CSV.
EDITABLE = ("purpose", "lawful_basis", "recipients")
