"""Editing the evidence base: thin views over :mod:`msrelief.evidence.services`.

Only editors (clinic admins, superusers and evidence editors, ``services.can_edit``) reach
these pages; anyone else who is logged in gets 403, and a visitor is sent to the login page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from msrelief.core import errors
from msrelief.core.http import AuthenticatedRequest, posted
from msrelief.evidence import review, services
from msrelief.evidence.change_models import EvidenceProposal
from msrelief.evidence.forms import ArmForm, ClaimForm, ReferenceForm, ResultForm, StudyForm
from msrelief.evidence.models import Arm, Claim, Reference, Result, Study

View = Callable[..., HttpResponse]


def editor_required(view: View) -> View:
    """Logged in and allowed to edit the evidence base; otherwise 403."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not services.can_edit(request.user):
            raise PermissionDenied(services.NOT_AN_EDITOR)
        return view(request, *args, **kwargs)

    return wrapper


def _save(form: forms.BaseForm, save: Callable[[dict[str, Any]], Any]) -> Any:
    """Call a service with the form's data; its validation errors go back onto the form."""
    try:
        return save(dict(form.cleaned_data))
    except ValidationError as error:
        errors.add_to_form(form, error)
        return None


HELD = (
    "Your change was sent for review: an evidence editor will approve or reject it, and it is "
    "not public until then. Your proposals lists it."
)


def _held(request: HttpRequest) -> HttpResponse:
    messages.info(request, HELD)
    return redirect("evidence-proposals")


def _form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[dict[str, Any]], Any],
    *,
    title: str,
    cancel: str,
    done: Callable[[Any], str],
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        saved = _save(form, save)
        if isinstance(saved, EvidenceProposal):
            return _held(request)
        if saved is not None:
            messages.success(request, f"{title}: saved.")
            return redirect(done(saved))
    context = {
        "form": form, "title": title, "cancel": cancel, "held": review.held(request.user),
    }  # fmt: skip
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "evidence/form.html", context, status=status)


def _delete_page(
    request: HttpRequest,
    delete: Callable[[], EvidenceProposal | None],
    *,
    what: str,
    cancel: str,
    done: str,
) -> HttpResponse:
    if request.method == "POST":
        try:
            proposal = delete()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(cancel)
        if proposal is not None:
            return _held(request)
        messages.success(request, f"{what} was deleted.")
        return redirect(done)
    context = {"what": what, "cancel": cancel, "held": review.held(request.user)}
    return render(request, "evidence/confirm_delete.html", context)


# --- references ----------------------------------------------------------------------------


def _reference_url(reference: Reference) -> str:
    return reverse("evidence-reference", args=[reference.key])


@editor_required
def reference_add(request: AuthenticatedRequest) -> HttpResponse:
    form = ReferenceForm(posted(request))
    return _form_page(
        request, form, lambda data: services.create_reference(request.user, **data),
        title="Add a reference", cancel=reverse("evidence-references"), done=_reference_url,
    )  # fmt: skip


@editor_required
def reference_edit(request: AuthenticatedRequest, key: str) -> HttpResponse:
    reference = get_object_or_404(Reference, key=key)
    form = ReferenceForm(posted(request), instance=reference)
    return _form_page(
        request, form, lambda data: services.update_reference(request.user, reference, **data),
        title=f"Edit {key}", cancel=_reference_url(reference), done=_reference_url,
    )  # fmt: skip


@editor_required
def reference_delete(request: AuthenticatedRequest, key: str) -> HttpResponse:
    reference = get_object_or_404(Reference, key=key)
    return _delete_page(
        request, lambda: services.delete_reference(request.user, reference),
        what=f"The reference {key}", cancel=_reference_url(reference),
        done=reverse("evidence-references"),
    )  # fmt: skip


# --- claims --------------------------------------------------------------------------------


def _claim_url(claim: Claim) -> str:
    return reverse("evidence-claims") + f"#claim-{claim.key}"


def _claim_save(
    request: AuthenticatedRequest, claim: Claim | None
) -> Callable[[dict[str, Any]], Any]:
    def save(data: dict[str, Any]) -> Claim | EvidenceProposal:
        references = list(data.pop("references"))
        if claim is None:
            return services.create_claim(request.user, references=references, **data)
        return services.update_claim(request.user, claim, references=references, **data)

    return save


@editor_required
def claim_add(request: AuthenticatedRequest) -> HttpResponse:
    form = ClaimForm(posted(request))
    return _form_page(
        request, form, _claim_save(request, None), title="Add a claim",
        cancel=reverse("evidence-claims"), done=_claim_url,
    )  # fmt: skip


@editor_required
def claim_edit(request: AuthenticatedRequest, key: str) -> HttpResponse:
    claim = get_object_or_404(Claim, key=key)
    form = ClaimForm(posted(request), instance=claim)
    return _form_page(
        request, form, _claim_save(request, claim), title=f"Edit claim {key}",
        cancel=_claim_url(claim), done=_claim_url,
    )  # fmt: skip


@editor_required
def claim_delete(request: AuthenticatedRequest, key: str) -> HttpResponse:
    claim = get_object_or_404(Claim, key=key)
    return _delete_page(
        request, lambda: services.delete_claim(request.user, claim), what=f"Claim {key}",
        cancel=_claim_url(claim), done=reverse("evidence-claims"),
    )  # fmt: skip


# --- studies -------------------------------------------------------------------------------


def _study_url(study: Study) -> str:
    return reverse("evidence-study", args=[study.key])


@editor_required
def study_add(request: AuthenticatedRequest) -> HttpResponse:
    form = StudyForm(posted(request))
    return _form_page(
        request, form, lambda data: services.create_study(request.user, **data),
        title="Add a study", cancel=reverse("evidence-studies"), done=_study_url,
    )  # fmt: skip


@editor_required
def study_edit(request: AuthenticatedRequest, key: str) -> HttpResponse:
    study = get_object_or_404(Study, key=key)
    form = StudyForm(posted(request), instance=study)
    return _form_page(
        request, form, lambda data: services.update_study(request.user, study, **data),
        title=f"Edit study {key}", cancel=_study_url(study), done=_study_url,
    )  # fmt: skip


@editor_required
def study_delete(request: AuthenticatedRequest, key: str) -> HttpResponse:
    study = get_object_or_404(Study, key=key)
    return _delete_page(
        request, lambda: services.delete_study(request.user, study),
        what=f"The study {key}, with its groups and results", cancel=_study_url(study),
        done=reverse("evidence-studies"),
    )  # fmt: skip


# --- arms and results ----------------------------------------------------------------------


def _parent_url(child: Arm | Result) -> str:
    return _study_url(child.study)


@editor_required
def arm_add(request: AuthenticatedRequest, key: str) -> HttpResponse:
    study = get_object_or_404(Study, key=key)
    form = ArmForm(posted(request), study=study)
    return _form_page(
        request, form, lambda data: services.create_arm(request.user, study, **data),
        title=f"Add a group to {key}", cancel=_study_url(study), done=_parent_url,
    )  # fmt: skip


@editor_required
def arm_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    arm = get_object_or_404(Arm.objects.select_related("study"), pk=pk)
    form = ArmForm(posted(request), study=arm.study, instance=arm)
    return _form_page(
        request, form, lambda data: services.update_arm(request.user, arm, **data),
        title=f"Edit the group {arm.label}", cancel=_parent_url(arm), done=_parent_url,
    )  # fmt: skip


@editor_required
def arm_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    arm = get_object_or_404(Arm.objects.select_related("study"), pk=pk)
    return _delete_page(
        request, lambda: services.delete_arm(request.user, arm), what=f"The group {arm.label}",
        cancel=_parent_url(arm), done=_parent_url(arm),
    )  # fmt: skip


@editor_required
def result_add(request: AuthenticatedRequest, key: str) -> HttpResponse:
    study = get_object_or_404(Study, key=key)
    form = ResultForm(posted(request), study=study)
    return _form_page(
        request, form, lambda data: services.create_result(request.user, study, **data),
        title=f"Add a result to {key}", cancel=_study_url(study), done=_parent_url,
    )  # fmt: skip


@editor_required
def result_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    result = get_object_or_404(Result.objects.select_related("study"), pk=pk)
    form = ResultForm(posted(request), study=result.study, instance=result)
    return _form_page(
        request, form, lambda data: services.update_result(request.user, result, **data),
        title=f"Edit the result {result.key}", cancel=_parent_url(result), done=_parent_url,
    )  # fmt: skip


@editor_required
def result_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    result = get_object_or_404(Result.objects.select_related("study"), pk=pk)
    return _delete_page(
        request, lambda: services.delete_result(request.user, result),
        what=f"The result {result.key}", cancel=_parent_url(result), done=_parent_url(result),
    )  # fmt: skip
