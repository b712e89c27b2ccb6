"""Find, validate and serve instrument definitions.

Definitions are JSON files named ``<code>-<version>.json`` in
``msrelief/instruments/definitions/`` (found relative to this package, so it works from any
working directory). Item wording that is licensed for non-commercial use only lives apart, in
``msrelief/instruments/content/<code>-<version>.json``; when that folder is absent (for example
in a commercial redistribution that strips it) the same definitions load with neutral labels.

Every file is validated when loaded; a broken file raises
:class:`~msrelief.scoring.errors.DefinitionError` naming the file and the field. A registry also
refuses two definitions that share an export column.
"""

from __future__ import annotations

import glob
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from msrelief.lib import bounded_json
from msrelief.scoring.checks import check_definition
from msrelief.scoring.contract_checks import check_contract, check_unique_columns
from msrelief.scoring.definition import Definition
from msrelief.scoring.errors import DefinitionError, ScoringError
from msrelief.scoring.models import ContentSpec, DefinitionSpec
from msrelief.scoring.plan import compile_plan
from msrelief.scoring.presentation import check_presentation, leads_by_item
from msrelief.scoring.psqi import check_psqi_spec
from msrelief.scoring.questionnaire import check_questionnaire, merge_content

INSTRUMENTS_ROOT = Path(__file__).resolve().parent.parent / "instruments"
DEFAULT_DEFINITIONS = INSTRUMENTS_ROOT / "definitions"
DEFAULT_CONTENT = INSTRUMENTS_ROOT / "content"


def _field_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _read_json(path: Path) -> Any:
    """The file's JSON: text that is not UTF-8, nested past the limit or with a number out of
    range is a DefinitionError like any other broken file, not a UnicodeDecodeError,
    RecursionError or ValueError."""
    try:
        return bounded_json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise DefinitionError(path.name, "(file)", "not UTF-8 text") from None
    except bounded_json.JsonInputError as error:
        raise DefinitionError(path.name, "(file)", str(error)) from None


def _parse(path: Path, model: type[DefinitionSpec] | type[ContentSpec]) -> Any:
    try:
        return model.model_validate(_read_json(path))
    except ValidationError as error:
        first = error.errors()[0]
        raise DefinitionError(path.name, _field_path(tuple(first["loc"])), first["msg"]) from None


def load_definition_file(
    path: Path, content_directory: Path | None = DEFAULT_CONTENT
) -> Definition:
    """Load, validate and compile one definition file."""
    spec: DefinitionSpec = _parse(path, DefinitionSpec)
    if path.name != f"{spec.code}-{spec.version}.json":
        raise DefinitionError(
            path.name, "code", f"file must be named {spec.code}-{spec.version}.json"
        )
    check_definition(path.name, spec)
    if spec.scoring.algorithm == "psqi":
        check_psqi_spec(path.name, spec)
    check_questionnaire(path.name, spec)
    check_presentation(path.name, spec)
    check_contract(path.name, spec)
    questionnaire = spec.questionnaire
    available = spec.licence.item_text == "full"
    instructions, leads = spec.instructions, spec.item_leads
    content_path = (content_directory or Path("/nonexistent")) / path.name
    if spec.licence.item_text == "content" and content_path.is_file():
        content: ContentSpec = _parse(content_path, ContentSpec)
        questionnaire = merge_content(spec, content, content_path.name)
        available = True
        instructions, leads = content.instructions, content.item_leads
    return Definition(
        spec,
        questionnaire,
        compile_plan(spec),
        path.name,
        available,
        instructions=instructions,
        item_leads=leads_by_item(leads),
    )


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class Registry:
    """All definitions of a directory: by (code, version), and the latest version of each code."""

    by_version: dict[tuple[str, str], Definition]
    latest: dict[str, Definition] = field(init=False)

    def __post_init__(self) -> None:
        check_unique_columns((d.file, d.spec) for d in self.by_version.values())
        newest: dict[str, Definition] = {}
        for key in sorted(self.by_version, key=lambda pair: (pair[0], _version_key(pair[1]))):
            newest[key[0]] = self.by_version[key]
        object.__setattr__(self, "latest", newest)

    def get(self, code: str, version: str | None = None) -> Definition:
        """A definition by code (latest version) or by code and version; ``code@version`` works."""
        if version is None and "@" in code:
            code, version = code.split("@", 1)
        wanted = code if version is None else f"{code}@{version}"
        found = self.latest.get(code) if version is None else self.by_version.get((code, version))
        if found is None:
            known = ", ".join(sorted(self.latest))
            raise KeyError(f"no instrument {wanted!r}; known codes: {known}")
        return found


def load_registry(
    directory: Path | str | None = None, content_directory: Path | str | None = None
) -> Registry:
    """Load every ``*.json`` definition in ``directory`` (default: the packaged definitions)."""
    folder = Path(directory) if directory is not None else DEFAULT_DEFINITIONS
    content = Path(content_directory) if content_directory is not None else DEFAULT_CONTENT
    loaded: dict[tuple[str, str], Definition] = {}
    for path in sorted(folder.glob("*.json")):
        definition = load_definition_file(path, content)
        loaded[(definition.code, definition.version)] = definition
    return Registry(loaded)


def load_definitions(
    directory: Path | str | None = None, content_directory: Path | str | None = None
) -> dict[str, Definition]:
    """The latest version of each instrument in ``directory``, keyed by code."""
    return load_registry(directory, content_directory).latest


@cache
def _packaged(path: Path) -> Definition:
    """One packaged definition file, read and validated once per process."""
    return load_definition_file(path, DEFAULT_CONTENT)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """Every packaged definition, loaded once per process; each file is validated as it loads.

    Pages and services use this, never :func:`load_registry`, which reads the files again.
    """
    paths = sorted(DEFAULT_DEFINITIONS.glob("*.json"))
    return Registry({(d.code, d.version): d for d in map(_packaged, paths)})


_VERSION = re.compile(r"\d+(?:\.\d+)*")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def _files_of(code: str) -> list[Path]:
    """The packaged files of one code (``nrs-pain-1.0.json`` is not a file of ``nrs``); none
    for a code that could not name a file in the definitions folder."""
    if not _CODE.fullmatch(code):
        return []
    prefix = f"{code}-"
    return [
        path
        for path in sorted(DEFAULT_DEFINITIONS.glob(f"{glob.escape(prefix)}*.json"))
        if _VERSION.fullmatch(path.name[len(prefix) : -len(".json")])
    ]


def get_definition(code: str, version: str | None = None) -> Definition:
    """A packaged definition: ``get_definition("phq9")``, ``("msis29", "1.0")``, ``("msis29@1.0")``.

    Until something needs the whole registry, only the files of the code asked for are read
    (and validated), so a command that scores one instrument starts quickly. Raises KeyError
    (naming the known codes) for an unknown code or version.
    """
    if version is None and "@" in code:
        code, version = code.split("@", 1)
    if default_registry.cache_info().currsize == 0:
        found = _registry_of(code)
        wanted = (
            found.latest.get(code) if version is None else found.by_version.get((code, version))
        )
        if wanted is not None:
            return wanted
    return default_registry().get(code, version)


def versions_of(code: str) -> list[str]:
    """The packaged versions of ``code``, oldest first (empty for an unknown code)."""
    found = _registry_of(code).by_version
    return sorted((version for _, version in found), key=_version_key)


def get_definition_for_entry(code: str) -> Definition:
    """The definition to score a response entered or imported from outside (the CLI, the API,
    a staff member typing in a paper form): ``code@version``, or a code alone when the
    instrument has one version only. An instrument whose versions score differently (MSIS-29
    v1 answers 1-5, v2 answers 1-4) must be named with its version, so that a form of one
    version is never silently scored as the other; anything else raises ScoringError."""
    if "@" in code:
        return get_definition(code)
    versions = versions_of(code)
    if len(versions) > 1:
        named = " or ".join(f"{code}@{version}" for version in versions)
        raise ScoringError(
            f"{code} has versions {', '.join(versions)}, which are scored differently: "
            f"say which form was used, as {named}"
        )
    return get_definition(code)


@lru_cache(maxsize=64)
def _registry_of(code: str) -> Registry:
    """The packaged versions of one code (none for an unknown code), each read once."""
    return Registry({(d.code, d.version): d for d in map(_packaged, _files_of(code))})
