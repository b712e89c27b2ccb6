"""The ``cite_sources`` template filter: source keys become linked short citations."""

from django.template import Context, Template

from msrelief.scoring.sources import load_sources


def render(text: str) -> str:
    template = Template("{% load scoring_sources %}{{ text|cite_sources }}")
    return template.render(Context({"text": text}))


def test_a_key_becomes_its_short_citation_linked_to_its_entry():
    html = render("Costelloe L et al. 2007 [S20]: 8 points")
    short = load_sources()["S20"].short
    assert html == (
        "Costelloe L et al. 2007 "
        f'[<a class="source-ref" href="/measures/sources/#S20" title="Source S20">{short}</a>]'
        ": 8 points"
    )


def test_keys_side_by_side_share_one_bracket():
    html = render("rescaled x 100 [S10][S20].")
    assert html.count("[") == 1 and html.count('class="source-ref"') == 2
    assert '#S10"' in html and '#S20"' in html and "</a>; <a" in html


def test_a_lettered_key_is_linked_too():
    assert 'href="/measures/sources/#S19b"' in render("MSQLI manual [S19b]")


def test_an_unknown_key_is_left_as_it_was():
    assert render("see [S99] and [S98][S97]") == "see [S99] and [S98][S97]"


def test_the_text_around_the_keys_is_escaped():
    html = render("<script>x</script> [S1] & more")
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "&amp; more" in html


def test_nothing_in_gives_nothing_out():
    assert render("") == ""
