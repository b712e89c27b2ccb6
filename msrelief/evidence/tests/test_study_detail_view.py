import html
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from msrelief.evidence import pagecache, review, services, versions
from msrelief.evidence.models import Result
from msrelief.evidence.tests.conftest import make_arms, make_study


def page(client, key):
    response = client.get(reverse("evidence-study", args=[key]))
    assert response.status_code == 200
    return html.unescape(response.text)


def section(text, heading):
    return text.split(f">{heading}</h2>", 1)[1].split("<h2", 1)[0]


def test_the_study_page_shows_design_arms_and_protocol(client, seeded):
    text = page(client, "naderi2024")
    assert "Randomised controlled trial with two parallel groups" in text
    groups = section(text, "Groups and programme")
    assert "Whole-body Swedish massage" in groups and "Usual treatment" in groups
    assert re.search(r"Minutes per session</dt><dd>50<", groups)
    assert re.search(r"Sessions per week</dt><dd>2<", groups)


def test_the_outcomes_table_shows_the_reported_hedges_g_and_not_reported_gaps(client, seeded):
    outcomes = section(page(client, "naderi2024"), "Outcomes")
    for value in ("Hedges' g 0.53", "Hedges' g 0.8", "Hedges' g 0.47", "Hedges' g 0.7"):
        assert value in outcomes
    assert "Range of Hedges' g 0.31 to 0.58" in outcomes
    assert "not reported" in outcomes
    assert "nan" not in outcomes.lower().replace("nance", "")


def test_what_is_missing_lists_the_null_fields(client, seeded):
    missing = section(page(client, "naderi2024"), "What is missing")
    assert "Number analysed" in missing
    assert "Whole-body Swedish massage: delivered by" in missing


def test_numbers_of_unconfirmed_attribution_are_shown_apart_with_a_warning(client, seeded):
    text = page(client, "hernandezreif1998")
    warning = text.split('id="unconfirmed-title"', 1)[1]
    assert "never used in an analysis" in warning
    assert "STAI anxiety" in warning
    assert "STAI anxiety" not in section(text, "Outcomes")


def test_a_review_page_shows_the_pooled_result_with_its_ci(client, seeded):
    outcomes = section(page(client, "salarvand2021"), "Outcomes")
    assert "Mean or standardised difference (not stated) -1.62" in outcomes
    assert "-2.4 to -0.83" in outcomes


def test_an_unknown_study_is_404(client, seeded):
    assert client.get(reverse("evidence-study", args=["nobody"])).status_code == 404


@pytest.mark.parametrize("rows", [2, 20])
def test_the_page_makes_the_same_few_queries_for_2_or_20_results(
    client, clinic_admin, study, django_assert_max_num_queries, rows
):
    treated, control = make_arms(clinic_admin, study, n=20)
    for number in range(rows):
        services.create_result(
            clinic_admin, study, key=f"r{number}", scope="between_arms", arm=treated,
            versus_arm=control, construct=f"Outcome {number}", time_point="after 6 weeks",
            effect_type="hedges_g", effect_value=0.5, attribution_confirmed=True,
            verification_status="abstract_only",
        )  # fmt: skip
    with django_assert_max_num_queries(4):  # the data version, the study, its arms, results
        text = page(client, study.key)
    assert text.count("Hedges' g 0.5") == rows
    with django_assert_max_num_queries(1):  # the data version only
        assert page(client, study.key) == text


def test_the_body_is_rendered_once_and_kept_under_the_data_version(client, study):
    client.get(reverse("evidence-study", args=[study.key]))
    key = pagecache.key("study", versions.current() or "", (study.key, False))
    assert "Massage and fatigue in multiple sclerosis" in "".join(cache.get(key).pieces)


def test_an_edit_of_an_arm_or_a_new_result_shows_at_once(client, clinic_admin, study):
    treated, control = make_arms(clinic_admin, study)
    assert "Usual care" in page(client, study.key)
    services.update_arm(clinic_admin, control, label="Waiting list")
    services.create_result(
        clinic_admin, study, key="late", scope="arm", arm=treated, construct="Spasticity",
        time_point="after 6 weeks", mean=3.1, sd=1.2, n=20, attribution_confirmed=True,
    )  # fmt: skip
    text = page(client, study.key)
    assert "Waiting list" in text and "Usual care" not in text
    assert "Spasticity" in text


def test_a_deleted_result_or_arm_goes_from_the_page_at_once(client, clinic_admin, study):
    treated, control = make_arms(clinic_admin, study)
    services.create_result(
        clinic_admin, study, key="late", scope="arm", arm=treated, construct="Spasticity",
        time_point="after 6 weeks", mean=3.1, attribution_confirmed=True,
    )  # fmt: skip
    assert "Spasticity" in page(client, study.key)
    services.delete_result(clinic_admin, Result.objects.get(key="late"))
    services.delete_arm(clinic_admin, control)
    text = page(client, study.key)
    assert "Spasticity" not in text and "Usual care" not in text


def test_an_edit_of_the_study_or_its_reference_shows_at_once(client, clinic_admin, study):
    assert "Crossover trial" not in page(client, study.key)
    services.update_study(clinic_admin, study, design="Crossover trial")
    services.update_reference(clinic_admin, study.reference, title="Touch and sleep in MS")
    text = page(client, study.key)
    assert "Crossover trial" in text and "Touch and sleep in MS" in text


def test_a_study_added_after_a_404_is_shown_and_a_deleted_one_is_404_at_once(
    client, clinic_admin, study
):
    url = reverse("evidence-study", args=["later2021"])
    assert client.get(url).status_code == 404
    later = make_study(clinic_admin, study.reference, key="later2021", design="Pilot trial")
    assert "Pilot trial" in page(client, "later2021")
    services.delete_study(clinic_admin, later)
    assert client.get(url).status_code == 404


def test_an_approved_deletion_of_a_result_goes_from_the_page_at_once(
    client, clinic_admin, evidence_editor, study, settings
):
    treated, _control = make_arms(clinic_admin, study)
    result = services.create_result(
        clinic_admin, study, key="late", scope="arm", arm=treated, construct="Spasticity",
        time_point="after 6 weeks", mean=3.1, attribution_confirmed=True,
    )  # fmt: skip
    settings.EVIDENCE_REVIEW = True
    proposal = services.delete_result(clinic_admin, result)
    assert "Spasticity" in page(client, study.key)
    review.approve_proposal(evidence_editor, proposal)
    assert "Spasticity" not in page(client, study.key)


def test_visitors_and_editors_each_get_their_own_version_of_the_page(client, clinic_admin, study):
    assert "Edit the study" not in page(client, study.key)
    client.force_login(clinic_admin)
    assert "Edit the study" in page(client, study.key)
    client.logout()
    assert "Edit the study" not in page(client, study.key)


def test_a_matched_instrument_is_named_and_links_to_its_scoring_source(client, seeded):
    response = client.get(reverse("evidence-study", args=["naderi2024"]))
    outcomes = section(response.text, "Outcomes")
    link = reverse("instruments-sources") + "#S19c"
    assert f'Matched to msrelief\'s <a href="{link}">FSS</a> (fss), score: total' in outcomes
    assert "(mas), score: not stated" in outcomes  # the paper does not say which MAS score
    assert "Week 6" in outcomes
    assert "(dass21)" not in outcomes  # the DASS version is not stated, so it is not matched
