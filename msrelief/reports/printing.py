"""What every printed report shares: its stylesheet (linked from the pages, put inside the
documents that PDFs are made from, since a PDF reads no hashed static URL) and the name and
version of the software that made it."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from django.utils.safestring import SafeString, mark_safe

STYLESHEET = Path(__file__).resolve().parent / "static" / "reports" / "report.css"


def style() -> SafeString:
    """The stylesheet's text, for a ``<style>`` element of a document that stands alone."""
    return mark_safe(STYLESHEET.read_text(encoding="utf-8"))  # noqa: S308 (our own file)


def software() -> str:
    """``msrelief 0.1.0``: the version that made a report."""
    return f"msrelief {version('msrelief')}"
