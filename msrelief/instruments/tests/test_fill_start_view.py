"""The start page of a questionnaire: its instructions, its recall period in plain words and
its credit line, from the definition, the content pack or the clinic's licensed wording."""

import copy

from django.urls import reverse

from msrelief.instruments import services
from msrelief.scoring import get_definition
from msrelief.testing import assign, licensed_wording


def start_page(client, therapist, ms_client, code):
    _, token = assign(therapist, ms_client, code)
    return client.get(reverse("fill-start", kwargs={"token": token})).text


def test_the_instructions_and_recall_period_of_the_definition_are_shown(
    client, ms_client, therapist
):
    page = start_page(client, therapist, ms_client, "gad7")
    instructions = get_definition("gad7").instructions
    assert f'<p class="instructions">{instructions}</p>' in page
    assert "These questions are about <strong>the last 2 weeks</strong>." in page


def test_the_instructions_of_a_content_pack_instrument_come_from_its_wording_file(
    client, ms_client, therapist
):
    page = start_page(client, therapist, ms_client, "who5")
    assert "closest to how you have been feeling over the last two weeks." in page
    assert "These questions are about <strong>the last 2 weeks</strong>." in page


def test_a_single_rating_says_which_moment_it_is_about(client, ms_client, therapist):
    assert "This question is about <strong>right now</strong>." in start_page(
        client, therapist, ms_client, "nrs-pain"
    )
    assert "This question is about <strong>last night</strong>." in start_page(
        client, therapist, ms_client, "nrs-sleep"
    )


def test_rand36_names_no_single_recall_period_and_carries_rands_credit_line(
    client, ms_client, therapist
):
    page = start_page(client, therapist, ms_client, "rand36")
    assert 'class="recall"' not in page
    assert "developed at RAND as part of the Medical Outcomes Study" in page


def test_the_credit_line_of_the_rights_holder_is_shown(client, ms_client, therapist):
    page = start_page(client, therapist, ms_client, "who5")
    assert '<p class="hint credit">© World Health Organization 2024.' in page


def test_a_clinics_licensed_wording_brings_its_own_instructions(
    client, ms_client, therapist, clinic_admin
):
    resource = copy.deepcopy(licensed_wording("msis29"))
    resource["description"] = "Licensed instructions for the clinic's form."
    services.import_clinic_questionnaire(clinic_admin, "msis29", resource, "Licence 7")
    page = start_page(client, therapist, ms_client, "msis29")
    assert '<p class="instructions">Licensed instructions for the clinic&#x27;s form.</p>' in page
    assert "These questions are about <strong>the last 2 weeks</strong>." in page
