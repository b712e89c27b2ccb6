"""Helpers for the Learn tests: a copy of the fixture content that a test may change."""

from __future__ import annotations

import shutil
from pathlib import Path

from msrelief.evidence.seed import load_seed
from msrelief.learn.check import Evidence
from msrelief.learn.tests.conftest import FIXTURE_CONTENT, FIXTURE_STATUSES


def copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def seed_evidence() -> Evidence:
    """The seed's claim and study keys, the fixture pages' claims at their test statuses."""
    data = load_seed()
    claims = {claim.id: claim.verification_status for claim in data.claims}
    return Evidence({**claims, **FIXTURE_STATUSES}, frozenset(study.id for study in data.studies))
