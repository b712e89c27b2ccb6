"""Drift guard: every limit in msrelief/lib/limits.py is documented, with its current value."""

from pathlib import Path

import pytest

from msrelief.lib import limits

DOCS = Path(__file__).resolve().parents[3] / "docs"

# Each limit, the words its value is written in, and the pages that must state it.
DOCUMENTED = {
    "MAX_REQUEST_BYTES": (limits.describe_bytes(limits.MAX_REQUEST_BYTES), ["api.md"]),
    "MAX_UPLOAD_BYTES": (limits.describe_bytes(limits.MAX_UPLOAD_BYTES), ["evidence.md"]),
    "MAX_JSON_DEPTH": (f"{limits.MAX_JSON_DEPTH} levels", ["api.md", "bibliography.md"]),
    "MAX_BIBTEX_DEPTH": (f"{limits.MAX_BIBTEX_DEPTH} levels", ["bibliography.md"]),
    "MAX_BIBTEX_FIELD": (f"{limits.MAX_BIBTEX_FIELD:,} characters", ["bibliography.md"]),
    "MAX_STUDIES": (f"{limits.MAX_STUDIES} studies", ["evidence.md", "stats.md", "charts.md"]),
    "MAX_STUDY_LABEL": (f"{limits.MAX_STUDY_LABEL} characters", ["evidence.md", "stats.md"]),
    "MAX_SCHEDULE_DAYS": (f"{limits.MAX_SCHEDULE_DAYS} days", ["questionnaires.md"]),
    "MAX_EMAIL_LENGTH": (f"{limits.MAX_EMAIL_LENGTH}", []),
    "MAX_PASSWORD_LENGTH": (f"{limits.MAX_PASSWORD_LENGTH:,}", []),
}


def test_every_limit_in_the_module_is_listed_here():
    declared = {name for name in vars(limits) if name.startswith("MAX_")}
    assert declared == set(DOCUMENTED)


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_each_limit_is_in_the_settings_table_with_its_value(name):
    lines = [line for line in (DOCS / "settings.md").read_text().splitlines() if name in line]
    value, _ = DOCUMENTED[name]
    assert lines and value in lines[0]


@pytest.mark.parametrize(
    ("name", "doc"), [(name, doc) for name, (_, docs) in DOCUMENTED.items() for doc in docs]
)
def test_each_limit_is_stated_where_a_user_meets_it(name, doc):
    value, _ = DOCUMENTED[name]
    assert value in " ".join((DOCS / doc).read_text().split())
