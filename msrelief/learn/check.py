"""The rules every Learn page, the glossary and the mechanism map must meet (pure Python).

:func:`check` is what ``msrelief learn check`` and the tests run. Given the content and what
the evidence base holds (claim keys with their verification status, study keys), it returns
every problem, one per broken rule, each naming the file, the line and the key, and each
page's Flesch-Kincaid reading grade (textstat 0.7.8, on the text a reader reads: citations and
Markdown removed). The rules are listed in docs/learn.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from msrelief.learn import markup
from msrelief.learn.content import Content, Page, Problem

MAX_GRADE = 9.0
SHORT_ANSWER = "The short answer"
UNVERIFIED = "unverified"


@dataclass(frozen=True)
class Evidence:
    """What the pages may cite: claim key -> verification status, and the study keys."""

    claims: Mapping[str, str]
    studies: frozenset[str]


@dataclass(frozen=True)
class Grade:
    file: str
    grade: float


@dataclass(frozen=True)
class Report:
    problems: tuple[Problem, ...]
    grades: tuple[Grade, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid grade of ``text`` (0 for no words)."""
    if not text.strip():
        return 0.0
    import textstat  # type: ignore[import-untyped]  # loads its dictionary on first use

    return round(float(textstat.flesch_kincaid_grade(text)), 1)


def check(content: Content, evidence: Evidence, max_grade: float = MAX_GRADE) -> Report:
    problems = list(content.problems)
    grades = []
    for page in content.pages:
        problems += _page_problems(page, content, evidence)
        grade = reading_grade(page_text(page, content))
        grades.append(Grade(page.file, grade))
        if grade > max_grade:
            message = (
                f"reading grade {grade} is above {max_grade:g}: use shorter sentences and words"
            )
            problems.append(Problem(page.file, page.body_line, "reading grade", message))
    problems += _glossary_problems(content, evidence, max_grade, grades)
    for relation in content.mechanisms.relations:
        problem = _claim_problem(relation.claim, False, evidence, "mechanisms.yaml", relation.line)
        if problem is not None:
            problems.append(problem)
    return Report(tuple(problems), tuple(grades))


def page_text(page: Page, content: Content) -> str:
    """The words a reader reads on ``page``, glossary terms shown by their label."""

    def label(written: str) -> str:
        term = content.term(written)
        return term.label if term is not None else written

    return markup.plain_text(page.body, label)


def _page_problems(page: Page, content: Content, evidence: Evidence) -> Iterator[Problem]:
    found = markup.blocks(page.body, page.body_line)
    headings = [block for block in found if block.kind == "heading"]
    if not headings or headings[0].text != SHORT_ANSWER or headings[0].level != 2:
        line = headings[0].line if headings else page.body_line
        message = f"the body must start with the section ## {SHORT_ANSWER}"
        yield Problem(page.file, line, "short answer", message)
    for block in found:
        cited = bool(markup.CITATION.search(block.text))
        if cited or block.kind == "heading":
            continue
        if block.kind in ("paragraph", "table") and not markup.is_only_links(block.text):
            yield Problem(
                page.file, block.line, _opening(block.text), f"a {block.kind} with no citation"
            )
        elif block.kind == "item" and markup.ends_as_sentence(block.text):
            message = "a list item that states a fact (a sentence) with no citation"
            yield Problem(page.file, block.line, _opening(block.text), message)
    for line, text in markup.source_lines(page.body, page.body_line):
        yield from _line_problems(page.file, line, text, content, evidence)
    for study in page.studies:
        if study not in evidence.studies:
            yield Problem(page.file, 1, study, "front matter names a study the evidence base lacks")


def _opening(text: str) -> str:
    words = markup.without_marks(text).split()
    return " ".join(words[:6]) + (" …" if len(words) > 6 else "")


def _line_problems(
    file: str, line: int, text: str, content: Content, evidence: Evidence
) -> Iterator[Problem]:
    for match in markup.CITATION.finditer(text):
        cites = markup.parse_citation(match.group(1))
        if cites is None:
            message = "not a citation: write [@key], [@key-one; @key-two] or [@key report]"
            yield Problem(file, line, match.group(0), message)
            continue
        for cite in cites:
            problem = _claim_problem(cite.key, cite.report, evidence, file, line)
            if problem is not None:
                yield problem
    for match in markup.TERM.finditer(text):
        if content.term(match.group(1)) is None:
            yield Problem(file, line, match.group(1), "not a term of the glossary")


def _claim_problem(
    key: str, report: bool, evidence: Evidence, file: str, line: int
) -> Problem | None:
    status = evidence.claims.get(key)
    if status is None:
        return Problem(file, line, key, "unknown claim key")
    if status == UNVERIFIED and not report:
        message = f"the claim is unverified: cite it as a report only, [@{key} report]"
        return Problem(file, line, key, message)
    return None


def _glossary_problems(
    content: Content, evidence: Evidence, max_grade: float, grades: list[Grade]
) -> Iterator[Problem]:
    for term in content.glossary.values():
        if term.cite is not None:
            problem = _claim_problem(term.cite, False, evidence, "glossary.yaml", term.line)
            if problem is not None:
                yield problem
    if content.glossary:
        text = " ".join(term.text for term in content.glossary.values())
        grade = reading_grade(text)
        grades.append(Grade("glossary.yaml", grade))
        if grade > max_grade:
            message = f"reading grade {grade} is above {max_grade:g}: explain in shorter words"
            yield Problem("glossary.yaml", 1, "reading grade", message)
