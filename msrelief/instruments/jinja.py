"""What the questionnaire pages drawn with Jinja2 (msrelief/jinja2/instruments/) call: the same
helpers their Django templates load from ``ui`` and ``questionnaire_ui``, and a radio button
drawn straight from its widget's data."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.forms.boundfield import BoundWidget
from markupsafe import Markup, escape

from msrelief.core.templatetags.ui import summary_line, widget
from msrelief.instruments.templatetags.questionnaire_ui import group_describedby

# Radio buttons kept, written out (each a short string; a few per choice of every item).
INPUTS_KEPT = 16384


def radio_input(radio: BoundWidget) -> Markup:
    """A radio button's ``<input>``, as Django's Jinja2 widget template ``input.html`` draws
    it (``radio.tag()``), without a template render for each choice: the same attributes in
    the same order, escaped the same way (MarkupSafe, as that template is). The same button
    (name, value, id, checked or not, in error or not) recurs on every page that shows its
    question, so each is written once per process (a few per choice of every item)."""
    data = radio.data
    drawn = (data["type"], data["name"], data["value"], tuple(data["attrs"].items()))
    try:
        return _input(*drawn)
    except TypeError:  # an attribute whose value cannot be a key (none of Django's own)
        return _input.__wrapped__(*drawn)


@lru_cache(maxsize=INPUTS_KEPT)
def _input(kind: str, name: str, value: Any, attrs: tuple[tuple[str, Any], ...]) -> Markup:
    parts = [f'<input type="{escape(kind)}" name="{escape(name)}"']
    if value is not None:
        parts.append(f' value="{escape(value)}"')
    for attr, given in attrs:
        if given is False:
            continue
        parts.append(f" {escape(attr)}" if given is True else f' {escape(attr)}="{escape(given)}"')
    parts.append(">")
    return Markup("".join(parts))  # noqa: S704 - every part is escaped above


HELPERS: dict[str, Any] = {
    "group_describedby": group_describedby,
    "radio_input": radio_input,
    "summary_line": summary_line,
    "widget": widget,
}
