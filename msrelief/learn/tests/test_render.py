"""A page as HTML: claim citations from the evidence base in the chosen style with each claim's
verification status, reports of unverified claims, glossary links, the reference list, nh3."""

from __future__ import annotations

import html
import re

import pytest

from msrelief.evidence.models import Claim
from msrelief.learn.content import load_content
from msrelief.learn.render import render_page
from msrelief.learn.tests.conftest import FIXTURE_CONTENT
from msrelief.learn.tests.helpers import copy_content, replace_in


def rendered(slug="what-ms-is", style="harvard", folder=FIXTURE_CONTENT):
    content = load_content(folder)
    return render_page(content.page(slug), content, style)


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_harvard_is_the_default_and_cites_the_works_behind_each_claim(seeded):
    page = rendered(style="nonsense")
    assert "(Zahoor et al., 2021)" in text_of(page.body)
    assert "(Filippi et al., 2020; Zahoor et al., 2021)" in text_of(page.body)
    assert page.numbered is False


def test_each_citation_shows_and_links_its_claims_verification_status(seeded):
    body = rendered().body
    link = re.search(r'<a class="cite-status badge badge-second_hand" href="([^"]+)">', body)
    assert link is not None and link.group(1) == "/evidence/claims/#claim-C1"
    assert "Claim C1: </span>second-hand" in body
    fatigue = rendered("massage-and-fatigue").body
    assert "badge-abstract_only" in fatigue and "checked in the abstract only" in fatigue


def test_an_unverified_claim_cited_as_a_report_says_so_and_lists_no_source(seeded):
    page = rendered()
    assert (
        '<a class="cite-report" href="/evidence/claims/#claim-C13">'
        "(a report that has not been checked)</a>" in page.body
    )
    assert "naderi2024" not in [key for key, _ in page.references]


def test_a_claim_made_unverified_after_the_page_was_written_is_shown_with_a_warning(seeded):
    Claim.objects.filter(key="C12").update(verification_status="unverified")
    body = rendered("massage-and-fatigue").body
    assert 'badge-unverified" href="/evidence/claims/#claim-C12"><span aria-hidden="true">⚠' in body


def test_the_reference_list_holds_each_work_once(seeded):
    keys = [key for key, _ in rendered().references]
    assert keys == ["filippi2020", "zahoor2021"]


def test_vancouver_numbers_works_in_order_of_first_citation(seeded):
    page = rendered(style="vancouver")
    assert page.numbered is True
    assert [key for key, _ in page.references] == ["zahoor2021", "filippi2020"]
    assert '<a class="cite-works" href="#ref-zahoor2021">(1)</a>' in page.body
    assert text_of(page.references[0][1]).startswith("Zahoor I")


def test_apa_cites_by_author_and_year_too(seeded):
    assert "(Zahoor et al., 2021)" in text_of(rendered(style="apa").body)


def test_glossary_terms_link_to_their_entry_and_are_listed_for_the_page(seeded):
    page = rendered()
    assert '<a class="term" href="/learn/glossary/#term-myelin">myelin</a>' in page.body
    assert [term.term for term in page.terms] == ["myelin"]


def test_raw_html_and_scripts_in_a_page_are_removed(seeded, tmp_path):
    folder = copy_content(tmp_path)
    extra = "\n<script>alert(1)</script><p onclick='x()'>Hi [@C1].</p>\n"
    replace_in(folder / "pages" / "what-ms-is.md", "See also", extra + "\nSee also")
    body = rendered(folder=folder).body
    assert "<script" not in body and "onclick" not in body


@pytest.mark.parametrize("style", ["harvard", "vancouver"])
def test_a_rendered_page_is_kept_in_the_cache_and_a_status_change_renders_it_again(seeded, style):
    first = rendered(style=style)
    assert rendered(style=style) == first
    Claim.objects.filter(key="C1").update(verification_status="verified_in_source")
    assert "checked in the source" in rendered(style=style).body


def test_the_second_rendering_makes_only_the_claim_queries(seeded, django_assert_num_queries):
    rendered()
    with django_assert_num_queries(2):  # the claims and their references
        rendered()
