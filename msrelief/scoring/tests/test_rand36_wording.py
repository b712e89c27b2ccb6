"""RAND-36 ships RAND's own wording (RAND's terms allow it with a credit line), with a label on
every answer and each section stem as a lead; SF-36, whose licence differs, ships none."""

from __future__ import annotations

from msrelief.scoring import get_definition
from msrelief.scoring.questionnaire import NEUTRAL_ITEM_TEXT


def test_rand36_ships_its_questions_and_a_worded_label_on_every_answer() -> None:
    definition = get_definition("rand36")
    assert definition.licence.item_text == "full" and definition.item_text_available
    for item in definition.questionnaire["item"]:
        assert not NEUTRAL_ITEM_TEXT.match(item["text"]), item["linkId"]
        for option in item["answerOption"]:
            display = option["valueCoding"]["display"]
            assert any(char.isalpha() for char in display), (item["linkId"], display)


def test_rand36_answer_labels_run_in_the_order_of_the_printed_option_numbers() -> None:
    items = {item["linkId"]: item for item in get_definition("rand36").questionnaire["item"]}

    def labels(number: str) -> list[str]:
        return [option["valueCoding"]["display"] for option in items[number]["answerOption"]]

    assert labels("1")[0] == "Excellent" and labels("1")[-1] == "Poor"
    assert labels("3") == ["Yes, limited a lot", "Yes, limited a little", "No, not limited at all"]
    assert labels("13") == ["Yes", "No"]
    assert labels("21")[0] == "None" and labels("21")[-1] == "Very severe"
    assert labels("24")[0] == "All of the time" and len(labels("24")) == 6
    assert labels("32")[0] == "All of the time" and len(labels("32")) == 5
    assert labels("33")[0] == "Definitely true" and labels("33")[-1] == "Definitely false"


def test_rand36_section_stems_are_leads_of_their_items_and_single_questions_have_none() -> None:
    leads = get_definition("rand36").item_leads
    assert leads["3"] == leads["12"] and "Does your health now limit you" in leads["3"]
    assert "as a result of your physical health" in leads["13"] and leads["16"] == leads["13"]
    assert "emotional problems" in leads["17"] and leads["19"] == leads["17"]
    assert leads["23"].endswith("How much of the time during the past 4 weeks…")
    assert leads["33"] == "How TRUE or FALSE is each of the following statements for you?"
    assert not {"1", "2", "20", "21", "22", "32"} & set(leads)


def test_rand36_carries_rands_credit_line_and_cites_both_sources_of_its_wording() -> None:
    definition = get_definition("rand36")
    assert definition.licence.attribution is not None
    assert "developed at RAND as part of the Medical Outcomes Study" in (
        definition.licence.attribution
    )
    source = definition.spec.item_text_source
    assert "ucam-department-of-psychiatry/camcops" in source
    assert "codelableidenvelux/agestudy" in source
    assert "identified" in source  # RAND's terms: changes are allowed if identified


def test_sf36_ships_no_wording_so_its_questions_come_only_from_a_clinics_licence() -> None:
    definition = get_definition("sf36")
    assert definition.licence.item_text == "none" and not definition.item_text_available
    assert all(NEUTRAL_ITEM_TEXT.match(item["text"]) for item in definition.questionnaire["item"])
    assert definition.item_leads == {} and definition.instructions is None
