"""The evidence data version (msrelief.evidence.versions): every write path moves it on, a
rollback never lets a token come back, and the safety net catches a save outside the services."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction

from msrelief.evidence import review, services, versions
from msrelief.evidence.models import Claim, Reference, Topic
from msrelief.evidence.tests.conftest import make_reference
from msrelief.evidence.tests.edits import EDITS, make_records


def number() -> int:
    return versions.DataVersion.objects.get(scope=versions.EVIDENCE).number


@pytest.fixture
def records(evidence_editor):
    return make_records(evidence_editor)


def test_migrating_makes_the_version_row_and_current_reads_its_token(db):
    row = versions.DataVersion.objects.get(scope=versions.EVIDENCE)
    assert versions.current() == row.token and len(row.token) == 24


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_edit_through_the_services_moves_the_version_on(evidence_editor, records, name):
    edit = EDITS[name][0]
    before, token = number(), versions.current()
    edit(evidence_editor, records)
    assert number() > before and versions.current() != token


def test_an_import_and_an_approved_proposal_move_the_version_on(
    clinic_admin, evidence_editor, settings
):
    token = versions.current()
    services.import_reference_file(
        clinic_admin, "@article{brown2021, title = {Touch}, year = {2021}}", "bibtex"
    )
    assert versions.current() != token
    settings.EVIDENCE_REVIEW = True
    proposal = services.update_reference(
        clinic_admin, Reference.objects.get(key="brown2021"), title="Touch and sleep"
    )
    token = versions.current()
    review.approve_proposal(evidence_editor, proposal)
    assert versions.current() != token


def test_loading_the_seed_moves_the_version_on(db):
    token = versions.current()
    call_command("load_evidence", stdout=io.StringIO())
    assert versions.current() != token


def test_a_refused_edit_leaves_the_version_as_it_was(clinic_admin):
    reference = make_reference(clinic_admin)
    before, token = number(), versions.current()
    with pytest.raises(ValidationError):
        services.update_reference(clinic_admin, reference, doi="not a doi")
    assert (number(), versions.current()) == (before, token)


def test_a_rolled_back_bump_never_lets_its_token_come_back(db):
    before = versions.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        versions.bump()
        seen_inside = versions.current()
        raise RuntimeError("the write failed")
    assert versions.current() == before
    versions.bump()
    assert versions.current() not in {before, seen_inside}


def test_a_missing_row_is_made_by_the_next_bump(db):
    versions.DataVersion.objects.all().delete()
    assert versions.current() is None
    versions.bump()
    assert number() == 1 and versions.current()


def test_a_save_a_delete_or_a_new_link_outside_the_services_moves_the_version_on(db):
    seen = {versions.current()}
    topic = Topic.objects.create(slug="fatigue", order=1, title="Fatigue")
    seen.add(versions.current())
    reference = Reference.objects.create(key="smith2020", title="Massage")
    seen.add(versions.current())
    claim = Claim.objects.create(key="C1", topic=topic, statement="Massage helped.")
    seen.add(versions.current())
    claim.references.add(reference)
    seen.add(versions.current())
    claim.references.clear()
    seen.add(versions.current())
    reference.delete()
    seen.add(versions.current())
    assert len(seen) == 7


def test_migrate_moves_the_version_on(db):
    token = versions.current()
    call_command("migrate", verbosity=0)
    assert versions.current() != token
