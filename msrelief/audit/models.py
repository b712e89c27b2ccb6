"""An audit event is written once and never changed: the model refuses updates and deletes,
and so do its querysets; in the database, triggers refuse them too (migration 0006,
docs/security.md), and a hash chain over the events (audit/chain.py) shows any change made
behind the app's back. Object references are kept as type and id (not foreign keys) so that
the trail outlives what it describes."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditImmutableError(RuntimeError):
    """Raised on any attempt to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AuditImmutableError("Audit events cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditImmutableError("Audit events cannot be deleted")


class Action(models.TextChoices):
    CREATE = "create", "Created"
    UPDATE = "update", "Updated"
    DELETE = "delete", "Deleted"
    VIEW = "view", "Viewed"


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    # PROTECT, not SET_NULL: deleting a login would otherwise rewrite its events (logins are
    # switched off, never deleted).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_email = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    # The namespaced kind of event (audit/events.py), e.g. "response.corrected".
    event = models.CharField(max_length=60, blank=True, db_index=True)
    object_type = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    object_label = models.CharField(max_length=200, blank=True)
    clinic = models.ForeignKey(
        "accounts.Clinic", null=True, on_delete=models.PROTECT, related_name="+"
    )
    # The client the event concerns, by id only (no foreign key: the trail outlives the record
    # and holds no name), so the log can be filtered by client.
    client_ref = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    request_id = models.CharField(max_length=64)
    remote_addr = models.GenericIPAddressField(null=True, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    # The hash chain: the hash of the event before this one, and the SHA-256 of this event's
    # fields with that hash (audit/chain.py). Written by services.record only.
    previous_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False)

    objects: ClassVar[models.Manager[AuditEvent]] = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["clinic", "-occurred_at"]),
            # The newest change of a clinic, without looks (audit/versions.py).
            models.Index(
                fields=["clinic", "id"],
                condition=~models.Q(action="view"),
                name="audit_change_by_clinic",
            ),
        ]

    def __str__(self) -> str:
        return f"Audit event #{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditImmutableError("Audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditImmutableError("Audit events cannot be deleted")

    @property
    def sentence(self) -> str:
        """The event in plain words, e.g. "tess@harbour.test corrected Response #12"."""
        from msrelief.audit.events import EVENTS

        kind = EVENTS.get(self.event)
        actor = self.actor_email or "msrelief"
        if kind is None:
            return f"{actor} {self.get_action_display().lower()} {self.object_label}"
        return kind.describe(actor, self.object_label)

    @property
    def details(self) -> str:
        """What changed, in one line: "fields: edss, notes; section: measures"."""
        return "; ".join(
            f"{key}: {', '.join(map(str, value)) if isinstance(value, list) else value}"
            for key, value in sorted(self.changes.items())
        )
