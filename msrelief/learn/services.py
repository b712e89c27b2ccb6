"""Every write of the Learn app: ratings, comments and their moderation.

Each function checks who may act, runs in one transaction, validates everything before it
saves, and writes the audit event. Readers may be anonymous: a rating is then tied to the id
in the reader's cookie, and a comment to the ids the reader's signed cookie lists
(:class:`Reader`). Moderators are the people who may edit the evidence base: clinic admins,
evidence editors and superusers (:func:`can_moderate`).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts.models import Role, User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.evidence import services as evidence
from msrelief.learn.content import Page
from msrelief.learn.library import current_content
from msrelief.learn.models import (
    MAX_COMMENT_LENGTH,
    MAX_NAME_LENGTH,
    MAX_STARS,
    Comment,
    CommentStatus,
    Rating,
)
from msrelief.notifications.models import Kind
from msrelief.notifications.services import queue_email

HONEYPOT_REFUSAL = "This comment looks automated, so it was not posted."
NOT_A_MODERATOR = "Only clinic admins and evidence editors can moderate comments."


class TooManyComments(ValidationError):
    """Over the per-address comment limit; ``wait`` is the seconds until the next minute."""

    def __init__(self, per_minute: int, wait: int) -> None:
        self.wait = wait
        super().__init__(
            f"You have posted {per_minute} comments in the last minute, the most we take from "
            f"one address. Wait {wait} seconds, then post again.",
            code="rate_limited",
        )


@dataclass(frozen=True)
class Reader:
    """Who is acting: a signed-in user, or an anonymous reader's cookie id and the comments
    their signed cookie says they posted."""

    user: User | None = None
    reader_id: str = ""
    comment_ids: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(cls, user: Any, reader_id: str = "", comment_ids: Iterable[int] = ()) -> Reader:
        signed_in = user if getattr(user, "is_authenticated", False) else None
        return cls(signed_in, reader_id, frozenset(comment_ids))


def _page(slug: str) -> Page:
    page = current_content().page(slug)
    if page is None:
        raise ValidationError({"page": f"There is no Learn page called {slug!r}."})
    return page


# --- ratings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RatingSummary:
    count: int
    average: float | None

    @property
    def text(self) -> str:
        """ "Rated 4.2 out of 5 (17 ratings)", or "No ratings yet"."""
        if not self.count or self.average is None:
            return "No ratings yet"
        plural = "rating" if self.count == 1 else "ratings"
        return f"Rated {self.average:.1f} out of {MAX_STARS} ({self.count} {plural})"


def rating_summary(slug: str) -> RatingSummary:
    found = Rating.objects.filter(page=slug).aggregate(count=Count("id"), average=Avg("stars"))
    return RatingSummary(found["count"], found["average"])


def rating_summaries(slugs: Iterable[str]) -> dict[str, RatingSummary]:
    """Summaries of many pages in one query (for the index)."""
    slugs = list(slugs)
    rows = (
        Rating.objects.filter(page__in=slugs)
        .values("page")
        .annotate(count=Count("id"), average=Avg("stars"))
    )
    found = {row["page"]: RatingSummary(row["count"], row["average"]) for row in rows}
    return {slug: found.get(slug, RatingSummary(0, None)) for slug in slugs}


def _rating_of(reader: Reader, slug: str) -> QuerySet[Rating]:
    if reader.user is not None:
        return Rating.objects.filter(page=slug, user=reader.user)
    if reader.reader_id:
        return Rating.objects.filter(page=slug, user=None, reader=reader.reader_id)
    return Rating.objects.none()


def rating_of(reader: Reader, slug: str) -> Rating | None:
    return _rating_of(reader, slug).first()


@transaction.atomic
def rate_page(reader: Reader, slug: str, stars: Any) -> Rating:
    """Give ``slug`` 1-5 stars; a reader's second rating of a page replaces the first."""
    _page(slug)
    if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= MAX_STARS:
        raise ValidationError({"stars": "Choose from 1 to 5 stars."})
    if reader.user is None and not reader.reader_id:
        raise ValidationError("A rating needs a signed-in reader or a reader cookie.")
    rating = _rating_of(reader, slug).select_for_update().first()
    if rating is not None:
        if rating.stars != stars:
            rating.stars, rating.updated_at = stars, timezone.now()
            rating.save(update_fields=["stars", "updated_at"])
            audit.record(reader.user, Action.UPDATE, rating, clinic=None, event="rating.changed")
        return rating
    rating = Rating(page=slug, user=reader.user, reader="" if reader.user else reader.reader_id)
    rating.stars = stars
    rating.full_clean()
    rating.save()
    audit.record(reader.user, Action.CREATE, rating, clinic=None, event="rating.given")
    return rating


# --- comments -------------------------------------------------------------------------------


def edit_window() -> dt.timedelta:
    return dt.timedelta(minutes=int(settings.LEARN_COMMENT_EDIT_MINUTES))


def can_change(reader: Reader, comment: Comment) -> bool:
    """Whether ``reader`` posted ``comment`` and is still within the edit window."""
    if timezone.now() - comment.created_at > edit_window():
        return False
    if reader.user is not None and comment.user_id is not None:
        return bool(comment.user_id == reader.user.pk)
    return comment.user_id is None and comment.pk in reader.comment_ids


def can_moderate(user: Any) -> bool:
    return evidence.can_edit(user)


def count_comment(address: str) -> None:
    """Count one comment from ``address``; raise :class:`TooManyComments` past the limit."""
    per_minute = int(settings.LEARN_COMMENTS_PER_MINUTE)
    if per_minute <= 0:
        return
    now = time.time()
    window = int(now // 60)
    key = f"msrelief:learn:comments:{address}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    if count > per_minute:
        raise TooManyComments(per_minute, max(1, int((window + 1) * 60 - now)))


def _clean_body(body: str) -> str:
    text = body.replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError({"body": "Write your comment."})
    if len(text) > MAX_COMMENT_LENGTH:
        message = f"A comment has at most {MAX_COMMENT_LENGTH} characters; this has {len(text)}."
        raise ValidationError({"body": message})
    return text


@transaction.atomic
def post_comment(
    reader: Reader,
    slug: str,
    *,
    body: str,
    name: str = "",
    email: str = "",
    honeypot: str = "",
    address: str = "unknown",
) -> Comment:
    """Post a comment on ``slug``; it is held until a moderator approves it. A filled
    honeypot field, or a sixth comment in a minute from one address, is refused."""
    count_comment(address)
    if honeypot.strip():
        raise ValidationError(HONEYPOT_REFUSAL, code="honeypot")
    page = _page(slug)
    user = reader.user
    shown = (name.strip() or (user.full_name if user else "")).strip()
    if not shown:
        raise ValidationError({"author_name": "Enter your name, as it should be shown."})
    comment = Comment(
        page=slug,
        user=user,
        author_name=shown[:MAX_NAME_LENGTH] if user else shown,
        author_email=email.strip() or (user.email if user else ""),
        body=_clean_body(body),
    )
    comment.full_clean()
    comment.save()
    audit.record(user, Action.CREATE, comment, clinic=None, event="comment.posted")
    notify_moderators(comment, page)
    return comment


@transaction.atomic
def edit_comment(reader: Reader, comment: Comment, body: str) -> Comment:
    """The author changes their comment within the window; it waits for moderation again."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if not can_change(reader, locked):
        raise PermissionDenied("You can only edit your own comment, and only for a short time.")
    locked.body = _clean_body(body)
    locked.edited_at = timezone.now()
    was_approved = locked.is_approved
    locked.status = CommentStatus.HELD
    locked.full_clean()
    locked.save()
    audit.record(reader.user, Action.UPDATE, locked, clinic=None, event="comment.edited")
    if was_approved:
        notify_moderators(locked, _page(locked.page))
    return locked


@transaction.atomic
def delete_comment(reader: Reader, comment: Comment) -> None:
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if not can_change(reader, locked):
        raise PermissionDenied("You can only delete your own comment, and only for a short time.")
    audit.record(reader.user, Action.DELETE, locked, clinic=None, event="comment.deleted")
    locked.delete()


@transaction.atomic
def moderate(actor: User, comment: Comment, decision: str) -> Comment:
    """Approve (``approve``) or reject (``reject``) a comment."""
    if not can_moderate(actor):
        raise PermissionDenied(NOT_A_MODERATOR)
    statuses = {"approve": CommentStatus.APPROVED, "reject": CommentStatus.REJECTED}
    if decision not in statuses:
        raise ValidationError({"decision": "Choose approve or reject."})
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    locked.status = statuses[decision]
    locked.moderated_at, locked.moderated_by = timezone.now(), actor
    locked.save(update_fields=["status", "moderated_at", "moderated_by"])
    event = "comment.approved" if decision == "approve" else "comment.rejected"
    audit.record(actor, Action.UPDATE, locked, clinic=actor.clinic, event=event)
    return locked


def moderators() -> list[User]:
    """Everyone who may moderate: active clinic admins, evidence editors and superusers."""
    candidates = User.objects.filter(
        Q(role=Role.CLINIC_ADMIN, clinic__isnull=False)
        | Q(is_superuser=True)
        | Q(user_permissions__codename="edit_evidence")
        | Q(groups__permissions__codename="edit_evidence"),
        is_active=True,
    ).distinct()
    return [user for user in candidates.select_related("clinic") if can_moderate(user)]


def notify_moderators(comment: Comment, page: Page) -> None:
    """An email to each moderator through the outbox (sent after commit)."""
    url = settings.BASE_URL + reverse("learn-moderation")
    for user in moderators():
        context: dict[str, object] = {"page_title": page.title, "url": url}
        queue_email(Kind.COMMENT_HELD, user.email, context, clinic=user.clinic, about=comment)
