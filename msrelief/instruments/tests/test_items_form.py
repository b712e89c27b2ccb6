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
