"""The content rules (msrelief.learn.check), a table of each failure on fixture pages."""

from __future__ import annotations

import pytest

from msrelief.learn import markup
from msrelief.learn.check import Evidence, check, reading_grade
from msrelief.learn.content import load_content
from msrelief.learn.tests.conftest import FIXTURE_CONTENT
from msrelief.learn.tests.helpers import copy_content, replace_in, seed_evidence

PAGE = "pages/what-ms-is.md"
HARD = (
    "Notwithstanding considerable interindividual heterogeneity, immunopathological "
    "investigations consistently demonstrate oligoclonal immunoglobulin synthesis, "
    "intrathecal inflammation and progressive neurodegeneration accompanying demyelination "
    "[@C1]."
)


def test_the_fixture_content_passes_and_every_page_has_a_grade():
    report = check(load_content(FIXTURE_CONTENT), seed_evidence())
    assert report.ok, [str(p) for p in report.problems]
    files = [grade.file for grade in report.grades]
    assert files == ["pages/what-ms-is.md", "pages/massage-and-fatigue.md", "glossary.yaml"]
    assert all(0 < grade.grade <= 9 for grade in report.grades)


CASES = [
    ("## What happens in the body\n", "## What happens in the body\n\nNerves are long.\n", 17,
     "Nerves are long.", "a paragraph with no citation"),
    ("scars in the brain and spine [@C4; @C1].", "scars in the brain and spine.", 17,
     "The damage leaves small scars in …", "a paragraph with no citation"),
    ("- Nerve signals slow down or stop [@C1].", "- Nerve signals slow down or stop.", 19,
     "Nerve signals slow down or stop.", "a list item that states a fact"),
    ("as a report [@C13 report].", "as a report [@C13].", 21, "C13",
     "the claim is unverified: cite it as a report only, [@C13 report]"),
    ("around nerves [@C1]", "around nerves [@C99]", 12, "C99", "unknown claim key"),
    ("[[myelin]]", "[[axon]]", 12, "axon", "not a term of the glossary"),
    ("around nerves [@C1]", "around nerves [@C1 probably]", 12, "[@C1 probably]",
     "not a citation"),
    ("## The short answer", "## In short", 10, "short answer",
     "the body must start with the section ## The short answer"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "line", "key", "message"), CASES)
def test_a_broken_rule_is_one_problem_naming_file_line_and_key(
    tmp_path, old, new, line, key, message
):
    folder = copy_content(tmp_path)
    replace_in(folder / PAGE, old, new)
    report = check(load_content(folder), seed_evidence())
    assert [(p.file, p.line, p.key) for p in report.problems] == [(PAGE, line, key)]
    assert message in report.problems[0].message


def test_an_unverified_claim_stated_as_fact_fails_even_when_the_paragraph_is_cited(tmp_path):
    folder = copy_content(tmp_path)
    replace_in(
        folder / PAGE, "more slowly [@C1].", "more slowly [@C1]. Most people recover [@C13]."
    )
    [problem] = check(load_content(folder), seed_evidence()).problems
    assert str(problem) == (
        "pages/what-ms-is.md:13: C13: the claim is unverified: cite it as a report only, "
        "[@C13 report]"
    )


def test_a_claim_made_unverified_in_the_evidence_base_fails_where_it_is_cited(tmp_path):
    evidence = seed_evidence()
    changed = Evidence({**evidence.claims, "C12": "unverified"}, evidence.studies)
    problems = check(load_content(FIXTURE_CONTENT), changed).problems
    assert {(p.file, p.key) for p in problems} == {
        ("pages/massage-and-fatigue.md", "C12"),
        ("mechanisms.yaml", "C12"),
    }


def test_a_short_label_or_link_without_a_full_stop_needs_no_citation(tmp_path):
    folder = copy_content(tmp_path)
    replace_in(folder / PAGE, "- tiredness", "- tiredness\n- [the glossary](/learn/glossary/)")
    assert check(load_content(folder), seed_evidence()).ok


def test_a_paragraph_of_links_with_a_few_words_needs_no_citation_but_a_sentence_does(tmp_path):
    folder = copy_content(tmp_path)
    replace_in(folder / PAGE, "See also", "Read more about how nerves send signals in")
    [problem] = check(load_content(folder), seed_evidence()).problems
    assert (problem.line, problem.message) == (23, "a paragraph with no citation")


def test_a_page_above_grade_9_fails_with_its_grade(tmp_path):
    folder = copy_content(tmp_path)
    replace_in(
        folder / PAGE, "The damage leaves small scars in the brain and spine [@C4; @C1].", HARD
    )
    report = check(load_content(folder), seed_evidence())
    [problem] = report.problems
    grade = next(g.grade for g in report.grades if g.file == PAGE)
    assert grade > 9
    assert (problem.file, problem.key) == (PAGE, "reading grade")
    assert problem.message.startswith(f"reading grade {grade} is above 9")


def test_a_study_the_evidence_base_lacks_is_named(tmp_path):
    folder = copy_content(tmp_path)
    replace_in(folder / "pages" / "massage-and-fatigue.md", "gaballah2023]", "nobody2020]")
    [problem] = check(load_content(folder), seed_evidence()).problems
    assert (problem.key, problem.message) == (
        "nobody2020", "front matter names a study the evidence base lacks",
    )  # fmt: skip


def test_glossary_and_map_citations_must_be_known_claims(tmp_path):
    folder = copy_content(tmp_path)
    replace_in(folder / "glossary.yaml", "cite: C1", "cite: C404")
    replace_in(folder / "mechanisms.yaml", "claim: C12", "claim: C405")
    problems = [str(p) for p in check(load_content(folder), seed_evidence()).problems]
    assert problems == [
        "glossary.yaml:1: C404: unknown claim key",
        "mechanisms.yaml:8: C405: unknown claim key",
    ]


def test_a_hard_glossary_fails_with_its_grade(tmp_path):
    folder = copy_content(tmp_path)
    replace_in(folder / "glossary.yaml", "A deep tiredness that rest does not fix.", HARD[:-7])
    [problem] = check(load_content(folder), seed_evidence()).problems
    assert (problem.file, problem.key) == ("glossary.yaml", "reading grade")


def test_the_grade_ignores_citations_and_markdown():
    plain = reading_grade("The cat sat on the mat. It was warm.")
    marked = "The **cat** sat on the [mat](/x/) [@C1; @C4]. It was warm [@C12]."
    assert markup.plain_text(marked) == "The cat sat on the mat. It was warm."
    assert reading_grade(markup.plain_text(marked)) == plain
