"""``msrelief report cohort``: a clinic's cohort outcomes as JSON, CSV or PDF; ``msrelief
report client ID``: a client's report for the client or their clinician, as PDF or HTML
(docs/cli.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn

from msrelief.accounts.models import Clinic
from msrelief.clients.models import Phenotype
from msrelief.core.pdf import PdfUnavailable
from msrelief.programmes.models import ProgrammeTemplate
from msrelief.reports import services
from msrelief.reports.client_report.build import AUDIENCES
from msrelief.reports.cohort import document as cohort_document
from msrelief.reports.cohort import export
from msrelief.reports.cohort.build import CohortReport
from msrelief.reports.cohort.compute import CohortDataError
from msrelief.reports.cohort.queries import EDSS_BANDS, EDSS_NOT_RECORDED, CohortFilters


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date written YYYY-MM-DD") from None


def clinic_named(given: str | None) -> Clinic:
    """The clinic whose number or name (any case) is ``given``; the only one, if not given."""
    if given is None:
        clinics = list(Clinic.objects.order_by("pk")[:2])
        if len(clinics) == 1:
            return clinics[0]
        if not clinics:
            raise CommandError("there is no clinic in the database")
        raise CommandError("there is more than one clinic: choose one with --clinic ID or NAME")
    number = given.isdigit() and len(given) < 16
    found = Clinic.objects.filter(pk=int(given)) if number else Clinic.objects.none()
    found = found or Clinic.objects.filter(name__iexact=given.strip())
    if len(found) != 1:
        raise CommandError(f"no clinic has the number or the name {given!r}")
    return found[0]


def target_of(given: str | None) -> Path | None:
    """The file ``-o`` names, refused at once when its folder does not exist."""
    if given is None:
        return None
    target = Path(given)
    if not target.parent.is_dir():
        raise CommandError(f"cannot write {target}: the folder {target.parent} does not exist")
    return target


def write(target: Path, content: str | bytes) -> None:
    try:
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error.strerror}") from None


class Command(BaseCommand):
    help = (
        "Write the cohort report (report cohort) or a client's (report client ID). The "
        "cohort as JSON, CSV or PDF: baseline and end means, mean change with its 95 % CI, "
        "responders by MCID and RCI; a client's, for them or their clinician, as PDF or HTML."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="cohort|client")
        cohort = kinds.add_parser("cohort", help="The clinic's cohort outcomes.")
        cohort.add_argument("--clinic", help="The clinic's number or name (needed if several).")
        cohort.add_argument("--programme", default="", help="A programme template's code.")
        cohort.add_argument("--phenotype", default="", choices=[c for c, _ in Phenotype.choices])
        cohort.add_argument(
            "--edss-band", default="", choices=[*EDSS_BANDS, EDSS_NOT_RECORDED], dest="edss_band"
        )
        cohort.add_argument("--from", dest="date_from", help="First day, YYYY-MM-DD.")
        cohort.add_argument("--to", dest="date_to", help="Last day, YYYY-MM-DD.")
        cohort.add_argument("--format", choices=["json", "csv", "pdf"], default="json")
        cohort.add_argument("-o", "--output", help="The file to write (needed for pdf).")
        client = kinds.add_parser("client", help="A client's report.")
        client.add_argument("client_id", type=int, metavar="ID", help="The client's number.")
        client.add_argument("--format", choices=["pdf", "html"], default="pdf")
        client.add_argument("--audience", choices=AUDIENCES, default="clinician")
        client.add_argument("-o", "--output", required=True, help="The file to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["kind"] == "client":
            self._client(options)
        else:
            self._cohort(options)

    def _client(self, options: dict[str, Any]) -> None:
        target = target_of(options["output"])
        assert target is not None  # -o is required
        try:
            _, content = services.export_client_report(
                options["client_id"], options["audience"], options["format"]
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        except PdfUnavailable as missing:
            raise CommandError(str(missing)) from None
        write(target, content)
        self.stderr.write(f"Wrote the {options['audience']} report to {target}.")

    def _cohort(self, options: dict[str, Any]) -> None:
        target = target_of(options["output"])
        if options["format"] == "pdf" and target is None:
            raise CommandError("a PDF needs a file: give -o FILE")
        clinic = clinic_named(options["clinic"])
        filters = self._filters(options)
        console = Console(stderr=True)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        ) as bar:
            task: TaskID | None = None

            def progress(step: int, steps: int, what: str) -> None:
                nonlocal task
                if task is None:
                    task = bar.add_task("Scoring", total=steps)
                bar.update(task, completed=step - 1, description=f"Scoring {what}")

            try:
                report = services.export_cohort(clinic, filters, progress, options["format"])
            except CohortDataError as error:
                raise CommandError(str(error)) from None
        content = self._cohort_content(report, options["format"])
        if target is None:
            assert isinstance(content, str)  # json and csv; a PDF needs -o
            self.stdout.write(content, ending="")
        else:
            write(target, content)
            self.stderr.write(f"Wrote the cohort report to {target}.")

    def _cohort_content(self, report: CohortReport, form: str) -> str | bytes:
        if form == "csv":
            return export.as_csv(report)
        if form == "json":
            return json.dumps(export.as_json(report), indent=2, allow_nan=False) + "\n"
        try:
            return cohort_document.as_pdf(report)
        except PdfUnavailable as missing:
            raise CommandError(str(missing)) from None

    def _filters(self, options: dict[str, Any]) -> CohortFilters:
        code = options["programme"]
        if code and not ProgrammeTemplate.objects.filter(key=code).exists():
            raise CommandError(f"no programme template has the code {code!r}")
        start = _date(options["date_from"]) if options["date_from"] else None
        end = _date(options["date_to"]) if options["date_to"] else None
        if start and end and end < start:
            raise CommandError("--to cannot be before --from")
        return CohortFilters(code, options["phenotype"], options["edss_band"], start, end)
