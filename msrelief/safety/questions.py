"""The questions the pre-session page asks on the day, in the project's own words, grouped from
the most urgent down. Each is one answer key of the screen (docs/screening.md). Facts the
client's dated history holds (relapses, steroid courses, infusions, heat sensitivity, sensory
loss, spasticity, a pump, pregnancy, blood thinners…) are not asked again: the page shows them,
and they are corrected in the history."""

# ruff: noqa: E501  (a table of sentences reads better one question a line)

from __future__ import annotations

# (group title, ((answer key, question), ...))
FLAG_GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Right now",
        (
            (
                "chest_pain_or_breathless",
                "Chest pain, sudden shortness of breath, or coughing up blood",
            ),
            (
                "stroke_signs",
                "Signs of a stroke: a face drooping on one side, a weak arm, slurred speech, sudden loss of sight or sudden confusion",
            ),
            ("sudden_severe_headache", "A sudden, very severe headache or neck pain"),
            (
                "collapse_or_severe_reaction",
                "Fainting without a quick recovery, new confusion, a fit, swelling of the lips or throat, or difficulty breathing",
            ),
            (
                "suicidal_immediate_danger",
                "Thinking of ending their life now, has harmed themselves, or feels unable to keep safe",
            ),
            (
                "overheated_now",
                "MS symptoms worse right now because they are hot (a hot day, bath, shower, exercise or car)",
            ),
        ),
    ),
    (
        "In the last days",
        (
            ("dvt_signs", "New pain, swelling, warmth or redness in one calf, thigh or arm"),
            (
                "new_bladder_bowel_or_saddle_change",
                "New numbness between the legs, trouble starting or stopping urine, or loss of bowel control",
            ),
            ("suicidal_thoughts", "Thoughts of being better off dead or of self-harm"),
            (
                "baclofen_pump_problem",
                "The baclofen pump is alarming, or new itching, tingling, a sudden return of stiffness, fever or confusion",
            ),
            (
                "ms_drug_reaction",
                "Since an MS drug infusion or injection in the last day: rash, itching, a tight throat, fever, chills or aches",
            ),
            (
                "vision_loss_or_eye_pain",
                "Sudden loss or blurring of sight in one eye, or pain on moving the eye",
            ),
            (
                "pregnancy_warning_signs",
                "In pregnancy: bleeding, leaking fluid, sudden swelling, a severe headache or the baby moving less",
            ),
            (
                "new_or_worse_symptoms_over_24h",
                "A new symptom, or an old one clearly worse, lasting more than 24 hours",
            ),
            (
                "heat_symptoms_over_24h",
                "Symptoms that got worse in the heat still there after 24 hours",
            ),
            ("in_relapse", "In a relapse now, or one is being checked or treated"),
            (
                "infection_signs",
                "Pain or burning passing urine, much more urgency, cloudy urine, a new chesty cough or an infected wound",
            ),
            (
                "fever_or_infection",
                "A temperature, feeling hot or shivery, or unwell with an infection (cold, flu, stomach bug)",
            ),
        ),
    ),
    (
        "Today's session",
        (
            (
                "skin_breakdown",
                "Sore or broken skin, or a red patch over a bony area that does not fade when pressed",
            ),
            ("unsteady", "Feels unsteady standing or walking"),
            ("catheter", "Has a urinary catheter"),
            ("bruises_easily", "Bruises easily"),
            (
                "injection_site_skin_changes",
                "Red, lumpy, sore, dented or broken skin where they inject",
            ),
            (
                "lhermitte",
                "Bending the neck forward sends electric-shock feelings down the back or limbs",
            ),
            ("fatigue_much_worse", "Much more tired than usual today"),
            (
                "cognitive_or_communication_difficulty",
                "Memory, concentration or communication difficulties",
            ),
        ),
    ),
)
FLAG_KEYS = tuple(key for _, questions in FLAG_GROUPS for key, _ in questions)
# Keys asked as other kinds of field (see forms.ScreenForm).
OTHER_KEYS = ("session", "temperature_c", "falls_last_year", "injection_sites", "gave_birth_on")
