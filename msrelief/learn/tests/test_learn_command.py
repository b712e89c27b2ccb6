"""`msrelief learn check`: grades printed, one line per problem, exit 1 on any problem."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from msrelief.evidence.models import Claim
from msrelief.learn.content import CONTENT_DIR
from msrelief.learn.tests.conftest import FIXTURE_CONTENT
from msrelief.learn.tests.helpers import copy_content, replace_in


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("learn", "check", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_fixture_content_passes_and_each_page_prints_its_grade(seeded):
    out, err = run("--content", str(FIXTURE_CONTENT))
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith("pages/what-ms-is.md: Flesch-Kincaid grade ")
    assert lines[1].startswith("pages/massage-and-fatigue.md: Flesch-Kincaid grade ")
    assert lines[2].startswith("glossary.yaml: Flesch-Kincaid grade ")
    assert lines[-1] == "2 pages, 2 glossary terms and 2 map relations: no problems."


def test_the_content_shipped_in_the_app_passes_the_check(db):
    """The real pages, glossary and map in msrelief/learn/content/, against the real seed as
    loaded into the database (no fixture statuses)."""
    call_command("load_evidence", stdout=io.StringIO())
    out, _ = run("--content", str(CONTENT_DIR))
    assert out.rstrip().endswith("no problems.")
    grades = [line for line in out.splitlines() if "Flesch-Kincaid grade" in line]
    assert len(grades) == len(list((CONTENT_DIR / "pages").glob("*.md"))) + 1  # and the glossary
    assert "(above 9)" not in out


def test_problems_are_listed_one_a_line_and_the_command_fails(seeded, tmp_path):
    folder = copy_content(tmp_path)
    replace_in(folder / "pages" / "what-ms-is.md", "as a report [@C13 report]", "as a fact [@C13]")
    replace_in(folder / "pages" / "what-ms-is.md", "[[myelin]]", "[[axon]]")
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"^2 problems in "):
        call_command("learn", "check", "--content", str(folder), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "pages/what-ms-is.md:12: axon: not a term of the glossary",
        "pages/what-ms-is.md:21: C13: the claim is unverified: cite it as a report only, "
        "[@C13 report]",
    ]


def test_the_check_reads_verification_statuses_from_the_database(seeded):
    Claim.objects.filter(key="C12").update(verification_status="unverified")
    with pytest.raises(CommandError, match="3 problems"):  # two citations and the map
        run("--content", str(FIXTURE_CONTENT))


def test_with_seed_it_needs_no_database():
    out, _ = run("--content", str(FIXTURE_CONTENT), "--seed")
    assert out.rstrip().endswith("no problems.")


def test_an_empty_evidence_base_is_one_clear_error(db):
    with pytest.raises(CommandError, match="holds no claims; run `msrelief load-evidence`"):
        run("--content", str(FIXTURE_CONTENT))


def test_on_the_command_line_a_problem_is_a_line_and_exit_status_1(tmp_path):
    folder = copy_content(tmp_path)
    replace_in(folder / "glossary.yaml", "cite: C1", "cite: C404")
    command = [sys.executable, "-m", "msrelief.cli", "learn", "check", "--seed"]
    done = subprocess.run(
        [*command, "--content", str(folder)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "glossary.yaml:1: C404: unknown claim key",
        f"CommandError: 1 problem in {folder}",
    ]
    assert "Traceback" not in done.stderr
