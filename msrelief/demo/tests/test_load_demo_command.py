from io import StringIO

from django.core.management import call_command

from msrelief.accounts.models import Clinic, User
from msrelief.clients.models import Client
from msrelief.demo import data as demo


def test_load_demo_creates_two_clinics_and_fictional_clients_and_prints_the_logins(db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert Clinic.objects.count() == 2
    assert Client.objects.count() == len(demo.CLIENTS) + len(demo.OTHER_CLINIC_CLIENTS)
    assert all("Demo" in name for name in Client.objects.values_list("display_name", flat=True))
    for email, _role in demo.LOGINS:
        assert email in out.getvalue()
        assert User.objects.get(email=email).check_password(demo.PASSWORD)


def test_running_load_demo_twice_changes_nothing(db):
    call_command("load_demo", stdout=StringIO())
    counts = (Clinic.objects.count(), Client.objects.count(), User.objects.count())
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert (Clinic.objects.count(), Client.objects.count(), User.objects.count()) == counts
    assert "Already present" in out.getvalue()
