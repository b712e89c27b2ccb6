"""POST /api/score/{code} on arbitrary input: a score or a 4xx with a detail, never a 500."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msrelief.scoring import list_instruments

CODES = [row["code"] for row in list_instruments()]
_fixture_ok = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

_numbers = st.one_of(
    st.integers(min_value=-(10**500), max_value=10**500),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-3, max_value=10),
)
_values = st.one_of(_numbers, st.none(), st.booleans(), st.text(max_size=5))
_json = st.recursive(
    _values,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=3)
    ),
    max_leaves=15,
)
_answers = st.dictionaries(
    st.one_of(st.integers(min_value=0, max_value=40).map(str), st.text(max_size=6)),
    st.one_of(_values, _json),
    max_size=12,
)


def _check(response):
    assert response.status_code in (200, 400, 404), response.content[:300]
    body = response.json()
    if response.status_code == 200:
        assert "total" in body
    else:
        assert body["detail"]


@_fixture_ok
@given(code=st.sampled_from([*CODES, "nope", "phq9@9.9", "phq9@"]), answers=_answers)
def test_any_json_answers_give_a_score_or_a_clear_error(client, db, code, answers):
    response = client.post(
        f"/api/score/{code}", json.dumps(answers), content_type="application/json"
    )
    _check(response)


@_fixture_ok
@given(body=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)))
def test_any_bytes_as_a_body_give_a_clear_error(client, db, body):
    response = client.post("/api/score/phq9", body, content_type="application/json")
    _check(response)
