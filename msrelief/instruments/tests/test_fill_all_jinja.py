"""The all-on-one-page questionnaire is drawn with Jinja2 (msrelief/jinja2/instruments/
fill_all.html) and must give the markup the Django templates gave, byte for byte (the CSRF token
aside): for every instrument, unanswered, answered, and sent with wrong answers, to a person
with a link and to a signed-in client. The Django page it is held to is kept beside this test
(fill_all_reference.html), drawn with the Django templates the other pages still use."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.middleware.csrf import get_token
from django.template import engines
from django.test import RequestFactory

from msrelief.core import jinja
from msrelief.instruments import rendering
from msrelief.instruments.forms import ItemsForm
from msrelief.instruments.jinja import HELPERS
from msrelief.scoring import default_registry

REFERENCE = Path(__file__).with_name("fill_all_reference.html")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
CODES = sorted(default_registry().latest)


def a_request(user):
    request = RequestFactory().get("/q/some-token/all/")
    request.user = user
    request._messages = CookieStorage(request)
    get_token(request)
    return request


def _answer(item, index):
    if item.options:
        return item.options[index % len(item.options)].value
    return f"{item.minimum or 0:g}"


def states(items):
    """(initial, posted) pairs: unanswered, every question answered, every other one answered
    as sent, and every question sent with a wrong answer."""
    answered = {item.field_name: _answer(item, n) for n, item in enumerate(items)}
    half = {item.field_name: _answer(item, n) if n % 2 else "" for n, item in enumerate(items)}
    wrong = {item.field_name: "7x" for item in items}
    return [({}, None), (answered, None), ({}, half), ({}, wrong)]


def pages(request, qform, initial, posted):
    bound = ItemsForm(qform.items, posted, initial=initial)
    bound.is_valid()
    context = {
        "qform": qform,
        "form": bound,
        "total": len(qform.items),
        "answered": 0,
        "urls": {"start": "/q/some-token/"},
    }
    django_page = engines["django"].from_string(REFERENCE.read_text()).render(context, request)
    template = engines[jinja.ENGINE].get_template("instruments/fill_all.html")
    full = {"user": request.user, "messages": get_messages(request), **HELPERS, **context}
    return CSRF.sub("csrf", django_page), CSRF.sub("csrf", template.render(full, request))


@pytest.mark.parametrize("code", CODES)
def test_an_instrument_on_one_page_is_drawn_as_the_django_templates_drew_it(code, clinic):
    definition = default_registry().latest[code]
    qform = rendering.form_for(code, definition.version, clinic.pk)
    request = a_request(AnonymousUser())
    assert qform.items
    for initial, posted in states(qform.items):
        django_page, jinja_page = pages(request, qform, initial, posted)
        assert jinja_page == django_page, (code, initial, posted)


def test_a_signed_in_client_meets_the_same_page_as_the_django_templates_drew(person_with_ms):
    qform = rendering.form_for("phq9", default_registry().latest["phq9"].version, 1)
    request = a_request(person_with_ms)
    for initial, posted in states(qform.items):
        django_page, jinja_page = pages(request, qform, initial, posted)
        assert jinja_page == django_page
        assert "Signed in as" in jinja_page


def test_a_shared_lead_line_is_shown_once_and_each_of_its_items_points_to_it(clinic):
    with_leads = [
        code
        for code in CODES
        if any(
            item.lead_starts
            for item in rendering.form_for(
                code, default_registry().latest[code].version, clinic.pk
            ).items
        )
    ]
    assert with_leads
    code = with_leads[0]
    qform = rendering.form_for(code, default_registry().latest[code].version, clinic.pk)
    _, jinja_page = pages(a_request(AnonymousUser()), qform, {}, None)
    first = next(item for item in qform.items if item.lead_starts)
    assert jinja_page.count(f'id="{first.lead_id}"') == 1
    sharing = [item for item in qform.items if item.lead_id == first.lead_id]
    assert jinja_page.count(f'aria-describedby="{first.lead_id}') == len(sharing)


def test_wrong_answers_are_named_in_the_summary_and_at_each_question(clinic):
    qform = rendering.form_for("phq9", default_registry().latest["phq9"].version, clinic.pk)
    wrong = {item.field_name: "7" for item in qform.items}
    _, jinja_page = pages(a_request(AnonymousUser()), qform, {}, wrong)
    assert jinja_page.count("Choose one of the answers") == 2 * len(qform.items)
    assert jinja_page.startswith("<!doctype html>")
    assert "<title>Error: " in jinja_page
    assert jinja_page.count('aria-invalid="true"') == sum(len(i.options) for i in qform.items)
