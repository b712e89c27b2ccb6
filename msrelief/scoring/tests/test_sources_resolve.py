"""Every source key cited anywhere has an entry in sources.md, and nothing still points at the
unpublished research file (issue 9, point 6)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from msrelief.scoring.sources import cited_keys, load_sources, parse_sources, sources_markdown

ROOT = Path(__file__).resolve().parents[3]
PACKAGED = ROOT / "msrelief" / "scoring" / "sources.md"
DOCS_COPY = ROOT / "docs" / "scoring" / "sources.md"
# A key with something else inside its brackets cannot be linked: "[S1 rand36.rst]".
KEY_WITH_EXTRA = re.compile(r"\[S\d+[a-z]?[^\]\w][^\]]*\]")
RESEARCH_FILE = re.compile(r"instruments\.md")


def _citing_files() -> list[Path]:
    files = [
        *sorted((ROOT / "msrelief" / "instruments" / "definitions").glob("*.json")),
        *sorted((ROOT / "msrelief" / "instruments" / "content").iterdir()),
        *sorted((ROOT / "msrelief" / "scoring").glob("*.py")),
        *sorted((ROOT / "docs").rglob("*.md")),
    ]
    return [path for path in files if path.is_file()]


def _repository_files() -> list[Path]:
    roots = ["msrelief", "docs", "scripts", "benchmarks"]
    found = [ROOT / name for name in ("README.md", "Makefile", "pyproject.toml", "conftest.py")]
    for name in roots:
        found += [path for path in (ROOT / name).rglob("*") if path.is_file()]
    skipped = {"tests", "__pycache__"}
    return [
        path
        for path in found
        if path.exists()
        and not skipped & set(path.relative_to(ROOT).parts)
        and path.suffix in {".py", ".md", ".json", ".html", ".txt", ".toml", ".sh", ""}
    ]


def test_the_packaged_source_list_and_the_docs_copy_are_the_same_file() -> None:
    assert DOCS_COPY.read_bytes() == PACKAGED.read_bytes(), (
        "docs/scoring/sources.md differs from msrelief/scoring/sources.md: edit the packaged "
        "file and copy it over the docs one"
    )


def test_the_installed_package_reads_the_source_list_it_ships() -> None:
    assert sources_markdown() == PACKAGED.read_text(encoding="utf-8")


def test_the_source_list_has_an_entry_for_every_key_s1_to_s33_and_the_lettered_ones() -> None:
    wanted = {f"S{n}" for n in range(1, 34)} | {"S14b", "S19b", "S19c"}
    assert wanted <= set(load_sources())


def test_every_entry_has_a_short_citation_to_show_in_place_of_its_key() -> None:
    for source in load_sources().values():
        assert len(source.short) >= 8, source


def test_the_msis29_mcid_paper_is_listed_under_its_key() -> None:
    assert "Costelloe 2007" in load_sources()["S20"].short
    entry = sources_markdown().split('<a id="S20"></a>')[1].split("###")[0]
    assert "10.1136/jnnp.2006.105759" in entry and "EDSS 5.5-8" in entry


@pytest.mark.parametrize("path", _citing_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_source_key_cited_in_a_file_has_an_entry(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    known = load_sources()
    unknown = sorted({key for key in cited_keys(text) if key not in known})
    assert not unknown, f"{path.relative_to(ROOT)} cites {unknown}, not in sources.md"
    odd = KEY_WITH_EXTRA.findall(text)
    assert not odd, f"{path.relative_to(ROOT)}: write {odd[0]} as the bare key, e.g. [S1] (file)"


def test_no_file_outside_the_tests_points_at_the_unpublished_research_file() -> None:
    stale = [
        str(path.relative_to(ROOT))
        for path in _repository_files()
        if RESEARCH_FILE.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not stale, f"these files still cite research/instruments.md: {stale}"


def test_the_scan_for_stale_references_reads_the_definitions_and_the_docs() -> None:
    scanned = {str(path.relative_to(ROOT)) for path in _repository_files()}
    assert "msrelief/instruments/definitions/msis29-1.0.json" in scanned
    assert "docs/scoring/msis29.md" in scanned
    assert "msrelief/scoring/change.py" in scanned


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('### <a id="S2"></a>[S3] Wrong anchor\n', "anchor 'S2' does not match the key"),
        ('### <a id="S3"></a>[S3] One\n### <a id="S3"></a>[S3] Two\n', r"\[S3\] has two entries"),
        ('<a id="S4"></a>**[S4]** not a heading\n', r"\['S4'\] are not entry headings"),
    ],
)
def test_a_malformed_source_list_is_refused_naming_the_entry(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_sources(text)
