"""The two marks a Learn page adds to Markdown, and the page's blocks and plain text (pure).

- ``[@claim-key]``, ``[@key-one; @key-two]``: citations of evidence claims; ``[@key report]``
  cites an unverified claim as a report only.
- ``[[term]]``: a glossary term, shown as the entry's label and linked to the glossary.

:func:`blocks` splits a body into headings, paragraphs, list items and tables with the line
each starts on (for the check's messages); :func:`plain_text` gives the words a reader reads,
with citations and Markdown removed, for the reading grade; :func:`substitute` replaces the
marks in rendered HTML, outside code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown  # type: ignore[import-untyped]

KEY = r"[A-Za-z0-9](?:[A-Za-z0-9_.:-]*[A-Za-z0-9_])?"
CITATION = re.compile(r"\[@([^\[\]\n]*)\]")
_PART = re.compile(rf"^@({KEY})(?:\s+(report))?$")
TERM = re.compile(r"\[\[([^\[\]\n]+)\]\]")
_CODE = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>)", re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_EXTENSIONS = ["extra", "sane_lists"]


@dataclass(frozen=True)
class Cite:
    key: str
    report: bool = False


def parse_citation(inside: str) -> tuple[Cite, ...] | None:
    """The cites of ``[@…]`` given what follows ``[@``; None when it is not well formed."""
    cites = []
    for part in f"@{inside}".split(";"):
        match = _PART.match(part.strip())
        if match is None:
            return None
        cites.append(Cite(match.group(1), match.group(2) == "report"))
    return tuple(cites)


@dataclass(frozen=True)
class Block:
    kind: str  # heading | paragraph | item | table
    text: str
    line: int
    level: int = 0  # of a heading


def blocks(body: str, first_line: int = 1) -> list[Block]:
    """The body's blocks outside code fences, each with the file line it starts on."""
    found: list[Block] = []
    current: list[str] = []
    kind, start, fenced = "", 0, False

    def close() -> None:
        nonlocal current
        if current:
            found.append(Block(kind, " ".join(current).strip(), start))
        current = []

    for number, raw in enumerate(body.splitlines(), start=first_line):
        line = raw.rstrip()
        if _FENCE.match(line):
            close()
            fenced = not fenced
            continue
        if fenced or not line.strip() or _RULE.match(line) or line.lstrip().startswith("<!--"):
            close()
            continue
        heading, item = _HEADING.match(line), _ITEM.match(line)
        if heading:
            close()
            found.append(Block("heading", heading.group(2), number, len(heading.group(1))))
        elif item:
            close()
            kind, start, current = "item", number, [item.group(1)]
        elif line.lstrip().startswith("|") and kind != "table":
            close()
            kind, start, current = "table", number, [line]
        elif current:
            current.append(line.strip().lstrip(">").strip())
        else:
            kind, start, current = "paragraph", number, [line.strip().lstrip(">").strip()]
    close()
    return found


def source_lines(body: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """The body's lines outside code fences, with their file line numbers."""
    fenced = False
    for number, line in enumerate(body.splitlines(), start=first_line):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield number, line


def without_marks(text: str, label: Callable[[str], str] | None = None) -> str:
    """``text`` with citations removed and terms replaced by their label (or as written)."""
    text = CITATION.sub("", text)
    text = TERM.sub(lambda m: label(m.group(1)) if label else m.group(1), text)
    return re.sub(r"[ \t]+([.,;:!?])", r"\1", text)


def is_only_links(text: str) -> bool:
    """Whether a paragraph is links with at most three other words ("See also [the map](…)."):
    such a line points somewhere and states no fact."""
    rest = _LINK.sub(" ", without_marks(text))
    return bool(_LINK.search(text)) and len(re.findall(r"\w+", rest)) <= 3


def ends_as_sentence(text: str) -> bool:
    """Whether a list item is written as a sentence, ending in . or !"""
    words = _LINK.sub(r"\1", without_marks(text)).strip().rstrip("*_)\"'\u201d\u2019 ")
    return words.endswith((".", "!"))


class _TextParser(HTMLParser):
    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.current: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.flush()
        elif tag in ("pre", "code"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.flush()
        elif tag in ("pre", "code"):
            self.skip = max(0, self.skip - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.parts.append(text if text[-1] in ".!?:;" else f"{text}.")
        self.current = []


def plain_text(body: str, label: Callable[[str], str] | None = None) -> str:
    """The words of a body as a reader reads them: marks and Markdown removed, each heading,
    paragraph, list item and cell one sentence at least (for the reading grade)."""
    rendered = markdown.markdown(without_marks(body, label), extensions=MARKDOWN_EXTENSIONS)
    parser = _TextParser()
    parser.feed(rendered)
    parser.close()
    parser.flush()
    return " ".join(parser.parts)


def substitute(
    rendered: str,
    on_citation: Callable[[str, tuple[Cite, ...] | None], str],
    on_term: Callable[[str], str],
) -> str:
    """Replace the marks in rendered HTML (outside code) by what the callbacks return. The
    callbacks get the unescaped text of the mark and return HTML."""
    segments = _CODE.split(rendered)
    for index in range(0, len(segments), 2):
        text = CITATION.sub(
            lambda m: on_citation(m.group(0), parse_citation(html.unescape(m.group(1)))),
            segments[index],
        )
        segments[index] = TERM.sub(lambda m: on_term(html.unescape(m.group(1))), text)
    return "".join(segments)
