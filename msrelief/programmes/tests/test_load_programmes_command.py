from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from msrelief.audit.models import AuditEvent
from msrelief.evidence.models import Arm, ArmKind, StudyKind
from msrelief.programmes import seeding
from msrelief.programmes.models import ProgrammeTemplate, TimePoint

PROTOCOL = ("minutes_per_session", "sessions_per_week", "weeks", "sessions_total")


def reports_a_protocol(arm):
    return any(getattr(arm, name) is not None for name in PROTOCOL)


def test_every_intervention_arm_of_a_trial_that_reports_a_protocol_has_a_template(trials):
    wanted = {
        (arm.study.key, arm.name)
        for arm in Arm.objects.select_related("study").filter(
            kind=ArmKind.INTERVENTION, study__kind=StudyKind.TRIAL
        )
        if reports_a_protocol(arm)
    }
    made = set(ProgrammeTemplate.objects.values_list("arm__study__key", "arm__name"))
    assert wanted and made == wanted


def test_a_templates_protocol_is_the_arms_and_what_the_trial_did_not_report_stays_empty(trials):
    for template in ProgrammeTemplate.objects.select_related("arm"):
        arm = template.arm
        for name in PROTOCOL:
            value = getattr(arm, name)
            assert getattr(template, name) == (None if value is None else int(value)), name
        assert template.technique == arm.technique
        assert template.clinic_id is None and template.version == 1


@pytest.mark.parametrize(
    ("study", "minutes", "per_week", "weeks", "total"),
    [
        ("naderi2024", 50, 2, 6, 12),
        ("gaballah2023", 20, 3, 2, 6),
        ("schroeder2014", 45, 2, 4, None),  # the trial's total was not reported
    ],
)
def test_the_three_named_trials_have_their_programmes(
    trials, study, minutes, per_week, weeks, total
):
    template = ProgrammeTemplate.objects.get(arm__study__key=study)
    assert (
        template.minutes_per_session,
        template.sessions_per_week,
        template.weeks,
        template.sessions_total,
    ) == (minutes, per_week, weeks, total)
    assert template.time_points.filter(label="baseline", week=0).exists()
    assert template.time_points.filter(label="end", week=weeks).exists()


def test_gaballahs_unreported_body_regions_stay_empty_and_say_not_reported(
    trials, client, therapist
):
    template = ProgrammeTemplate.objects.get(arm__study__key="gaballah2023")
    assert template.body_regions == [] and template.body_regions_text == ""
    client.force_login(therapist)
    page = client.get(f"/programmes/templates/{template.pk}/").text
    assert "Not reported by the trial." in page
    assert f"/evidence/studies/{template.arm.study.key}/" in page


def test_an_instrument_that_stands_in_for_the_trials_is_marked_with_a_reason(trials):
    naderi = ProgrammeTemplate.objects.get(arm__study__key="naderi2024")
    baseline = naderi.time_points.get(label="baseline")
    by_code = {entry["code"]: entry for entry in baseline.instruments}
    assert by_code["dass21"]["substitute"] is True
    assert "21- or 42-item" in by_code["dass21"]["note"]
    assert by_code["fss"]["substitute"] is False


def test_running_the_load_twice_changes_nothing_and_each_template_is_audited_once(trials):
    before = list(ProgrammeTemplate.objects.values_list("key", "version"))
    points = TimePoint.objects.count()
    out = StringIO()
    call_command("load_programmes", stdout=out)
    assert "All the programme templates from the trials are present." in out.getvalue()
    assert list(ProgrammeTemplate.objects.values_list("key", "version")) == before
    assert TimePoint.objects.count() == points
    events = AuditEvent.objects.filter(event="programme_template.created")
    assert events.count() == len(before)
    assert all(event.changes == {"source": "seed"} and event.actor is None for event in events)


def test_without_the_evidence_base_the_command_fails_with_one_line_saying_what_to_do(db):
    with pytest.raises(CommandError) as error:
        call_command("load_programmes", stdout=StringIO())
    assert "load-evidence" in str(error.value)
    assert not ProgrammeTemplate.objects.exists()


def test_the_seed_file_names_only_known_instruments_regions_and_time_points():
    entries = seeding.entries()
    assert len(entries) >= 3
    for entry in entries:
        assert entry.title and entry.study and entry.arm
        for point in entry.time_points:
            for measure in point["instruments"]:
                assert measure["code"] or measure["note"], entry.key
                assert not measure["substitute"] or measure["note"], entry.key
