"""The "email not delivered" marks read with the data version (instruments/flag_marks.py) are
the ones the outbox's own test gives (notifications.services.undelivered_ids), on both
databases: for a flag whose alert was never tried, is being retried, failed, was sent or was
withdrawn, for a resolved flag and for another clinic's flag."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from msrelief.audit.versions import data_version
from msrelief.instruments import flag_marks
from msrelief.instruments.models import SafetyFlag, SignalSource
from msrelief.notifications import services as outbox
from msrelief.notifications.models import Delivery, Kind, Message

# (status, tries) of each flag's alert email.
ALERTS = [
    (Delivery.QUEUED, 0),  # not tried yet: no mark
    (Delivery.QUEUED, 2),  # being tried again: marked
    (Delivery.FAILED, 8),  # given up: marked
    (Delivery.SENT, 1),
    (Delivery.WITHDRAWN, 0),
    (Delivery.WITHDRAWN, 3),
]


def a_flag(client, *, resolved=False, with_alert=None):
    flag = SafetyFlag.objects.create(
        clinic=client.clinic,
        client=client,
        source_kind=SignalSource.ADVERSE_EVENT,  # a flag that names no response
        code="adverse_event",
        message="Dizzy after the session",
        acknowledged_at=timezone.now() if resolved else None,
        resolved_at=timezone.now() if resolved else None,
    )
    if with_alert is not None:
        status, tries = with_alert
        Message.objects.create(
            kind=Kind.SAFETY_ALERT,
            clinic=client.clinic,
            about_type=SafetyFlag._meta.label_lower,
            about_id=str(flag.pk),
            to_address="therapist@harbour.test",
            subject="A safety flag",
            body_text="See the dashboard.",
            status=status,
            attempts=tries,
        )
    return flag


@pytest.fixture
def flags(ms_client):
    return [a_flag(ms_client, with_alert=alert) for alert in ALERTS] + [a_flag(ms_client)]


def test_the_open_flags_marks_are_the_outboxs_own(flags, ms_client):
    version, marked = flag_marks.open_flags_of_clinic(ms_client.clinic_id)
    assert version == data_version(ms_client.clinic_id)
    assert marked == outbox.undelivered_ids(flags)
    assert marked == {flags[1].pk, flags[2].pk}


def test_a_resolved_flag_is_marked_for_its_client_but_not_among_the_clinics_open_flags(ms_client):
    resolved = a_flag(ms_client, resolved=True, with_alert=(Delivery.FAILED, 8))
    assert flag_marks.open_flags_of_clinic(ms_client.clinic_id)[1] == frozenset()
    assert flag_marks.flags_of_client(ms_client.clinic_id, ms_client.pk)[1] == {resolved.pk}


def test_another_clinics_flags_are_never_marked(flags, ms_client, outsider):
    from msrelief.testing import make_client_record

    theirs = make_client_record(outsider, display_name="Elsewhere")
    assert flag_marks.open_flags_of_clinic(outsider.clinic_id)[1] == frozenset()
    assert flag_marks.flags_of_client(outsider.clinic_id, theirs.pk)[1] == frozenset()
    assert flag_marks.flags_of_client(ms_client.clinic_id, ms_client.pk)[1] == {
        flags[1].pk,
        flags[2].pk,
    }


def test_a_clinic_with_no_flag_has_no_mark(db):
    assert flag_marks.open_flags_of_clinic(10**9) == (data_version(10**9), frozenset())


def _loaded_with_session(user):
    """``user`` as the sign-in loads them: with their session, in its one statement."""
    from django.contrib.auth import SESSION_KEY

    from msrelief.accounts import backends
    from msrelief.accounts.sessions import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store.save()
    SessionStore(store.session_key).load()
    return backends.PasswordBackend().get_user(user.pk)


def test_a_staff_login_brings_its_clinics_marks_and_version_with_its_session(
    flags, ms_client, therapist, outsider
):
    loaded = _loaded_with_session(therapist)
    with CaptureQueriesContext(connection) as queries:
        read = flag_marks.open_flags_of_own_clinic(loaded)
    assert not queries, "both were read with the session"
    assert read == flag_marks.open_flags_of_clinic(ms_client.clinic_id)
    assert read[1] == {flags[1].pk, flags[2].pk}
    assert flag_marks.open_flags_of_own_clinic(_loaded_with_session(outsider)) == (
        data_version(outsider.clinic_id),
        frozenset(),
    )


def test_a_login_loaded_another_way_has_its_marks_read_when_asked(flags, therapist, ms_client):
    with CaptureQueriesContext(connection) as queries:
        read = flag_marks.open_flags_of_own_clinic(therapist)
    assert len(queries) == 1
    assert read == flag_marks.open_flags_of_clinic(ms_client.clinic_id)


def test_a_client_logins_session_reads_neither_the_version_nor_the_marks(flags, person_with_ms):
    from msrelief.accounts import session_columns

    loaded = _loaded_with_session(person_with_ms)
    assert [session_columns.read(loaded, name) for name in session_columns.names()] == [None, None]
