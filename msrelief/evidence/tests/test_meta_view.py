import csv
import html
import io

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
