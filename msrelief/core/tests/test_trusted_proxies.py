"""The client address behind trusted proxies (msrelief.lib.proxies, MSRELIEF_TRUSTED_PROXIES)."""

import pytest

from msrelief.lib.env import SettingError, env_list
from msrelief.lib.proxies import client_address, parse_networks

PROXIES = parse_networks(["10.0.0.0/8", "127.0.0.1", "::1"])


def _client(remote, forwarded=None, proxies=PROXIES):
    address = client_address(remote, forwarded, proxies)
    return None if address is None else str(address)


def test_a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_it_forwards():
    assert _client("198.51.100.7", "203.0.113.1") == "198.51.100.7"


def test_behind_a_trusted_proxy_the_address_it_appended_is_the_client():
    assert _client("10.1.2.3", "203.0.113.1") == "203.0.113.1"


def test_the_right_most_untrusted_address_wins_and_the_forged_left_part_is_ignored():
    # The client sent "X-Forwarded-For: 192.0.2.66"; two trusted proxies appended after it.
    assert _client("127.0.0.1", "192.0.2.66, 203.0.113.1, 10.9.9.9") == "203.0.113.1"


def test_when_every_hop_is_trusted_the_left_most_is_as_far_back_as_it_goes():
    assert _client("127.0.0.1", "10.0.0.5, 10.0.0.6") == "10.0.0.5"


def test_a_trusted_proxy_without_the_header_is_itself_the_client():
    assert _client("10.0.0.2", None) == "10.0.0.2"
    assert _client("10.0.0.2", "") == "10.0.0.2"


def test_something_that_is_not_an_address_gives_no_address():
    assert _client("10.0.0.2", "<script>") is None
    assert _client("10.0.0.2", "203.0.113.1, , 10.0.0.3") is None
    assert _client("not-an-address") is None
    assert _client(None) is None


def test_ipv6_proxies_and_ipv4_peers_seen_through_a_dual_stack_socket_are_recognised():
    assert _client("::1", "2001:db8::7") == "2001:db8::7"
    assert _client("::ffff:10.0.0.2", "203.0.113.1") == "203.0.113.1"
    assert _client("::ffff:198.51.100.7") == "198.51.100.7"


def test_with_no_trusted_proxies_the_forwarded_header_is_never_believed():
    assert _client("127.0.0.1", "203.0.113.1", proxies=()) == "127.0.0.1"


def test_the_setting_is_empty_by_default_and_takes_addresses_and_networks():
    assert parse_networks(env_list("MSRELIEF_TRUSTED_PROXIES", {})) == ()
    value = env_list("MSRELIEF_TRUSTED_PROXIES", {"MSRELIEF_TRUSTED_PROXIES": "10.0.0.1/8, ::1"})
    assert [str(n) for n in parse_networks(value)] == ["10.0.0.0/8", "::1/128"]


@pytest.mark.parametrize("value", ["1", "proxy.example.org", "10.0.0.0/33"])
def test_a_value_that_is_not_an_address_or_network_is_an_error_naming_the_variable(value):
    with pytest.raises(SettingError, match=f"MSRELIEF_TRUSTED_PROXIES='{value}': list the"):
        parse_networks([value])
