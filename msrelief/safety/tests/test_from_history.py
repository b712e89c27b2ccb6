"""The screen's answers taken from the dated history: only what it holds, as of the session."""

import datetime as dt

from msrelief.clients import history_services as history
from msrelief.safety import from_history

ON = dt.date(2026, 11, 20)


def answers(client, on=ON):
    return {fact.key: fact.value for fact in from_history.facts(client, on)}


def test_an_empty_history_gives_no_answers(ms_client):
    assert answers(ms_client) == {}


def test_the_latest_relapse_and_its_steroid_course_before_the_session_are_taken(
    ms_client, therapist
):
    history.add_entry(therapist, ms_client, "relapse", {"onset": dt.date(2026, 3, 1)})
    history.add_entry(
        therapist, ms_client, "relapse",
        {"onset": dt.date(2026, 11, 10), "steroid_start": dt.date(2026, 11, 11),
         "steroid_end": dt.date(2026, 11, 15)},
    )  # fmt: skip
    assert answers(ms_client) == {
        "relapse_onset": dt.date(2026, 11, 10),
        "steroids_end": dt.date(2026, 11, 15),
    }
    assert answers(ms_client, dt.date(2026, 11, 5)) == {"relapse_onset": dt.date(2026, 3, 1)}


def test_the_last_infusion_names_the_drug_the_rules_know_or_other(ms_client, therapist):
    history.add_entry(
        therapist, ms_client, "dmt",
        {"drug": "ocrelizumab", "route": "infusion", "last_dose": dt.date(2026, 11, 18)},
    )  # fmt: skip
    assert answers(ms_client)["last_infusion"] == {
        "drug": "ocrelizumab",
        "date": dt.date(2026, 11, 18),
    }
    history.add_entry(
        therapist, ms_client, "dmt",
        {"drug": "other", "drug_other": "Trial drug", "route": "infusion",
         "last_dose": dt.date(2026, 11, 19)},
    )  # fmt: skip
    assert answers(ms_client)["last_infusion"]["drug"] == "other"


def test_ongoing_conditions_set_their_flags_and_ended_ones_do_not(ms_client, therapist):
    history.add_entry(therapist, ms_client, "condition", {"kind": "heat_sensitivity"})
    history.add_entry(
        therapist, ms_client, "condition",
        {"kind": "spasticity", "since": dt.date(2025, 1, 1), "until": dt.date(2026, 1, 1)},
    )  # fmt: skip
    history.add_entry(
        therapist, ms_client, "condition",
        {"kind": "sensory_loss", "areas": ["foot_left"]},
    )  # fmt: skip
    found = answers(ms_client)
    assert found["heat_sensitive"] is True
    assert "spasticity" not in found
    assert found["sensory_loss_areas"] == ["Left foot"]


def test_a_current_blood_thinner_and_pregnancy_weeks_are_taken(ms_client, therapist):
    history.add_entry(
        therapist, ms_client, "medicine", {"name": "apixaban", "group": "anticoagulant"}
    )
    history.add_entry(
        therapist, ms_client, "medicine",
        {"name": "aspirin", "group": "antiplatelet", "stopped": dt.date(2026, 1, 1)},
    )  # fmt: skip
    history.add_entry(
        therapist, ms_client, "condition",
        {"kind": "pregnancy", "since": ON - dt.timedelta(weeks=14, days=3)},
    )  # fmt: skip
    found = answers(ms_client)
    assert found["anticoagulant"] is True
    assert found["pregnant_weeks"] == 14
    thinner = next(f for f in from_history.facts(ms_client, ON) if f.key == "anticoagulant")
    assert thinner.said == "apixaban"


def test_falls_are_counted_over_the_twelve_months_before_the_session(ms_client, therapist):
    for day in (dt.date(2025, 11, 20), dt.date(2025, 11, 21), dt.date(2026, 11, 1)):
        history.add_entry(therapist, ms_client, "fall", {"on": day})
    assert from_history.falls_last_year(ms_client, ON) == 2
