"""Staff pages for a client's measures: assign, enter, review and correct (safety flags are in
``views_flags``)."""

from __future__ import annotations

import functools
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString, mark_safe

from msrelief.clients import permissions
from msrelief.core import errors, jinja
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.http import posted as _posted
from msrelief.instruments import measures_cache, presenting, rendering, services, views_links
from msrelief.instruments.forms import (
    AssignForm,
    CompletedOnForm,
    ItemsForm,
    ReasonForm,
)
from msrelief.instruments.forms import initial_from_draft as initial_answers
from msrelief.instruments.models import Administration
from msrelief.scoring import (
    ScoringError,
    default_registry,
    get_definition,
    get_definition_for_entry,
)


def _not_sendable(choices: list[tuple[str, str]]) -> list[str]:
    """Short titles of the questionnaires missing from the assign form's ``choices``: their
    wording is licensed, and this clinic has not loaded it."""
    sendable = {code for code, _ in choices}
    return [d.spec.short_title for d in measures_cache.self_report() if d.code not in sendable]


def _measures_page(
    request: AuthenticatedRequest,
    client: Any,
    cached: measures_cache.Part,
    form: AssignForm,
    status: int = 200,
) -> HttpResponse:
    """The page around the cached part (measures_cache): the form to send a questionnaire is
    drawn on every request, and so is each form's CSRF token. Drawn with Jinja2
    (msrelief/jinja2/instruments/measures.html), in the markup of the Django page it stands
    for (core/jinja.py)."""
    token = get_token(request)
    context = {
        "client": client,
        "csrf_token": token,
        "flags": cached.flags,
        "results": cached.results,
        "open_list": cached.open_list_for(token),
        "assign_form": form,
        "not_sendable": _not_sendable(form.instrument_choices),
        "entry_links": cached.entry_links,
    }
    return jinja.render(request, "instruments/measures.html", measures_parts(context), status)


def measures_parts(context: dict[str, Any]) -> dict[str, Any]:
    """The Jinja2 page's context: ``context`` with its error summary and form fields drawn by
    their Django partials (the same ones the other staff pages include)."""
    form: AssignForm = context["assign_form"]
    summary: str
    if form.is_bound:
        summary = render_to_string("_error_summary.html", {"form": form})
        field = get_template("_field.html")
        fields = "".join(field.render({"field": bound}) for bound in form)
    else:
        summary, fields = _no_errors(), str(_blank_fields(tuple(form.instrument_choices)))
    # Drawn by Django templates, which escape.
    return {
        **context,
        "error_summary": mark_safe(summary),  # noqa: S308
        "assign_fields": mark_safe(fields),  # noqa: S308
    }


@functools.cache
def _no_errors() -> str:
    return render_to_string("_error_summary.html", {"form": None})


@functools.lru_cache(maxsize=64)
def _blank_fields(choices: tuple[tuple[str, str], ...]) -> SafeString:
    """The fields of an empty send form, which depend on its choices alone (a clinic's
    licensed wording adds some), drawn once per set of choices."""
    field = get_template("_field.html")
    return mark_safe("".join(field.render({"field": f}) for f in AssignForm(list(choices))))  # noqa: S308


@staff_required
def measures(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client = services.view_client_measures(request.user, pk)
    cached = measures_cache.part(request.user, client)
    return _measures_page(request, client, cached, AssignForm(list(cached.choices)))


@staff_required
def assign(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    client = services.view_client_measures(request.user, pk, section="assign")
    form = AssignForm(measures_cache.assign_choices(client.clinic_id), request.POST)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            administration, token = services.assign_instrument(
                request.user,
                client,
                data["instrument"],
                available_from=data["available_from"],
                email_client=data["email_client"],
            )
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            emailed = data["email_client"]
            return views_links.link_page(request, client, administration, token, emailed=emailed)
    cached = measures_cache.part(request.user, client)
    return _measures_page(request, client, cached, form, status=400)


@staff_required
def cancel(request: AuthenticatedRequest, pk: int, administration_pk: int) -> HttpResponse:
    """GET asks "Are you sure?"; only the POST of that page cancels."""
    if request.method != "POST":
        return _confirm_cancel(request, pk, administration_pk)
    client = permissions.get_client_or_404(request.user, pk)
    administration = get_object_or_404(Administration, pk=administration_pk, client=client)
    try:
        services.cancel_administration(request.user, administration)
        messages.success(request, "The questionnaire was cancelled; its link no longer works.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("instruments-measures", pk=client.pk)


def _confirm_cancel(request: AuthenticatedRequest, pk: int, administration_pk: int) -> HttpResponse:
    client = services.view_client_measures(request.user, pk, section="cancel")
    administration = get_object_or_404(Administration, pk=administration_pk, client=client)
    if not administration.is_open:
        messages.error(
            request, "Only a questionnaire that has not been submitted can be cancelled."
        )
        return redirect("instruments-measures", pk=client.pk)
    definition = default_registry().latest.get(administration.instrument_code)
    title = definition.title if definition else administration.instrument_code.upper()
    context = {"client": client, "administration": administration, "title": title}
    return render(request, "instruments/cancel_confirm.html", context)


def _items_page(
    request: HttpRequest,
    template: str,
    client: Any,
    qform: rendering.Form,
    bound: ItemsForm,
    status: int,
    **extra: Any,
) -> HttpResponse:
    return render(
        request, template, {"client": client, "qform": qform, "form": bound, **extra}, status=status
    )


@staff_required
def enter(request: AuthenticatedRequest, pk: int, code: str) -> HttpResponse:
    client = services.view_client_measures(request.user, pk, section="enter")
    try:
        definition = get_definition_for_entry(code)
    except (KeyError, ScoringError):
        raise Http404("No such instrument, or its version is not named") from None
    qform = rendering.build_form(definition.code, definition.version, client.clinic_id)
    bound = ItemsForm(qform.items, _posted(request))
    when = CompletedOnForm(_posted(request))
    if request.method == "POST" and bound.is_valid() and when.is_valid():
        answers = services.answers_from(bound.cleaned_data)
        try:
            response = services.enter_response(
                request.user, client, code, answers, when.cleaned_data["completed_on"]
            )
        except ValidationError as error:
            errors.add_to_form(when if "completed_on" in errors.by_field(error) else bound, error)
        else:
            messages.success(request, f"{definition.title} was recorded.")
            return redirect("instruments-response", pk=response.pk)
    status = 400 if bound.errors or when.errors else 200
    return _items_page(
        request, "instruments/enter.html", client, qform, bound, status, when_form=when
    )


@staff_required
def response_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    response = services.view_response(request.user, pk)
    qform = rendering.build_form(
        response.instrument_code, response.instrument_version, response.clinic_id
    )
    rows = [(item, item.label_for(response.answers.get(item.link_id))) for item in qform.items]
    definition = get_definition(response.instrument_code, response.instrument_version)
    versions = []
    cursor = response.supersedes
    while cursor is not None:
        versions.append(cursor)
        cursor = cursor.supersedes
    return render(
        request,
        "instruments/response.html",
        {
            "response": response,
            "client": response.client,
            "qform": qform,
            "rows": rows,
            "summaries": [(s, presenting.summarise(definition, s)) for s in response.scores.all()],
            "flags": response.safety_flags.select_related("acknowledged_by", "resolved_by"),
            "older_versions": versions,
        },
    )


@staff_required
def correct(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    original = services.view_response(request.user, pk)
    qform = rendering.build_form(
        original.instrument_code, original.instrument_version, original.clinic_id
    )
    initial = initial_answers(original.answers, qform.items)
    bound = ItemsForm(qform.items, _posted(request), initial=initial)
    reason = ReasonForm(_posted(request))
    if request.method == "POST" and bound.is_valid() and reason.is_valid():
        try:
            new = services.correct_response(
                request.user,
                original,
                services.answers_from(bound.cleaned_data),
                reason.cleaned_data["reason"],
            )
        except ValidationError as error:
            errors.add_to_form(bound, error)
        else:
            messages.success(request, "The corrected answers were saved as a new version.")
            return redirect("instruments-response", pk=new.pk)
    failed = bool(bound.errors or reason.errors)
    return _items_page(
        request,
        "instruments/correct.html",
        original.client,
        qform,
        bound,
        400 if failed else 200,
        reason_form=reason,
        original=original,
    )
