"""The per-address rate limit of the public POST endpoints (msrelief.core.ratelimit)."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from msrelief.core.ratelimit import client_address
from msrelief.lib.proxies import parse_networks


@pytest.fixture
def strict(settings):
    """A limit of 2 a minute, with the clock held 10 s into a minute: the limiter counts in
    fixed one-minute windows, so a test's requests on either side of a minute's turn would
    otherwise be counted in two windows."""
    cache.clear()
    settings.PUBLIC_POSTS_PER_MINUTE = 2
    with time_machine.travel(dt.datetime(2026, 1, 5, 9, 30, 10, tzinfo=dt.UTC), tick=False):
        yield settings


def _address(settings, proxies=(), **meta):
    settings.TRUSTED_PROXIES = parse_networks(proxies)
    return client_address(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_address_is_remote_addr_whatever_is_forwarded(settings):
    forged = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert _address(settings, **forged) == "203.0.113.9"


def test_behind_a_trusted_proxy_the_address_is_the_last_one_it_appended(settings):
    meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.9"}
    assert _address(settings, proxies=["10.0.0.0/8"], **meta) == "203.0.113.9"
    assert _address(settings, proxies=["10.0.0.0/8", "203.0.113.9"], **meta) == "198.51.100.1"


def test_ipv6_addresses_count_per_64_network_and_garbage_counts_as_unknown(settings):
    assert _address(settings, REMOTE_ADDR="2001:db8:1:2:aaaa::1") == "2001:db8:1:2::"
    meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "<script>"}
    assert _address(settings, proxies=["10.0.0.2"], **meta) == "unknown"


def test_login_posts_over_the_limit_get_a_429_with_retry_after(client, db, strict):
    url = reverse("accounts-login")
    codes = [client.post(url, {"username": "a@b.test", "password": "x"}).status_code for _ in "abc"]
    assert codes == [200, 200, 429]
    refused = client.post(url, {"username": "a@b.test", "password": "x"})
    assert refused["Content-Type"].startswith("text/plain")
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.text.startswith("Too many requests from your address")


def test_the_login_page_itself_is_never_limited(client, db, strict):
    assert [client.get(reverse("accounts-login")).status_code for _ in range(4)] == [200] * 4


def test_password_reset_posts_are_limited_separately_from_logins(client, db, strict):
    login, reset = reverse("accounts-login"), reverse("accounts-reset")
    for _ in range(2):
        client.post(login, {"username": "a@b.test", "password": "x"})
    assert client.post(reset, {"email": "a@b.test"}).status_code == 302
    assert client.post(login, {"username": "a@b.test", "password": "x"}).status_code == 429


def test_a_limit_of_0_turns_the_limiter_off(client, db, strict):
    strict.PUBLIC_POSTS_PER_MINUTE = 0
    url = reverse("accounts-login")
    codes = {
        client.post(url, {"username": "a@b.test", "password": "x"}).status_code for _ in "abcd"
    }
    assert codes == {200}
