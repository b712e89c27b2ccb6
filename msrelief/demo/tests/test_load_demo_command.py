from io import StringIO

from django.core.management import call_command

from msrelief.accounts.models import Clinic, User
from msrelief.audit.models import AuditEvent
from msrelief.clients.models import Client
from msrelief.demo import data as demo
from msrelief.instruments.models import Administration, Response, Score


def everything():
    """What the demo holds, row by row, to compare one load with another."""
    return {
        "clinics": list(Clinic.objects.values_list("name").order_by("pk")),
        "users": list(User.objects.values_list("email", "role", "clinic__name").order_by("pk")),
        "clients": list(Client.objects.values_list("display_name", "user__email").order_by("pk")),
        "responses": list(
            Response.objects.values_list(
                "client__display_name", "instrument_code", "submitted_at", "answers"
            ).order_by("pk")
        ),
        "scores": list(Score.objects.values_list("response_id", "total").order_by("pk")),
        "administrations": list(
            Administration.objects.values_list("instrument_code", "status", "draft").order_by("pk")
        ),
        "audit events": AuditEvent.objects.count(),
    }


def test_load_demo_creates_two_clinics_and_fictional_clients_and_prints_the_logins(db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert Clinic.objects.count() == 2
    assert Client.objects.count() == len(demo.CLIENTS) + len(demo.OTHER_CLINIC_CLIENTS)
    assert all("Demo" in name for name in Client.objects.values_list("display_name", flat=True))
    for email, _role in demo.LOGINS:
        assert email in out.getvalue()
        assert User.objects.get(email=email).check_password(demo.PASSWORD)
    assert "older" not in out.getvalue()


def test_running_load_demo_twice_changes_nothing(db):
    call_command("load_demo", stdout=StringIO())
    first = everything()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert everything() == first
    assert first["responses"] and first["administrations"]
    assert "Already present" in out.getvalue()


def test_a_database_with_an_older_demo_is_left_alone_and_the_output_says_how_to_renew_it(db):
    call_command("load_demo", stdout=StringIO())
    # As the demo was before it had a client login (renamed: a login with audit events is never
    # deleted, docs/security.md).
    User.objects.filter(email=demo.CLIENT_LOGIN).update(email="ana-before@demo.msrelief.test")
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert not User.objects.filter(email=demo.CLIENT_LOGIN).exists()
    assert "make clean && make demo" in out.getvalue()
