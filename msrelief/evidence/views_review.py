"""Review of proposed changes (``MSRELIEF_EVIDENCE_REVIEW``): the evidence editors' queue with
its approve and reject buttons, and each clinic admin's own proposals. Thin views over
:mod:`msrelief.evidence.review`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from msrelief.core.http import AuthenticatedRequest
from msrelief.evidence import changelog, review
from msrelief.evidence.change_models import EvidenceProposal, ProposalStatus
from msrelief.evidence.views_edit import editor_required

View = Callable[..., HttpResponse]


def reviewer_required(view: View) -> View:
    """Logged in and an evidence editor (or a superuser); otherwise 403."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not review.can_review(request.user):
            raise PermissionDenied(review.NOT_A_REVIEWER)
        return view(request, *args, **kwargs)

    return wrapper


def _shown(proposal: EvidenceProposal) -> dict[str, Any]:
    return {
        "proposal": proposal,
        "fields": [changelog.field_change(proposal.kind, item) for item in proposal.fields],
    }


def _queue(
    request: AuthenticatedRequest, *, error: str = "", failed: int | None = None, status: int = 200
) -> HttpResponse:
    pending = EvidenceProposal.objects.filter(status=ProposalStatus.PENDING)
    pending = pending.select_related("proposer__clinic").order_by("created_at", "id")
    context = {
        "items": [_shown(proposal) for proposal in pending],
        "error": error,
        "failed": failed,
        "reason_limit": review.REASON_LIMIT,
        "reason": request.POST.get("reason", "") if failed else "",
    }
    return render(request, "evidence/review.html", context, status=status)


@reviewer_required
def review_queue(request: AuthenticatedRequest) -> HttpResponse:
    return _queue(request)


def _decide(request: AuthenticatedRequest, pk: int, decide: Callable[[Any], Any]) -> HttpResponse:
    proposal = get_object_or_404(EvidenceProposal, pk=pk)
    try:
        decide(proposal)
    except ValidationError as error:
        return _queue(request, error=" ".join(error.messages), failed=pk, status=400)
    return redirect("evidence-review")


@reviewer_required
@require_POST
def review_approve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def approve(proposal: EvidenceProposal) -> None:
        review.approve_proposal(request.user, proposal)
        messages.success(request, f"Proposal #{proposal.pk} was approved and applied.")

    return _decide(request, pk, approve)


@reviewer_required
@require_POST
def review_reject(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def reject(proposal: EvidenceProposal) -> None:
        review.reject_proposal(request.user, proposal, request.POST.get("reason", ""))
        messages.success(request, f"Proposal #{proposal.pk} was rejected.")

    return _decide(request, pk, reject)


@editor_required
def my_proposals(request: AuthenticatedRequest) -> HttpResponse:
    """The signed-in editor's own proposals, newest first, with their state."""
    mine = EvidenceProposal.objects.filter(proposer=request.user)
    page = Paginator(mine, changelog.PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "items": [_shown(proposal) for proposal in page.object_list],
        "held": review.held(request.user),
    }
    return render(request, "evidence/proposals.html", context)
