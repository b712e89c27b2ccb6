"""PDF from the HTML that msrelief already renders (reports, the subject-access export).

WeasyPrint lays the page out; this module only decides what it may read. A report holds
health data and its HTML is built from stored text, so the fetcher reads nothing from the
network or the file system: it serves ``data:`` URLs (inline charts) and the project's own
static files (``/static/...``, found by Django's static-file finders), and refuses anything
else, which WeasyPrint then leaves out of the page. That keeps a stored link from turning the
PDF renderer into a way to reach internal hosts or files.

WeasyPrint is imported when a PDF is made, not when this module is, because it loads Pango
and its fonts (about half a second).
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcherResponse

#: The stylesheet every PDF gets besides the page's own: A4, page numbers, no navigation.
PRINT_CSS = """
@page {
  size: A4;
  margin: 18mm 16mm 20mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; }
}
body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.4; }
nav, .skip-link, form, button, .no-print { display: none !important; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
h1, h2, h3 { page-break-after: avoid; }
tr, figure { page-break-inside: avoid; }
"""


class PdfUnavailable(RuntimeError):
    """WeasyPrint cannot run here: its system libraries (Pango) are missing."""


class RefusedResource(ValueError):
    """A PDF's HTML asked for a resource outside what a report may read."""


def static_file(url: str) -> Path | None:
    """The local file of a ``/static/...`` URL (any host), or None when it is not one of the
    project's static files."""
    path = unquote(urlsplit(url).path)
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if not path.startswith(prefix):
        return None
    relative = path[len(prefix) :]
    if not relative or ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    if isinstance(found, list):
        found = found[0] if found else None
    return Path(found) if found else None


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            local = static_file(url)
            if local is None:
                raise RefusedResource(f"A report may not read {url!r}")
            kind = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=local.read_bytes(), headers={"Content-Type": kind})

    return StaticOnly(allowed_protocols=("data", "http", "https", "file"))


def html_to_pdf(html: str, *, title: str = "") -> bytes:
    """The PDF of ``html`` (a whole page), with :data:`PRINT_CSS` added. Relative URLs are read
    against ``http://msrelief.invalid/`` so that ``/static/...`` resolves and nothing else
    can be reached."""
    try:
        from weasyprint import CSS, HTML
    except OSError as missing:  # WeasyPrint loads Pango with ctypes when it is imported
        raise PdfUnavailable(
            "PDFs need the Pango library: run scripts/system-packages.sh "
            f"(or apt-get install libpango-1.0-0 libpangoft2-1.0-0) ({missing})"
        ) from missing

    document = HTML(
        string=html, base_url="http://msrelief.invalid/", url_fetcher=_fetcher()
    ).render(stylesheets=[CSS(string=PRINT_CSS)])
    if title:
        document.metadata.title = title
    pdf = document.write_pdf()
    assert pdf is not None  # write_pdf() without a target returns the bytes
    return bytes(pdf)
