import re

import pytest
from django.forms.renderers import DjangoTemplates

from msrelief.instruments import rendering
from msrelief.instruments.forms import ItemsForm
from msrelief.scoring import get_definition


def markup(html):
    """HTML with its white space folded as a browser folds it (between tags it is dropped)."""
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


@pytest.mark.parametrize("code", ["phq9", "dass21", "nrs-pain", "fss", "t25fw"])
def test_the_widgets_drawn_with_jinja2_are_the_same_markup_as_djangos_own(db, clinic, code):
    definition = get_definition(code)
    items = rendering.build_form(definition.code, definition.version, clinic.pk).items
    fast = ItemsForm(items, {})  # bound and empty, so that every field is drawn as sent back
    slow = ItemsForm(items, {}, renderer=DjangoTemplates())
    assert fast.renderer is not slow.renderer
    for jinja, django in zip(fast, slow, strict=True):
        assert markup(jinja.as_widget()) == markup(django.as_widget())


def _items(clinic, code):
    definition = get_definition(code)
    return rendering.build_form(definition.code, definition.version, clinic.pk).items


@pytest.mark.parametrize("code", ["nrs-pain", "nrs-sleep", "nrs-stiffness"])
def test_a_0_to_10_rating_is_a_choice_of_the_eleven_whole_numbers(db, clinic, code):
    (item,) = _items(clinic, code)
    field = ItemsForm((item,)).fields["item_1"]
    assert item.is_rating
    assert [value for value, _ in field.choices] == [str(n) for n in range(11)]
    assert field.label == "Question 1"


@pytest.mark.parametrize(("sent", "saved"), [("0", "0"), ("10", "10"), ("", "")])
def test_a_rating_keeps_the_number_chosen(db, clinic, sent, saved):
    form = ItemsForm(_items(clinic, "nrs-mood"), {"item_1": sent})
    assert form.is_valid()
    assert form.cleaned_data["item_1"] == saved


def test_a_rating_that_is_not_offered_is_refused_with_the_scales_name(db, clinic):
    form = ItemsForm(_items(clinic, "nrs-mood"), {"item_1": "10.5"})
    assert not form.is_valid()
    assert form.errors["item_1"] == ["Choose a number from 0 to 10 for mood."]


@pytest.mark.parametrize("code", ["t25fw", "6mwt", "psqi"])
def test_measured_numbers_with_a_unit_or_a_wide_range_stay_number_boxes(db, clinic, code):
    items = [item for item in _items(clinic, code) if not item.options]
    assert items and not any(item.is_rating for item in items)
    form = ItemsForm(tuple(items))
    assert all(type(form.fields[item.field_name]).__name__ != "ChoiceField" for item in items)
