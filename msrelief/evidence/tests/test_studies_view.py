from django.urls import reverse


def test_trials_and_reviews_are_listed_with_their_status(client, seeded):
    response = client.get(reverse("evidence-studies"))
    assert response.status_code == 200
    text = response.text
    assert (
        text.index("<h2>Trials</h2>")
        < text.index("Naderi et al. 2024")
        < text.index("<h2>Reviews</h2>")
        < text.index("Salarvand et al. 2021")
    )
    assert "badge-abstract_only" in text


def test_a_missing_sample_size_reads_not_reported(client, seeded):
    text = client.get(reverse("evidence-studies")).text
    row = text[text.index("Gaballah et al. 2023") :].split("</tr>", 1)[0]
    assert "not reported" in row
