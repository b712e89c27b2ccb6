"""The pages around the Learn pages: the glossary, the mechanism map and the copyright page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from msrelief.evidence import citations
from msrelief.evidence.models import Claim
from msrelief.learn import diagram
from msrelief.learn.library import current_content


def glossary(request: HttpRequest) -> HttpResponse:
    terms = sorted(current_content().glossary.values(), key=lambda term: term.label.lower())
    claims = Claim.objects.filter(key__in=[t.cite for t in terms if t.cite])
    found = {claim.key: claim for claim in claims.prefetch_related("references")}
    labels = _labels(found)
    rows = [(term, found.get(term.cite or ""), labels.get(term.cite or "", "")) for term in terms]
    return render(request, "learn/glossary.html", {"rows": rows})


def _labels(claims: dict[str, Claim]) -> dict[str, str]:
    """Each claim's works as an in-text label: "Naderi et al., 2024; Zahoor et al., 2021"."""
    return {
        key: "; ".join(citations.short_label(ref) for ref in claim.references.all())
        for key, claim in claims.items()
    }


def mechanism_map(request: HttpRequest) -> HttpResponse:
    mechanisms = current_content().mechanisms
    claims = Claim.objects.filter(key__in=[r.claim for r in mechanisms.relations])
    found = {claim.key: claim for claim in claims.prefetch_related("references")}
    labels = _labels(found)
    rows: list[dict[str, Any]] = []
    for relation in mechanisms.relations:
        source, target = mechanisms.entity(relation.source), mechanisms.entity(relation.target)
        assert source is not None and target is not None  # the loader keeps only known ends
        rows.append(
            {
                "sentence": diagram.sentence(relation, source, target),
                "relation": relation,
                "claim": found.get(relation.claim),
                "works": labels.get(relation.claim, ""),
            }
        )
    svg = mark_safe(diagram.draw(mechanisms))  # noqa: S308  (every text in it is escaped)
    return render(request, "learn/map.html", {"svg": svg, "rows": rows})


def copyright_page(request: HttpRequest) -> HttpResponse:
    context = {
        "owner": settings.CONTENT_OWNER,
        "contact": settings.PERMISSIONS_CONTACT,
        "contact_is_email": "@" in settings.PERMISSIONS_CONTACT
        and not settings.PERMISSIONS_CONTACT.startswith(("http://", "https://")),
        "year": timezone.localdate().year,
    }
    return render(request, "learn/copyright.html", context)
