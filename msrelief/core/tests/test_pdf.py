"""``core.pdf.html_to_pdf``: a page becomes a PDF whose text can be read back, and the renderer
reads only inline data and the project's own static files."""

import subprocess

import pytest

from msrelief.core import pdf


def text_of(document: bytes, tmp_path) -> str:
    """The PDF's text as poppler's pdftotext reads it (poppler-utils, from
    scripts/system-packages.sh)."""
    source = tmp_path / "report.pdf"
    source.write_bytes(document)
    done = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout


def test_a_page_becomes_a_pdf_whose_scores_pdftotext_can_read(tmp_path):
    page = "<h1>Progress of Ana</h1><table><tr><th>PHQ-9 total</th><td>14</td></tr></table>"
    document = pdf.html_to_pdf(f"<html><body>{page}</body></html>", title="Progress")
    assert document.startswith(b"%PDF-")
    text = text_of(document, tmp_path)
    assert "Progress of Ana" in text
    assert "PHQ-9 total" in text and "14" in text


def test_navigation_and_forms_are_left_out_of_the_printed_page(tmp_path):
    page = "<nav>Dashboard Clients</nav><h1>Report</h1><form><button>Save</button></form>"
    text = text_of(pdf.html_to_pdf(f"<html><body>{page}</body></html>"), tmp_path)
    assert "Report" in text
    assert "Dashboard" not in text and "Save" not in text


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data",
        "file:///etc/passwd",
        "https://example.org/tracker.png",
        "/static/../../settings.py",
    ],
)
def test_the_renderer_refuses_to_read_anything_but_inline_data_and_static_files(url):
    with pytest.raises(pdf.RefusedResource):
        pdf._fetcher().fetch(url if "://" in url else f"http://msrelief.invalid{url}")


def test_a_static_stylesheet_and_inline_data_are_read(tmp_path):
    fetcher = pdf._fetcher()
    css = pdf.static_file("http://msrelief.invalid/static/css/app.css")
    assert css is not None and css.is_file()
    assert fetcher.fetch("http://msrelief.invalid/static/css/app.css").read() == css.read_bytes()
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
