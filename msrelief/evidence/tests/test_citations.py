from msrelief.evidence import citations, services
from msrelief.evidence.models import Reference
from msrelief.evidence.tests.conftest import make_reference


def test_a_reference_citeproc_cannot_format_falls_back_to_escaped_text(clinic_admin):
    reference = make_reference(clinic_admin, title="<b>Bold</b> claims")
    reference.csl_type = "not-a-type"  # citeproc refuses it
    assert citations.formatted(reference) == "Smith (2020) &lt;b&gt;Bold&lt;/b&gt; claims"
    assert citations.formatted(reference, fmt="text") == "Smith (2020) <b>Bold</b> claims"


def test_short_labels_follow_author_date_conventions():
    one = Reference(key="a", title="T", year=2020, authors=[{"family": "Smith"}])
    two = Reference(key="b", title="T", year=None, authors=[{"family": "Smith"}, {"family": "Li"}])
    cut = Reference(
        key="c", title="T", year=2021, authors=[{"family": "Ng"}, {"literal": "others"}]
    )
    assert citations.short_label(one) == "Smith, 2020"
    assert citations.short_label(two) == "Smith and Li, n.d."
    assert citations.short_label(cut) == "Ng et al., 2021"


def test_close_keys_ignore_case():
    assert citations.close_keys("Naderi2023", ["naderi2024", "zahoor2021"]) == ["naderi2024"]


def test_an_unknown_style_becomes_harvard():
    assert citations.style_or_default("mla") == "harvard"
    assert citations.style_or_default("apa") == "apa"


def test_a_reference_is_formatted_once_then_served_from_the_cache(clinic_admin, monkeypatch):
    reference = make_reference(clinic_admin)
    first = citations.formatted(reference)
    calls = []
    monkeypatch.setattr(citations, "format_reference", lambda *args: calls.append(args))
    assert citations.formatted(Reference.objects.get(pk=reference.pk)) == first
    assert calls == []


def test_editing_a_reference_through_the_service_formats_it_again(clinic_admin):
    reference = make_reference(clinic_admin)
    assert "Massage and fatigue" in citations.formatted(reference, fmt="text")
    edited = services.update_reference(clinic_admin, reference, title="Touch and sleep in MS")
    text = citations.formatted(edited, fmt="text")
    assert "Touch and sleep in MS" in text
    assert "Massage and fatigue" not in text


def test_a_reference_list_is_formatted_once_then_served_from_the_cache(clinic_admin, monkeypatch):
    make_reference(clinic_admin)
    first = citations.formatted_list(list(Reference.objects.all()), "apa")
    calls = []
    monkeypatch.setattr(citations, "render", lambda *args: calls.append(args))
    assert citations.formatted_list(list(Reference.objects.all()), "apa") == first
    assert calls == []


def test_importing_a_second_work_by_the_same_author_and_year_reformats_the_list(clinic_admin):
    make_reference(clinic_admin)
    before = citations.formatted_list(list(Reference.objects.all()), "harvard")
    assert "(2020)" in before[0][1]
    bibtex = (
        "@article{smith2020b, title={Touch and sleep}, author={Smith, J. and Jones, K.}, "
        "journal={Journal of Examples}, year={2020}}"
    )
    services.import_reference_file(clinic_admin, bibtex, "bibtex")
    after = [text for _, text in citations.formatted_list(list(Reference.objects.all()), "harvard")]
    assert len(after) == 2
    assert any("(2020a)" in text for text in after) and any("(2020b)" in text for text in after)


def test_a_deleted_reference_leaves_the_formatted_list(clinic_admin):
    make_reference(clinic_admin)
    gone = make_reference(clinic_admin, key="lee2019", title="Gone", year=2019)
    assert len(citations.formatted_list(list(Reference.objects.all()), "vancouver")) == 2
    services.delete_reference(clinic_admin, gone)
    rows = citations.formatted_list(list(Reference.objects.all()), "vancouver")
    assert [reference.key for reference, _ in rows] == ["smith2020"]
