"""Where passkeys are valid (msrelief/lib/passkeys.py): the relying party id and origins follow
MSRELIEF_BASE_URL unless MSRELIEF_PASSKEY_RP_ID / MSRELIEF_PASSKEY_ORIGINS are set, an address
that cannot carry passkeys leaves them off, and a value that cannot work stops msrelief
starting with a message naming it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from msrelief.lib.env import SettingError
from msrelief.lib.passkeys import RelyingParty, configured

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        (
            "https://clinic.example.org",
            RelyingParty("clinic.example.org", ("https://clinic.example.org",)),
        ),
        (
            "https://Clinic.Example.org:8443/msrelief/",
            RelyingParty("clinic.example.org", ("https://clinic.example.org:8443",)),
        ),
        ("http://127.0.0.1:8000", RelyingParty("localhost", ("http://localhost:8000",))),
        ("http://[::1]:8000", RelyingParty("localhost", ("http://localhost:8000",))),
        ("http://localhost:8000", RelyingParty("localhost", ("http://localhost:8000",))),
    ],
)
def test_the_relying_party_follows_the_base_url_by_default(base_url, expected):
    assert configured(base_url, "", []) == expected
    assert expected.enabled


@pytest.mark.parametrize(
    "base_url", ["http://clinic.example.org", "https://192.0.2.10", "http://10.1.2.3:8000", ""]
)
def test_a_base_url_that_cannot_carry_passkeys_leaves_them_off(base_url):
    relying_party = configured(base_url, "", [])
    assert not relying_party.enabled
    assert relying_party.origins == ()


def test_an_rp_id_may_be_the_parent_domain_of_the_base_url():
    assert configured("https://msrelief.clinic.example.org", "clinic.example.org", []) == (
        RelyingParty("clinic.example.org", ("https://msrelief.clinic.example.org",))
    )


def test_origins_may_be_given_with_the_rp_id_they_sit_under():
    chosen = configured(
        "http://10.1.2.3",
        "clinic.example.org",
        ["https://clinic.example.org", "https://staff.clinic.example.org:8443/"],
    )
    assert chosen == RelyingParty(
        "clinic.example.org",
        ("https://clinic.example.org", "https://staff.clinic.example.org:8443"),
    )


@pytest.mark.parametrize(
    ("rp_id", "origins", "message"),
    [
        ("192.0.2.10", [], r"MSRELIEF_PASSKEY_RP_ID='192.0.2.10': give a host name"),
        ("https://clinic.example.org", [], r"MSRELIEF_PASSKEY_RP_ID=.*no scheme, port or path"),
        ("other.example.net", [], r"MSRELIEF_PASSKEY_RP_ID='other.example.net' does not cover"),
        ("", ["http://clinic.example.org"], r"MSRELIEF_PASSKEY_ORIGINS has 'http://clinic"),
        ("", ["https://clinic.example.org/login"], r"MSRELIEF_PASSKEY_ORIGINS has .*no path"),
        ("", ["https://evil.example.net"], r"whose host is not clinic.example.org or under it"),
    ],
)
def test_a_value_that_cannot_work_is_refused_naming_its_variable(rp_id, origins, message):
    with pytest.raises(SettingError, match=message):
        configured("https://clinic.example.org", rp_id, origins)


def test_origins_without_a_host_name_to_bind_to_are_refused():
    with pytest.raises(SettingError, match=r"set MSRELIEF_PASSKEY_RP_ID too"):
        configured("http://10.1.2.3", "", ["https://clinic.example.org"])


def test_msrelief_does_not_start_with_a_passkey_setting_that_cannot_work(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSRELIEF_")}
    env.update(MSRELIEF_DATA_DIR=str(tmp_path), MSRELIEF_PASSKEY_RP_ID="10.0.0.1")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-c", "from msrelief.cli import main; main(['msrelief', 'check'])"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "msrelief: a setting cannot be used: MSRELIEF_PASSKEY_RP_ID='10.0.0.1': give a host "
        "name such as clinic.example.org (no scheme, port or path; browsers bind passkeys to a "
        "name, never to an IP address)"
    ]
