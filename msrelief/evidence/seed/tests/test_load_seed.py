"""load_seed(): the shipped seed data loads, is complete and keeps the verification statuses."""

from __future__ import annotations

import re

import pytest

from msrelief.evidence.seed import VERIFICATION_STATUSES, SeedData, load_seed

SOURCE_ARTICLE_KEYS = [
    "dolcetti2020", "duarte2024", "filippi2020", "gaballah2023", "giovannoni2022",
    "kuhlmann2023", "naderi2024", "pardini2021", "santosfilho2019", "schroeder2014",
    "tavakoli2020", "zahoor2021",
]  # fmt: skip

# Statuses after each claim was checked against the work it cites (the note of each claim says
# what was read): full text read for C1 and C4, abstracts for most, nothing reachable for
# filippi2020 and duarte2024 (C5, C9, C11, C17 stay second-hand), C13 and C15 never found.
EXPECTED_STATUS = {
    "C1": "verified_in_source", "C2": "abstract_only", "C3": "abstract_only",
    "C4": "verified_in_source", "C5": "second_hand", "C6": "abstract_only", "C7": "abstract_only",
    "C8": "abstract_only", "C9": "second_hand", "C10": "abstract_only", "C11": "second_hand",
    "C12": "abstract_only", "C13": "unverified", "C14": "abstract_only", "C15": "unverified",
    "C16": "abstract_only", "C17": "second_hand", "C18": "abstract_only", "C19": "second_hand",
    "C20": "second_hand",
}  # fmt: skip
EXPECTED_REFERENCES = {
    "C1": ["zahoor2021"], "C2": ["giovannoni2022"], "C3": ["giovannoni2022"],
    "C4": ["filippi2020", "zahoor2021"], "C5": ["filippi2020"], "C6": ["pardini2021"],
    "C7": ["filippi2020", "kuhlmann2023"], "C8": ["kuhlmann2023"], "C9": ["dolcetti2020"],
    "C10": ["zahoor2021"], "C11": ["duarte2024"], "C12": ["naderi2024"], "C13": ["naderi2024"],
    "C14": ["gaballah2023"], "C15": ["tavakoli2020"], "C16": ["schroeder2014"],
    "C17": ["filippi2020"], "C18": ["santosfilho2019"], "C19": ["zahoor2021"],
    "C20": ["dolcetti2020", "giovannoni2022", "duarte2024", "schroeder2014"],
}  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> SeedData:
    return load_seed()


def test_the_seed_holds_the_twenty_claims_of_the_source_article_first_in_order(
    seed: SeedData,
) -> None:
    assert [claim.id for claim in seed.claims[:20]] == [f"C{n}" for n in range(1, 21)]


def test_claims_added_for_the_learn_pages_have_lowercase_hyphenated_keys(seed: SeedData) -> None:
    added = [claim.id for claim in seed.claims[20:]]
    assert added
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key) and len(key) <= 30 for key in added)


def test_every_claim_says_what_was_read_and_full_text_claims_say_so(seed: SeedData) -> None:
    for claim in seed.claims:
        assert claim.note and len(claim.note) > 40, claim.id
        if claim.verification_status == "verified_in_source":
            assert "full text" in claim.note, claim.id


def test_the_seed_holds_the_seven_topics_of_the_source_article(seed: SeedData) -> None:
    assert [topic.order for topic in seed.topics] == list(range(1, 8))
    assert seed.topics[0].title == "What MS is"


@pytest.mark.parametrize("key", SOURCE_ARTICLE_KEYS)
def test_every_work_cited_by_the_source_article_is_a_reference(seed: SeedData, key: str) -> None:
    assert key in seed.references


@pytest.mark.parametrize(("claim_id", "status"), sorted(EXPECTED_STATUS.items()))
def test_claim_statuses_follow_the_research_table(
    seed: SeedData, claim_id: str, status: str
) -> None:
    assert seed.claim(claim_id).verification_status == status


@pytest.mark.parametrize(("claim_id", "keys"), sorted(EXPECTED_REFERENCES.items()))
def test_claims_cite_the_works_the_research_table_gives(
    seed: SeedData, claim_id: str, keys: list[str]
) -> None:
    assert list(seed.claim(claim_id).references) == keys


def test_c13_is_unverified_and_says_the_figures_were_not_found(seed: SeedData) -> None:
    claim = seed.claim("C13")
    assert claim.verification_status == "unverified"
    assert claim.note is not None
    assert "15 %" in claim.note and "28.2 %" in claim.note and "not found" in claim.note


def test_c16_notes_that_the_cited_trial_found_no_significant_change(seed: SeedData) -> None:
    note = seed.claim("C16").note or ""
    assert "no significant change" in note


def test_claims_never_present_massage_as_changing_the_disease(seed: SeedData) -> None:
    forbidden = re.compile(r"\b(cure[sd]?|disease-modifying massage|slows? (the )?disease)\b", re.I)
    for claim in seed.claims:
        assert not forbidden.search(claim.text), claim.id
    assert "does not change the disease process" in seed.claim("C20").text


def test_every_status_in_the_seed_is_an_allowed_one(seed: SeedData) -> None:
    statuses = {claim.verification_status for claim in seed.claims}
    for study in seed.studies:
        statuses.add(study.verification_status)
        statuses.update(arm.verification_status for arm in study.arms)
        statuses.update(r.verification_status for r in study.results + study.unconfirmed_results)
    assert statuses <= set(VERIFICATION_STATUSES)


def test_every_study_names_a_known_reference(seed: SeedData) -> None:
    for study in seed.studies:
        assert study.reference in seed.references, study.id


def test_naderi_reports_the_hedges_g_of_the_abstract_as_between_arm_effects(seed: SeedData) -> None:
    study = seed.study("naderi2024")
    g = {r.construct: r.effect_value for r in study.results if r.effect_type == "hedges_g"}
    assert g == {"quality of life": 0.53, "stress": 0.8, "anxiety": 0.47, "depression": 0.7}
    assert all(r.scope == "between_arms" for r in study.results)
    assert study.arm("massage").minutes_per_session == 50


def test_unconfirmed_numbers_are_kept_apart_and_unverified(seed: SeedData) -> None:
    study = seed.study("hernandezreif1998")
    assert len(study.unconfirmed_results) == 32
    assert all(r.verification_status == "unverified" for r in study.unconfirmed_results)
    assert all(r.mean is None for r in study.results)


def test_values_that_were_not_found_stay_empty(seed: SeedData) -> None:
    naderi = seed.study("naderi2024")
    assert naderi.n_analysed is None
    assert naderi.arm("massage").n_randomised is None
    assert all(r.mean is None and r.sd is None for r in naderi.results)
    assert seed.study("tavakoli2020").design is None


def test_the_seed_counts_are_as_documented(seed: SeedData) -> None:
    counts = (
        len(seed.references),
        len(seed.claims),
        len(seed.studies),
        sum(len(s.arms) for s in seed.studies),
        sum(len(s.results) for s in seed.studies),
        sum(len(s.unconfirmed_results) for s in seed.studies),
    )
    assert counts == (125, 49, 20, 35, 84, 32)


def test_every_study_opens_with_a_plain_summary_of_two_or_three_sentences(seed: SeedData) -> None:
    for study in seed.studies:
        summary = study.plain_summary or ""
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", summary.strip()) if s]
        assert 2 <= len(sentences) <= 3, (study.id, len(sentences))
