import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.clients import history_services as history
from msrelief.clients.models import Condition, DmtPeriod, Relapse

DAY = dt.date(2026, 11, 1)


def test_a_relapse_with_its_steroid_course_is_added_and_audited_without_its_values(
    ms_client, therapist
):
    relapse = history.add_entry(
        therapist,
        ms_client,
        "relapse",
        {
            "onset": DAY,
            "steroid_start": DAY,
            "steroid_end": DAY + dt.timedelta(days=4),
            "recovery": "partial",
        },
    )
    assert Relapse.objects.get() == relapse
    event = AuditEvent.objects.get(event="history.added")
    assert event.client_ref == ms_client.pk
    assert event.changes == {
        "kind": "relapse",
        "fields": ["onset", "recovery", "steroid_end", "steroid_start"],
    }
    assert "2026" not in str(event.changes) and "partial" not in str(event.changes)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (
            {"onset": DAY, "steroid_start": DAY, "steroid_end": DAY - dt.timedelta(days=1)},
            "steroid_end",
        ),
        ({"onset": DAY, "steroid_end": DAY}, "steroid_start"),
        ({"onset": DAY, "steroid_start": DAY - dt.timedelta(days=3)}, "steroid_start"),
        ({"onset": dt.date(2999, 1, 1)}, "onset"),
    ],
)
def test_a_relapse_with_dates_out_of_order_is_refused_naming_the_field(
    ms_client, therapist, fields, field
):
    with pytest.raises(ValidationError) as error:
        history.add_entry(therapist, ms_client, "relapse", fields)
    assert field in error.value.message_dict
    assert not Relapse.objects.exists()
    assert not AuditEvent.objects.filter(event="history.added").exists()


def test_another_dmt_needs_its_name_and_a_listed_one_must_not_have_one(ms_client, therapist):
    with pytest.raises(ValidationError) as error:
        history.add_entry(therapist, ms_client, "dmt", {"drug": "other"})
    assert "drug_other" in error.value.message_dict
    with pytest.raises(ValidationError):
        history.add_entry(therapist, ms_client, "dmt", {"drug": "ocrelizumab", "drug_other": "x"})
    period = history.add_entry(
        therapist, ms_client, "dmt", {"drug": "ocrelizumab", "route": "infusion", "last_dose": DAY}
    )
    assert str(period) == "Ocrelizumab (Ocrevus)"


def test_body_regions_come_from_the_controlled_list_and_only_where_a_condition_has_a_place(
    ms_client, therapist
):
    with pytest.raises(ValidationError) as error:
        history.add_entry(
            therapist, ms_client, "condition", {"kind": "sensory_loss", "areas": ["toe"]}
        )
    assert "Unknown body regions: toe" in str(error.value)
    with pytest.raises(ValidationError):
        history.add_entry(
            therapist, ms_client, "condition", {"kind": "heat_sensitivity", "areas": ["neck"]}
        )
    entry = history.add_entry(
        therapist,
        ms_client,
        "condition",
        {"kind": "sensory_loss", "areas": ["foot_left", "hand_left"]},
    )
    assert entry.area_labels == "Left foot, Left hand"


def test_changing_an_entry_audits_the_fields_that_changed_and_nothing_when_none_did(
    ms_client, colleague, therapist
):
    entry = history.add_entry(therapist, ms_client, "condition", {"kind": "heat_sensitivity"})
    history.change_entry(colleague, entry, {"kind": "heat_sensitivity", "until": DAY})
    history.change_entry(colleague, entry, {"kind": "heat_sensitivity", "until": DAY})
    events = AuditEvent.objects.filter(event="history.changed")
    assert [e.changes for e in events] == [{"kind": "condition", "fields": ["until"]}]
    assert Condition.objects.get().until == DAY


def test_removing_an_entry_keeps_its_audit_event(ms_client, therapist):
    entry = history.add_entry(therapist, ms_client, "fall", {"on": DAY, "injured": True})
    history.remove_entry(therapist, entry)
    assert not ms_client.falls.exists()
    assert AuditEvent.objects.get(event="history.removed").changes == {"kind": "fall"}


def test_staff_of_another_clinic_get_not_found_and_a_client_login_is_refused(
    ms_client, therapist, outsider, person_with_ms
):
    with pytest.raises(Http404):
        history.add_entry(outsider, ms_client, "fall", {"on": DAY})
    with pytest.raises(PermissionDenied):
        history.add_entry(person_with_ms, ms_client, "fall", {"on": DAY})
    entry = history.add_entry(therapist, ms_client, "dmt", {"drug": "fingolimod"})
    with pytest.raises(Http404):
        history.change_entry(outsider, entry, {"drug": "siponimod"})
    with pytest.raises(Http404):
        history.remove_entry(outsider, entry)
    assert DmtPeriod.objects.get().drug == "fingolimod"


def test_an_unknown_kind_or_field_is_refused(ms_client, therapist):
    with pytest.raises(ValidationError, match="no kind of history entry"):
        history.add_entry(therapist, ms_client, "surgery", {"on": DAY})
    with pytest.raises(ValidationError) as error:
        history.add_entry(therapist, ms_client, "fall", {"on": DAY, "client": ms_client})
    assert "client" in error.value.message_dict
