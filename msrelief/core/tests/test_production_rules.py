"""msrelief.lib.production.unsafe_settings(): the one list of production rules, on plain values
(the refusal and the deploy check that use it are tested in their own files)."""

from dataclasses import replace

import pytest

from msrelief.lib.production import Configuration, is_local_host, refusal_message, unsafe_settings

GOOD = Configuration(
    debug=False,
    secret_key="k" * 60,
    development_secret_key="the-development-key",
    allowed_hosts=["msrelief.example.org"],
    email_backend="django.core.mail.backends.smtp.EmailBackend",
    base_url="https://msrelief.example.org",
)


def ids(config: Configuration) -> list[str]:
    return [problem.id for problem in unsafe_settings(config)]


def test_a_good_configuration_has_no_problems():
    assert unsafe_settings(GOOD) == []


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "LOCALHOST.",
        "app.localhost",
        "127.0.0.1",
        "127.8.9.10",
        "[::1]",
        "::1",
        "0.0.0.0",  # noqa: S104  (a host name to classify, not an address to bind)
    ],
)
def test_names_and_addresses_of_this_machine_are_local(host):
    assert is_local_host(host)


@pytest.mark.parametrize(
    "host", ["msrelief.example.org", "10.1.2.3", "[2001:db8::1]", "localhost.org"]
)
def test_other_hosts_are_not_local(host):
    assert not is_local_host(host)


def test_the_development_key_is_refused_even_when_it_is_long():
    config = replace(GOOD, secret_key="d" * 80, development_secret_key="d" * 80)
    assert ids(config) == ["msrelief.E002"]


def test_a_public_host_next_to_local_ones_is_enough():
    assert ids(replace(GOOD, allowed_hosts=["localhost", "msrelief.example.org"])) == []


def test_a_base_url_with_a_port_and_path_on_a_public_host_is_accepted():
    assert ids(replace(GOOD, base_url="https://msrelief.example.org:8443/clinic")) == []


def test_an_unparseable_base_url_is_refused_not_raised():
    assert ids(replace(GOOD, base_url="https://[not-closed")) == ["msrelief.E006"]


def test_an_http_url_at_localhost_breaks_both_base_url_rules():
    assert ids(replace(GOOD, base_url="http://localhost:8000")) == [
        "msrelief.E006",
        "msrelief.E007",
    ]


def test_the_refusal_names_each_problem_with_its_fix():
    problems = unsafe_settings(replace(GOOD, debug=True))
    message = refusal_message(problems)
    assert message.splitlines()[0].endswith("(1 unsafe setting):")
    assert "msrelief.E001: DEBUG is on" in message
    assert "Unset MSRELIEF_DEBUG" in message
