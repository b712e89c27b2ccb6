"""The evidence change log and the proposals held for review (docs/evidence.md "Change log").

The evidence base is shared by every clinic, so every change to it is listed where every clinic
can read it: one :class:`EvidenceChange` per created, changed or deleted record, written by the
evidence services in the same transaction as the change. A change row is written once and never
changed: the model and its querysets refuse updates and deletes, and nothing in the app has a
path that would make one. Objects are kept by kind and id, not by foreign key, so that the log
outlives what it describes.

When ``MSRELIEF_EVIDENCE_REVIEW`` is on, a clinic admin's edit is not applied but kept as an
:class:`EvidenceProposal` until an evidence editor approves or rejects it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class ChangeLogImmutableError(RuntimeError):
    """Raised on any attempt to change or delete a row of the evidence change log."""


class Kind(models.TextChoices):
    REFERENCE = "reference", "Reference"
    CLAIM = "claim", "Claim"
    STUDY = "study", "Study"
    ARM = "arm", "Group (arm)"
    RESULT = "result", "Result"


class ChangeAction(models.TextChoices):
    CREATE = "create", "Added"
    UPDATE = "update", "Changed"
    DELETE = "delete", "Deleted"


class ChangeState(models.TextChoices):
    APPLIED = "applied", "Applied"
    PROPOSED = "proposed", "Proposed for review"
    REJECTED = "rejected", "Proposal rejected"


class EditorRole(models.TextChoices):
    CLINIC_ADMIN = "clinic_admin", "clinic admin"
    EVIDENCE_EDITOR = "evidence_editor", "evidence editor"
    SUPERUSER = "superuser", "site administrator"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "Awaiting review"
    APPROVED = "approved", "Approved and applied"
    REJECTED = "rejected", "Rejected"


class EvidenceProposal(models.Model):
    """A clinic admin's edit held for review: what it would do, in a form that can be applied
    later (``values``: field values, related records by id), the same change as the log shows
    it (``fields``), and a fingerprint of the record as it was when the edit was proposed, so
    that an approval can tell whether the record changed since."""

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evidence_proposals"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    action = models.CharField(max_length=10, choices=ChangeAction.choices)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    object_label = models.CharField(max_length=250)
    values = models.JSONField(default=dict, blank=True)
    fields = models.JSONField(default=list, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True)
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"], name="proposal_status_idx")]

    def __str__(self) -> str:
        return f"Evidence proposal #{self.pk}"

    @property
    def is_pending(self) -> bool:
        return bool(self.status == ProposalStatus.PENDING)


class EvidenceChangeQuerySet(models.QuerySet["EvidenceChange"]):
    def update(self, **kwargs: Any) -> int:
        raise ChangeLogImmutableError("Evidence changes cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ChangeLogImmutableError("Evidence changes cannot be deleted")


class EvidenceChange(models.Model):
    """One change to the evidence base, as every clinic reads it: when, which record, each
    field's value before and after (``fields``: ``[{"name", "before", "after"}]``), and who, as
    a role and a clinic name (``editor`` is kept for tracing, never shown)."""

    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    action = models.CharField(max_length=10, choices=ChangeAction.choices)
    state = models.CharField(
        max_length=10, choices=ChangeState.choices, default=ChangeState.APPLIED
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    object_label = models.CharField(max_length=250)
    fields = models.JSONField(default=list, blank=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    editor_role = models.CharField(max_length=20, choices=EditorRole.choices)
    editor_clinic = models.CharField(max_length=200, blank=True)
    proposal = models.ForeignKey(
        EvidenceProposal,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="changes",
    )

    objects: ClassVar[models.Manager[EvidenceChange]] = EvidenceChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["kind", "-occurred_at"], name="evidence_change_kind_idx")]

    def __str__(self) -> str:
        return f"Evidence change #{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ChangeLogImmutableError("Evidence changes cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ChangeLogImmutableError("Evidence changes cannot be deleted")

    @property
    def editor_text(self) -> str:
        """ "clinic admin, Northside Clinic", "evidence editor"."""
        role = EditorRole(self.editor_role).label
        return f"{role}, {self.editor_clinic}" if self.editor_clinic else str(role)
