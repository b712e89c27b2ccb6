"""The subject-access export as one readable, printable HTML page: the same dict as the JSON
file (:func:`msrelief.portal.access_export.build`), section by section, each record as a list
of its fields in words. The page stands alone (its style is inside it), so it can be saved,
opened without the site and printed."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

#: The sections in the order the page gives them, with their headings.
SECTIONS = (
    ("record", "Your record"),
    ("login", "Your login"),
    ("consents", "Consent"),
    ("history", "Your history"),
    ("questionnaires", "Questionnaires given to you"),
    ("responses", "Your answers and their scores"),
    ("safety_screens", "Safety checks before sessions"),
    ("safety_flags", "Safety concerns raised"),
    ("programmes", "Care programmes, sessions and notes"),
    ("adverse_events", "Unwanted effects after sessions"),
    ("sign_in_links", "Sign-in links sent to you"),
    ("messages", "Messages sent about you"),
    ("audit_events", "Who looked at or changed your information"),
)


def label(key: str) -> str:
    """``date_joined`` reads "Date joined"."""
    words = key.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def value_html(value: Any) -> SafeString:
    """One value: a list of fields for a record, a list for a list, words for the rest."""
    if isinstance(value, dict):
        if not value:
            return format_html("<p>{}</p>", "None")
        items = format_html_join(
            "",
            "<div><dt>{}</dt><dd>{}</dd></div>",
            ((label(k), value_html(v)) for k, v in value.items()),
        )
        return format_html('<dl class="fields">{}</dl>', items)
    if isinstance(value, list):
        if not value:
            return format_html("<p>{}</p>", "None")
        items = format_html_join("", "<li>{}</li>", ((value_html(v),) for v in value))
        return format_html('<ol class="rows">{}</ol>', items)
    if value is None or value == "":
        return format_html("{}", "—")
    if value is True or value is False:
        return format_html("{}", "Yes" if value else "No")
    return format_html('<span class="text">{}</span>', str(value))


def render(data: dict[str, Any]) -> str:
    sections = [
        (key, heading, value_html(data.get(key))) for key, heading in SECTIONS if key in data
    ]
    context = {"data": data, "sections": sections, "style": mark_safe(STYLE)}  # noqa: S308
    return render_to_string("portal/access_export.html", context)


STYLE = """
body { font: 1.125rem/1.5 system-ui, sans-serif; max-width: 48rem; margin: 1rem auto;
  padding: 0 1rem; color: #1b1b1b; }
h2 { margin-top: 2rem; border-bottom: 2px solid #1b1b1b; page-break-after: avoid; }
dl.fields { margin: 0; }
dl.fields > div { display: flex; flex-wrap: wrap; gap: 0 1rem; border-bottom: 1px solid #ccc; }
dt { font-weight: 600; min-width: 12rem; }
dd { margin: 0; flex: 1; }
ol.rows > li { margin-bottom: 1rem; page-break-inside: avoid; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
"""
