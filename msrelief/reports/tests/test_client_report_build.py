"""``client_report.build``: what both client reports gather, from the progress builder and the
records (adverse events, safety signals and their handling, adherence, history, versions)."""

from __future__ import annotations

import datetime as dt

import pytest

from msrelief.privacy import services as privacy
from msrelief.programmes.tests.factories import today
from msrelief.reports.client_report.build import build
from msrelief.reports.client_report.plain import plain_score
from msrelief.reports.tests.progress_setup import enter
from msrelief.reports.tests.report_setup import full_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(therapist, ms_client):
    full_record(therapist, ms_client)
    return build(ms_client, svg=False)


def test_each_score_has_its_baseline_and_latest_value_with_their_bands(report):
    fss = next(line for line in report.scores if line.construct.code == "fss")
    assert (fss.baseline[1], fss.latest[1]) == (6.0, 4.0)
    assert fss.baseline_band == fss.latest_band == "4 or above: substantial fatigue"
    assert fss.view.label == "improved"
    assert fss.view.rci_text.startswith("RCI -2.02") and "MCID 0.45 points" in fss.view.mcid_text


def test_a_score_given_once_is_not_repeated_nor_judged(report):
    phq9 = next(line for line in report.scores if line.construct.code == "phq9")
    assert not phq9.repeated
    assert phq9.view.label == "no judgement (one score only)"
    assert plain_score(phq9).verdict == "Only one score so far"


def test_the_adverse_event_comes_with_its_action_and_its_flag_still_new(report):
    (event,) = report.adverse_events
    assert (event.kind, event.action_taken) == ("Bruising", "Ice pack.")
    assert event.severity.startswith("Mild")
    assert event.handling is not None and event.handling.state.startswith("New")


def test_a_safety_signal_says_what_was_done_about_it_and_adverse_flags_are_not_repeated(report):
    (signal,) = report.signals
    assert signal.source == "A questionnaire answer" and "Item 9" in signal.message
    handled = signal.handling
    assert handled.state == "Resolved"
    assert handled.acknowledgement == "Phoned the client the same day."
    assert handled.resolution == "Referred to the GP, who saw them."


def test_adherence_counts_attended_of_planned_sessions_and_the_questionnaires_sent(report):
    (programme,) = report.programmes
    assert programme.adherence.attended == report.adherence.attended == 2
    assert report.adherence.planned >= 2
    sent = report.questionnaires
    assert sent.sent == sent.completed + sent.open and sent.sent >= 1


def test_the_relapse_and_the_ongoing_dmt_of_the_period_are_listed(report):
    texts = [line.text for line in report.history]
    assert "Relapse began (recovery not known)" in texts
    assert "DMT: Ocrelizumab (Ocrevus), from 10 Jan 2024, still taking it" in texts


def test_a_dmt_stopped_before_the_period_is_left_out(therapist, ms_client):
    from msrelief.clients import history_services

    enter(therapist, ms_client, "fss", [6, 5])
    history_services.add_entry(
        therapist, ms_client, "dmt",
        {"drug": "ocrelizumab", "started": dt.date(2019, 1, 1), "stopped": dt.date(2020, 1, 1)},
    )  # fmt: skip
    assert build(ms_client, svg=False).history == ()


def test_the_report_names_every_instrument_and_scoring_version_the_clinic_and_the_date(report):
    assert ("Fatigue Severity Scale (FSS)", "1.0", "fss@1.0/scoring-1") in report.versions
    assert any(scoring.startswith("phq9@") for _, _, scoring in report.versions)
    assert report.clinic == "Harbour Street Clinic" and report.therapist
    assert report.made_on == today() and report.software.startswith("msrelief ")
    assert report.period is not None and report.period[1] == today()


def test_a_record_with_nothing_yet_has_no_period_and_empty_sections(ms_client):
    empty = build(ms_client, svg=False)
    assert empty.period is None and empty.scores == () and empty.history == ()
    assert (empty.adherence.planned, empty.questionnaires.sent) == (0, 0)


def test_a_restricted_record_is_still_reported_and_says_it_is_restricted(therapist, ms_client):
    enter(therapist, ms_client, "fss", [6, 5])
    privacy.restrict_processing(therapist, ms_client)
    ms_client.refresh_from_db()
    assert build(ms_client, svg=False).restriction.startswith("processing is restricted since")


def test_a_note_signed_without_a_go_ahead_is_listed_with_its_reason(therapist, ms_client):
    from msrelief.programmes import services as programmes

    made = full_record(therapist, ms_client)
    session = made["enrolment"].sessions.order_by("starts_at").first()
    programmes.save_note(
        therapist, session, {"subjective": "Legs heavy.", "techniques": ["effleurage"]}, sign=True
    )
    [line] = build(ms_client).without_go_ahead
    assert line.on == session.local_date and line.version == 1
    assert line.why == "Screen the client before the session."
