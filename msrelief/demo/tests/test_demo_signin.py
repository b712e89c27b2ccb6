"""The demo clinic admin signs in with the password and a code from the published demo secret
(msrelief/demo/signin.py, docs/getting-started.md)."""

from base64 import b32decode
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp

from msrelief.demo import data, signin


def test_the_demo_admin_signs_in_with_a_code_from_the_published_secret(client, db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert signin.DEMO_TOTP_SECRET in out.getvalue()
    admin = data.LOGINS[0][0]
    client.post(reverse("accounts-login"), {"username": admin, "password": data.PASSWORD})
    code = f"{totp(b32decode(signin.DEMO_TOTP_SECRET), t0=-30):06d}"  # the next step's code
    done = client.post(reverse("accounts-verify"), {"code": code})
    assert done["Location"] == reverse("clients-dashboard")
    assert client.get(reverse("clients-dashboard")).status_code == 200


def test_loading_the_demo_again_gives_the_admin_no_second_app(db):
    call_command("load_demo", stdout=StringIO())
    assert not data.give_admin_an_app()
