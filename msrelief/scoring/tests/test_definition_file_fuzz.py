"""Fuzzing the loading of an instrument definition file: whatever the file holds (any bytes, a
real definition with one value made wrong, nesting thousands deep), loading it gives a
definition or a DefinitionError naming the file; never another exception. `make
fuzz-importers` runs it with 5,000 examples."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import event, given

from msrelief.scoring.errors import DefinitionError
from msrelief.scoring.registry import DEFAULT_DEFINITIONS, load_definition_file
from msrelief.testing import fuzz_settings, hostile_bytes, mutated_json

_PHQ9 = json.loads((DEFAULT_DEFINITIONS / "phq9-1.0.json").read_text("utf-8"))
_files = hostile_bytes(mutated_json(_PHQ9)) | mutated_json(_PHQ9).map(str.encode)


@fuzz_settings()
@given(_files)
def test_any_definition_file_loads_or_is_refused_with_a_message_naming_the_file(
    data: bytes,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "phq9-1.0.json"
        path.write_bytes(data)
        try:
            definition = load_definition_file(path, content_directory=None)
        except DefinitionError as error:
            assert "phq9-1.0.json" in str(error)
            event("refused")
            return
    assert definition.code == "phq9"
    event("loaded")


def test_the_unchanged_definition_loads_so_the_fuzzing_starts_from_a_good_file() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "phq9-1.0.json"
        path.write_text(json.dumps(_PHQ9))
        assert load_definition_file(path, content_directory=None).code == "phq9"


def test_a_definition_file_that_is_not_utf8_is_refused_with_a_message() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "phq9-1.0.json"
        path.write_bytes(json.dumps(_PHQ9).encode("utf-16"))
        try:
            load_definition_file(path, content_directory=None)
        except DefinitionError as error:
            assert "UTF-8" in str(error)
        else:
            raise AssertionError("a file that is not UTF-8 was loaded")
