"""``stored_references`` reads a reference without the app registry (for ``msrelief cite``):
its table and columns must stay the model's, and what it reads must format as the model does."""

import pytest

from msrelief.evidence import citations, cslmap, stored_references
from msrelief.evidence.bibliography import STYLES
from msrelief.evidence.models import Reference


def test_the_table_and_columns_read_are_the_reference_models_own():
    assert Reference._meta.db_table == stored_references.TABLE
    for column in stored_references.COLUMNS:
        assert Reference._meta.get_field(column).column == column
    read_by_the_csl_mapping = {"key", "csl_type", "authors", "year", "extra"}
    assert read_by_the_csl_mapping | set(cslmap.TEXT_FIELDS.values()) <= set(
        stored_references.COLUMNS
    )
    json_fields = {
        f.name for f in Reference._meta.concrete_fields if f.get_internal_type() == "JSONField"
    }
    assert json_fields == stored_references.JSON_COLUMNS


def test_every_seeded_reference_reads_back_with_the_csl_json_of_the_model(seeded):
    references = list(Reference.objects.all())
    assert len(references) > 10
    for reference in references:
        stored = stored_references.find(reference.key)
        assert stored is not None
        assert stored.csl() == reference.csl(), reference.key
        assert stored.first_author == reference.first_author


@pytest.mark.django_db
def test_a_reference_with_every_kind_of_field_formats_as_the_model_does_in_every_style():
    reference = Reference.objects.create(
        key="quinn2025:trial",
        csl_type="chapter",
        authors=[{"family": "Quinn", "given": "Ríona"}, {"literal": "MS Trials Group"}],
        title="Massage and fatigue: a “pragmatic” trial",
        container_title="Rehabilitation in MS",
        year=2025,
        page="11-19",
        doi="10.1000/xyz.123",
        publisher="Example Press",
        note="Second edition",
        extra={"issued": {"date-parts": [[2025, 3]]}, "language": "en-GB", "editor": []},
    )
    stored = stored_references.find("quinn2025:trial")
    assert stored is not None
    for style in STYLES:
        for fmt in ("text", "html"):
            assert citations.formatted(stored, style, fmt) == citations.formatted(
                reference, style, fmt
            )


@pytest.mark.django_db
def test_a_key_that_is_not_stored_is_none_and_every_stored_key_is_listed():
    Reference.objects.create(key="a2020", title="A")
    Reference.objects.create(key="b2021", title="B")
    assert stored_references.find("c2022") is None
    assert sorted(stored_references.keys()) == ["a2020", "b2021"]
