"""Reading the content files: pages with their front matter, the glossary and the map, every
problem named by file, line and key, and a cache that re-reads only what changed."""

from __future__ import annotations

import datetime as dt

import pytest

from msrelief.learn import frontmatter
from msrelief.learn.content import load_content
from msrelief.learn.tests.conftest import FIXTURE_CONTENT
from msrelief.learn.tests.helpers import copy_content, replace_in


def test_the_fixture_content_loads_without_a_problem():
    content = load_content(FIXTURE_CONTENT)
    assert content.problems == ()
    assert [page.slug for page in content.pages] == ["what-ms-is", "massage-and-fatigue"]
    fatigue = content.page("massage-and-fatigue")
    assert fatigue is not None
    assert (fatigue.kind, fatigue.symptom, fatigue.studies) == (
        "symptom", "fatigue", ("naderi2024", "gaballah2023"),
    )  # fmt: skip
    assert fatigue.updated == dt.date(2026, 11, 21)
    assert fatigue.body.lstrip().startswith("## The short answer")
    assert fatigue.body_line == 12


def test_pages_are_listed_by_their_order_field(tmp_path):
    folder = copy_content(tmp_path)
    replace_in(folder / "pages" / "what-ms-is.md", "order: 1", "order: 7")
    assert [p.slug for p in load_content(folder).pages] == ["massage-and-fatigue", "what-ms-is"]


def test_glossary_terms_are_found_whatever_their_case():
    content = load_content(FIXTURE_CONTENT)
    term = content.term("Myelin")
    assert term is not None and term.cite == "C1" and term.line == 1
    assert content.term("axon") is None


def test_the_map_keeps_its_entities_and_relations_with_their_lines():
    mechanisms = load_content(FIXTURE_CONTENT).mechanisms
    assert [e.id for e in mechanisms.entities] == ["immune-cells", "myelin", "massage", "fatigue"]
    first = mechanisms.relations[0]
    assert (first.source, first.target, first.kind, first.evidence, first.claim, first.line) == (
        "immune-cells", "myelin", "attacks", "cause", "C1", 7,
    )  # fmt: skip


FRONT_MATTER_CASES = [
    ("title: What MS is\n", "", 1, "title", "missing from the front matter"),
    ("kind: topic", "kind: essay", 8, "kind", "must be one of topic, symptom"),
    ("updated: 2026-11-20", "updated: last week", 4, "updated", "YYYY-MM-DD"),
    ("order: 1", "order: first", 7, "order", "whole number"),
    ("kind: topic", "kind: topic\nsymptom: fatigue", 9, "symptom", "only a page of kind symptom"),
    ("kind: topic", "kind: topic\nauthor: Someone", 9, "author", "unknown front matter key"),
    ("kind: topic", "kind: symptom", 8, "symptom", "a symptom page names one of"),
    ("kind: topic", "kind: topic\nstudies: naderi2024", 9, "studies", "must be a list"),
    ("title: What MS is", "title: [unclosed", 2, "front matter", "not valid YAML"),
]


@pytest.mark.parametrize(("old", "new", "line", "key", "message"), FRONT_MATTER_CASES)
def test_a_front_matter_mistake_is_named_by_file_line_and_key(
    tmp_path, old, new, line, key, message
):
    folder = copy_content(tmp_path)
    replace_in(folder / "pages" / "what-ms-is.md", old, new)
    content = load_content(folder)
    assert content.page("what-ms-is") is None
    [problem] = content.problems
    assert (problem.file, problem.line, problem.key) == ("pages/what-ms-is.md", line, key)
    assert message in problem.message


def test_a_page_without_front_matter_is_refused_on_line_1(tmp_path):
    folder = copy_content(tmp_path)
    (folder / "pages" / "bare.md").write_text("## The short answer\n\nText.\n", encoding="utf-8")
    [problem] = load_content(folder).problems
    assert str(problem).startswith("pages/bare.md:1: front matter: front matter missing")


@pytest.mark.parametrize("name", ["Upper.md", "map.md", "glossary.md"])
def test_a_file_name_that_cannot_be_an_address_is_refused(tmp_path, name):
    folder = copy_content(tmp_path)
    (folder / "pages" / "what-ms-is.md").rename(folder / "pages" / name)
    [problem] = load_content(folder).problems
    assert (problem.file, problem.key) == (f"pages/{name}", "slug")


GLOSSARY_CASES = [
    ("  text: A deep tiredness that rest does not fix.\n", "", 5, "fatigue", "needs a text"),
    ("  label: fatigue\n", "", 5, "fatigue", "needs a label"),
    ("  cite: C1\n", "  cite: [C1, C4]\n", 1, "myelin", "cite must be one claim key"),
    ("  cite: C1\n", "  cite: C1\n  source: a book\n", 1, "myelin", "unknown key(s): source"),
]


@pytest.mark.parametrize(("old", "new", "line", "key", "message"), GLOSSARY_CASES)
def test_a_glossary_mistake_is_named_by_line_and_term(tmp_path, old, new, line, key, message):
    folder = copy_content(tmp_path)
    replace_in(folder / "glossary.yaml", old, new)
    [problem] = load_content(folder).problems
    assert (problem.file, problem.line, problem.key) == ("glossary.yaml", line, key)
    assert message in problem.message


MAP_CASES = [
    ("to: myelin, kind: attacks", "to: brain, kind: attacks", 7, "immune-cells -> brain",
     "to: 'brain' is not an entity"),
    ("kind: relieves", "kind: cures", 8, "massage -> fatigue", "kind must be one of"),
    ("evidence: association", "evidence: proof", 8, "massage -> fatigue",
     "evidence must be cause or association"),
    (", claim: C12}", "}", 8, "massage -> fatigue", "cites one claim key"),
    ("{id: fatigue, label: Fatigue, group: symptom}", "{id: myelin, label: M, group: symptom}", 5,
     "myelin", "entity id used twice"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "line", "key", "message"), MAP_CASES)
def test_a_map_mistake_is_named_by_line_and_relation(tmp_path, old, new, line, key, message):
    folder = copy_content(tmp_path)
    replace_in(folder / "mechanisms.yaml", old, new)
    problems = [p for p in load_content(folder).problems if p.line == line]
    assert problems, load_content(folder).problems
    assert (problems[0].file, problems[0].key) == ("mechanisms.yaml", key)
    assert message in problems[0].message


def test_a_missing_glossary_or_map_file_is_named(tmp_path):
    folder = copy_content(tmp_path)
    (folder / "glossary.yaml").unlink()
    (folder / "mechanisms.yaml").unlink()
    assert [str(p) for p in load_content(folder).problems] == [
        "glossary.yaml:1: file: not found",
        "mechanisms.yaml:1: file: not found",
    ]


def test_content_is_read_once_and_again_only_after_a_file_changes(tmp_path):
    folder = copy_content(tmp_path)
    first = load_content(folder)
    assert load_content(folder) is first
    replace_in(folder / "pages" / "what-ms-is.md", "title: What MS is", "title: What MS does")
    again = load_content(folder)
    assert again is not first
    assert again.page("what-ms-is").title == "What MS does"


def test_a_page_with_an_impossible_date_or_deep_nesting_is_a_problem_not_a_crash(tmp_path):
    # PyYAML raises ValueError for 2026-13-01 and RecursionError for deep nesting.
    page = tmp_path / "p.md"
    for front in ("updated: 2026-13-01", "x: " + "[" * 5000):
        page.write_text(f"---\ntitle: T\n{front}\n---\nBody\n")
        read, problems = frontmatter.read_page(page, "pages/p.md")
        assert read is None
        assert [problem.file for problem in problems] == ["pages/p.md"]
        assert "not valid YAML" in problems[0].message
