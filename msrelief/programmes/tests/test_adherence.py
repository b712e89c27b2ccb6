import datetime as dt

import pytest

from msrelief.programmes.adherence import (
    NONE,
    Adherence,
    MeasureRow,
    SessionRow,
    adherence,
    combined,
)

TODAY = dt.date(2026, 3, 10)
PAST, FUTURE = dt.date(2026, 3, 2), dt.date(2026, 3, 20)


def S(on, status, by=""):
    return SessionRow(on, status, by)


@pytest.mark.parametrize(
    ("sessions", "attended", "planned"),
    [
        ([], 0, 0),
        ([S(PAST, "attended"), S(PAST, "attended")], 2, 2),
        # a no-show and a session the client cancelled count against attendance
        ([S(PAST, "attended"), S(PAST, "no_show"), S(PAST, "cancelled", "client")], 1, 3),
        # a session the clinic cancelled is not counted at all
        ([S(PAST, "attended"), S(PAST, "cancelled", "clinic")], 1, 1),
        # a later session is not planned yet; one today is
        ([S(FUTURE, "planned"), S(TODAY, "planned"), S(PAST, "attended")], 1, 2),
        # a past session nobody recorded is planned and not attended
        ([S(PAST, "planned")], 0, 1),
    ],
)
def test_sessions_attended_of_sessions_planned(sessions, attended, planned):
    result = adherence(sessions, [], TODAY)
    assert (result.attended, result.planned) == (attended, planned)


@pytest.mark.parametrize(
    ("measures", "completed", "scheduled"),
    [
        ([], 0, 0),
        ([MeasureRow(PAST, "completed"), MeasureRow(PAST, "pending")], 1, 2),
        ([MeasureRow(PAST, "in_progress")], 0, 1),
        # a cancelled questionnaire is not counted
        ([MeasureRow(PAST, "cancelled"), MeasureRow(PAST, "completed")], 1, 1),
        # one due later is not counted, unless it was completed early
        ([MeasureRow(FUTURE, "pending"), MeasureRow(FUTURE, "completed")], 1, 1),
        ([MeasureRow(TODAY, "pending")], 0, 1),
    ],
)
def test_measures_completed_of_measures_scheduled(measures, completed, scheduled):
    result = adherence([], measures, TODAY)
    assert (result.completed, result.scheduled) == (completed, scheduled)


@pytest.mark.parametrize(
    ("part", "whole", "percent"),
    [(0, 0, None), (0, 4, 0), (1, 3, 33), (2, 3, 67), (1, 8, 13), (3, 8, 38), (4, 4, 100)],
)
def test_percentages_are_whole_rounded_half_up_and_absent_when_nothing_is_due(part, whole, percent):
    result = Adherence(part, whole, part, whole)
    assert result.session_percent == percent
    assert result.measure_percent == percent


def test_a_clients_adherence_adds_the_counts_of_their_programmes_not_their_percentages():
    short = Adherence(attended=2, planned=2, completed=0, scheduled=1)  # 100 %
    long = Adherence(attended=3, planned=12, completed=4, scheduled=4)  # 25 %
    total = combined([short, long])
    assert total == Adherence(5, 14, 4, 5)
    assert total.session_percent == 36  # not the 62 % an average of percentages would say
    assert combined([]) == NONE
