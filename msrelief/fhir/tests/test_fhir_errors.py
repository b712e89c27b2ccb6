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
