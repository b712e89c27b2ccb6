import re

from django.urls import reverse

URL = reverse("evidence-claims")


def claim_html(text, key):
    match = re.search(rf'<li id="claim-{key}".*?</li>', text, re.S)
    assert match, f"claim {key} not on the page"
    return match.group(0)


def test_claims_are_grouped_by_topic_in_order(client, seeded):
    text = client.get(URL).text
    assert (
        text.index("What MS is")
        < text.index("How MS progresses")
        < text.index("Benefits of massage therapy")
    )


def test_the_unverified_percentages_claim_is_flagged_with_its_note(client, seeded):
    html = claim_html(client.get(URL).text, "C13")
    assert "claim-unverified" in html
    assert "badge-unverified" in html and "Unverified" in html
    assert "Not confirmed." in html
    assert "must not be shown as trial findings" in html


def test_a_checked_claim_is_not_flagged(client, seeded):
    html = claim_html(client.get(URL).text, "C12")
    assert "claim-unverified" not in html and "Not confirmed." not in html


def test_claims_link_their_sources(client, seeded):
    html = claim_html(client.get(URL).text, "C13")
    assert reverse("evidence-reference", args=["naderi2024"]) in html
    assert "Naderi et al., 2024" in html


def test_the_list_can_show_only_unverified_claims(client, seeded):
    text = client.get(URL, {"status": "unverified"}).text
    assert 'id="claim-C13"' in text
    assert 'id="claim-C1"' not in text


def test_an_unknown_status_shows_all_claims(client, seeded):
    assert "49 claims." in client.get(URL, {"status": "maybe"}).text
