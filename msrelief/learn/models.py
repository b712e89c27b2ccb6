"""Readers' ratings and comments on the Learn pages. A page is named by its slug (the pages are
files, not rows). Changes go through :mod:`msrelief.learn.services`."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

MAX_STARS = 5
MAX_COMMENT_LENGTH = 3000
MAX_NAME_LENGTH = 100


class Rating(models.Model):
    """One reader's 1-5 stars for one page: a signed-in user, or an anonymous reader known by
    the id in their cookie. A reader has one rating per page; rating again replaces it."""

    page = models.SlugField(max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reader = models.CharField("Anonymous reader id", max_length=64, blank=True)
    stars = models.PositiveSmallIntegerField(
        validators=[
            MinValueValidator(1, "Choose from 1 to 5 stars."),
            MaxValueValidator(MAX_STARS, "Choose from 1 to 5 stars."),
        ]
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "user"],
                condition=models.Q(user__isnull=False),
                name="rating_one_per_user_and_page",
            ),
            models.UniqueConstraint(
                fields=["page", "reader"],
                condition=~models.Q(reader=""),
                name="rating_one_per_reader_and_page",
            ),
            models.CheckConstraint(
                condition=models.Q(stars__gte=1, stars__lte=MAX_STARS), name="rating_stars_1_to_5"
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False, reader="")
                | models.Q(user__isnull=True) & ~models.Q(reader=""),
                name="rating_by_a_user_or_a_reader",
            ),
        ]
        indexes = [models.Index(fields=["page"])]

    def __str__(self) -> str:
        return f"Rating #{self.pk}"


class CommentStatus(models.TextChoices):
    HELD = "held", "Waiting for moderation"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Comment(models.Model):
    """A reader's comment on a page, held until a moderator approves it."""

    page = models.SlugField(max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField("Your name", max_length=MAX_NAME_LENGTH)
    author_email = models.EmailField(
        "Your email address",
        blank=True,
        help_text="Only the moderators see it, to reply to you. It is never shown on the page.",
    )
    body = models.TextField("Your comment", max_length=MAX_COMMENT_LENGTH)
    status = models.CharField(
        max_length=10, choices=CommentStatus.choices, default=CommentStatus.HELD
    )
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["page", "status"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"Comment #{self.pk}"

    @property
    def is_approved(self) -> bool:
        return bool(self.status == CommentStatus.APPROVED)
