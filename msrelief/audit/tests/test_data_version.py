from django.db import connection
from django.test.utils import CaptureQueriesContext

from msrelief.audit import services
from msrelief.audit.models import Action
from msrelief.audit.versions import data_version


def test_a_change_in_the_clinic_moves_its_version_and_no_other_clinics(
    ms_client, therapist, other_clinic
):
    mine, theirs = data_version(ms_client.clinic_id), data_version(other_clinic.pk)
    services.record(therapist, Action.UPDATE, ms_client, clinic=ms_client.clinic)
    assert data_version(ms_client.clinic_id) != mine
    assert data_version(other_clinic.pk) == theirs


def test_a_look_at_health_data_does_not_move_the_version(ms_client, therapist):
    before = data_version(ms_client.clinic_id)
    services.record(therapist, Action.VIEW, ms_client, clinic=ms_client.clinic)
    assert data_version(ms_client.clinic_id) == before


def test_a_change_to_data_of_no_clinic_moves_every_clinics_version(
    ms_client, therapist, other_clinic
):
    mine, theirs = data_version(ms_client.clinic_id), data_version(other_clinic.pk)
    services.record(None, Action.UPDATE, therapist, clinic=None)
    assert data_version(ms_client.clinic_id) != mine
    assert data_version(other_clinic.pk) != theirs


def test_the_version_names_the_newest_change_of_the_clinic_and_of_no_clinic(ms_client, therapist):
    own = services.record(therapist, Action.CREATE, ms_client, clinic=ms_client.clinic)
    shared = services.record(None, Action.UPDATE, therapist, clinic=None)
    services.record(therapist, Action.VIEW, ms_client, clinic=ms_client.clinic)
    assert data_version(ms_client.clinic_id).split(".")[:2] == [str(own.pk), str(shared.pk)]


def test_a_clinic_with_no_change_yet_has_version_zero(db):
    assert data_version(10**9).startswith("0.")


def test_an_edit_in_the_django_admin_moves_every_clinics_version(ms_client, therapist):
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    before = data_version(ms_client.clinic_id)
    LogEntry.objects.create(
        user=therapist,
        content_type=ContentType.objects.get_for_model(ms_client.clinic),
        object_id=str(ms_client.clinic_id),
        object_repr="Clinic",
        action_flag=CHANGE,
    )
    assert data_version(ms_client.clinic_id) != before


def test_the_version_is_read_from_the_index_of_changes_whatever_the_planner_knows(
    ms_client, therapist
):
    """Both look-ups walk the partial index from its end, also once the planner has statistics
    that make the table's newest rows look likely to match: PostgreSQL then walked the primary
    key backwards instead, through every look recorded since the last change."""
    for _ in range(60):
        services.record(therapist, Action.UPDATE, ms_client, clinic=ms_client.clinic)
        services.record(None, Action.UPDATE, therapist, clinic=None)
    services.record(therapist, Action.VIEW, ms_client, clinic=ms_client.clinic)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    with CaptureQueriesContext(connection) as ran:
        data_version(ms_client.clinic_id)
    (query,) = ran.captured_queries
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(explain + query["sql"])
        plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
    assert plan.count("audit_change_by_clinic") == 2, plan
