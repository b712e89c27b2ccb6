import io

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msrelief.evidence.models import Reference
from msrelief.evidence.tests.test_import_service import BAD_DOI, GOOD

URL = reverse("evidence-references-import")


def test_an_import_is_previewed_then_confirmed(client, clinic_admin):
    client.force_login(clinic_admin)
    response = client.post(URL, {"format": "bibtex", "text": GOOD})
    assert response.status_code == 200
    assert "Add these 2 references" in response.text
    assert not Reference.objects.exists()
    response = client.post(URL, {"format": "bibtex", "text": GOOD, "confirm": "1"})
    assert response.status_code == 302
    assert Reference.objects.count() == 2


def test_a_file_can_be_uploaded(client, clinic_admin):
    client.force_login(clinic_admin)
    upload = io.BytesIO(GOOD.encode())
    upload.name = "refs.bib"
    response = client.post(URL, {"format": "bibtex", "file": upload})
    assert "Add these 2 references" in response.text


def test_a_bad_entry_is_named_and_nothing_is_saved(client, clinic_admin):
    client.force_login(clinic_admin)
    response = client.post(URL, {"format": "bibtex", "text": BAD_DOI})
    assert response.status_code == 400
    assert "Nothing was saved" in response.text
    assert "entry &#x27;smith2020&#x27;, field &#x27;doi&#x27;" in response.text
    assert "Add these" not in response.text
    response = client.post(URL, {"format": "bibtex", "text": BAD_DOI, "confirm": "1"})
    assert response.status_code == 400
    assert not Reference.objects.exists()


def test_a_file_that_is_not_utf8_is_refused(client, clinic_admin):
    client.force_login(clinic_admin)
    upload = io.BytesIO("é".encode("latin-1"))
    upload.name = "refs.bib"
    response = client.post(URL, {"format": "bibtex", "file": upload})
    assert response.status_code == 400 and "not UTF-8" in response.text


def test_a_therapist_gets_403(client, therapist):
    client.force_login(therapist)
    assert client.post(URL, {"format": "bibtex", "text": GOOD, "confirm": "1"}).status_code == 403
    assert not Reference.objects.exists()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    fmt=st.sampled_from(["bibtex", "ris", "csl-json"]),
    text=st.one_of(
        st.text(min_size=1, max_size=300),
        st.sampled_from([GOOD, BAD_DOI]).map(lambda t: t.replace("2020", "99999999999999999999")),
        st.just('[{"id": "k", "type": "book", "title": "T", "issued": {"date-parts": [[1e300]]}}]'),
        st.just("[" * 2000 + "]" * 2000),
    ),
)
def test_any_pasted_text_previews_as_a_page_never_a_server_error(client, clinic_admin, fmt, text):
    client.force_login(clinic_admin)
    response = client.post(URL, {"format": fmt, "text": text})
    assert response.status_code in (200, 400)
    assert not Reference.objects.exists()
