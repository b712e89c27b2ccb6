import json


def post(client, code, body):
    return client.post(f"/api/score/{code}", data=json.dumps(body), content_type="application/json")


def test_the_api_scores_like_the_command_line(client, db):
    response = post(client, "phq9", {str(n): 2 for n in range(1, 10)})
    assert response.status_code == 200
    assert response.json()["total"] == 18.0
    assert response.json()["band"] == "moderately severe"


def test_a_bad_answer_is_a_400_naming_the_item(client, db):
    response = post(client, "gad7", {"3": 4})
    assert response.status_code == 400
    assert "item 3" in response.json()["detail"]


def test_an_unknown_instrument_is_a_404(client, db):
    assert post(client, "nope", {}).status_code == 404


def test_the_api_lists_instruments(client, db):
    codes = {row["code"] for row in client.get("/api/score/").json()}
    assert "phq9" in codes
