"""Posting a comment from a page, the author's edit and delete pages, and the refusals."""

from __future__ import annotations

from django.urls import reverse

from msrelief.learn.models import Comment, CommentStatus

PAGE = reverse("learn-page", args=["what-ms-is"])
POST = reverse("learn-comment", args=["what-ms-is"])
FORM = {"author_name": "Sam", "author_email": "", "body": "It *helped*.", "website": ""}


def test_a_posted_comment_waits_for_moderation_and_only_its_author_sees_it(client, seeded):
    response = client.post(POST, FORM, follow=True)
    assert response.redirect_chain[-1][0].endswith("#your-comments")
    text = response.text
    assert "Your comment will appear on the page once a moderator approves it." in text
    assert "Your comments waiting for a moderator" in text and "<em>helped</em>" in text
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.HELD
    stranger = client.__class__()
    assert "helped" not in stranger.get(PAGE).text


def test_the_honeypot_is_refused_with_a_message_and_nothing_saved(client, seeded):
    response = client.post(POST, {**FORM, "website": "http://spam.example"})
    assert response.status_code == 400
    assert "This comment looks automated, so it was not posted." in response.text
    assert not Comment.objects.exists()
    honeypot = response.text.split('name="website"', 1)[1].split(">", 1)[0]
    assert "value=" not in honeypot  # the form shown again does not keep the robot's value


def test_the_sixth_comment_in_a_minute_is_refused_with_429_and_a_clear_message(
    client, seeded, settings
):
    settings.LEARN_COMMENTS_PER_MINUTE = 5
    codes = [client.post(POST, FORM).status_code for _ in range(6)]
    assert codes == [302] * 5 + [429]
    refused = client.post(POST, FORM)
    assert "the most we take from one address" in refused.text
    assert int(refused["Retry-After"]) >= 1
    assert Comment.objects.count() == 5


def test_a_missing_name_is_shown_next_to_the_field(client, seeded):
    response = client.post(POST, {**FORM, "author_name": ""})
    assert response.status_code == 400
    assert 'id="id_author_name-error"' in response.text


def test_the_author_edits_their_comment_from_the_same_browser(client, seeded):
    client.post(POST, FORM)
    comment = Comment.objects.get()
    edit = reverse("learn-comment-edit", args=[comment.pk])
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"body": "Changed words."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Changed words." and comment.edited_at is not None


def test_another_browser_cannot_edit_or_delete_it(client, seeded):
    client.post(POST, FORM)
    comment = Comment.objects.get()
    stranger = client.__class__()
    assert stranger.get(reverse("learn-comment-edit", args=[comment.pk])).status_code == 403
    assert stranger.post(reverse("learn-comment-delete", args=[comment.pk])).status_code == 403
    assert Comment.objects.exists()


def test_the_author_deletes_their_comment_after_being_asked(client, seeded):
    client.post(POST, FORM)
    comment = Comment.objects.get()
    delete = reverse("learn-comment-delete", args=[comment.pk])
    assert "Are you sure you want to delete your comment?" in client.get(delete).text
    assert client.post(delete).status_code == 302
    assert not Comment.objects.exists()


def test_a_signed_in_reader_needs_no_name(client, seeded, person_with_ms):
    client.force_login(person_with_ms)
    assert (
        client.post(POST, {"author_name": "", "body": "Hello.", "website": ""}).status_code == 302
    )
    assert Comment.objects.get().author_name == "Robin Example"


def test_comment_markdown_is_a_safe_subset(client, seeded, clinic_admin):
    body = "**Bold** <script>alert(1)</script> [link](javascript:alert(1)) [ok](https://a.example)"
    client.post(POST, {**FORM, "body": body})
    comment = Comment.objects.get()
    comment.status = CommentStatus.APPROVED
    comment.save()
    shown = client.get(PAGE).text.split('id="comments-title"', 1)[1]
    assert "<strong>Bold</strong>" in shown
    assert "<script>alert" not in shown and "javascript:" not in shown
    assert 'href="https://a.example" rel="nofollow ugc noopener noreferrer"' in shown
