import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.evidence import services
from msrelief.evidence.models import Reference

GOOD = """
@article{smith2020,
  author = {Smith, John and Jones, Kate},
  title = {Massage and fatigue},
  journal = {Journal of Examples},
  year = {2020},
  doi = {10.1234/example.1}
}
@article{brown2021,
  author = {Brown, Ann},
  title = {Massage and sleep},
  journal = {Journal of Examples},
  year = {2021}
}
"""
BAD_DOI = GOOD.replace("10.1234/example.1", "not-a-doi")
RIS = "\n".join(
    ["TY  - JOUR", "AU  - Green, Lee", "TI  - Reflexology and pain", "JO  - Example Journal",
     "PY  - 2019", "ER  - ", ""]
)  # fmt: skip


def test_a_good_file_is_previewed_without_saving(clinic_admin):
    preview = services.preview_import(clinic_admin, GOOD, "bibtex")
    assert preview.ok and [r.key for r in preview.references] == ["smith2020", "brown2021"]
    assert not Reference.objects.exists()


def test_a_good_file_is_imported_and_each_reference_audited(clinic_admin):
    added = services.import_reference_file(clinic_admin, GOOD, "bibtex")
    assert [r.key for r in added] == ["smith2020", "brown2021"]
    assert AuditEvent.objects.filter(action="create").count() == 2


def test_one_bad_entry_is_named_and_nothing_is_saved(clinic_admin):
    with pytest.raises(ValidationError) as error:
        services.import_reference_file(clinic_admin, BAD_DOI, "bibtex")
    assert any("entry 'smith2020', field 'doi'" in m for m in error.value.messages)
    assert not Reference.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_key_already_in_the_evidence_base_is_an_error(clinic_admin):
    services.import_reference_file(clinic_admin, GOOD, "bibtex")
    preview = services.preview_import(clinic_admin, GOOD, "bibtex")
    assert "entry 'smith2020': this citation key is already in the evidence base" in preview.errors
    assert Reference.objects.count() == 2


def test_a_file_that_cannot_be_read_gives_one_clear_error(clinic_admin):
    preview = services.preview_import(clinic_admin, "[1, 2", "csl-json")
    assert not preview.ok and len(preview.errors) == 1


def test_ris_records_without_an_id_get_a_key(clinic_admin):
    added = services.import_reference_file(clinic_admin, RIS, "ris")
    assert added[0].key and added[0].year == 2019


def test_a_therapist_cannot_import(therapist):
    with pytest.raises(PermissionDenied):
        services.preview_import(therapist, GOOD, "bibtex")


@pytest.mark.parametrize(
    ("fmt", "text", "line"),
    [
        ("bibtex", GOOD.replace("Massage and sleep", "Massage\x00and sleep"), 11),
        ("ris", RIS.replace("Reflexology", "Reflex\x00ology"), 3),
    ],
)
def test_a_file_with_a_nul_character_is_refused_naming_its_line_and_nothing_is_saved(
    clinic_admin, fmt, text, line
):
    """PostgreSQL cannot store the character: it was a server error there, not a message."""
    with pytest.raises(ValidationError) as refused:
        services.import_reference_file(clinic_admin, text, fmt)
    assert refused.value.messages[0].startswith(f"line {line}: the file holds a NUL character")
    assert not Reference.objects.exists()


def test_csl_json_with_a_nul_character_in_a_field_is_refused_naming_the_field(clinic_admin):
    text = '[{"id": "green2019", "type": "article-journal", "title": "Reflex\\u0000ology"}]'
    with pytest.raises(ValidationError, match=r"the text at \[0\]\.title holds a NUL character"):
        services.import_reference_file(clinic_admin, text, "csl-json")
    assert not Reference.objects.exists()
