"""The Django admin site is for staff users: the matrix shows every persona (none is staff)
sent to its login; a staff user gets its pages."""

from __future__ import annotations

import pytest
from django.test import Client

from msrelief.core.tests.authz.factory import World

pytestmark = pytest.mark.django_db


def test_a_staff_superuser_gets_the_admin_sites_pages(world: World) -> None:
    browser = Client()
    browser.force_login(world.superuser)
    assert browser.get("/admin/").status_code == 200
    assert browser.get(f"/admin/accounts/user/{world.a.therapist.pk}/change/").status_code == 200


def test_a_clinic_admin_without_is_staff_is_sent_to_the_admin_login(world: World) -> None:
    browser = Client()
    browser.force_login(world.a.admin)
    response = browser.get("/admin/accounts/user/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
