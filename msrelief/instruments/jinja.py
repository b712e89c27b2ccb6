"""What the questionnaire pages drawn with Jinja2 (msrelief/jinja2/instruments/) call: the same
helpers their Django templates load from ``ui`` and ``questionnaire_ui``, and a radio button
drawn straight from its widget's data."""

from __future__ import annotations

from typing import Any

from django.forms.boundfield import BoundWidget
from markupsafe import Markup, escape

from msrelief.core.templatetags.ui import summary_line, widget
from msrelief.instruments.templatetags.questionnaire_ui import group_describedby


def radio_input(radio: BoundWidget) -> Markup:
    """A radio button's ``<input>``, as Django's Jinja2 widget template ``input.html`` draws
    it (``radio.tag()``), without a template render for each choice: the same attributes in
    the same order, escaped the same way (MarkupSafe, as that template is)."""
    data = radio.data
    parts = [f'<input type="{escape(data["type"])}" name="{escape(data["name"])}"']
    if data["value"] is not None:
        parts.append(f' value="{escape(data["value"])}"')
    for name, value in data["attrs"].items():
        if value is False:
            continue
        parts.append(f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"')
    parts.append(">")
    return Markup("".join(parts))  # noqa: S704 - every part is escaped above


HELPERS: dict[str, Any] = {
    "group_describedby": group_describedby,
    "radio_input": radio_input,
    "summary_line": summary_line,
    "widget": widget,
}
