def test_another_clinics_response_is_a_fhir_operation_outcome_not_found(
    client, outsider, ms_client, therapist
):
    from msrelief.instruments import services
    from msrelief.testing import PHQ9_ALL_ZERO

    stored = services.enter_response(therapist, ms_client, "phq9", PHQ9_ALL_ZERO)
    client.force_login(outsider)
    answer = client.get(f"/api/fhir/QuestionnaireResponse/{stored.pk}")
    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/fhir+json"
    outcome = answer.json()
    assert outcome["resourceType"] == "OperationOutcome"
    assert outcome["issue"][0]["code"] == "not-found"
    assert "Robin" not in answer.text


def test_a_signed_in_client_is_refused_403_whatever_the_id_as_on_every_staff_operation(
    client, person_with_ms, ms_client, therapist
):
    from msrelief.instruments import services
    from msrelief.testing import PHQ9_ALL_ZERO

    stored = services.enter_response(therapist, ms_client, "phq9", PHQ9_ALL_ZERO)
    client.force_login(person_with_ms)
    answers = [client.get(f"/api/fhir/QuestionnaireResponse/{pk}") for pk in (stored.pk, 987654)]
    assert [answer.status_code for answer in answers] == [403, 403]
    outcome = answers[0].json()
    assert answers[0]["Content-Type"] == "application/fhir+json"
    assert outcome["resourceType"] == "OperationOutcome"
    assert outcome["issue"][0]["code"] == "forbidden"
    assert answers[0].json() == answers[1].json()
