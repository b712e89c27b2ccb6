"""A PDF's text as poppler's pdftotext reads it (poppler-utils, from scripts/system-packages.sh),
for the tests of the PDF reports."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(document: bytes, folder: Path) -> str:
    assert document.startswith(b"%PDF-"), "not a PDF"
    source = folder / "report.pdf"
    source.write_bytes(document)
    done = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout
