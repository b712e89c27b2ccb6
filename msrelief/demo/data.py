"""Demo data: two clinics (to show that one cannot see the other's clients), about twelve
clients who are entirely fictional, months of their questionnaire results (histories.py), a
client login for the client portal ("Your page", /me/) with two weeks of a symptom diary
(diary.py), and three clients in care programmes from the trials (programmes.py, which loads
the evidence base and its templates first). Created through the same services as real data,
so the demo also has an audit trail."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from msrelief.accounts import services as accounts
from msrelief.accounts.models import Clinic, Role, User
from msrelief.clients import services as clients
from msrelief.clients.models import Client
from msrelief.demo import diary, histories, intake, programmes, reminders, signin
from msrelief.instruments import services as measures

PASSWORD = "demo-password-2026"  # noqa: S105  (published on purpose: demo logins only)
LOGINS = (
    ("admin@demo.msrelief.test", "clinic admin, Harbour Street Clinic"),
    ("therapist@demo.msrelief.test", "therapist, Harbour Street Clinic"),
    ("therapist@other.msrelief.test", "therapist, Hillside Practice (the other clinic)"),
    ("ana@demo.msrelief.test", "client (a person with MS), Ana Demo-Rowan: her own page at /me/"),
)
CLIENT_LOGIN = LOGINS[3][0]
# Consent comes before the first questionnaire of any course in histories.py.
CONSENTED_DAYS_AGO = 240

# name, birth year, sex, phenotype, diagnosis year, EDSS, DMT (a clients.Drug code), other
# medicines; the rest of each client's history is in intake.py
DemoClient = tuple[str, int, str, str, int | None, str | None, str, list[str]]
CLIENTS: tuple[DemoClient, ...] = (
    ("Ana Demo-Rowan", 1979, "female", "RRMS", 2012, "2.5", "ocrelizumab", ["vitamin D"]),
    ("B. Demo-Hale", 1968, "male", "SPMS", 2001, "6.0", "", ["baclofen", "gabapentin"]),
    ("C. Demo-Ishida", 1990, "female", "RRMS", 2019, "1.5", "dimethyl_fumarate", []),
    ("D. Demo-Okafor", 1972, "female", "PPMS", 2015, "4.5", "ocrelizumab", ["fampridine"]),
    ("E. Demo-Lindqvist", 1985, "male", "CIS", 2024, None, "", []),
    ("F. Demo-Marsh", 1961, "female", "SPMS", 1996, "6.5", "", ["tizanidine", "amitriptyline"]),
    ("G. Demo-Pereira", 1994, "other", "RRMS", 2021, "2.0", "natalizumab", []),
    ("H. Demo-Quinn", 1976, "female", "RRMS", 2008, "3.0", "teriflunomide", ["modafinil"]),
    ("J. Demo-Sato", 1982, "not_stated", "unknown", None, None, "", []),
    ("K. Demo-Tembo", 1970, "male", "PPMS", 2018, "5.5", "", ["oxybutynin"]),
    ("L. Demo-Varga", 1988, "female", "RRMS", 2016, "1.0", "ofatumumab", ["vitamin D"]),
)
OTHER_CLINIC_CLIENTS: tuple[DemoClient, ...] = (
    ("M. Demo-Hillside", 1980, "female", "RRMS", 2014, "2.0", "", []),
)


@transaction.atomic
def load() -> bool:
    """Create the demo data unless it is there already; True if anything was created."""
    if Clinic.objects.filter(name="Harbour Street Clinic (demo)").exists():
        return False
    harbour = Clinic.objects.create(name="Harbour Street Clinic (demo)")
    hillside = Clinic.objects.create(name="Hillside Practice (demo)")
    admin = _user(LOGINS[0][0], "Alex Admin (demo)", harbour, Role.CLINIC_ADMIN)
    therapist = _user(LOGINS[1][0], "Tess Therapist (demo)", harbour, Role.THERAPIST)
    other = _user(LOGINS[2][0], "Olu Outsider (demo)", hillside, Role.THERAPIST)
    made = [
        _client(admin if index % 3 == 0 else therapist, row) for index, row in enumerate(CLIENTS)
    ]
    made += [_client(other, row) for row in OTHER_CLINIC_CLIENTS]
    histories.enter_courses({harbour.pk: therapist, hillside.pk: other}, made)
    login = _client_login(admin, therapist, made[0])
    diary.load(therapist, made[0], login)
    programmes.load(therapist, made)
    reminders.load(therapist, made)
    give_admin_an_app()
    return True


def give_admin_an_app() -> bool:
    """The demo admin's authenticator app (msrelief/demo/signin.py); also given to a demo
    database made before admins signed in with two factors. True if given now."""
    admin = User.objects.filter(email=LOGINS[0][0]).first()
    return admin is not None and signin.give_app(admin)


def has_client_login() -> bool:
    """False for a database whose demo data was made before the demo had a client login."""
    return User.objects.filter(email=CLIENT_LOGIN).exists()


def _user(email: str, name: str, clinic: Clinic, role: Role) -> User:
    return User.objects.create_user(email, PASSWORD, full_name=name, clinic=clinic, role=role)


def _client(actor: User, row: DemoClient) -> Client:
    name, born, sex, phenotype, diagnosed, edss, dmt, medicines = row
    client = clients.create_client(
        actor,
        consented_on=timezone.localdate() - dt.timedelta(days=CONSENTED_DAYS_AGO),
        display_name=name,
        year_of_birth=born,
        sex=sex,
        phenotype=phenotype,
        diagnosis_year=diagnosed,
        edss=Decimal(str(edss)) if edss else None,
        notes="Fictional demo client.",
    )
    intake.enter_history(actor, client, dmt, medicines)
    return client


def _client_login(admin: User, therapist: User, client: Client) -> User:
    """A login for ``client``, who has one questionnaire to start and one half filled in
    (three answers saved from the portal), besides the paper forms of her course."""
    user = accounts.create_user(
        admin,
        email=CLIENT_LOGIN,
        password=PASSWORD,
        clinic=client.clinic,
        role=Role.CLIENT,
        full_name="Ana Demo-Rowan (demo)",
    )
    clients.link_login(admin, client, user)
    measures.assign_instrument(therapist, client, "phq9")
    started, _token = measures.assign_instrument(therapist, client, "gad7")
    measures.save_draft(started, {"1": 1.0, "2": 0.0, "3": 1.0}, user)
    return user
