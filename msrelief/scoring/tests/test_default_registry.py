"""The packaged definitions are read and validated once per process, and a single definition
can be served without reading the others (what keeps ``msrelief score`` quick to start)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from msrelief.scoring import registry
from msrelief.scoring.definition import Definition
from msrelief.scoring.registry import DEFAULT_DEFINITIONS, default_registry, get_definition


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the files the loader reads, starting from an empty process-wide cache."""
    read: list[str] = []
    real = registry.load_definition_file

    def counting(path: Path, content_directory: Path | None = None) -> Definition:
        read.append(path.name)
        return real(path, content_directory)

    monkeypatch.setattr(registry, "load_definition_file", counting)
    _forget()
    yield read
    _forget()


def _forget() -> None:
    registry.default_registry.cache_clear()
    registry._registry_of.cache_clear()
    registry._packaged.cache_clear()


def test_the_packaged_definitions_are_read_once_however_often_they_are_asked_for(
    loads: list[str],
) -> None:
    first = default_registry()
    again = default_registry()
    get_definition("phq9")
    assert again is first
    assert sorted(loads) == sorted(path.name for path in DEFAULT_DEFINITIONS.glob("*.json"))


def test_one_instrument_is_served_from_its_own_files_before_the_registry_is_loaded(
    loads: list[str],
) -> None:
    assert get_definition("msis29").version == "2.0"
    assert get_definition("msis29", "1.0").version == "1.0"
    assert sorted(set(loads)) == ["msis29-1.0.json", "msis29-2.0.json"]
    assert default_registry.cache_info().currsize == 0


def test_a_definition_read_alone_is_the_same_object_the_registry_serves_later(
    loads: list[str],
) -> None:
    alone = get_definition("phq9")
    assert default_registry().get("phq9") is alone
    assert loads.count("phq9-1.0.json") == 1


def test_a_code_that_begins_another_code_does_not_pick_up_its_files(loads: list[str]) -> None:
    assert registry._files_of("nrs") == []
    assert [path.name for path in registry._files_of("nrs-pain")] == ["nrs-pain-1.0.json"]
    with pytest.raises(KeyError, match=r"no instrument 'nrs'; known codes: .*nrs-pain"):
        get_definition("nrs")


@pytest.mark.parametrize("code", ["../content/phq9", "phq9/../phq9", "*", "phq[9]", ""])
def test_a_code_that_is_not_a_plain_name_reads_no_file_of_its_own_and_is_unknown(
    loads: list[str], code: str
) -> None:
    assert registry._files_of(code) == []
    with pytest.raises(KeyError, match="no instrument"):
        get_definition(code)
