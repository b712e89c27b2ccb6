"""An instrument whose versions score differently must be entered with its version named:
MSIS-29 v1 answers 1-5 and v2 answers 1-4, so a v1 form with no 5 scored as v2 gives 66.7
where v1 gives 50 (the independent scoring check)."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from msrelief.instruments import services

ALL_THREES = {str(n): 3 for n in range(1, 30)}


def test_a_code_alone_is_refused_for_msis29_with_both_versions_named(ms_client, therapist):
    with pytest.raises(ValidationError) as error:
        services.enter_response(therapist, ms_client, "msis29", ALL_THREES)
    message = error.value.message_dict["instrument"][0]
    assert "msis29@1.0 or msis29@2.0" in message


def test_a_named_version_is_scored_on_its_own_scale(ms_client, therapist):
    v1 = services.enter_response(therapist, ms_client, "msis29@1.0", ALL_THREES)
    v2 = services.enter_response(therapist, ms_client, "msis29@2.0", ALL_THREES)
    assert (v1.instrument_version, v2.instrument_version) == ("1.0", "2.0")
    assert v1.scores.get().subscales["physical"] == pytest.approx(50)
    assert v2.scores.get().subscales["physical"] == pytest.approx(200 / 3)


def test_an_instrument_with_one_version_still_needs_no_version(ms_client, therapist):
    response = services.enter_response(
        therapist, ms_client, "phq9", {str(n): 0 for n in range(1, 10)}
    )
    assert response.instrument_version == "1.0"


def test_the_measures_page_offers_each_msis29_version_to_enter(client, ms_client, therapist):
    client.force_login(therapist)
    page = client.get(reverse("instruments-measures", args=[ms_client.pk])).text
    for version, title in (("1.0", "version 1 (MSIS-29)"), ("2.0", "version 2 (MSIS-29v2)")):
        assert reverse("instruments-enter", args=[ms_client.pk, f"msis29@{version}"]) in page
        assert title in page
    assert reverse("instruments-enter", args=[ms_client.pk, "msis29"]) not in page


def test_the_score_api_asks_which_msis29_version(client, db):
    answer = client.post(
        "/api/score/msis29", json.dumps(ALL_THREES), content_type="application/json"
    )
    assert answer.status_code == 400
    assert "msis29@1.0 or msis29@2.0" in answer.json()["detail"]
    named = client.post(
        "/api/score/msis29@1.0", json.dumps(ALL_THREES), content_type="application/json"
    )
    assert named.status_code == 200
    assert named.json()["subscales"]["physical"] == pytest.approx(50)


def test_the_score_command_asks_which_msis29_version(tmp_path, capsys):
    from msrelief.cli import main

    answers = tmp_path / "msis.json"
    answers.write_text(json.dumps(ALL_THREES))
    with pytest.raises(SystemExit) as stopped:
        main(["msrelief", "score", "msis29", str(answers)])
    assert stopped.value.code == 1
    assert "msis29@1.0 or msis29@2.0" in capsys.readouterr().err
