import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.programmes import services
from msrelief.programmes.models import ProgrammeTemplate

PROTOCOL = {
    "title": "Leg massage for spasticity",
    "technique": "Petrissage of the calves",
    "body_regions": ["lower_leg_left", "lower_leg_right"],
    "minutes_per_session": 30,
    "sessions_per_week": 2,
    "weeks": 4,
    "notes": "",
}
POINTS = [
    {"label": "baseline", "week": 0, "instruments": [{"code": "mas"}]},
    {"label": "end", "week": 4, "instruments": [{"code": "mas"}, {"code": "nrs-stiffness"}]},
]


def test_a_clinic_template_is_version_1_of_the_clinics_own(therapist):
    made = services.create_template(therapist, POINTS, **PROTOCOL)
    assert made.clinic == therapist.clinic and made.version == 1 and made.arm is None
    assert made.key.startswith("leg-massage-for-spasticity-clinic-")
    assert [(p.label, p.week) for p in made.time_points.all()] == [("baseline", 0), ("end", 4)]
    event = AuditEvent.objects.get(event="programme_template.created")
    assert event.actor == therapist and event.clinic == therapist.clinic


def test_a_template_based_on_a_trials_keeps_its_arm(therapist, template):
    made = services.create_template(therapist, POINTS, based_on=template, **PROTOCOL)
    assert made.based_on == template and made.arm_id == template.arm_id


def test_two_templates_with_one_title_get_different_keys(therapist):
    first = services.create_template(therapist, POINTS, **PROTOCOL)
    second = services.create_template(therapist, POINTS, **PROTOCOL)
    assert first.key != second.key


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": " "}, "title"),
        ({"weeks": None}, "weeks"),
        ({"minutes_per_session": None}, "minutes_per_session"),
        ({"sessions_per_week": None}, "sessions_per_week"),
        ({"body_regions": ["wings"]}, "body_regions"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_a_template_missing_its_protocol_is_refused_naming_the_field(therapist, change, field):
    with pytest.raises(ValidationError) as error:
        services.create_template(therapist, POINTS, **{**PROTOCOL, **change})
    assert field in error.value.message_dict
    assert not ProgrammeTemplate.objects.exists()


def test_a_time_point_with_an_unknown_instrument_or_a_far_week_is_refused(therapist):
    bad = [{"label": "end", "week": 90, "instruments": [{"code": "nonsense"}]}]
    with pytest.raises(ValidationError) as error:
        services.create_template(therapist, bad, **PROTOCOL)
    assert set(error.value.message_dict) >= {"end_week", "end_instruments"}


def test_a_client_login_cannot_make_a_template(person_with_ms):
    with pytest.raises(PermissionDenied):
        services.create_template(person_with_ms, POINTS, **PROTOCOL)
