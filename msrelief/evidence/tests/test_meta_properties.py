"""The public meta-analysis endpoints on arbitrary input: a result or a 4xx naming the problem.

Covers ``POST /api/evidence/meta`` (JSON ``csv`` or ``rows``, and raw bodies) and the
meta-analysis page with its effects download. Never a 500.
"""

import json

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msrelief.stats.meta import METHODS
from msrelief.stats.meta_csv import COLUMNS, MEASURES

_fixture_ok = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

_cells = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.sampled_from(["0", "1", "2", "30", "10", "-1e308", "1e300", "nan", "", "x", "1e-320"]),
    st.text(max_size=8),
)


@st.composite
def _tables(draw):
    measure = draw(st.sampled_from(MEASURES))
    columns = list(COLUMNS[measure])
    if draw(st.booleans()):
        columns = draw(st.permutations(columns))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    rows = [",".join(columns)]
    for i in range(draw(st.integers(min_value=0, max_value=5))):
        rows.append(",".join(f"S{i}" if c == "study" else draw(_cells) for c in columns))
    return measure, ending.join(rows)


_row_values = st.one_of(
    st.floats(allow_nan=False),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.none(),
    st.booleans(),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
)


def _api(client, body):
    text = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post("/api/evidence/meta", text, content_type="application/json")


def _assert_answered(response):
    assert response.status_code in (200, 400, 413), response.content[:300]
    if response.status_code != 200:
        assert response.json()["detail"]


@_fixture_ok
@given(table=_tables(), method=st.sampled_from([*METHODS, "XX"]), hksj=st.booleans())
def test_any_csv_posted_to_the_api_gives_a_result_or_a_clear_error(client, db, table, method, hksj):
    measure, text = table
    _assert_answered(
        _api(client, {"measure": measure, "method": method, "hksj": hksj, "csv": text})
    )


@_fixture_ok
@given(
    measure=st.sampled_from(MEASURES),
    rows=st.lists(
        st.dictionaries(
            st.sampled_from(["study", "yi", "vi", "m1", "sd1", "n1", "a", "b", "c", "d", "x"]),
            _row_values,
        ),
        max_size=5,
    ),
)
def test_any_row_objects_posted_to_the_api_give_a_result_or_a_clear_error(
    client, db, measure, rows
):
    _assert_answered(_api(client, {"measure": measure, "rows": rows}))


@_fixture_ok
@given(body=st.one_of(st.binary(max_size=200), st.text(max_size=200)))
def test_any_raw_body_posted_to_the_api_gives_a_clear_error(client, db, body):
    _assert_answered(_api(client, body))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    table=_tables(),
    method=st.sampled_from(METHODS),
    hksj=st.booleans(),
    name=st.sampled_from(["evidence-meta", "evidence-meta-effects", "evidence-meta-forest-png"]),
)
def test_any_csv_pasted_on_the_page_gives_a_result_or_a_field_error(
    client, db, table, method, hksj, name
):
    measure, text = table
    data = {"measure": measure, "method": method, "csv_text": text}
    if hksj:
        data["hksj"] = "on"
    response = client.post(reverse(name), data)
    assert response.status_code in (200, 400), response.content[:300]
