"""The table of the screen's rules: what each one does, and answers on both sides of its trigger.

``EXPECTED`` is each rule's outcome, urgency and adaptations as research/safety.md section 1
sets them. ``CASES`` are answers (added to a ``date``) with the rules they must fire, exactly;
``QUIET`` are answers that must not fire the rule, among them the edge of every threshold.
"""

from __future__ import annotations

from typing import Any

from msrelief.screening.tests.helpers import days_ago

REFER_999 = ("REFER", "emergency_999")
REFER_TODAY = ("REFER", "urgent_same_day")
REFER_TEAM = ("REFER", "ms_team")
DEFER = ("DEFER", None)
ADAPT = ("ADAPT", None)
GO = ("GO", None)

EXPECTED: dict[str, tuple[tuple[str, str | None], tuple[str, ...]]] = {
    "R01": (REFER_999, ()),
    "R02": (REFER_999, ()),
    "R03": (REFER_999, ()),
    "R04": (REFER_999, ()),
    "R05": (REFER_999, ()),
    "R06": (REFER_TODAY, ("no_massage_anywhere",)),
    "R07": (REFER_TODAY, ()),
    "R08": (REFER_TODAY, ()),
    "R09": (REFER_TODAY, ()),
    "R10": (REFER_TODAY, ()),
    "R11": (REFER_TODAY, ()),
    "R12": (REFER_TEAM, ()),
    "R13": (REFER_TEAM, ()),
    "R14": (REFER_TEAM, ()),
    "R15": (DEFER, ()),
    "R16": (DEFER, ()),
    "R17a": (DEFER, ()),
    "R17b": (ADAPT, ("gentle_pressure", "after_steroids_checks", "check_skin")),
    "R18": (DEFER, ()),
    "R19": (ADAPT, ("cool_down_first", "cool_room")),
    "R20": (ADAPT, ("avoid_damaged_skin", "shorter_session", "check_skin")),
    "R21": (ADAPT, ("cool_room", "no_heat_treatments", "check_heat_midway", "cooler_time_of_day")),
    "R22": (
        ADAPT,
        ("sensory_areas_light_pressure", "sensory_areas_no_heat_or_cold", "check_skin"),
    ),
    "R23": (ADAPT, ("spasticity_technique", "spasticity_positioning", "toilet_first")),
    "R24": (ADAPT, ("fall_precautions", "sit_up_in_stages")),
    "R25": (ADAPT, ("sit_up_in_stages", "cool_room")),
    "R26a": (ADAPT, ("toilet_first", "near_toilet", "no_deep_lower_abdomen")),
    "R26b": (ADAPT, ("catheter_care", "no_deep_lower_abdomen")),
    "R27": (
        ADAPT,
        (
            "gentle_pressure",
            "no_joint_mobilisation",
            "supported_positioning",
            "help_with_transfers",
        ),
    ),
    "R28": (ADAPT, ("no_deep_tissue",)),
    "R29": (ADAPT, ("avoid_injection_sites",)),
    "R30": (ADAPT, ("avoid_pump", "no_heat_treatments", "no_trunk_twisting", "pump_clinic_number")),
    "R31a": (ADAPT, ("no_deep_leg_pressure", "no_heat_treatments", "gentle_abdomen")),
    "R31b": (ADAPT, ("side_lying",)),
    "R31c": (ADAPT, ("relapse_questions_with_care",)),
    "R31d": (REFER_TODAY, ()),
    "R32": (ADAPT, ("no_neck_manipulation", "no_sustained_neck_flexion", "no_deep_neck_work")),
    "R33": (ADAPT, ("shorter_session", "lower_intensity", "best_time_of_day")),
    "R34": (ADAPT, ("plain_explanations", "check_consent_often", "involve_carer")),
    "R35": (GO, ()),
    "R36": (GO, ("graded_exercise", "cool_room")),
}


def infusion(drug: str, days: int) -> dict[str, str]:
    return {"drug": drug, "date": days_ago(days)}


# (rule, extra answers, every rule that must fire: the rule itself and any others)
CASES: list[tuple[str, dict[str, Any], set[str]]] = [
    ("R01", {"chest_pain_or_breathless": True}, set()),
    ("R02", {"stroke_signs": True}, set()),
    ("R03", {"sudden_severe_headache": True}, set()),
    ("R04", {"suicidal_immediate_danger": True}, set()),
    ("R04", {"suicidal_immediate_danger": True, "suicidal_thoughts": True}, {"R08"}),
    ("R05", {"collapse_or_severe_reaction": True}, set()),
    ("R06", {"dvt_signs": True}, set()),
    ("R07", {"new_bladder_bowel_or_saddle_change": True}, set()),
    ("R08", {"suicidal_thoughts": True}, set()),
    ("R09", {"baclofen_pump_problem": True}, set()),
    ("R09", {"baclofen_pump_problem": True, "baclofen_pump": True}, {"R30"}),
    ("R10", {"ms_drug_reaction": True}, set()),
    ("R11", {"vision_loss_or_eye_pain": True}, set()),
    ("R12", {"new_or_worse_symptoms_over_24h": True}, set()),
    # msrelief's deliberate difference from the note: a fever does not withdraw the referral.
    ("R12", {"new_or_worse_symptoms_over_24h": True, "fever_or_infection": True}, {"R15"}),
    ("R13", {"heat_symptoms_over_24h": True}, set()),
    ("R14", {"infection_signs": True}, set()),
    ("R15", {"fever_or_infection": True}, set()),
    ("R15", {"temperature_c": 37.8}, set()),
    ("R15", {"temperature_c": 39}, set()),
    ("R16", {"in_relapse": True}, set()),
    ("R16", {"relapse_onset": days_ago(0)}, set()),
    ("R16", {"relapse_onset": days_ago(29)}, set()),
    ("R17a", {"steroids_end": days_ago(0)}, set()),
    ("R17a", {"steroids_end": days_ago(-3)}, set()),
    ("R17b", {"steroids_end": days_ago(1)}, set()),
    ("R17b", {"steroids_end": days_ago(14)}, set()),
    ("R18", {"last_infusion": infusion("other", 0)}, set()),
    ("R18", {"last_infusion": infusion("natalizumab", 0)}, set()),
    ("R18", {"last_infusion": infusion("ocrelizumab", 1)}, set()),
    ("R18", {"last_infusion": infusion("alemtuzumab", 3)}, {"R32"}),
    ("R19", {"overheated_now": True}, set()),
    ("R20", {"skin_breakdown": True}, set()),
    ("R21", {"heat_sensitive": True}, set()),
    ("R22", {"sensory_loss_areas": ["left foot"]}, set()),
    ("R23", {"spasticity": True}, set()),
    ("R24", {"falls_last_year": 1}, set()),
    ("R24", {"unsteady": True}, set()),
    ("R25", {"orthostatic_dizziness": True}, set()),
    ("R26a", {"bladder_urgency": True}, set()),
    ("R26b", {"catheter": True}, set()),
    ("R27", {"thin_bones": True}, set()),
    ("R28", {"anticoagulant": True}, set()),
    ("R28", {"bruises_easily": True}, set()),
    ("R29", {"injection_sites": ["left thigh"]}, set()),
    ("R29", {"injection_site_skin_changes": True}, set()),
    ("R30", {"baclofen_pump": True}, set()),
    ("R31a", {"pregnant_weeks": 0}, set()),
    ("R31a", {"pregnant_weeks": 11}, set()),
    ("R31b", {"pregnant_weeks": 12}, {"R31a"}),
    ("R31c", {"gave_birth_on": days_ago(0)}, set()),
    ("R31c", {"gave_birth_on": days_ago(92)}, set()),
    ("R31d", {"pregnancy_warning_signs": True}, set()),
    ("R32", {"lhermitte": True}, set()),
    ("R32", {"last_infusion": infusion("alemtuzumab", 31)}, set()),
    ("R33", {"fatigue_much_worse": True}, set()),
    ("R34", {"cognitive_or_communication_difficulty": True}, set()),
    ("R35", {}, set()),
    ("R35", {"session": "massage", "heat_sensitive": False, "sensory_loss_areas": []}, set()),
    ("R36", {"session": "physiotherapy"}, set()),
]

# (rule, extra answers that must not fire it)
QUIET: list[tuple[str, dict[str, Any]]] = [
    ("R01", {"chest_pain_or_breathless": False}),
    ("R02", {"stroke_signs": False}),
    ("R03", {"sudden_severe_headache": False}),
    ("R04", {"suicidal_thoughts": True}),
    ("R05", {"collapse_or_severe_reaction": False}),
    ("R06", {"dvt_signs": False}),
    ("R07", {"bladder_urgency": True}),
    ("R08", {"suicidal_thoughts": False}),
    ("R09", {"baclofen_pump": True}),
    ("R10", {"last_infusion": infusion("ocrelizumab", 0)}),
    ("R11", {"vision_loss_or_eye_pain": False}),
    ("R12", {"fatigue_much_worse": True}),
    ("R13", {"overheated_now": True}),
    ("R14", {"infection_signs": False}),
    ("R15", {"temperature_c": 37.7}),
    ("R16", {"relapse_onset": days_ago(30)}),
    ("R16", {"in_relapse": False}),
    ("R17a", {"steroids_end": days_ago(1)}),
    ("R17b", {"steroids_end": days_ago(0)}),
    ("R17b", {"steroids_end": days_ago(15)}),
    ("R18", {"last_infusion": infusion("other", 1)}),
    ("R18", {"last_infusion": infusion("natalizumab", 1)}),
    ("R18", {"last_infusion": infusion("ocrelizumab", 2)}),
    ("R18", {"last_infusion": infusion("alemtuzumab", 4)}),
    ("R19", {"heat_sensitive": True}),
    ("R20", {"skin_breakdown": False}),
    ("R21", {"overheated_now": True}),
    ("R22", {"sensory_loss_areas": []}),
    ("R23", {"spasticity": False}),
    ("R24", {"falls_last_year": 0}),
    ("R25", {"orthostatic_dizziness": False}),
    ("R26a", {"catheter": True}),
    ("R26b", {"bladder_urgency": True}),
    ("R27", {"thin_bones": False}),
    ("R28", {"anticoagulant": False, "bruises_easily": False}),
    ("R29", {"injection_sites": []}),
    ("R30", {"baclofen_pump_problem": True}),
    ("R31a", {"gave_birth_on": days_ago(10)}),
    ("R31b", {"pregnant_weeks": 11}),
    ("R31c", {"gave_birth_on": days_ago(93)}),
    ("R31d", {"pregnant_weeks": 30}),
    ("R32", {"last_infusion": infusion("alemtuzumab", 32)}),
    ("R32", {"last_infusion": infusion("ocrelizumab", 10)}),
    ("R33", {"fatigue_much_worse": False}),
    ("R34", {"cognitive_or_communication_difficulty": False}),
    ("R35", {"session": "physiotherapy"}),
    ("R35", {"heat_sensitive": True}),
    ("R36", {"session": "massage"}),
    ("R36", {"session": "physiotherapy", "heat_sensitive": True}),
]
