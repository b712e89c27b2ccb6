"""The reports' one entry point: who may see a clinic's cohort or a client's reports, and the
audit of each look.

A report stores nothing, but it reads health data, so every report shown or exported is an
audit event: ``clinic.cohort_viewed`` on the cohort page, ``clinic.cohort_exported`` for its
PDF and from the command line, naming the clinic and the filters, never a client or a value;
``client.report_viewed`` (the page) and ``client.report_exported`` (a PDF, or the command
line) naming the client by number, the audience and the format.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from msrelief.accounts.models import Clinic, User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.clients import permissions
from msrelief.clients.models import Client
from msrelief.reports.client_report import render as client_render
from msrelief.reports.client_report.build import AUDIENCES, ClientReport
from msrelief.reports.client_report.build import build as build_client_report
from msrelief.reports.cohort import document as cohort_document
from msrelief.reports.cohort.beside import Beside, beside_trials
from msrelief.reports.cohort.build import CohortReport, Progress, build_report
from msrelief.reports.cohort.queries import CohortFilters
from msrelief.reports.exports.formats import FORMATS, Row, row_count, rows_of
from msrelief.reports.exports.records import ExportPlan, plan_export


def _record(
    actor: User | None, clinic: Clinic, report: CohortReport, event: str, form: str = ""
) -> None:
    changes: dict[str, object] = {"filters": report.filters.as_dict(), "clients": report.n}
    if form:
        changes["format"] = form
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
    clinic: Clinic, filters: CohortFilters, progress: Progress | None = None, form: str = ""
) -> CohortReport:
    """The cohort of ``clinic`` for the command line (run by whoever runs the server), audited
    as ``clinic.cohort_exported`` "via: command line", with the ``form`` (json, csv, pdf)."""
    report = build_report(clinic, filters, progress)
    _record(None, clinic, report, "clinic.cohort_exported", form)
    return report


def cohort_pdf(actor: User, filters: CohortFilters) -> tuple[CohortReport, bytes]:
    """The cohort of ``actor``'s clinic as a PDF, for its therapists and admins; audited as
    ``clinic.cohort_exported`` with the format once the PDF is made (a PDF that could not be
    made, :class:`msrelief.core.pdf.PdfUnavailable`, was not given to anyone)."""
    if not actor.is_authenticated or not actor.is_clinic_staff or actor.clinic is None:
        raise PermissionDenied("Only the clinic's therapists and admins can see its cohort.")
    report = build_report(actor.clinic, filters)
    document = cohort_document.as_pdf(report)
    _record(actor, actor.clinic, report, "clinic.cohort_exported", "pdf")
    return report, document


# --- A client's reports (docs/reports.md, "A client's reports") ----------------------------


def _audience(audience: str) -> str:
    if audience not in AUDIENCES:
        raise ValidationError(
            {"audience": f"{audience!r} is not a report; use client or clinician."}
        )
    return audience


def _record_report(actor: User | None, client: Client, audience: str, form: str) -> None:
    changes: dict[str, object] = {"audience": audience, "format": form}
    if actor is None:
        changes["via"] = "command line"
    event = "client.report_viewed" if form == "html" and actor else "client.report_exported"
    with transaction.atomic():
        audit.record(actor, Action.VIEW, client, clinic=client.clinic, changes=changes,
                     event=event)  # fmt: skip


def _staff_client(actor: User, pk: int | str) -> Client:
    if not actor.is_authenticated or not actor.is_clinic_staff:
        raise PermissionDenied("Only the clinic's staff can see a client's reports.")
    return permissions.get_client_or_404(actor, pk)


def client_report(actor: User, pk: int | str, audience: str) -> ClientReport:
    """The report of client ``pk`` for ``audience`` (client or clinician), to show as a page:
    for staff of the client's clinic (404 for another clinic's client, as on the progress
    page); audited as ``client.report_viewed``."""
    _audience(audience)
    report = build_client_report(_staff_client(actor, pk), for_client=audience == "client")
    _record_report(actor, report.client, audience, "html")
    return report


def client_report_pdf(actor: User, pk: int | str, audience: str) -> tuple[ClientReport, bytes]:
    """The same as a PDF, audited as ``client.report_exported`` once the PDF is made."""
    _audience(audience)
    report = build_client_report(_staff_client(actor, pk), for_client=audience == "client")
    document = client_render.as_pdf(report, audience)
    _record_report(actor, report.client, audience, "pdf")
    return report, document


def export_client_report(pk: int, audience: str, form: str) -> tuple[ClientReport, str | bytes]:
    """The report of client ``pk`` for the command line (run by whoever runs the server), as
    ``form`` (html: the document that stands alone; pdf), audited as
    ``client.report_exported`` "via: command line"."""
    _audience(audience)
    if form not in ("html", "pdf"):
        raise ValidationError({"format": f"{form!r} is not a report format; use html or pdf."})
    client = Client.objects.select_related("clinic", "therapist").filter(pk=pk).first()
    if client is None:
        raise ValidationError({"client": f"no client has the number {pk}"})
    report = build_client_report(client, for_client=audience == "client")
    if form == "pdf":
        content: str | bytes = client_render.as_pdf(report, audience)
    else:
        content = client_render.document(report, audience)
    _record_report(None, client, audience, form)
    return report, content


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
