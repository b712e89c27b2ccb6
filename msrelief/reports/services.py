"""The reports' one entry point: who may see a clinic's cohort, and the audit of each look.

A cohort report stores nothing, but it reads health data of many clients, so every report
shown or exported is an audit event (``clinic.cohort_viewed`` on the page,
``clinic.cohort_exported`` from the command line) naming the clinic and the filters, never a
client or a value.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from msrelief.accounts.models import Clinic, User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.reports.cohort.beside import Beside, beside_trials
from msrelief.reports.cohort.build import CohortReport, Progress, build_report
from msrelief.reports.cohort.queries import CohortFilters
from msrelief.reports.exports.formats import FORMATS, Row, row_count, rows_of
from msrelief.reports.exports.records import ExportPlan, plan_export


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


# --- Response exports (docs/exports.md) ---------------------------------------------------


def _record_export(actor: User | None, plan: ExportPlan, form: str) -> int:
    rows = row_count(plan, form)
    changes: dict[str, object] = {"format": form, "rows": rows, "responses": plan.responses}
    if plan.unknown:
        changes["left_out"] = dict(plan.unknown)
    if actor is None:
        changes["via"] = "command line"
    with transaction.atomic():
        audit.record(
            actor, Action.VIEW, plan.clinic, clinic=plan.clinic, changes=changes,
            event="clinic.responses_exported",
        )  # fmt: skip
    return rows


def _checked_format(form: str) -> str:
    if form not in FORMATS:
        raise ValidationError(
            {"format": f"{form!r} is not an export format; use long, wide or dictionary."}
        )
    return form


def export_responses(actor: User, form: str) -> tuple[ExportPlan, Iterator[Row]]:
    """``actor``'s clinic's current responses in ``form`` (long, wide or dictionary), for its
    clinic admins only; audited as ``clinic.responses_exported`` with the format and the row
    count, before the first row is written. The rows are produced as they are read."""
    if not actor.is_authenticated or not actor.is_clinic_admin or actor.clinic is None:
        raise PermissionDenied("Only the clinic's admins can export its responses.")
    plan = plan_export(actor.clinic)
    _record_export(actor, plan, _checked_format(form))
    return plan, rows_of(plan, form)


def export_responses_for(clinic: Clinic, form: str) -> tuple[ExportPlan, int, Iterator[Row]]:
    """The same for the command line (run by whoever runs the server), audited "via: command
    line"; also gives the row count, for the progress bar."""
    plan = plan_export(clinic)
    rows = _record_export(None, plan, _checked_format(form))
    return plan, rows, rows_of(plan, form)


# --- The clinic's practice beside the trials (docs/reports.md) ------------------------------


def practice_beside_trials(actor: User, filters: CohortFilters) -> list[Beside]:
    """Each stored meta-analysis with ``actor``'s clinic's practice row where it is comparable;
    for the clinic's therapists and admins only, audited as ``clinic.practice_viewed`` with the
    filters and how many practice rows were drawn (never a client or a value)."""
    if not actor.is_authenticated or not actor.is_clinic_staff or actor.clinic is None:
        raise PermissionDenied("Only the clinic's therapists and admins can see its practice.")
    found = beside_trials(actor.clinic, filters)
    changes: dict[str, object] = {
        "filters": filters.as_dict(),
        "analyses": len(found),
        "practice_rows": sum(1 for item in found if item.shown),
    }
    with transaction.atomic():
        audit.record(
            actor, Action.VIEW, actor.clinic, clinic=actor.clinic, changes=changes,
            event="clinic.practice_viewed",
        )  # fmt: skip
    return found
