"""Comments: held for moderation, honeypot and per-address limit, the author's edit window,
moderation by clinic admins and evidence editors only, audited, moderators emailed."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.learn import services
from msrelief.learn.models import Comment, CommentStatus
from msrelief.learn.services import Reader
from msrelief.notifications.models import Kind, Message

PAGE = "what-ms-is"


def post(reader=None, **fields):
    values = {"body": "This helped me understand my scan.", "name": "Sam", "address": "10.0.0.1"}
    values.update(fields)
    return services.post_comment(reader or Reader(), PAGE, **values)


def test_a_comment_is_held_until_a_moderator_approves_it(db, clinic_admin):
    comment = post()
    assert comment.status == CommentStatus.HELD
    services.moderate(clinic_admin, comment, "approve")
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (CommentStatus.APPROVED, clinic_admin)
    events = AuditEvent.objects.filter(object_type="learn.comment").order_by("id")
    assert [e.event for e in events] == ["comment.posted", "comment.approved"]


def test_moderators_are_emailed_through_the_outbox_without_the_comment(
    db, clinic_admin, evidence_editor, therapist, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(body="A very personal story.")
    messages = Message.objects.filter(kind=Kind.COMMENT_HELD)
    assert sorted(messages.values_list("to_address", flat=True)) == sorted(
        [clinic_admin.email, evidence_editor.email]
    )
    assert all("/learn/moderation/" in m.body_text for m in messages)
    assert all("personal story" not in m.body_text for m in messages)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [clinic_admin.email, evidence_editor.email]
    )


def test_a_filled_honeypot_is_refused_and_nothing_is_saved(db):
    with pytest.raises(ValidationError, match="looks automated"):
        post(honeypot="http://spam.example")
    assert not Comment.objects.exists()


def test_the_sixth_comment_in_a_minute_from_one_address_is_refused(db, settings):
    settings.LEARN_COMMENTS_PER_MINUTE = 5
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, 5, tzinfo=dt.UTC), tick=False):
        for _ in range(5):
            post()
        with pytest.raises(services.TooManyComments, match="posted 5 comments in the last minute"):
            post()
        post(address="10.0.0.2")  # another address still may
    assert Comment.objects.count() == 6
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, 1, 1, tzinfo=dt.UTC), tick=False):
        post()  # the next minute


def test_an_empty_or_too_long_comment_is_refused_naming_the_field(db):
    with pytest.raises(ValidationError) as caught:
        post(body="   ")
    assert caught.value.message_dict == {"body": ["Write your comment."]}
    with pytest.raises(ValidationError, match="at most 3000 characters; this has 3001"):
        post(body="x" * 3001)


def test_an_anonymous_reader_must_give_a_name_but_a_signed_in_one_need_not(db, person_with_ms):
    with pytest.raises(ValidationError) as caught:
        post(name="")
    assert caught.value.message_dict == {"author_name": ["Enter your name, as it should be shown."]}
    comment = post(Reader.of(person_with_ms), name="")
    assert (comment.author_name, comment.user) == ("Robin Example", person_with_ms)


def test_the_author_may_edit_within_the_window_and_it_is_held_again(
    db, clinic_admin, django_capture_on_commit_callbacks
):
    comment = post()
    services.moderate(clinic_admin, comment, "approve")
    owner = Reader(comment_ids=frozenset({comment.pk}))
    with django_capture_on_commit_callbacks(execute=True):
        edited = services.edit_comment(owner, comment, "New words.")
    assert (edited.body, edited.status) == ("New words.", CommentStatus.HELD)
    assert edited.edited_at is not None
    assert [m.to[0] for m in mail.outbox] == [clinic_admin.email]


def test_after_the_window_or_for_someone_else_the_comment_cannot_change(db, settings, therapist):
    settings.LEARN_COMMENT_EDIT_MINUTES = 15
    comment = post()
    stranger = Reader(comment_ids=frozenset({comment.pk + 1}))
    with pytest.raises(PermissionDenied):
        services.edit_comment(stranger, comment, "Hijacked.")
    with pytest.raises(PermissionDenied):
        services.delete_comment(Reader.of(therapist), comment)
    owner = Reader(comment_ids=frozenset({comment.pk}))
    later = time_machine.travel(timezone.now() + dt.timedelta(minutes=16))
    with later, pytest.raises(PermissionDenied, match="only for a short time"):
        services.delete_comment(owner, comment)
    services.delete_comment(owner, comment)
    assert not Comment.objects.exists()
    assert AuditEvent.objects.filter(event="comment.deleted").count() == 1


def test_a_signed_in_author_is_known_by_their_login(db, person_with_ms, therapist):
    comment = post(Reader.of(person_with_ms))
    assert services.can_change(Reader.of(person_with_ms), comment)
    assert not services.can_change(Reader.of(therapist), comment)


@pytest.mark.parametrize("persona", ["therapist", "outsider", "person_with_ms"])
def test_only_clinic_admins_and_evidence_editors_moderate(db, request, persona):
    comment = post()
    with pytest.raises(PermissionDenied, match="Only clinic admins and evidence editors"):
        services.moderate(request.getfixturevalue(persona), comment, "approve")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HELD


def test_an_evidence_editor_rejects_and_an_unknown_decision_is_refused(db, evidence_editor):
    comment = post()
    with pytest.raises(ValidationError, match="Choose approve or reject"):
        services.moderate(evidence_editor, comment, "maybe")
    services.moderate(evidence_editor, comment, "reject")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
