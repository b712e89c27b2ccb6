"""A broken rule file is refused at load, with the file, the rule and the field named."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from msrelief.screening import DEFAULT_RULES, RulesetError, load_ruleset
from msrelief.screening.ruleset import ruleset_from_json

PACKAGED = json.loads(DEFAULT_RULES.read_text(encoding="utf-8"))


def rule(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in data["rules"] if r["id"] == rule_id)
    return found


def broken(change: Callable[[dict[str, Any]], None]) -> str:
    data = copy.deepcopy(PACKAGED)
    change(data)
    with pytest.raises(RulesetError) as caught:
        ruleset_from_json(data, "test.json")
    return str(caught.value)


def set_in(rule_id: str, field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: rule(data, rule_id).__setitem__(field, value)


def test_the_packaged_rule_file_loads() -> None:
    assert load_ruleset(DEFAULT_RULES).version == PACKAGED["ruleset_version"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (set_in("R16", "outcome", "WAIT"), "test.json: rule R16: field 'outcome': Input should be"),
        (set_in("R16", "grade", "E"), "test.json: rule R16: field 'grade':"),
        (set_in("R16", "citations", []), "test.json: rule R16: field 'citations':"),
        (set_in("R16", "urgency", "ms_team"),
         "rule R16: field 'urgency': is required for a REFER, and only for a REFER"),
        (set_in("R01", "urgency", None), "rule R01: field 'urgency': is required for a REFER"),
        (set_in("R21", "adaptations", ["cold_room"]),
         "rule R21: field 'adaptations': unknown adaptation 'cold_room'"),
        (set_in("R01", "messages", ["call_112"]),
         "rule R01: field 'messages': unknown message 'call_112'"),
        (set_in("R01", "citations", ["nobody2020"]),
         "rule R01: field 'citations': 'nobody2020' is not the key of any of the file's sources"),
        (set_in("R16", "threshold_note", None),
         "rule R16: field 'threshold_note': is required: the trigger has a threshold"),
        (set_in("R16", "threshold_note", "Thirty days."),
         "rule R16: field 'threshold_note': has no threshold_source, so must begin"),
        (set_in("R24", "threshold_note", None),
         "rule R24: field 'threshold_note': is required"),
        (set_in("R21", "trigger", {"key": "heat_sensitive", "is": False}),
         "rule R21: field 'trigger.is': cannot be false"),
        (set_in("R21", "trigger", {"key": "heat_sensitiv", "is": True}),
         "rule R21: field 'trigger.key': 'heat_sensitiv' is not an answer key"),
        (set_in("R21", "trigger", {"key": "relapse_onset", "is": True}),
         "rule R21: field 'trigger.key': 'relapse_onset' is a date, not a bool"),
        (set_in("R16", "trigger", {"any": [{"in_relapse": True}]}),
         "rule R16: field 'trigger.any[0]': needs one of: key, days_since, all, any, otherwise"),
        (set_in("R16", "trigger", {"days_since": "relapse_onset", "at_most": 29.5}),
         "rule R16: field 'trigger.at_most': must be a whole number of days"),
        (set_in("R16", "trigger", {"days_since": "relapse_onset", "at_least": 9, "at_most": 2}),
         "rule R16: field 'trigger.at_least': must not be more than at_most"),
        (set_in("R18", "trigger", {"key": "last_infusion.drug", "in": ["rituximab"]}),
         "rule R18: field 'trigger.in': 'rituximab' is not one of"),
        (set_in("R21", "trigger", {"key": "heat_sensitive", "is": True, "given": True}),
         "rule R21: field 'trigger': needs exactly one of: is, in, at_least, not_empty, given"),
        (set_in("R21", "trigger", {"otherwise": True}),
         "rule R21: field 'trigger': a GO rule, and only a GO rule, fires 'otherwise'"),
        (set_in("R35", "trigger", {"key": "session", "is": "massage"}),
         "rule R35: field 'trigger': a GO rule, and only a GO rule, fires 'otherwise'"),
        (lambda data: data["rules"].append(copy.deepcopy(rule(data, "R01"))),
         "test.json: rule R01: field 'id': is used twice"),
        (lambda data: data["adaptations"]["check_skin"].__setitem__("where", "thin_bones"),
         "test.json: field 'adaptations.check_skin.where': 'thin_bones' is not a list answer"),
        (lambda data: data["standing_precautions"].append("nap"),
         "test.json: field 'standing_precautions': unknown adaptation 'nap'"),
        (lambda data: data["messages"]["call_999"].__setitem__("sources", ["nobody2020"]),
         "test.json: field 'messages.call_999.sources': 'nobody2020' is not the key"),
        (lambda data: data.pop("ruleset_version"),
         "test.json: field 'ruleset_version': Field required"),
        (lambda data: data.__setitem__("colour", "blue"),
         "test.json: field 'colour': Extra inputs"),
    ],
)  # fmt: skip
def test_a_broken_rule_file_names_the_rule_and_the_field(
    change: Callable[[dict[str, Any]], None], message: str
) -> None:
    assert message in broken(change)


def test_a_rule_file_that_is_not_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": 1,\n "rules": [}', encoding="utf-8")
    with pytest.raises(RulesetError, match=r"^bad\.json: is not valid JSON \(line 2, column"):
        load_ruleset(path)


def test_a_missing_rule_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(RulesetError, match=r"^absent\.json: cannot be read"):
        load_ruleset(tmp_path / "absent.json")
