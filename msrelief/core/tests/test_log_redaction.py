"""Link tokens never reach a log line (msrelief.lib.redact, installed by LOGGING_CONFIG)."""

import logging

import pytest

from msrelief.lib.redact import redact
from msrelief.testing import assign

TOKEN = "Zq8vN3pR7tW1xY5bC9dF2gH6jK4mL0sA8eU3iO7abcd"


@pytest.mark.parametrize(
    ("text", "logged"),
    [
        (f"GET /q/{TOKEN}/ HTTP/1.1", "GET /q/…/ HTTP/1.1"),
        (f"Not Found: /q/{TOKEN}/2/", "Not Found: /q/…/2/"),
        (f"/q/{TOKEN}/review/?page=2", "/q/…/review/?page=2"),
        (
            f'"https://msrelief.example.org/q/{TOKEN}/all/"',
            '"https://msrelief.example.org/q/…/all/"',
        ),
        (f"/login/?next=/q/{TOKEN}/&x=1", "/login/?next=/q/…/&x=1"),
        (f"/feeds/{TOKEN}.ics and /unsubscribe/{TOKEN}", "/feeds/… and /unsubscribe/…"),
        (f"GET /calendar/{TOKEN}.ics HTTP/1.1", "GET /calendar/… HTTP/1.1"),
        ("/programmes/calendar-feeds/3/new/", "/programmes/calendar-feeds/3/new/"),
        ("/me/q/12/done/", "/me/q/12/done/"),
        (f"POST /diary/{TOKEN}/ -> /diary/{TOKEN}/saved/", "POST /diary/…/ -> /diary/…/saved/"),
        ("/me/diary/saved/", "/me/diary/saved/"),
        ("/clients/4/symptom-diary/new-link/", "/clients/4/symptom-diary/new-link/"),
        ("/questionnaires/ /q", "/questionnaires/ /q"),
        (
            "GET /accounts/reset/MQ/cx9k2a-5f1e0d7b3c/ HTTP/1.1",
            "GET /accounts/reset/MQ/…/ HTTP/1.1",
        ),
        ("/accounts/reset/MQ/set-password/", "/accounts/reset/MQ/set-password/"),
        (
            "/accounts/reset/sent/ and /accounts/reset/done/",
            "/accounts/reset/sent/ and /accounts/reset/done/",
        ),
    ],
)
def test_the_segment_after_a_token_route_becomes_an_ellipsis(text, logged):
    assert redact(text) == logged


def test_a_request_with_a_real_link_or_a_made_up_one_leaves_no_token_in_the_logs(
    client, therapist, ms_client, caplog
):
    _, token = assign(therapist, ms_client)
    caplog.set_level(logging.DEBUG)
    assert client.get(f"/q/{token}/").status_code == 200
    assert client.get(f"/q/{TOKEN}/").status_code == 404
    assert "Not Found: /q/…/" in caplog.text
    assert token not in caplog.text
    assert TOKEN not in caplog.text


def test_a_message_with_arguments_is_redacted_once_formatted(caplog):
    logging.getLogger("django.server").info('"%s" %s %s', f"GET /q/{TOKEN}/ HTTP/1.1", 200, 5)
    assert caplog.records[-1].getMessage() == '"GET /q/…/ HTTP/1.1" 200 5'


def test_a_traceback_that_names_a_token_is_redacted_too(caplog):
    try:
        raise LookupError(f"no questionnaire at /q/{TOKEN}/")
    except LookupError:
        logging.getLogger("msrelief.test").exception("while serving /q/%s/", TOKEN)
    assert "LookupError: no questionnaire at /q/…/" in caplog.text
    assert "while serving /q/…/" in caplog.text
    assert TOKEN not in caplog.text


def test_a_record_without_a_token_keeps_its_message_and_arguments(caplog):
    logging.getLogger("msrelief.test").warning("sent %d messages", 3)
    assert (caplog.records[-1].msg, caplog.records[-1].args) == ("sent %d messages", (3,))


def test_a_real_password_reset_links_token_is_kept_out_of_a_request_line(
    client, therapist, caplog, django_capture_on_commit_callbacks
):
    import re

    from django.core import mail
    from django.urls import reverse

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts-reset"), {"email": "tess@harbour.test"})
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    reset_token = link.rstrip("/").rsplit("/", 1)[1]
    caplog.set_level(logging.INFO)
    logging.getLogger("django.server").info('"GET %s HTTP/1.1" 302 0', link)
    assert client.get(link).status_code == 302  # the link still works: only the log changes
    assert reset_token not in caplog.text
    assert "/accounts/reset/" in caplog.text and "/…/" in caplog.text
