"""A QR code of a questionnaire link, drawn on the server as inline SVG by segno: no script,
no image request, and nothing about the link leaves the page."""

from __future__ import annotations

import segno
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


def link_svg(url: str, label: str) -> SafeString:
    """The QR code of ``url`` as an image whose text alternative is ``label``.

    Error correction level M survives a smudged or partly covered screen; the drawing has a
    viewBox and no fixed size, so CSS sizes it. The SVG is segno's own output from our own
    URL (no user text in it), so it is marked safe; the label is escaped."""
    code = segno.make(url, error="m", micro=False)
    drawing = code.svg_inline(omitsize=True, svgclass="qr-code", lineclass=None, dark="#000")
    drawing = mark_safe(drawing)  # noqa: S308  (segno's markup of our own URL)
    return format_html('<div class="qr" role="img" aria-label="{}">{}</div>', label, drawing)
