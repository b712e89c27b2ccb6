"""The mechanism map drawing: SVG that parses, role img with a title and a description, causes
as solid arrows, associations as dashed lines, a legend, and each relation as a sentence."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from msrelief.learn import diagram
from msrelief.learn.content import Entity, MechanismMap, Relation, load_content
from msrelief.learn.tests.conftest import FIXTURE_CONTENT

SVG = "{http://www.w3.org/2000/svg}"


def drawing() -> ET.Element:
    return ET.fromstring(diagram.draw(load_content(FIXTURE_CONTENT).mechanisms))  # noqa: S314


def test_the_map_is_one_labelled_image():
    svg = drawing()
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "map-title map-desc"
    assert svg.find(f"{SVG}title").text == "Mechanism map"
    assert (
        "2 relations: 1 shown as causes (solid arrows) and 1 as associations"
        in svg.find(f"{SVG}desc").text
    )


def test_a_cause_is_a_solid_arrow_and_an_association_a_dashed_line():
    paths = [p for g in drawing().iter(f"{SVG}g") for p in g.findall(f"{SVG}path")]
    by_title = {
        g.find(f"{SVG}title").text: g.find(f"{SVG}path")
        for g in drawing().iter(f"{SVG}g")
        if g.find(f"{SVG}title") is not None
    }
    cause, association = (
        by_title["Immune cells attack myelin"],
        by_title["Massage relieves fatigue"],
    )
    assert cause.get("marker-end") == "url(#map-arrow)" and cause.get("stroke-dasharray") is None
    assert association.get("stroke-dasharray") and association.get("marker-end") is None
    assert paths


def test_every_entity_label_and_the_legend_are_text():
    words = " ".join("".join(t.itertext()) for t in drawing().iter(f"{SVG}text"))
    for label in ("Immune cells", "Myelin", "Massage", "Fatigue", "attacks", "relieves"):
        assert label in words
    assert "Cause: studies show one leads to the other" in words
    assert "Association: they go together; a cause is not shown" in words


def test_the_drawing_uses_no_style_attribute_so_the_csp_allows_it():
    assert all(element.get("style") is None for element in drawing().iter())


def test_labels_are_escaped():
    risky = MechanismMap((Entity("a", "<b>A & B</b>", "g", 1),), ())
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in diagram.draw(risky)


def test_a_relation_reads_as_a_sentence_with_the_verb_agreeing():
    cells, myelin = Entity("c", "Immune cells", "immune", 1), Entity("m", "Myelin", "nerve", 2)
    stress, ebv = Entity("s", "Stress", "mind", 3), Entity("e", "EBV", "virus", 4)
    attacks = Relation("c", "m", "attacks", "cause", "C1", 5)
    linked = Relation("s", "e", "associated_with", "association", "C1", 6)
    assert diagram.sentence(attacks, cells, myelin) == "Immune cells attack myelin"
    assert diagram.sentence(linked, stress, ebv) == "Stress is associated with EBV"
