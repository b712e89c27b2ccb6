"""A Learn page as HTML: Markdown cleaned with nh3, claim citations formatted from the evidence
base, glossary terms linked, and the page's reference list.

A citation ``[@C12; @C14]`` becomes the in-text citation of the works behind those claims in the
chosen style ("(Naderi et al., 2024; Gaballah and Abdelaziz, 2023)", or "(1,2)" in Vancouver),
linked to the reference list, followed by each claim's verification status, linked to the claim.
``[@C13 report]`` becomes "(a report that has not been checked)", linked to the claim; its works
are not listed as sources of the page. The result is kept in Django's cache under a digest of
everything it shows (the page's text, the claims, their statuses and works, the glossary terms,
the style), so an edit anywhere gives a new key and nothing stale is shown.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import markdown  # type: ignore[import-untyped]
import nh3
from django.core.cache import cache
from django.urls import reverse

from msrelief.evidence import citations
from msrelief.evidence.bibliography import BibliographyError, sanitise_html
from msrelief.evidence.bibliography.render import check_items, render
from msrelief.evidence.bibliography.styles import get_style
from msrelief.evidence.models import Claim, Reference, VerificationStatus
from msrelief.learn import markup
from msrelief.learn.content import Content, Page, Term

RENDER_VERSION = 1
CACHE_SECONDS = 7 * 24 * 60 * 60
REPORT_WORDS = "a report that has not been checked"
SHORT_STATUS = {
    VerificationStatus.VERIFIED_IN_SOURCE: "checked in the source",
    VerificationStatus.ABSTRACT_ONLY: "checked in the abstract only",
    VerificationStatus.SECOND_HAND: "second-hand",
    VerificationStatus.UNVERIFIED: "unverified",
}
BODY_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "br", "code",
    "pre", "table", "thead", "tbody", "tr", "th", "td", "abbr", "dl", "dt", "dd", "hr", "sup",
}  # fmt: skip
BODY_ATTRIBUTES = {
    "a": {"href"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "abbr": {"title"},
    "th": {"scope"},
}


@dataclass(frozen=True)
class Rendered:
    body: str  # safe HTML
    references: tuple[tuple[str, str], ...]  # (reference key, entry HTML)
    numbered: bool  # Vancouver: the list is numbered in order of first citation
    terms: tuple[Term, ...]  # the glossary terms the page uses, in order of first use


def cited_keys(page: Page) -> list[str]:
    keys: list[str] = []
    for _line, text in markup.source_lines(page.body):
        for match in markup.CITATION.finditer(text):
            keys += [cite.key for cite in markup.parse_citation(match.group(1)) or ()]
    return list(dict.fromkeys(keys))


def render_page(page: Page, content: Content, style: str) -> Rendered:
    """The page in ``style`` (harvard, apa or vancouver), from the cache when it can be."""
    style = citations.style_or_default(style)
    claims = {
        claim.key: claim
        for claim in Claim.objects.filter(key__in=cited_keys(page)).prefetch_related("references")
    }
    key = _cache_key(page, content, style, claims)
    found: Rendered | None = cache.get(key)
    if found is None:
        found = _render(page, content, style, claims)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _cache_key(page: Page, content: Content, style: str, claims: dict[str, Claim]) -> str:
    shown = {
        "version": RENDER_VERSION,
        "page": [page.slug, page.body],
        "style": style,
        "claims": [
            [c.key, c.verification_status, [r.csl() for r in c.references.all()]]
            for c in claims.values()
        ],
        "terms": [[t.term, t.label, t.text] for t in content.glossary.values()],
    }
    text = json.dumps(shown, sort_keys=True, default=str, ensure_ascii=False)
    return f"msrelief:learn:page:{hashlib.sha256(text.encode()).hexdigest()}"


def _clean(body: str) -> str:
    rendered = markdown.markdown(body, extensions=[*markup.MARKDOWN_EXTENSIONS, "toc"])
    return str(
        nh3.clean(
            rendered,
            tags=BODY_TAGS,
            attributes=BODY_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer",
        )
    )


def _groups(body: str) -> list[tuple[markup.Cite, ...] | None]:
    found: list[tuple[markup.Cite, ...] | None] = []

    def collect(raw: str, cites: tuple[markup.Cite, ...] | None) -> str:
        found.append(cites)
        return raw

    markup.substitute(body, collect, lambda written: written)
    return found


def _works(cites: tuple[markup.Cite, ...] | None, claims: dict[str, Claim]) -> list[Reference]:
    works: dict[str, Reference] = {}
    for cite in cites or ():
        claim = claims.get(cite.key)
        if claim is not None and not cite.report:
            works.update({ref.key: ref for ref in claim.references.all()})
    return list(works.values())


def _render(page: Page, content: Content, style: str, claims: dict[str, Claim]) -> Rendered:
    body = _clean(page.body)
    groups = _groups(body)
    works = [_works(cites, claims) for cites in groups]
    in_text, entries = _format(works, style)
    used: dict[str, Term] = {}

    def citation(raw: str, cites: tuple[markup.Cite, ...] | None) -> str:
        return _citation_html(cites, claims, next(in_text))

    def term(written: str) -> str:
        found = content.term(written)
        if found is None:
            return html.escape(written)
        used.setdefault(found.term, found)
        label = found.label
        if written[:1].isupper():
            label = label[:1].upper() + label[1:]
        href = reverse("learn-glossary") + f"#term-{found.term.lower()}"
        return f'<a class="term" href="{html.escape(href)}">{html.escape(label)}</a>'

    text = markup.substitute(body, citation, term)
    numbered = get_style(style).numeric
    return Rendered(text, tuple(entries), numbered, tuple(used.values()))


def _format(
    works: Sequence[Sequence[Reference]], style: str
) -> tuple[Iterator[str | None], list[tuple[str, str]]]:
    """The in-text citation of each group of works (None for a group without any) and the
    reference list, from one citeproc run so that Vancouver's numbers agree."""
    order: dict[str, Reference] = {}
    for group in works:
        order.update({ref.key: ref for ref in group if ref.key not in order})
    if not order:
        return iter([None] * len(works)), []
    wanted = [[ref.key for ref in group] for group in works if group]
    try:
        items = check_items([ref.csl() for ref in order.values()])
        done = render(items, wanted, get_style(style), "html", listed=[k.lower() for k in order])
        cites = iter(done.citations)
        entries = [(key, _entry(text, style)) for key, text in done.entries]
    except BibliographyError:
        labels = ("; ".join(citations.short_label(ref) for ref in group) for group in works)
        cites = iter(html.escape(f"({text})") for text in labels if text)
        entries = [(ref.key, citations.formatted(ref, style)) for ref in order.values()]
    in_text = [next(cites) if group else None for group in works]
    return iter(in_text), entries


def _entry(text: str, style: str) -> str:
    cleaned = sanitise_html(text)
    return re.sub(r"^\d+\.\s*", "", cleaned) if get_style(style).numeric else cleaned


def _citation_html(
    cites: tuple[markup.Cite, ...] | None, claims: dict[str, Claim], in_text: str | None
) -> str:
    if cites is None:
        return '<span class="cite-missing">(citation not understood)</span>'
    parts = []
    if in_text is not None:
        first = next(ref.key for c in cites if c.key in claims and not c.report
                     for ref in claims[c.key].references.all())  # fmt: skip
        parts.append(f'<a class="cite-works" href="#ref-{html.escape(first)}">{in_text}</a>')
    for cite in cites:
        claim = claims.get(cite.key)
        if claim is None:
            parts.append('<span class="cite-missing">(source not found)</span>')
            continue
        href = html.escape(reverse("evidence-claims") + f"#claim-{claim.key}")
        if cite.report:
            parts.append(f'<a class="cite-report" href="{href}">({REPORT_WORDS})</a>')
        else:
            parts.append(_status_link(claim, href))
    return f'<span class="cite">{" ".join(parts)}</span>'


def _status_link(claim: Claim, href: str) -> str:
    status = claim.verification_status
    words = SHORT_STATUS.get(VerificationStatus(status), status)
    unverified = status == VerificationStatus.UNVERIFIED
    warning = '<span aria-hidden="true">⚠ </span>' if unverified else ""
    return (
        f'<a class="cite-status badge badge-{html.escape(status)}" href="{href}">{warning}'
        f'<span class="visually-hidden">Claim {html.escape(claim.key)}: </span>'
        f"{html.escape(words)}</a>"
    )
