"""``msrelief learn check``: check every Learn page, the glossary and the mechanism map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from msrelief.learn.check import MAX_GRADE, Evidence, check
from msrelief.learn.content import load_content
from msrelief.learn.library import content_dir


def evidence_from_database() -> Evidence:
    from msrelief.evidence.models import Claim, Study

    try:
        claims = dict(Claim.objects.values_list("key", "verification_status"))
        studies = frozenset(Study.objects.values_list("key", flat=True))
    except DatabaseError as error:
        raise CommandError(
            f"cannot read the evidence base ({error}); run `msrelief migrate` and "
            "`msrelief load-evidence`, or check against the seed files with --seed"
        ) from None
    if not claims:
        raise CommandError(
            "the evidence base holds no claims; run `msrelief load-evidence`, or check "
            "against the seed files with --seed"
        )
    return Evidence(claims, studies)


def evidence_from_seed() -> Evidence:
    from msrelief.evidence.seed import SeedError, load_seed

    try:
        data = load_seed()
    except SeedError as error:
        raise CommandError(f"the evidence seed is broken: {error}") from None
    claims = {claim.id: claim.verification_status for claim in data.claims}
    return Evidence(claims, frozenset(study.id for study in data.studies))


class Command(BaseCommand):
    help = (
        "Check the Learn pages, glossary and mechanism map against the content rules. Every "
        "paragraph cited, every claim and term known, no unverified claim stated as fact, "
        "reading grade at most 9. `msrelief learn check` prints each page's Flesch-Kincaid "
        "grade and one line per problem (file, line, key), and exits 1 if there is any."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="check")
        checking = actions.add_parser("check", help="check the Learn content")
        checking.add_argument(
            "--content",
            type=Path,
            default=None,
            help="the content folder (default: msrelief/learn/content)",
        )
        checking.add_argument(
            "--seed",
            action="store_true",
            help="check claim and study keys against the seed files instead of the database",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder = options["content"] or content_dir()
        if not Path(folder).is_dir():
            raise CommandError(f"{folder}: no such content folder")
        evidence = evidence_from_seed() if options["seed"] else evidence_from_database()
        content = load_content(folder)
        report = check(content, evidence)
        for grade in report.grades:
            mark = "" if grade.grade <= MAX_GRADE else f" (above {MAX_GRADE:g})"
            self.stdout.write(f"{grade.file}: Flesch-Kincaid grade {grade.grade:.1f}{mark}")
        for problem in report.problems:
            self.stderr.write(str(problem))
        if report.problems:
            count = len(report.problems)
            raise CommandError(f"{count} problem{'s' if count != 1 else ''} in {folder}")
        self.stdout.write(
            f"{len(content.pages)} pages, {len(content.glossary)} glossary terms and "
            f"{len(content.mechanisms.relations)} map relations: no problems."
        )
