"""The client's progress page: staff of the client's clinic see the charts, the change labels
and the trials; another clinic's staff get a 404; a client with a login is not staff."""

from __future__ import annotations

import pytest
from django.urls import reverse

from msrelief.reports.tests.progress_setup import enter, rate_sessions

pytestmark = pytest.mark.django_db


def _url(client_record):
    return reverse("clients-progress", args=[client_record.pk])


def test_staff_of_the_clinic_see_charts_labels_relief_and_the_naderi_comparison(
    client, therapist, colleague, ms_client
):
    from msrelief.evidence import seeding

    seeding.load()
    enter(therapist, ms_client, "fss", [6, 5, 4, 4])
    rate_sessions(therapist, ms_client, [(6, 4), (5, 4)])
    client.force_login(colleague)
    page = client.get(_url(ms_client)).content.decode()
    assert page.count('role="img"') == 2, "the wide and the compact chart of the FSS"
    assert "<details" in page and "The numbers in this chart" in page
    assert "Change from baseline" in page and "RCI " in page and "MCID " in page
    assert "Naderi et al. 2024" in page and "No figure reported" in page
    assert "One person" in page, "the caveat stands beside the trials"
    assert "Relief is a fall" in page


def test_the_client_record_links_to_the_progress_page(client, therapist, ms_client):
    client.force_login(therapist)
    page = client.get(reverse("clients-detail", args=[ms_client.pk])).content.decode()
    assert f'href="{_url(ms_client)}"' in page


def test_staff_of_another_clinic_get_a_404(client, outsider, ms_client):
    client.force_login(outsider)
    assert client.get(_url(ms_client)).status_code == 404


def test_a_signed_in_client_is_not_staff_and_is_refused(client, person_with_ms, ms_client):
    client.force_login(person_with_ms)
    assert client.get(_url(ms_client)).status_code == 403


def test_a_dmt_started_years_before_the_first_score_is_named_before_the_chart(
    client, therapist, ms_client
):
    import datetime as dt

    from msrelief.clients import history_services as history

    history.add_entry(
        therapist, ms_client, "dmt", {"drug": "ocrelizumab", "started": dt.date(2022, 3, 1)}
    )
    enter(therapist, ms_client, "fss", [6, 5, 4])
    client.force_login(therapist)
    page = client.get(_url(ms_client)).content.decode()
    note = "Before this chart: DMT change on 1 March 2022 (started Ocrelizumab (Ocrevus))."
    assert f'<ul class="chart-notes"><li>{note}</li></ul>' in page
