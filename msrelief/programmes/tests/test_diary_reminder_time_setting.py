"""MSRELIEF_DIARY_REMINDER_TIME (msrelief/lib/quiet_hours.parse_time_of_day): the time of day
of the symptom diary's reminder, read from the environment."""

import datetime as dt

import pytest

from msrelief.lib.env import SettingError
from msrelief.lib.quiet_hours import parse_time_of_day

NAME = "MSRELIEF_DIARY_REMINDER_TIME"


@pytest.mark.parametrize(
    ("value", "time"),
    [("18:00", dt.time(18, 0)), (" 7:30 ", dt.time(7, 30)), ("23:59", dt.time(23, 59))],
)
def test_a_time_on_the_24_hour_clock_is_read(value, time):
    assert parse_time_of_day(NAME, value) == time


@pytest.mark.parametrize("value", ["", "18", "24:00", "6pm", "18:60", "18.00"])
def test_anything_else_is_refused_naming_the_variable(value):
    with pytest.raises(SettingError, match=rf"{NAME}=.*HH:MM"):
        parse_time_of_day(NAME, value)


def test_the_default_is_six_in_the_evening(settings):
    from msrelief.lib.env import env_str

    assert parse_time_of_day(NAME, env_str(NAME, {})) == dt.time(18, 0)
