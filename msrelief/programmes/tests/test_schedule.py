import datetime as dt

import pytest

from msrelief.programmes import schedule

MON = dt.date(2026, 3, 2)  # a Monday
THU = dt.date(2026, 3, 5)


@pytest.mark.parametrize(
    ("start", "weekdays", "weeks", "total", "expected"),
    [
        # Naderi: Monday and Thursday for 6 weeks, from a Monday: 12 sessions
        (MON, [1, 4], 6, None, 12),
        # from a Thursday the first week still has two sessions (Thursday, then Monday)
        (THU, [1, 4], 6, None, 12),
        # Gaballah: three a week for 2 weeks
        (MON, [1, 3, 5], 2, 6, 6),
        # Atashi: 7 sessions in all, whatever the weeks would allow
        (MON, [1, 3, 5], 4, 7, 7),
        # one a week for 10 weeks (Hughes)
        (MON, [2], 10, None, 10),
    ],
)
def test_sessions_fall_on_the_chosen_weekdays_for_the_weeks_of_the_programme(
    start, weekdays, weeks, total, expected
):
    days = schedule.session_dates(start, weekdays, weeks, total)
    assert len(days) == expected
    assert all(day.isoweekday() in weekdays for day in days)
    assert days == sorted(days) and len(set(days)) == len(days)
    assert days[0] >= start and days[-1] < start + dt.timedelta(weeks=weeks)


def test_the_start_day_itself_is_a_session_when_it_is_one_of_the_weekdays():
    assert schedule.session_dates(THU, [4], 1) == [THU]
    assert schedule.session_dates(THU, [1], 1) == [dt.date(2026, 3, 9)]


@pytest.mark.parametrize(
    ("week", "due"),
    [(0, MON), (3, dt.date(2026, 3, 23)), (6, dt.date(2026, 4, 13)), (22, dt.date(2026, 8, 3))],
)
def test_a_time_point_is_due_whole_weeks_after_the_start(week, due):
    assert schedule.due_date(MON, week) == due


AT_10 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("start", "minutes", "other_start", "other_minutes", "clash"),
    [
        (AT_10, 50, AT_10, 50, True),  # the same time
        (AT_10, 50, AT_10 + dt.timedelta(minutes=30), 50, True),  # starts inside
        (AT_10 + dt.timedelta(minutes=30), 50, AT_10, 50, True),  # the other way round
        (AT_10, 50, AT_10 + dt.timedelta(minutes=50), 30, False),  # starts as this one ends
        (AT_10 + dt.timedelta(minutes=50), 30, AT_10, 50, False),
        (AT_10, 120, AT_10 + dt.timedelta(minutes=10), 10, True),  # inside a long session
        (AT_10, 50, AT_10 + dt.timedelta(days=1), 50, False),  # another day
    ],
)
def test_two_sessions_clash_only_when_they_share_a_moment(
    start, minutes, other_start, other_minutes, clash
):
    assert schedule.overlaps(start, minutes, other_start, other_minutes) is clash
