"""The session page (status, ratings before and after, the SOAP note with the body map, adverse
events) and the posts of its forms, each to one service. A form with errors comes back on the
same page (status 400) with the other forms as they were; another clinic's session is a 404."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from msrelief.core import errors
from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.http import posted as _posted
from msrelief.programmes import bodymap, services, vocab
from msrelief.programmes.forms import (
    AdverseEventForm,
    AmendForm,
    NoteForm,
    RatingsForm,
    StatusForm,
)
from msrelief.programmes.models import Phase, PlannedSession, SessionNote
from msrelief.safety import from_history
from msrelief.safety.forms import ScreenForm

NOTE_FIELDS = ("subjective", "objective", "assessment", "plan", "techniques", "pressure",
               "minutes", "body_regions")  # fmt: skip


def _note_initial(session: PlannedSession, note: SessionNote | None) -> dict[str, Any]:
    if note is not None:
        return {name: getattr(note, name) for name in NOTE_FIELDS}
    template = session.enrolment.template
    return {"minutes": session.minutes, "body_regions": list(template.body_regions)}


def _page(
    request: AuthenticatedRequest, session: PlannedSession, **bound: forms.Form
) -> HttpResponse:
    clinic_id = session.enrolment.clinic_id
    note = services.current_note(session)
    ratings = {(r.phase, r.instrument_code): r for r in session.ratings.select_related("response")}
    context = {
        "session": session,
        "enrolment": session.enrolment,
        "client": session.enrolment.client,
        "note": note,
        "versions": session.notes.select_related("signed_by", "written_by").order_by("-version"),
        "status_form": bound.get("status_form") or StatusForm(),
        "note_form": bound.get("note_form") or NoteForm(initial=_note_initial(session, note)),
        "pre_form": bound.get("pre_form") or RatingsForm(Phase.PRE, clinic_id),
        "post_form": bound.get("post_form") or RatingsForm(Phase.POST, clinic_id),
        "event_form": bound.get("event_form")
        or AdverseEventForm(initial={"occurred_on": session.local_date}),
        "ratings": ratings,
        "go_ahead": services.may_go_ahead(session),
        "rating_rows": [
            (code, about, ratings.get(("pre", code)), ratings.get(("post", code)))
            for code, about in vocab.RATINGS
        ],
        "events": session.adverse_events.select_related("flag"),
        "views": bodymap.VIEWS,
        "is_future": session.local_date > timezone.localdate(),
    }
    status = 400 if any(form.errors for form in bound.values()) else 200
    return render(request, "programmes/session.html", context, status=status)


def _done(session: PlannedSession, anchor: str) -> HttpResponseRedirect:
    return redirect(reverse("programmes-session", args=[session.pk]) + f"#{anchor}")


@staff_required
def session_page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _page(request, services.view_session(request.user, pk))


def _posted_session(request: AuthenticatedRequest, pk: int) -> PlannedSession | None:
    session = services.session_or_404(request.user, pk)
    return session if request.method == "POST" else None


@staff_required
def session_status(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    session = _posted_session(request, pk)
    if session is None:
        return redirect("programmes-session", pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        status, by = form.split()
        try:
            services.record_session_status(
                request.user, session, status, by, form.cleaned_data["note"]
            )
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, "The session's status was recorded.")
            return _done(session, "status")
    return _page(request, session, status_form=form)


@staff_required
def session_ratings(request: AuthenticatedRequest, pk: int, phase: str) -> HttpResponse:
    session = _posted_session(request, pk)
    if session is None or phase not in Phase.values:
        return redirect("programmes-session", pk=pk)
    form = RatingsForm(phase, session.enrolment.clinic_id, request.POST)
    if form.is_valid():
        try:
            services.record_ratings(request.user, session, phase, form.values())
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, f"The ratings {Phase(phase).label.lower()} were saved.")
            return _done(session, f"ratings-{phase}")
    return _page(request, session, **{f"{phase}_form": form})


@staff_required
def session_note(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    session = _posted_session(request, pk)
    if session is None:
        return redirect("programmes-session", pk=pk)
    form = NoteForm(request.POST)
    sign = request.POST.get("action") == "sign"
    if form.is_valid():
        try:
            services.save_note(request.user, session, form.cleaned_data, sign=sign)
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, "The note was signed." if sign else "The draft was saved.")
            return _done(session, "note")
    return _page(request, session, note_form=form)


@staff_required
def session_adverse_event(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    session = _posted_session(request, pk)
    if session is None:
        return redirect("programmes-session", pk=pk)
    form = AdverseEventForm(request.POST)
    if form.is_valid():
        report = services.Report(**form.cleaned_data)
        try:
            services.record_adverse_event(request.user, session.enrolment.client, report, session)
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(
                request,
                "The adverse event was recorded and a safety flag raised; the responsible "
                "therapist is emailed.",
            )
            return _done(session, "adverse-events")
    return _page(request, session, event_form=form)


@staff_required
def note_amend(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    session = services.session_or_404(request.user, pk)
    note = services.current_note(session)
    if note is None or not note.is_signed:
        messages.error(request, "Only a signed note can be amended.")
        return redirect("programmes-session", pk=session.pk)
    form = AmendForm(_posted(request), initial=_note_initial(session, note))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in NOTE_FIELDS}
        try:
            services.amend_note(request.user, note, fields, form.cleaned_data["reason"])
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, f"The note was amended (version {note.version + 1}).")
            return _done(session, "note")
    status = 400 if form.errors else 200
    context = {
        "session": session,
        "client": session.enrolment.client,
        "note": note,
        "form": form,
        "views": bodymap.VIEWS,
    }
    return render(request, "programmes/amend.html", context, status=status)


@staff_required
def session_screen(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The pre-session screen for this session: the safety app's questions, run for the
    session's day, linked to the session, then its result page."""
    session = services.view_session(request.user, pk)
    client = session.enrolment.client
    day = session.local_date
    initial = {"on": day, "falls_last_year": from_history.falls_last_year(client, day)}
    form = ScreenForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            screen = services.screen_session(request.user, session, form.answers())
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            return redirect("safety-screen", pk=screen.pk)
    context = {
        "client": client,
        "form": form,
        "facts": from_history.facts(client, day),
        "session": session,
    }
    return render(request, "safety/screen_form.html", context, status=400 if form.errors else 200)
