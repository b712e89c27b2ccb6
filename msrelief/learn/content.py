"""The Learn content as typed records, read once per process (pure Python, no Django).

The files live in ``msrelief/learn/content/`` (their format is fixed in docs/learn.md):
``pages/<slug>.md`` (YAML front matter and a Markdown body), ``glossary.yaml`` and
``mechanisms.yaml``. :func:`load_content` reads them all and returns what it could read
together with every problem it met, each naming the file, the line and the key, so that
``msrelief learn check`` can list them all at once and the pages can still show what is sound.

Reading is cached per process: the cache key is the folder and, for every file in it, its
size and modification time, so an edited file is read again on the next call and an
unchanged folder costs one ``stat`` per file.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"

PAGE_KINDS = ("topic", "symptom")
SYMPTOMS = (
    "fatigue", "pain", "anxiety", "depression", "sleep", "spasticity", "walking",
    "quality-of-life",
)  # fmt: skip
RELATION_KINDS = (
    "attacks", "damages", "repairs", "protects", "worsens", "relieves", "triggers",
    "associated_with",
)  # fmt: skip
EVIDENCE_KINDS = ("cause", "association")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content: where it is, what it is about, and what is wrong."""

    file: str  # relative to the content folder: "pages/what-ms-is.md", "glossary.yaml"
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.key}: {self.message}"


@dataclass(frozen=True)
class Page:
    slug: str
    file: str
    title: str
    summary: str
    updated: dt.date
    reviewed_by: str
    reading_age: int
    order: int
    kind: str
    symptom: str | None
    studies: tuple[str, ...]
    body: str
    body_line: int  # the line of the file on which the body starts

    @property
    def symptom_words(self) -> str:
        """The symptom as words: "quality of life"."""
        return (self.symptom or "").replace("-", " ")


@dataclass(frozen=True)
class Term:
    term: str
    label: str
    text: str
    cite: str | None
    line: int


@dataclass(frozen=True)
class Entity:
    id: str
    label: str
    group: str
    line: int


@dataclass(frozen=True)
class Relation:
    source: str
    target: str
    kind: str
    evidence: str
    claim: str
    line: int

    @property
    def verb(self) -> str:
        """The relation as a verb: "attacks", "is associated with"."""
        return "is associated with" if self.kind == "associated_with" else self.kind


@dataclass(frozen=True)
class MechanismMap:
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


@dataclass(frozen=True)
class Content:
    """Everything that could be read, and every problem met on the way."""

    pages: tuple[Page, ...] = ()
    glossary: Mapping[str, Term] = field(default_factory=dict)
    mechanisms: MechanismMap = field(default_factory=MechanismMap)
    problems: tuple[Problem, ...] = ()

    def page(self, slug: str) -> Page | None:
        return next((page for page in self.pages if page.slug == slug), None)

    def term(self, written: str) -> Term | None:
        """The glossary entry for a term as written in a page (case does not matter)."""
        return self.glossary.get(written.strip().lower())


def load_content(directory: Path | str | None = None) -> Content:
    """The content of ``directory`` (default: the app's ``content/`` folder), cached."""
    base = Path(directory) if directory is not None else CONTENT_DIR
    return _load_cached(base.resolve(), _signature(base))


def _signature(base: Path) -> tuple[tuple[str, int, int], ...]:
    if not base.is_dir():
        return ()
    found = []
    for path in sorted(base.rglob("*")):
        if path.is_file():
            stat = path.stat()
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


@functools.lru_cache(maxsize=8)
def _load_cached(base: Path, signature: tuple[tuple[str, int, int], ...]) -> Content:
    from msrelief.learn import frontmatter, yamldata

    problems: list[Problem] = []
    if not base.is_dir():
        return Content(problems=(Problem(str(base), 1, "content", "folder not found"),))
    pages = []
    page_dir = base / "pages"
    for path in sorted(page_dir.glob("*.md")) if page_dir.is_dir() else []:
        page, found = frontmatter.read_page(path, f"pages/{path.name}")
        problems += found
        if page is not None:
            pages.append(page)
    glossary, found = yamldata.read_glossary(base / "glossary.yaml")
    problems += found
    mechanisms, found = yamldata.read_mechanisms(base / "mechanisms.yaml")
    problems += found
    pages.sort(key=lambda page: (page.order, page.slug))
    return Content(tuple(pages), glossary, mechanisms, tuple(problems))
