"""``{{ text|cite_sources }}``: source keys in a source string become links to the source list.

"Costelloe L et al. 2007 [S20]: ..." is shown as "Costelloe L et al. 2007 [MSIS-29: Hobart 2001;
Costelloe 2007; UK MS Register]: ...", the bracket linking to ``/measures/sources/#S20``. Keys
next to each other share one bracket. The rest of the text is escaped; a key with no entry in
the list stays as it is (a test keeps every key in the definitions resolvable).
"""

from __future__ import annotations

import re

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from msrelief.scoring.sources import load_sources

register = template.Library()

KEY_RUN = re.compile(r"(?:\[S\d+[a-z]?\])+")
KEY = re.compile(r"\[(S\d+[a-z]?)\]")


def _run(keys: list[str], base: str) -> str:
    """One bracket of linked short citations for a run of keys such as ``[S10][S20]``."""
    known = load_sources()
    if not any(key in known for key in keys):
        return str(conditional_escape("".join(f"[{key}]" for key in keys)))
    links = [
        format_html(
            '<a class="source-ref" href="{}#{}" title="Source {}">{}</a>',
            base,
            key,
            key,
            known[key].short,
        )
        if key in known
        else conditional_escape(f"[{key}]")
        for key in keys
    ]
    return "[" + "; ".join(links) + "]"


@register.filter(needs_autoescape=True)
def cite_sources(text: object, autoescape: bool = True) -> SafeString:
    value = "" if text is None else str(text)

    def escape(part: str) -> str:
        return str(conditional_escape(part)) if autoescape else part

    base = reverse("instruments-sources")
    parts, position = [], 0
    for match in KEY_RUN.finditer(value):
        parts.append(escape(value[position : match.start()]))
        parts.append(_run(KEY.findall(match.group(0)), base))
        position = match.end()
    parts.append(escape(value[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped or built by format_html
