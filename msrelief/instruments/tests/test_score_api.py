import json

import pytest


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


def post_text(client, code, text):
    return client.post(f"/api/score/{code}", data=text, content_type="application/json")


def test_an_integer_above_float_range_is_a_400_naming_the_item(client, db):
    response = post_text(client, "phq9", '{"1": 1' + "0" * 400 + "}")
    assert response.status_code == 400
    assert response.json() == {"detail": "phq9 item 1: the answer must be a finite number"}


def test_a_number_literal_that_overflows_a_float_is_a_400(client, db):
    response = post_text(client, "phq9", '{"1": 1e400}')
    assert response.status_code == 400
    assert "the number 1e400 is too large" in response.json()["detail"]


def test_deeply_nested_json_is_a_400_naming_the_limit(client, db):
    response = post_text(client, "phq9", "[" * 100_000 + "]" * 100_000)
    assert response.status_code == 400
    assert "nested more than 64 levels deep" in response.json()["detail"]


def test_an_integer_with_too_many_digits_to_read_is_a_400(client, db):
    response = post_text(client, "phq9", '{"1": ' + "7" * 5000 + "}")
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["detail"]


def test_a_very_long_unknown_item_key_is_shortened_in_the_message(client, db):
    response = post(client, "phq9", {"x" * 5000: 1})
    assert response.status_code == 400
    assert len(response.json()["detail"]) < 300


@pytest.mark.usefixtures("steady_clock")
def test_scoring_is_rate_limited_per_address_with_retry_after(client, db, settings):
    from django.core.cache import cache

    cache.clear()
    settings.PUBLIC_POSTS_PER_MINUTE = 3
    answers = {str(n): 0 for n in range(1, 10)}
    assert [post(client, "phq9", answers).status_code for _ in range(4)] == [200, 200, 200, 429]
    refused = post(client, "gad7", {})
    assert refused.status_code == 429 and "Retry-After" in refused
    assert "at most 3 a minute" in refused.json()["detail"]


@pytest.mark.usefixtures("steady_clock")
def test_refused_bodies_count_against_the_rate_limit_too(client, db, settings):
    from django.core.cache import cache

    cache.clear()
    settings.PUBLIC_POSTS_PER_MINUTE = 2
    assert post_text(client, "phq9", "[1, 2]").status_code == 400
    assert post_text(client, "nope", "{}").status_code == 404
    refused = post(client, "phq9", {str(n): 0 for n in range(1, 10)})
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
