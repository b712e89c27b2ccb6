"""The size limits of everything msrelief accepts from outside, declared once.

Each limit is documented where a user meets it (``docs/evidence.md``, ``docs/api.md``,
``docs/bibliography.md``, ``docs/questionnaires.md``) and, for operators, in
``docs/settings.md``; ``msrelief/core/tests/test_limits_documented.py`` keeps those pages in
step with the numbers here. Input over a limit is refused before any expensive work, with a
message that states the limit. Pure Python: the statistics and bibliography packages import it.
"""

from __future__ import annotations

from typing import Final

#: The largest request body, in bytes (2.5 MB), of any request. A larger one is answered 413
#: before it is read. Also Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE`` and
#: ``FILE_UPLOAD_MAX_MEMORY_SIZE``, so an accepted upload stays in memory.
MAX_REQUEST_BYTES: Final = 2_500_000

#: The largest uploaded or pasted file (CSV, BibTeX, RIS, CSL-JSON, FHIR JSON), in bytes.
MAX_UPLOAD_BYTES: Final = 1_000_000

#: The deepest nesting of JSON arrays and objects accepted: API bodies, CSL-JSON and FHIR
#: Questionnaire imports, answer files on the command line.
MAX_JSON_DEPTH: Final = 64

#: The deepest nesting of ``{...}`` groups accepted in a BibTeX file.
MAX_BIBTEX_DEPTH: Final = 32

#: The longest BibTeX field value accepted, in characters (an abstract is rarely over 3,000).
MAX_BIBTEX_FIELD: Final = 20_000

#: The most studies in one meta-analysis on the web page or through the API (the command line
#: has no limit). The forest plot is drawn for at most this many studies.
MAX_STUDIES: Final = 200

#: The longest study label accepted in a meta-analysis, in characters.
MAX_STUDY_LABEL: Final = 200

#: The furthest ahead a questionnaire can be scheduled to open, in days.
MAX_SCHEDULE_DAYS: Final = 365

#: The longest email address and password accepted by the login form, in characters.
MAX_EMAIL_LENGTH: Final = 254
MAX_PASSWORD_LENGTH: Final = 4096


def describe_bytes(size: int) -> str:
    """A byte count as people read it: ``2.5 MB``, ``1 MB``, ``300 KB``."""
    for unit, scale in (("MB", 1_000_000), ("KB", 1_000)):
        if size >= scale:
            value = size / scale
            return f"{value:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{size} bytes"
