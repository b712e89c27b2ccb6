"""The reports' one entry point: who may see a clinic's cohort, and the audit of each look.

A cohort report stores nothing, but it reads health data of many clients, so every report
shown or exported is an audit event (``clinic.cohort_viewed`` on the page,
``clinic.cohort_exported`` from the command line) naming the clinic and the filters, never a
client or a value.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from msrelief.accounts.models import Clinic, User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.reports.cohort.build import CohortReport, Progress, build_report
from msrelief.reports.cohort.queries import CohortFilters


def _record(actor: User | None, clinic: Clinic, report: CohortReport, event: str) -> None:
    changes: dict[str, object] = {"filters": report.filters.as_dict(), "clients": report.n}
    if actor is None:
        changes["via"] = "command line"
    with transaction.atomic():
        audit.record(actor, Action.VIEW, clinic, clinic=clinic, changes=changes, event=event)


def cohort_report(actor: User, filters: CohortFilters) -> CohortReport:
    """The cohort of ``actor``'s own clinic: for its therapists and clinic admins only."""
    if not actor.is_authenticated or not actor.is_clinic_staff or actor.clinic is None:
        raise PermissionDenied("Only the clinic's therapists and admins can see its cohort.")
    report = build_report(actor.clinic, filters)
    _record(actor, actor.clinic, report, "clinic.cohort_viewed")
    return report


def export_cohort(
    clinic: Clinic, filters: CohortFilters, progress: Progress | None = None
) -> CohortReport:
    """The cohort of ``clinic`` for the command line (run by whoever runs the server), audited
    as ``clinic.cohort_exported`` "via: command line"."""
    report = build_report(clinic, filters, progress)
    _record(None, clinic, report, "clinic.cohort_exported")
    return report
