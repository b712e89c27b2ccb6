"""The request id and the client address that a request's audit events carry
(msrelief.audit.middleware)."""

from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.lib.proxies import parse_networks


def _failed_login(client, **meta):
    response = client.post(
        reverse("accounts-login"), {"username": "nobody@example.test", "password": "x"}, **meta
    )
    return response, AuditEvent.objects.get(event="auth.login_failed")


def test_an_event_carries_the_request_id_sent_to_the_browser(client, db):
    response, event = _failed_login(client)
    assert event.request_id == response["X-Request-ID"]


def test_without_trusted_proxies_the_address_is_the_connections_even_if_forwarded(client, db):
    _, event = _failed_login(client, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.66")
    assert event.remote_addr == "10.0.0.2"


def test_behind_a_trusted_proxy_the_address_is_the_one_it_forwarded(client, db, settings):
    settings.TRUSTED_PROXIES = parse_networks(["10.0.0.0/8"])
    forwarded = "192.0.2.66, 203.0.113.5"  # the client forged the first one
    _, event = _failed_login(client, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert event.remote_addr == "203.0.113.5"


def test_a_forwarded_value_that_is_not_an_address_leaves_the_address_empty(client, db, settings):
    settings.TRUSTED_PROXIES = parse_networks(["10.0.0.0/8"])
    _, event = _failed_login(client, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="<script>")
    assert event.remote_addr is None
