"""Quiet hours (msrelief/lib/quiet_hours.py): reading the setting, and when a reminder may go."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from msrelief.lib.env import SettingError
from msrelief.lib.quiet_hours import parse_quiet_hours

UTC = dt.UTC
LONDON = ZoneInfo("Europe/London")
NIGHT = parse_quiet_hours("MSRELIEF_QUIET_HOURS", "21:00-08:00")


@pytest.mark.parametrize(
    ("moment", "allowed"),
    [
        # GMT: 20:59 is before quiet hours; 21:00 to 07:59 wait for 08:00.
        (
            dt.datetime(2026, 3, 27, 20, 59, tzinfo=UTC),
            dt.datetime(2026, 3, 27, 20, 59, tzinfo=UTC),
        ),
        (dt.datetime(2026, 3, 27, 21, 0, tzinfo=UTC), dt.datetime(2026, 3, 28, 8, 0, tzinfo=UTC)),
        (dt.datetime(2026, 3, 28, 3, 0, tzinfo=UTC), dt.datetime(2026, 3, 28, 8, 0, tzinfo=UTC)),
        # The night the clocks go forward (01:00 UTC, 29 March): 08:00 BST is 07:00 UTC.
        (dt.datetime(2026, 3, 28, 23, 0, tzinfo=UTC), dt.datetime(2026, 3, 29, 7, 0, tzinfo=UTC)),
        (dt.datetime(2026, 3, 29, 6, 59, tzinfo=UTC), dt.datetime(2026, 3, 29, 7, 0, tzinfo=UTC)),
        (dt.datetime(2026, 3, 29, 7, 0, tzinfo=UTC), dt.datetime(2026, 3, 29, 7, 0, tzinfo=UTC)),
        # BST: 20:00 UTC is 21:00 there, already quiet.
        (dt.datetime(2026, 3, 29, 20, 0, tzinfo=UTC), dt.datetime(2026, 3, 30, 7, 0, tzinfo=UTC)),
        # The night the clocks go back (01:00 UTC, 25 October): 08:00 GMT is 08:00 UTC.
        (dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC), dt.datetime(2026, 10, 25, 8, 0, tzinfo=UTC)),
    ],
)
def test_a_moment_in_quiet_hours_waits_for_their_end_in_the_local_time_zone(moment, allowed):
    assert NIGHT.next_allowed(moment, LONDON) == allowed


def test_quiet_hours_within_one_day_and_none_at_all_are_understood():
    day = parse_quiet_hours("X", "12:00-14:00")
    noon = dt.datetime(2026, 7, 1, 12, 30, tzinfo=UTC)  # 13:30 BST
    assert day.next_allowed(noon, LONDON) == dt.datetime(2026, 7, 1, 13, 0, tzinfo=UTC)
    never = parse_quiet_hours("X", "none")
    assert never.next_allowed(noon, LONDON) == noon and never.text == "none"


@pytest.mark.parametrize("value", ["21-08", "25:00-08:00", "21:00 to 08:00", "9pm-8am"])
def test_a_malformed_setting_is_refused_naming_the_variable(value):
    with pytest.raises(SettingError, match=r"MSRELIEF_QUIET_HOURS=.*HH:MM-HH:MM"):
        parse_quiet_hours("MSRELIEF_QUIET_HOURS", value)


def test_the_app_will_not_start_with_malformed_quiet_hours_and_says_which_variable(tmp_path):
    import subprocess
    import sys

    env = {"MSRELIEF_DATA_DIR": str(tmp_path), "MSRELIEF_QUIET_HOURS": "late", "PATH": "/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "msrelief.cli", "check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode != 0
    assert "MSRELIEF_QUIET_HOURS='late': write the quiet hours as HH:MM-HH:MM" in result.stderr
