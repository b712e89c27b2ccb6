import re

import pytest
from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.instruments import services
from msrelief.instruments.models import Administration
from msrelief.scoring import registry
from msrelief.testing import PHQ9_ALL_ZERO, audit_turn_queries


def measures(record):
    return reverse("instruments-measures", args=[record.pk])


def test_a_colleague_sees_scores_bands_and_the_change_with_its_sources(
    client, ms_client, colleague, therapist
):
    for item1 in (3, 3, 0):
        services.enter_response(
            therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "1": item1, "2": 3, "3": 3, "4": 3}
        )
    client.force_login(colleague)
    page = client.get(measures(ms_client)).text
    assert "Patient Health Questionnaire" in page
    assert "since the previous response" in page
    assert "since the first (baseline)" in page
    assert "Sources:" in page
    assert AuditEvent.objects.filter(action="view", changes__section="measures").exists()


def test_an_outsider_gets_404(client, ms_client, outsider):
    client.force_login(outsider)
    assert client.get(measures(ms_client)).status_code == 404
    assign = reverse("instruments-assign", args=[ms_client.pk])
    assert client.post(assign, {"instrument": "phq9"}).status_code == 404
    assert not Administration.objects.exists()


def test_assigning_shows_the_link_once(client, ms_client, therapist):
    client.force_login(therapist)
    page = client.post(reverse("instruments-assign", args=[ms_client.pk]), {"instrument": "gad7"})
    assert page.status_code == 200
    assert "/q/" in page.text
    assert "only time the link is shown" in page.text


def test_assigning_without_choosing_names_the_field_and_saves_nothing(client, ms_client, therapist):
    client.force_login(therapist)
    page = client.post(reverse("instruments-assign", args=[ms_client.pk]), {"instrument": ""})
    assert page.status_code == 400
    assert 'href="#id_instrument"' in page.text
    assert not Administration.objects.exists()


def test_scoring_only_instruments_cannot_be_sent_without_the_clinics_licensed_text(
    client, ms_client, therapist
):
    from msrelief.instruments.measures_cache import assign_choices
    from msrelief.scoring import load_definitions

    offered = {code for code, _ in assign_choices(ms_client.clinic_id)}
    hidden = {c for c, d in load_definitions().items() if not d.item_text_available}
    assert offered.isdisjoint(hidden)


@pytest.mark.parametrize("start", ["9999-12-31", "2100-01-01"])
def test_a_start_date_more_than_a_year_ahead_is_a_field_error(client, ms_client, therapist, start):
    client.force_login(therapist)
    url = reverse("instruments-assign", args=[ms_client.pk])
    page = client.post(url, {"instrument": "gad7", "available_from": start})
    assert page.status_code == 400
    field = page.text.split('id="id_available_from"', 1)[0].rsplit('<div class="field', 1)[1]
    assert "field-error" in field
    assert "The start date can be at most 365 days from today" in page.text
    assert not Administration.objects.exists()


def _phq9_history(therapist, ms_client, rows):
    for number in range(rows):
        answers = {**PHQ9_ALL_ZERO, "1": float(number % 4)}
        services.enter_response(therapist, ms_client, "phq9", answers)


@pytest.mark.parametrize("rows", [2, 20])
def test_the_page_makes_the_same_few_queries_for_2_or_20_responses(
    client, ms_client, therapist, django_assert_max_num_queries, rows
):
    _phq9_history(therapist, ms_client, rows)
    client.force_login(therapist)
    # 12: the page's own, one of them the ids of session ratings (kept apart in the history),
    # one the clinic's data version that the cached part is keyed on.
    with django_assert_max_num_queries(12 + audit_turn_queries()):
        assert client.get(measures(ms_client)).status_code == 200
    # 8 once the part is cached: no responses, scores, their flags or session ratings read.
    with django_assert_max_num_queries(8 + audit_turn_queries()):
        assert client.get(measures(ms_client)).status_code == 200


def test_the_definitions_are_read_once_across_two_requests(
    client, ms_client, therapist, monkeypatch
):
    read = []
    real = registry.load_definition_file

    def counting(path, content_directory=None):
        read.append(path.name)
        return real(path, content_directory)

    monkeypatch.setattr(registry, "load_definition_file", counting)
    _forget_definitions()
    client.force_login(therapist)
    try:
        assert client.get(measures(ms_client)).status_code == 200
        after_first = len(read)
        assert client.get(measures(ms_client)).status_code == 200
    finally:
        _forget_definitions()
    assert after_first == len(list(registry.DEFAULT_DEFINITIONS.glob("*.json")))
    assert len(read) == after_first


def _forget_definitions():
    registry.default_registry.cache_clear()
    registry._registry_of.cache_clear()
    registry._packaged.cache_clear()


def test_an_unscored_response_reads_not_scored_with_the_blank_questions_and_the_rule(
    client, ms_client, therapist
):
    answers = {k: v for k, v in PHQ9_ALL_ZERO.items() if k not in ("3", "7")}
    services.enter_response(therapist, ms_client, "phq9", answers)
    client.force_login(therapist)
    page = client.get(measures(ms_client)).text
    assert "Not scored" in page
    assert "Total score: needs all 9 questions answered; questions 3 and 7 were left blank." in page
    assert "Rule:" in page


def test_scores_read_as_names_labels_and_whole_numbers(client, ms_client, therapist):
    services.enter_response(therapist, ms_client, "dass21", {str(n): 1 for n in range(1, 22)})
    client.force_login(therapist)
    page = client.get(measures(ms_client)).text
    assert "Depression (x2) 14 (moderate)" in page
    assert "14.0" not in page
    results = page[page.index("<h2>Results</h2>") : page.index("Waiting to be filled in")]
    assert "dass21" not in re.sub(r"<[^>]+>", " ", results).lower()  # visible text


def test_two_responses_on_one_day_show_their_times(client, ms_client, therapist):
    services.enter_response(therapist, ms_client, "phq9", PHQ9_ALL_ZERO)
    services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "1": 1})
    services.enter_response(therapist, ms_client, "fss", {str(n): 4 for n in range(1, 10)})
    client.force_login(therapist)
    page = client.get(measures(ms_client)).text
    rows = [row for row in page.split("<tr>") if "View<span" in row]
    timed = [row for row in rows if re.search(r"\d{4}, \d\d:\d\d</td>", row)]
    assert len(rows) == 3
    assert len(timed) == 2  # the two PHQ-9s of today; the one FSS shows its date alone


def _msis29_v1(physical_item: int) -> dict[str, int]:
    """MSIS-29 version 1 answers: items 1-6 at ``physical_item``, every other item at 3."""
    return {str(n): (physical_item if n <= 6 else 3) for n in range(1, 30)}


@pytest.mark.parametrize(
    ("edss", "said", "judgement"),
    [
        # Physical 50.0 -> 42.5 (a fall of 7.5). Costelloe 2007: 7 points for EDSS 0-5, 8 for 5.5-8.
        ("3.5", "MCID 7 points, for EDSS 0-5 (Costelloe 2007).", "Judgement: <strong>improved"),
        ("6.0", "MCID 8 points, for EDSS 5.5-8 (Costelloe 2007).", "<strong>no reliable change"),
        ("8.5", "No MCID applied: no MCID for EDSS above 8", "No judgement."),
        (None, "No MCID applied: needs the client&#x27;s EDSS", "No judgement."),
    ],
)
def test_the_msis29_change_says_which_edss_band_chose_its_mcid(
    client, therapist, edss, said, judgement
):
    from decimal import Decimal

    from msrelief.testing import make_client_record

    record = make_client_record(therapist, edss=None if edss is None else Decimal(edss))
    for physical_item in (3, 2):
        services.enter_response(therapist, record, "msis29@1.0", _msis29_v1(physical_item))
    client.force_login(therapist)
    page = client.get(measures(record)).text
    assert "Physical impact (0-100) since the previous response:</strong> 50 → 42.5" in page
    assert said in page
    assert judgement in page
    cited = f'href="{reverse("instruments-sources")}#S20"'
    assert (cited in page) == (edss in ("3.5", "6.0"))


def test_the_send_form_says_which_questionnaires_are_missing_from_it_and_why(
    client, ms_client, therapist
):
    client.force_login(therapist)
    page = client.get(measures(ms_client)).text
    note = page.split('id="not-sendable">', 1)[1].split("</p>", 1)[0]
    assert "SF-36" in note and "MFIS-21" in note and "RAND-36" not in note
    assert "wording is licensed" in note and "loaded your clinic" in note


def test_a_questionnaire_whose_wording_the_clinic_loaded_leaves_the_note(
    client, ms_client, therapist, clinic_admin
):
    from msrelief.testing import licensed_wording

    services.import_clinic_questionnaire(clinic_admin, "sf36", licensed_wording("sf36"), "L-1")
    client.force_login(therapist)
    page = client.get(measures(ms_client)).text
    note = page.split('id="not-sendable">', 1)[1].split("</p>", 1)[0]
    assert "SF-36" not in note and "MFIS-21" in note
    assert '<option value="sf36">' in page
