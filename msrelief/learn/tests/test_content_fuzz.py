"""Fuzzing the reading of Learn content (what `msrelief learn check` and the pages read): a page,
the glossary or the mechanisms file replaced by any bytes, or by the fixture's own text with
CR-only lines, a NUL byte, nesting thousands deep or a huge number, is read with its problems
listed by file; never an exception. `make fuzz-importers` runs it with 5,000 examples."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

from msrelief.learn import frontmatter, yamldata
from msrelief.testing import fuzz_settings, hostile_bytes

FIXTURE = Path(__file__).parent / "fixtures" / "content"
_NAMES = ("pages/what-ms-is.md", "glossary.yaml", "mechanisms.yaml")


def _files(name: str) -> st.SearchStrategy[tuple[str, bytes]]:
    original = (FIXTURE / name).read_text("utf-8")
    return st.tuples(st.just(name), hostile_bytes(st.just(original)))


@fuzz_settings()
@given(st.sampled_from(_NAMES).flatmap(_files))
def test_any_content_file_is_read_with_its_problems_listed_never_an_exception(
    file: tuple[str, bytes],
) -> None:
    name, data = file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(data)
        if name.startswith("pages/"):
            page, problems = frontmatter.read_page(path, name)
            assert page is not None or problems
        elif name == "glossary.yaml":
            problems = yamldata.read_glossary(path)[1]
        else:
            problems = yamldata.read_mechanisms(path)[1]
    assert all(problem.file and problem.message for problem in problems)
    event("problems found" if problems else "read cleanly")
