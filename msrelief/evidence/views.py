"""Public pages of the evidence base (no login): home, references, claims and studies.

Thin views: they read, format and render. Editing lives in ``views_edit``, import and export
in ``views_io``, meta-analysis in ``views_meta``.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from msrelief.evidence import citations, display, pagecache, review, services
from msrelief.evidence.bibliography import STYLES
from msrelief.evidence.models import (
    STATUS_HELP,
    Claim,
    Reference,
    Result,
    Study,
    StudyKind,
    Topic,
    VerificationStatus,
)


def _statuses() -> list[tuple[str, str, str]]:
    return [(value, label, STATUS_HELP[value]) for value, label in VerificationStatus.choices]


def home(request: HttpRequest) -> HttpResponse:
    counts = {
        "references": Reference.objects.count(),
        "claims": Claim.objects.count(),
        "unverified": Claim.objects.filter(verification_status="unverified").count(),
        "trials": Study.objects.filter(kind=StudyKind.TRIAL).count(),
        "reviews": Study.objects.filter(kind=StudyKind.REVIEW).count(),
        "results": Result.objects.count(),
    }
    context = {
        "counts": counts,
        "statuses": _statuses(),
        "can_edit": services.can_edit(request.user),
        "can_review": review.can_review(request.user),
        "held": review.held(request.user),
    }
    return render(request, "evidence/home.html", context)


def references(request: HttpRequest) -> HttpResponse:
    style = citations.style_or_default(request.GET.get("style"))
    can_edit = services.can_edit(request.user)
    body = pagecache.cached(
        "references", (style, can_edit), lambda: _references_body(style, can_edit)
    )
    return pagecache.respond(request, body)


def _references_body(style: str, can_edit: bool) -> pagecache.Body:
    rows = citations.formatted_list(list(Reference.objects.all()), style)
    context = {
        "rows": rows,
        "style": style,
        "styles": [(name, spec.title) for name, spec in STYLES.items()],
        "style_title": STYLES[style].title,
        "can_edit": can_edit,
    }
    return pagecache.build("References", "evidence/_references_body.html", context)


def reference_detail(request: HttpRequest, key: str) -> HttpResponse:
    reference = get_object_or_404(Reference, key=key)
    context = {
        "reference": reference,
        "formatted": [
            (spec.title, citations.formatted(reference, name)) for name, spec in STYLES.items()
        ],
        "claims": reference.claims.select_related("topic"),
        "studies": reference.studies.all(),
        "can_edit": services.can_edit(request.user),
    }
    return render(request, "evidence/reference_detail.html", context)


def claims(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    chosen = status if status in VerificationStatus.values else ""
    queryset = Claim.objects.select_related("topic").prefetch_related("references")
    if chosen:
        queryset = queryset.filter(verification_status=chosen)
    by_topic: OrderedDict[Topic, list[Claim]] = OrderedDict()
    for claim in queryset:
        by_topic.setdefault(claim.topic, []).append(claim)
    groups = [
        (topic, [(claim, _cited(claim)) for claim in items]) for topic, items in by_topic.items()
    ]
    context = {
        "groups": groups,
        "status": chosen,
        "statuses": _statuses(),
        "total": queryset.count(),
        "can_edit": services.can_edit(request.user),
    }
    return render(request, "evidence/claims.html", context)


def _cited(claim: Claim) -> list[tuple[Reference, str]]:
    return [(ref, citations.short_label(ref)) for ref in claim.references.all()]


def studies(request: HttpRequest) -> HttpResponse:
    queryset = (
        Study.objects.select_related("reference")
        .annotate(result_count=Count("results", filter=Q(results__attribution_confirmed=True)))
        .order_by("kind", "reference__year", "key")
    )
    rows = [(study, citations.study_name(study.reference)) for study in queryset]
    context = {
        "trials": [row for row in rows if row[0].kind == StudyKind.TRIAL],
        "reviews": [row for row in rows if row[0].kind == StudyKind.REVIEW],
        "can_edit": services.can_edit(request.user),
    }
    return render(request, "evidence/studies.html", context)


def study_detail(request: HttpRequest, key: str) -> HttpResponse:
    can_edit = services.can_edit(request.user)
    body = pagecache.cached("study", (key, can_edit), lambda: _study_body(key, can_edit))
    return pagecache.respond(request, body)


def _study_body(key: str, can_edit: bool) -> pagecache.Body:
    study = get_object_or_404(
        Study.objects.select_related("reference").prefetch_related(
            Prefetch("results", Result.objects.select_related("arm", "versus_arm"))
        ),
        key=key,
    )
    arms = list(study.arms.all())
    results = list(study.results.all())
    rows: list[dict[str, Any]] = [_result_row(result) for result in results]
    label = citations.study_name(study.reference)
    context = {
        "study": study,
        "label": label,
        "citation": citations.formatted(study.reference),
        "arms": arms,
        "results": [row for row in rows if row["result"].attribution_confirmed],
        "unconfirmed": [row for row in rows if not row["result"].attribution_confirmed],
        "missing": display.missing_for_study(study, arms, results),
        "standardised": any(row["words"] and "rule of thumb" in row["words"] for row in rows),
        "cohen": display.COHEN_1988,
        "can_edit": can_edit,
    }
    return pagecache.build(label, "evidence/_study_body.html", context)


def _result_row(result: Result) -> dict[str, object]:
    return {
        "result": result,
        "group": display.group_text(result),
        "effect": display.effect_text(result),
        "ci": display.ci_text(result),
        "p": display.p_text(result),
        "words": display.effect_words(result),
        "has_numbers": display.has_numbers(result),
    }
