"""Every citation of the screen resolves to a reference of the evidence base's seed, and each
of those references is the research note's source, as the note gives it (nothing invented).

The research note lives in the shared folder beside the repository (``../shared/research``), as
in CI; the comparisons with it are skipped, with that reason, only when it is absent.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from msrelief.evidence.seed import load_seed
from msrelief.screening import default_ruleset

REPO_ROOT = Path(__file__).resolve().parents[3]
SAFETY_NOTE = REPO_ROOT.parent / "shared" / "research" / "safety.md"
needs_note = pytest.mark.skipif(
    not SAFETY_NOTE.exists(),
    reason=f"research note not found at {SAFETY_NOTE} (the shared folder beside the repo)",
)

RULESET = default_ruleset()
SOURCES = RULESET.spec.sources
REFERENCES = load_seed().references
BY_KEY = {key: sid for sid, key in SOURCES.items()}


def cited_keys() -> list[tuple[str, str]]:
    """(where, key) for every citation in the rule file."""
    found = []
    for rule in RULESET.rules:
        for key in (*rule.spec.citations, *(rule.spec.threshold_source or ())):
            found.append((rule.id, key))
    for name, message in RULESET.spec.messages.items():
        found += [(f"message {name}", key) for key in message.sources]
    return found


def test_every_citation_of_every_rule_and_message_resolves_in_the_evidence_seed() -> None:
    assert [(where, key) for where, key in cited_keys() if key not in REFERENCES] == []


def test_every_source_of_the_rule_file_is_a_seed_reference_with_a_title() -> None:
    assert [key for key in SOURCES.values() if key not in REFERENCES] == []
    assert all(REFERENCES[key]["title"].strip() for key in SOURCES.values())
    assert len(set(SOURCES.values())) == len(SOURCES), "one reference per source"


# --- comparison with the research note ----------------------------------------------------


def words(text: str) -> str:
    """Lower-case letters and digits only, single-spaced: for comparing titles and names."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text).split())


def note_text() -> str:
    return SAFETY_NOTE.read_text(encoding="utf-8")


def section(title: str) -> str:
    text = note_text()
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def source_entries() -> dict[str, str]:
    """Each source of section 6 with its own lines (the entry and its indented sub-items)."""
    entries: dict[str, str] = {}
    current: str | None = None
    for line in section("6. Sources").splitlines():
        opened = re.match(r"^- \*\*\[(S\d+[a-z]?)\]\*\*", line)
        if opened:
            current = opened.group(1)
            entries[current] = line
        elif current and line.startswith("  "):
            entries[current] += "\n" + line
        else:
            current = None
    return entries


def rule_blocks() -> dict[str, set[str]]:
    """The source numbers cited in each rule of section 1."""
    blocks = re.split(r"^#### (R\d{2})\b", section("1. Rules"), flags=re.MULTILINE)
    return {
        rid: set(re.findall(r"\[(S\d+[a-z]?)\]", body))
        for rid, body in zip(blocks[1::2], blocks[2::2], strict=True)
    }


@pytest.fixture(scope="module")
def entries() -> dict[str, str]:
    return source_entries()


@needs_note
def test_every_source_of_the_note_is_in_the_rule_file_and_nothing_else(
    entries: dict[str, str],
) -> None:
    assert len(entries) == 98
    assert sorted(entries) == sorted(SOURCES)


@needs_note
def test_each_rule_cites_only_sources_the_note_gives_for_that_rule() -> None:
    """A rule's citations come from its own section; a threshold's source may also come from
    the note's table of thresholds on which the sources disagree (section 2)."""
    blocks = rule_blocks()
    disagreements = set(re.findall(r"\[(S\d+[a-z]?)\]", section("2. Where sources disagree")))
    wrong = {}
    for rule in RULESET.rules:
        given = blocks[rule.id[:3]]
        cited = {BY_KEY[key] for key in rule.spec.citations} - given
        sourced = {BY_KEY[key] for key in rule.spec.threshold_source or ()}
        cited |= sourced - given - disagreements
        if cited:
            wrong[rule.id] = sorted(cited)
    assert wrong == {}


@needs_note
def test_each_message_cites_only_sources_of_the_notes_uk_wording_or_of_its_rules() -> None:
    wording = set(re.findall(r"\[(S\d+[a-z]?)\]", section("4. Standard UK wording")))
    blocks = rule_blocks()
    wrong = {}
    for name, message in RULESET.spec.messages.items():
        rules = [rule.id[:3] for rule in RULESET.rules if name in rule.spec.messages]
        allowed = wording.union(*(blocks[rid] for rid in rules))
        extra = {BY_KEY[key] for key in message.sources} - allowed
        if extra:
            wrong[name] = sorted(extra)
    assert wrong == {}


def reference_problems(sid: str, item: dict[str, Any], entry: str, cited_lines: str) -> list[str]:
    flat = words(entry)
    problems = []
    if words(item["title"]) not in flat:
        problems.append(f"title {item['title']!r}")
    for name in item.get("author", []):
        part = name.get("family") or name.get("literal")
        if part != "others" and words(part) not in flat:
            problems.append(f"author {part!r}")
    container = item.get("container-title-short") or item.get("container-title")
    if container and words(container) not in flat:
        problems.append(f"container {container!r}")
    for field in ("URL", "DOI"):
        if field in item and item[field].lower() not in entry.lower():
            problems.append(f"{field} {item[field]!r}")
    year = (item.get("issued") or {}).get("date-parts", [[None]])[0][0]
    if year is not None and str(year) not in entry and str(year) not in cited_lines:
        problems.append(f"year {year}")
    if year is None and "URL" not in item and "DOI" not in item:
        problems.append("neither a year nor an address")
    return problems


@needs_note
def test_no_seed_reference_of_the_screen_says_more_than_the_note_gives(
    entries: dict[str, str],
) -> None:
    lines = note_text().splitlines()
    wrong = {}
    for sid, key in SOURCES.items():
        cited_lines = "\n".join(line for line in lines if f"[{sid}]" in line)
        problems = reference_problems(sid, dict(REFERENCES[key]), entries[sid], cited_lines)
        if problems:
            wrong[f"{sid} {key}"] = problems
    assert wrong == {}
