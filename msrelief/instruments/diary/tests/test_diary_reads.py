"""diary.reads: the rows of the latest entries and the sparkline series of a daily or a
weekly diary (a slot without a rating is a gap)."""

import datetime as dt

from django.utils import timezone

from msrelief.instruments.diary import reads, services


def on_day(plan, days_ago, answers):
    at = timezone.now() - dt.timedelta(days=days_ago)
    return services.check_in(plan, answers, None, "link", at=at)


def test_rows_are_newest_first_in_the_order_of_the_questions_with_none_for_a_skip(plan):
    on_day(plan, 2, {"nrs-pain": 3.0, "nrs-fatigue": 5.0})
    on_day(plan, 1, {"nrs-stiffness": 8.0})
    rows = reads.recent_rows(plan)
    assert [row.values for row in rows] == [
        (None, None, None, None, 8.0),
        (5.0, 3.0, None, None, None),
    ]


def test_a_daily_sparkline_has_fourteen_days_ending_today_with_gaps(plan):
    for back, pain in ((13, 2.0), (12, 3.0), (5, 6.0), (0, 4.0)):
        on_day(plan, back, {"nrs-pain": pain})
    rows = reads._rows(reads._entries(plan, reads.Q()))
    slots = reads._slots(plan, timezone.localdate())
    assert len(slots) == 14 and slots[-1] == (timezone.localdate(),) * 2
    series = reads._series(rows, slots, column=1)
    assert series == [2.0, 3.0, *[None] * 6, 6.0, *[None] * 4, 4.0]


def test_a_weekly_sparkline_has_a_slot_a_week_holding_that_weeks_latest_entry(plan, therapist):
    services.change_diary(therapist, plan, "weekly", False)
    plan.refresh_from_db()
    on_day(plan, 20, {"nrs-sleep": 4.0})
    on_day(plan, 9, {"nrs-sleep": 5.0})
    on_day(plan, 8, {"nrs-sleep": 7.0})  # the same week as the one before, and later
    section = reads.record_section(plan)
    assert section.period == "the last 14 weeks"
    slots = reads._slots(plan, timezone.localdate())
    assert slots[-1][1] - slots[-1][0] == dt.timedelta(days=6)
    series = reads._series(list(section.rows), slots, column=2)
    assert series[-4:] == [None, 4.0, 7.0, None]  # days 20, 9 and 8 ago; none this week
    assert "2 of 14 weeks rated." in section.lines[2].svg
