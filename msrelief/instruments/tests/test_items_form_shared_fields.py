"""An ItemsForm's fields are built once per item and shared by every form (forms.shared_field):
checking and drawing a form, with answers, without and with errors, leaves them as they were,
so one visitor's answers or errors never show on another's page."""

import pytest
from django.template import engines

from msrelief.instruments import rendering
from msrelief.instruments.forms import ItemsForm, field_for
from msrelief.instruments.jinja import HELPERS
from msrelief.scoring import default_registry

CODES = sorted(default_registry().latest)


def _items(clinic, code):
    definition = default_registry().latest[code]
    return rendering.form_for(code, definition.version, clinic.pk).items


def _state(field):
    """What a field holds, its widget's included, as text to compare before and after."""
    return (
        {name: repr(value) for name, value in vars(field).items()},
        {name: repr(value) for name, value in vars(field.widget).items()},
        repr(list(getattr(field, "choices", []))),
    )


def _answer(item):
    return item.options[-1].value if item.options else f"{item.maximum or 1:g}"


def _draw(form, qform):
    template = engines["jinja2"].from_string(
        "{% for item in items %}{% set field = form[item.field_name] %}{% set lead_id = '' %}"
        '{% include "instruments/_question_body.html" %}{% endfor %}'
    )
    return template.render({**HELPERS, "form": form, "items": qform, "heading": False})


def test_two_forms_for_the_same_items_share_their_fields_and_new_wording_gets_its_own(clinic):
    items = _items(clinic, "phq9")
    first, second = ItemsForm(items), ItemsForm(items, {})
    assert all(first.fields[i.field_name] is second.fields[i.field_name] for i in items)
    reworded = rendering.Item(**{**vars(items[0]), "text": "Other wording"})
    field = ItemsForm((reworded,)).fields[reworded.field_name]
    assert field is not first.fields[items[0].field_name]
    assert field.label == "1. Other wording"


@pytest.mark.parametrize("code", CODES)
def test_checking_and_drawing_forms_of_an_instrument_leaves_its_shared_fields_unchanged(
    code, clinic
):
    items = _items(clinic, code)
    fields = ItemsForm(items).fields
    before = {name: _state(field) for name, field in fields.items()}
    wrong = ItemsForm(items, {i.field_name: "7x" for i in items})
    answered = ItemsForm(items, {i.field_name: _answer(i) for i in items})
    resumed = ItemsForm(items, initial={i.field_name: _answer(i) for i in items})
    assert not wrong.is_valid() and answered.is_valid()
    for form in (wrong, answered, resumed):
        _draw(form, items)
    assert {name: _state(field) for name, field in fields.items()} == before


def test_errors_and_answers_drawn_on_one_page_do_not_show_on_the_next_visitors(clinic):
    items = _items(clinic, "phq9")
    wrong = ItemsForm(items, {i.field_name: "7x" for i in items})
    assert not wrong.is_valid()
    assert 'aria-invalid="true"' in _draw(wrong, items)
    answered = ItemsForm(items, {i.field_name: _answer(i) for i in items})
    assert answered.is_valid() and " checked" in _draw(answered, items)
    fresh = _draw(ItemsForm(items), items)
    assert "aria-invalid" not in fresh and " checked" not in fresh and "error" not in fresh


def test_a_shared_field_is_the_field_the_item_describes(clinic):
    for item in _items(clinic, "phq9") + _items(clinic, "nrs-pain"):
        shared, built = ItemsForm((item,)).fields[item.field_name], field_for(item)
        assert type(shared) is type(built) and shared.label == built.label
        assert list(getattr(shared, "choices", [])) == list(getattr(built, "choices", []))
