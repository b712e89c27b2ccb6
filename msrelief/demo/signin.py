"""The demo clinic admin signs in as every clinic admin does: password, then a code from an
authenticator app. Their app's secret is published here and in docs/getting-started.md, so
that anyone trying the demo can add it to an app (or compute the code, as the guide shows).
Demo logins only: a real login's secret is made at random on its set-up page."""

from __future__ import annotations

from base64 import b32decode

from django.db import transaction
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from msrelief.accounts import signin_services
from msrelief.accounts.models import User

#: Published on purpose (demo login only), base32 as authenticator apps take it.
DEMO_TOTP_SECRET = "ZPGII4K7VZ2QDHCSX7O72E6ROBQ3DIK3"  # noqa: S105


@transaction.atomic
def give_app(user: User) -> bool:
    """Give ``user`` the demo authenticator app unless they have one; True if given. Recovery
    codes are made as on the set-up page, but not kept: the demo needs none."""
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return False
    device = signin_services.start_enrolment(user)
    device.key = b32decode(DEMO_TOTP_SECRET).hex()
    device.save(update_fields=["key"])
    first = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    signin_services.confirm_enrolment(user, device, first)
    return True
