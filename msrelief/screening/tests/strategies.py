"""Hypothesis strategies: any valid set of answers to the screen."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from msrelief.screening import ANSWER_KEYS, KEY_KINDS
from msrelief.screening.tests.helpers import TODAY, days_ago

AREAS = ["left foot", "right hand", "abdomen", "left thigh", "back"]


def back(low: int, high: int) -> st.SearchStrategy[str]:
    """A date ``low`` to ``high`` days before the screen (negative: after it)."""
    return st.integers(low, high).map(days_ago)


VALUES: dict[str, st.SearchStrategy[Any]] = {
    "session": st.sampled_from(["massage", "physiotherapy"]),
    "temperature_c": st.floats(35, 41, allow_nan=False).map(lambda t: round(t, 1)),
    "relapse_onset": back(0, 90),
    "steroids_end": back(-10, 40),
    "gave_birth_on": back(0, 150),
    "last_infusion": st.fixed_dictionaries(
        {
            "drug": st.sampled_from(KEY_KINDS["last_infusion.drug"].choices),
            "date": back(0, 45),
        }
    ),
    "falls_last_year": st.integers(0, 6),
    "pregnant_weeks": st.integers(0, 42),
    "sensory_loss_areas": st.lists(st.sampled_from(AREAS), max_size=3),
    "injection_sites": st.lists(st.sampled_from(AREAS), max_size=3),
}
for _key in ANSWER_KEYS:
    if KEY_KINDS.get(_key) is not None and KEY_KINDS[_key].kind == "bool":
        VALUES[_key] = st.booleans()

OPTIONAL = [key for key in ANSWER_KEYS if key != "date"]
assert set(OPTIONAL) == set(VALUES), "every answer key needs a strategy"


def answers() -> st.SearchStrategy[dict[str, Any]]:
    """A valid set of answers: the date and any selection of the other keys."""
    return st.fixed_dictionaries(
        {"date": st.just(TODAY.isoformat())}, optional={key: VALUES[key] for key in OPTIONAL}
    )


@st.composite
def answers_and_one_more(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """Answers, and the same answers with one more key added (one that was left out)."""
    before = draw(answers())
    missing = [key for key in OPTIONAL if key not in before]
    if not missing:
        return before, before
    key = draw(st.sampled_from(missing))
    return before, {**before, key: draw(VALUES[key])}
