"""Which msrelief instrument (and which of its scores) a reported result used.

A result's ``instrument`` is the paper's own words; ``instrument_code`` and ``score_name`` tie it
to a definition of :mod:`msrelief.scoring`, so that a client's scores on the same instrument can
be set beside the trial (:mod:`msrelief.evidence.comparators`). This module checks those two
values for the model, the services and the seed loader alike; it imports nothing from Django.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from msrelief.scoring.definition import Definition

# The scoring registry (and the FHIR models it loads) is imported on first use, not when the
# evidence models are imported, so that setting up the apps stays light (core/tests/test_cli).


def codes() -> list[str]:
    """Every instrument code msrelief ships, sorted."""
    from msrelief.scoring.registry import default_registry

    return sorted(default_registry().latest)


def choices() -> list[tuple[str, str]]:
    """``(code, "code: title")`` for every instrument, for a form's select."""
    from msrelief.scoring.registry import default_registry

    latest = default_registry().latest
    return [(code, f"{code}: {latest[code].title}") for code in sorted(latest)]


def definition(code: str) -> Definition | None:
    """The latest definition of ``code``, or None for a code msrelief does not ship."""
    from msrelief.scoring.registry import get_definition, versions_of

    if not versions_of(code):
        return None
    return get_definition(code)


def score_names(code: str) -> tuple[str, ...]:
    """The scores of every version of ``code``, in the order of the definitions (none for an
    unknown code)."""
    from msrelief.scoring.registry import get_definition, versions_of

    names: list[str] = []
    for version in versions_of(code):
        for name in get_definition(code, version).score_names:
            if name not in names:
                names.append(name)
    return tuple(names)


def sole_score(code: str) -> str | None:
    """The one score of an instrument that has exactly one (``total`` of the FSS), else None."""
    names = score_names(code)
    return names[0] if len(names) == 1 else None


def match_errors(code: str, score: str) -> dict[str, str]:
    """What is wrong with an ``instrument_code`` and ``score_name`` pair, by field name."""
    if not code:
        if score:
            return {"score_name": "Choose the matching instrument first, or leave this empty."}
        return {}
    names = score_names(code)
    if not names:
        known = ", ".join(codes())
        return {"instrument_code": f"{code!r} is not an instrument msrelief ships ({known})."}
    if score and score not in names:
        return {"score_name": f"{score!r} is not a score of {code}; its scores are "
                f"{', '.join(names)}."}  # fmt: skip
    return {}
