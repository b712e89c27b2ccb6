from django.urls import reverse


def test_the_evidence_home_is_public_and_says_what_massage_does_not_do(client, seeded):
    response = client.get(reverse("evidence-home"))
    assert response.status_code == 200
    assert "It does not slow, stop or reverse MS" in response.text
    assert "does not show that one caused the other" in response.text
    assert "125 published works" in response.text


def test_editors_see_the_editing_links_and_readers_do_not(client, db, clinic_admin, therapist):
    assert "Add a reference" not in client.get(reverse("evidence-home")).text
    client.force_login(therapist)
    assert "Add a reference" not in client.get(reverse("evidence-home")).text
    client.force_login(clinic_admin)
    assert "Add a reference" in client.get(reverse("evidence-home")).text
