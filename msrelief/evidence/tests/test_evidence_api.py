import json

import pytest

from msrelief.stats.meta_csv import run_meta_csv

CSV = "study,m1,sd1,n1,m2,sd2,n2\nA,10,2,20,12,2.5,22\nB,9,3,30,11,3,28\n"
ROWS = [
    {"study": "A", "m1": 10, "sd1": 2, "n1": 20, "m2": 12, "sd2": 2.5, "n2": 22},
    {"study": "B", "m1": 9, "sd1": 3, "n1": 30, "m2": 11, "sd2": 3, "n2": 28},
]


def post(client, body):
    return client.post("/api/evidence/meta", json.dumps(body), content_type="application/json")


def test_meta_from_csv_text_equals_the_command_line_result(client, db):
    response = post(client, {"measure": "SMD", "method": "REML", "csv": CSV})
    assert response.status_code == 200
    expected = json.loads(json.dumps(run_meta_csv(CSV, "SMD", "REML", False)))
    assert {k: v for k, v in response.json().items() if k != "exp"} == expected


def test_meta_from_row_objects_gives_the_same_result(client, db):
    from_rows = post(client, {"measure": "SMD", "csv": None, "rows": ROWS}).json()
    from_csv = post(client, {"measure": "SMD", "csv": CSV}).json()
    assert from_rows == from_csv


def test_ratio_measures_include_the_ratio_scale(client, db):
    body = {"measure": "OR", "method": "FE", "csv": "study,a,b,c,d\nA,10,90,20,80\nB,5,45,9,41\n"}
    result = post(client, body).json()
    assert result["scale"] == "log" and result["exp"]["estimate"] > 0
    assert result["pi_low"] is None


def test_a_bad_row_is_a_400_naming_the_row(client, db):
    rows = [dict(ROWS[0]), {**ROWS[1], "sd1": 0}]
    response = post(client, {"measure": "MD", "rows": rows})
    assert response.status_code == 400
    assert "row 3 (study 'B'), column 'sd1'" in response.json()["detail"]


def test_both_or_neither_of_csv_and_rows_is_a_400(client, db):
    assert post(client, {"measure": "MD"}).status_code == 400
    assert post(client, {"measure": "MD", "csv": CSV, "rows": ROWS}).status_code == 400


def test_an_unknown_measure_is_a_400_that_names_the_field(client, db):
    answer = post(client, {"measure": "XX", "csv": CSV})
    assert answer.status_code == 400
    assert list(answer.json()["errors"]) == ["measure"]


def test_references_are_listed_as_csl_json(client, seeded):
    items = client.get("/api/evidence/references").json()
    assert len(items) == 125
    naderi = next(item for item in items if item["id"] == "naderi2024")
    assert naderi["type"] == "article-journal" and naderi["issued"] == {"date-parts": [[2024]]}


def test_one_reference_by_key(client, seeded):
    item = client.get("/api/evidence/references/naderi2024").json()
    assert item["DOI"] == "10.1016/j.explore.2024.103032"
    assert item["author"][-1] == {"family": "Hamood-Ahvazi", "given": "S."}


def test_an_unknown_key_is_a_404_with_a_hint(client, seeded):
    response = client.get("/api/evidence/references/naderi2023")
    assert response.status_code == 404
    assert "did you mean naderi2024" in response.json()["detail"]


def test_more_rows_than_the_limit_is_a_400_naming_the_limit(client, db):
    rows = [{"study": f"S{i}", "yi": 0.1, "vi": 0.1} for i in range(201)]
    response = post(client, {"measure": "GEN", "rows": rows})
    assert response.status_code == 400
    assert response.json() == {"detail": "rows: 201 studies; the limit is 200 per analysis"}


def test_a_csv_of_more_studies_than_the_limit_is_a_400_before_any_row_is_read(client, db):
    text = "study,yi,vi\n" + "".join(f"S{i},not-a-number,1\n" for i in range(20_000))
    response = post(client, {"measure": "GEN", "csv": text})
    assert response.status_code == 400
    assert "csv: row 202: more than 200 studies; the limit is 200" in response.json()["detail"]


def test_a_csv_with_cr_only_line_endings_is_read(client, db):
    response = post(client, {"measure": "SMD", "csv": CSV.replace("\n", "\r")})
    assert response.status_code == 200 and response.json()["k"] == 2


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("study,yi,vi\nA,30,10\nB,-1e308,1\n", "row 3 (study 'B'), column 'yi'"),
        ("study,yi,vi\nA,1,1e-11\nB,2,1\n", "more than 1e10 times the smallest"),
    ],
)
@pytest.mark.parametrize("method", ["REML", "DL", "PM", "FE"])
def test_extreme_values_are_a_400_naming_the_problem(client, db, text, where, method):
    response = post(client, {"measure": "GEN", "method": method, "csv": text})
    assert response.status_code == 400
    assert where in response.json()["detail"]


def test_smd_with_an_astronomical_group_size_is_a_400_naming_the_cell(client, db):
    rows = [{**ROWS[0], "n1": 1e300}, ROWS[1]]
    response = post(client, {"measure": "SMD", "rows": rows})
    assert response.status_code == 400
    assert "row 2 (study 'A'), column 'n1'" in response.json()["detail"]


@pytest.mark.usefixtures("steady_clock")
def test_the_meta_endpoint_is_rate_limited_per_address_with_retry_after(client, db, settings):
    from django.core.cache import cache

    cache.clear()
    settings.PUBLIC_POSTS_PER_MINUTE = 1
    assert post(client, {"measure": "SMD", "csv": CSV}).status_code == 200
    refused = post(client, {"measure": "SMD", "csv": CSV})
    assert refused.status_code == 429
    assert "at most 1 a minute" in refused.json()["detail"]
    assert int(refused["Retry-After"]) >= 1


def test_the_comparators_of_the_fss_at_six_weeks_include_naderi_2024(client, seeded):
    response = client.get("/api/evidence/comparators", {"instrument": "fss", "weeks": "6"})
    assert response.status_code == 200
    body = response.json()
    assert (body["instrument"], body["score"], body["weeks"]) == ("fss", "total", 6)
    assert "association, not proof" in body["caveat"]
    naderi = next(c for c in body["comparators"] if c["result_key"] == "naderi2024-fatigue")
    assert naderi["citation"] == "Naderi et al. 2024" and naderi["reference_key"] == "naderi2024"
    assert naderi["figure"] is None and naderi["time_point_weeks"] == 6


def test_a_comparator_figure_is_given_with_its_label_and_ci_source(client, clinic_admin):
    from msrelief.evidence import services
    from msrelief.evidence.tests.conftest import make_arms, make_reference, make_study

    study = make_study(clinic_admin, make_reference(clinic_admin))
    treated, control = make_arms(clinic_admin, study, n=20)
    services.create_result(
        clinic_admin, study, key="g", scope="between_arms", arm=treated, versus_arm=control,
        construct="anxiety", instrument_code="dass21", score_name="anxiety",
        effect_type="hedges_g", effect_value=0.5, verification_status="abstract_only",
    )  # fmt: skip
    body = client.get("/api/evidence/comparators?instrument=dass21&score=anxiety").json()
    figure = body["comparators"][0]["figure"]
    assert figure["label"] == "Hedges' g, Massage vs Usual care"
    assert figure["ci_source"] == "computed" and figure["ci_low"] == pytest.approx(
        -0.12941, abs=1e-5
    )


@pytest.mark.parametrize(
    ("query", "field"),
    [("instrument=stai", "instrument"), ("instrument=dass21", "score"),
     ("instrument=fss&weeks=-2", "weeks")],
)  # fmt: skip
def test_a_bad_comparator_question_is_a_400_naming_the_parameter(client, db, query, field):
    response = client.get(f"/api/evidence/comparators?{query}")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
