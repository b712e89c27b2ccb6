from msrelief.evidence import citations
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
