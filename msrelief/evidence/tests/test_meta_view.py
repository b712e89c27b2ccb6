import csv
import html
import io
import re

import pytest
from django.urls import reverse

URL = reverse("evidence-meta")
THREE = "study,m1,sd1,n1,m2,sd2,n2\nA,10,2,20,12,2.5,22\nB,9,3,30,11,3,28\nC,8,2,15,8.5,2,15\n"


def run(client, csv_text=THREE, **fields):
    data = {"measure": "SMD", "method": "REML", "csv_text": csv_text, **fields}
    return client.post(URL, data)


def test_the_page_is_public_and_says_the_stored_studies_cannot_be_pooled_yet(client, seeded):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Not estimable yet." in response.text
    assert "miller2013 (ms impact / quality of life): group size not reported" in response.text


def test_a_pasted_csv_gives_the_pooled_result_forest_plot_and_table(client, db):
    response = run(client)
    assert response.status_code == 200
    text = html.unescape(response.text)
    assert "Pooled estimate (Hedges' g)" in text
    assert "<svg" in text and 'role="img"' in text
    assert "<title id=" in text and "<desc id=" in text and "Forest plot of 3 studies" in text
    assert "Numbers in the forest plot" in text
    assert "Pooled (REML)" in text and "100.0%" in text


def test_an_uploaded_file_works_like_pasted_text(client, db):
    upload = io.BytesIO(THREE.encode())
    upload.name = "studies.csv"
    response = client.post(URL, {"measure": "MD", "method": "DL", "csv_file": upload})
    assert response.status_code == 200
    assert "Pooled estimate (Mean difference)" in response.text


def test_a_bad_row_is_named_and_nothing_else_is_shown(client, db):
    response = run(client, THREE.replace("B,9,3,30", "B,9,0,30"))
    assert response.status_code == 400
    text = html.unescape(response.text)
    assert "There is a problem" in text
    assert "row 3 (study 'B'), column 'sd1': must be greater than 0" in text
    assert "Numbers in the forest plot" not in text


def test_no_data_at_all_is_a_clear_error(client, db):
    response = client.post(URL, {"measure": "SMD", "method": "REML"})
    assert response.status_code == 400
    assert "Choose a file or paste the CSV." in response.text


def test_one_study_shows_not_estimable_with_reasons_and_never_nan(client, db):
    response = run(client, "study,m1,sd1,n1,m2,sd2,n2\nA,10,2,20,12,2.5,22\n")
    assert response.status_code == 200
    text = response.text
    assert "not estimable: needs at least two studies" in text
    assert "nan" not in text.lower().replace("nance", "")


def test_a_fixed_effect_model_explains_why_there_is_no_prediction_interval(client, db):
    text = run(client, method="FE").text
    assert "not estimable: a fixed-effect model assumes one true effect" in text


def test_ratio_measures_are_shown_on_the_ratio_scale(client, db):
    counts = "study,a,b,c,d\nA,10,90,20,80\nB,5,45,9,41\n"
    text = html.unescape(run(client, counts, measure="RR").text)
    assert "Pooled estimate (Risk ratio)" in text and "log scale" in text


def test_the_effects_download_has_one_row_a_study_with_weights(client, db):
    data = {"measure": "SMD", "method": "REML", "csv_text": THREE}
    response = client.post(reverse("evidence-meta-effects"), data)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["study"] for row in rows] == ["A", "B", "C"]
    assert abs(sum(float(row["weight_percent"]) for row in rows) - 100) < 1e-9
    assert all(float(row["ci_low"]) < float(row["yi"]) < float(row["ci_high"]) for row in rows)


def test_the_effects_download_refuses_a_bad_file(client, db):
    data = {"measure": "SMD", "method": "REML", "csv_text": "study\n"}
    response = client.post(reverse("evidence-meta-effects"), data)
    assert response.status_code == 400
    assert "missing column" in response.text


def test_the_effects_download_needs_a_post(client, db):
    assert client.get(reverse("evidence-meta-effects")).status_code == 404


def test_the_forest_plot_downloads_as_a_png(client, db):
    data = {"measure": "SMD", "method": "REML", "csv_text": THREE}
    response = client.post(reverse("evidence-meta-forest-png"), data)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="forest-plot.png"'
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_the_forest_plot_download_refuses_a_bad_file_and_a_get(client, db):
    data = {"measure": "SMD", "method": "REML", "csv_text": "study\n"}
    assert client.post(reverse("evidence-meta-forest-png"), data).status_code == 400
    assert client.get(reverse("evidence-meta-forest-png")).status_code == 404


def test_an_empty_file_of_each_measure_can_be_downloaded(client, db):
    response = client.get(reverse("evidence-meta-template", args=["RR"]))
    assert response.content.decode() == "study,a,b,c,d\n"
    assert client.get(reverse("evidence-meta-template", args=["XX"])).status_code == 404


def test_the_worked_example_shows_metafors_published_bcg_result(client, db):
    response = client.get(URL, {"example": "bcg"})
    assert response.status_code == 200
    text = html.unescape(response.text)
    assert "Worked example" in text and "This is not MS data" in text
    # metafor rma(measure="RR", method="REML") on dat.bcg: -0.7145 [-1.0669, -0.3622], tau2 0.3132
    assert "log scale -0.715 (95% CI -1.067 to -0.362)" in text
    assert "0.49 (95% CI 0.34 to 0.70)" in text
    assert "0.3132" in text and "Forest plot of 13 studies" in text
    assert "Q = 152.23, p < 0.0001" in text and "z = -3.97, p < 0.0001" in text
    assert "Aronson 1948" in text


def test_the_worked_example_leaves_its_csv_in_the_box_to_edit(client, db):
    response = client.get(URL, {"example": "bcg"})
    assert "study,a,b,c,d" in html.unescape(response.text)


def _many_studies(k):
    return "study,yi,vi\n" + "".join(f"S{i},{i % 7 / 10},0.1\n" for i in range(k))


def test_more_studies_than_the_limit_is_a_400_naming_the_limit(client, db):
    response = run(client, _many_studies(20_000), measure="GEN")
    assert response.status_code == 400
    assert "row 202: more than 200 studies; the limit is 200" in html.unescape(response.text)
    assert "<svg" not in response.text


def test_downloads_of_more_studies_than_the_limit_are_a_400_too(client, db):
    data = {"measure": "GEN", "method": "REML", "csv_text": _many_studies(201)}
    for name in ("evidence-meta-forest-png", "evidence-meta-effects"):
        response = client.post(reverse(name), data)
        assert response.status_code == 400
        assert "the limit is 200 studies per analysis" in response.text


def test_a_csv_with_cr_only_line_endings_is_read(client, db):
    response = run(client, THREE.replace("\n", "\r"))
    assert response.status_code == 200
    assert "Forest plot of 3 studies" in response.text


@pytest.mark.parametrize(
    ("csv_text", "measure", "message"),
    [
        ("study,yi,vi\nA,30,10\nB,-1e308,1\n", "GEN", "row 3 (study 'B'), column 'yi'"),
        ("study,yi,vi\nA,30,10\nB,1,1e300\n", "GEN", "row 3 (study 'B'), column 'vi'"),
        (THREE.replace("A,10,2,20", "A,10,2,1e300"), "SMD", "row 2 (study 'A'), column 'n1'"),
        ("study,a,b,c,d\nA,1e308,1,1,1\n", "RR", "row 2 (study 'A'), column 'a'"),
    ],
    ids=["yi", "vi", "smd-n1", "rr-count"],
)
@pytest.mark.parametrize(
    "name", ["evidence-meta", "evidence-meta-forest-png", "evidence-meta-effects"]
)
def test_extreme_values_are_a_400_naming_the_row_on_the_page_and_downloads(
    client, db, csv_text, measure, message, name
):
    data = {"measure": measure, "method": "REML", "csv_text": csv_text}
    response = client.post(reverse(name), data)
    assert response.status_code == 400
    assert message in html.unescape(response.text)


@pytest.mark.usefixtures("steady_clock")
def test_the_page_posts_are_rate_limited_per_address_with_retry_after(client, db, settings):
    from django.core.cache import cache

    cache.clear()
    settings.PUBLIC_POSTS_PER_MINUTE = 2
    assert run(client).status_code == 200
    assert (
        client.post(
            reverse("evidence-meta-effects"),
            {"measure": "SMD", "method": "REML", "csv_text": THREE},
        ).status_code
        == 200
    )
    refused = client.post(reverse("evidence-meta-forest-png"), {"measure": "SMD"})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert "at most 2 a minute" in refused.text
    other_address = {"measure": "SMD", "method": "REML", "csv_text": THREE}
    assert client.post(URL, other_address, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_the_plot_is_drawn_wide_and_compact_and_says_the_direction_was_not_stated(client, db):
    text = html.unescape(run(client).text)
    assert text.count("<svg") == 2
    assert 'class="forest-wide"' in text and 'class="forest-compact"' in text
    assert "Not stated which side" in text
    assert "Which direction is better was not stated" in text
    assert "favours control" not in text


@pytest.mark.parametrize(
    ("better", "sentence", "right_side"),
    [
        ("lower", "results left of the line at 0 favour the treatment", "favours control \u2192"),
        ("higher", "results right of the line at 0 favour the treatment", "treatment \u2192"),
    ],
)
def test_the_stated_direction_labels_the_side_that_favours_the_treated_group(
    client, db, better, sentence, right_side
):
    text = html.unescape(run(client, better=better).text)
    assert sentence in text
    assert right_side in text and "Not stated which side" not in text


def test_the_worked_example_favours_the_vaccine_on_the_left_of_one(client, db):
    text = html.unescape(client.get(URL, {"example": "bcg"}).text)
    assert "results left of the line at 1 favour the treatment" in text
    assert '<input type="hidden" name="better" value="lower">' in text


def test_an_unknown_direction_is_refused_naming_the_field(client, db):
    response = run(client, better="sideways")
    assert response.status_code == 400
    assert "Which direction is better for the outcome?" in html.unescape(response.text)


def _masked(text):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", text)


def test_a_blank_page_or_the_example_kept_takes_one_query(client, db, django_assert_num_queries):
    for url in (URL, URL + "?example=bcg"):
        first = client.get(url).text
        with django_assert_num_queries(1):  # the data version only
            assert _masked(client.get(url).text) == _masked(first)


def test_each_visitor_gets_their_own_csrf_token_in_a_kept_page(client, db):
    from django.test import Client

    other = Client()
    first, second = client.get(URL + "?example=bcg"), other.get(URL + "?example=bcg")
    tokens = [
        re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.text) for r in (first, second)
    ]
    assert len(tokens[0]) == 2 and len(tokens[1]) == 2
    for found, response in zip(tokens, (first, second), strict=True):
        cookie = response.cookies["csrftoken"].value
        assert all(_unmasked(token) == cookie for token in found)
    assert tokens[0] != tokens[1]


def _unmasked(token):
    from django.middleware.csrf import _unmask_cipher_token

    return _unmask_cipher_token(token)


def test_a_stored_study_added_or_deleted_shows_in_the_stored_analyses_at_once(client, clinic_admin):
    from msrelief.evidence import services
    from msrelief.evidence.models import Result
    from msrelief.evidence.tests.test_seeded_analysis import two_trials

    assert "Not estimable yet." in client.get(URL).text
    two_trials(clinic_admin)
    assert "Forest plot: fatigue (Hedges&#x27; g)" in client.get(URL).text
    services.delete_result(clinic_admin, Result.objects.get(key="trial2-massage"))
    assert "Not estimable yet." in client.get(URL).text
