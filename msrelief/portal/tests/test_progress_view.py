"""/me/progress/: the plain words of each score, then one chart per score over time (title,
description in plain words, the same numbers as a table; no item answers, no trials), marks
outside the chart's time axis named in words, and a pinned number of queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from msrelief.reports.tests.progress_setup import enter
from msrelief.testing import make_client_record

pytestmark = pytest.mark.django_db


def _page(browser: Any, robin: Any) -> str:
    browser.force_login(robin.user)
    answer = browser.get(reverse("portal-progress"))
    assert answer.status_code == 200
    return str(answer.content.decode())


def test_each_score_has_a_chart_with_its_title_description_and_table(
    client: Any, robin: Any, therapist: Any
) -> None:
    enter(therapist, robin, "fss", [6, 4, 3])
    page = _page(client, robin)
    assert 'class="progress-words">' in page, "the words stay"
    assert page.count('role="img"') == 2, "the wide and the compact chart of the FSS"
    assert '<h3 id="chart-1">FSS: Mean item score</h3>' in page
    assert (
        '<p class="chart-description">FSS mean item score (higher is worse), 3 scores: first 6'
        in (page)
    )
    assert "The numbers in this chart" in page
    assert page.count("<tr><td>") == 3, "one table row a score"


def test_the_charts_are_in_plain_words_without_item_answers_or_trials(
    client: Any, robin: Any, therapist: Any
) -> None:
    from msrelief.evidence import seeding

    seeding.load()  # Naderi 2024 reports on the FSS: staff see it, the client does not
    enter(therapist, robin, "fss", [6, 4, 3])
    page = _page(client, robin)
    assert "MCID" not in page
    assert "how big a change must be to matter in daily life" in page
    assert "Naderi" not in page and "Relief within a session" not in page
    assert "item_1" not in page and "data-item" not in page


def test_a_dmt_started_long_before_the_first_score_is_named_before_the_chart(
    client: Any, robin: Any, therapist: Any
) -> None:
    from msrelief.clients import history_services as history

    history.add_entry(therapist, robin, "dmt", {"drug": "ocrelizumab",
                                                "started": dt.date(2022, 3, 1)})  # fmt: skip
    enter(therapist, robin, "fss", [6, 4])
    page = _page(client, robin)
    assert (
        '<ul class="chart-notes"><li>Before this chart: DMT change on 1 March 2022 (started '
        "Ocrelizumab (Ocrevus)).</li></ul>"
    ) in page


def test_another_clients_scores_are_never_charted(client: Any, robin: Any, therapist: Any) -> None:
    enter(therapist, make_client_record(therapist, display_name="Sam"), "phq9", [20, 3])
    page = _page(client, robin)
    assert 'role="img"' not in page and "Your scores over time" not in page


@pytest.mark.parametrize("scores", [2, 8])
def test_the_page_reads_the_same_number_of_queries_for_2_or_8_scores(
    client: Any, robin: Any, therapist: Any, django_assert_num_queries: Any, scores: int
) -> None:
    enter(therapist, robin, "fss", [6, 5, 4, 5, 4, 3, 3, 2][:scores], weeks_ago=20)
    client.force_login(robin.user)
    # 13, one of them the ids of session ratings, which the words keep apart from the rest.
    with django_assert_num_queries(13):
        assert client.get(reverse("portal-progress")).status_code == 200
