"""The pages a person with MS fills in: one question per page or all on one page, save and
resume, review before submitting. The same views serve secure links and the client login."""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Mapping

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from msrelief.core import jinja
from msrelief.core.http import posted as _posted
from msrelief.instruments import rendering, services
from msrelief.instruments.access import Access, closed_page
from msrelief.instruments.forms import ItemsForm, initial_from_draft
from msrelief.instruments.jinja import HELPERS
from msrelief.instruments.models import Layout

DONE_KEY = "msrelief_submitted"


def _form(access: Access) -> rendering.Form:
    a = access.administration
    return rendering.form_for(a.instrument_code, a.instrument_version, a.clinic_id)


class PageUrls(Mapping[str, str]):
    """The questionnaire's other pages (``urls.start``), each worked out when a page first
    shows it: most pages show one or two of them, and each costs a ``reverse``."""

    NAMES = ("start", "all", "review", "saved")

    def __init__(self, access: Access) -> None:
        self.access = access
        self.found: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        if name not in self.NAMES:
            raise KeyError(name)
        if name not in self.found:
            self.found[name] = self.access.url(name)
        return self.found[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.NAMES)

    def __len__(self) -> int:
        return len(self.NAMES)


def _context(access: Access, qform: rendering.Form, **extra: object) -> dict[str, object]:
    draft = access.administration.draft
    answered = sum(1 for item in qform.items if item.link_id in draft)
    urls = PageUrls(access)
    return {
        "access": access,
        "qform": qform,
        "answered": answered,
        "total": len(qform.items),
        "urls": urls,
        **extra,
    }


def start(request: HttpRequest, access: Access) -> HttpResponse:
    form = _form(access)
    first_open = next(
        (i.number for i in form.items if i.link_id not in access.administration.draft), 1
    )
    prefer_all = access.administration.layout == Layout.ALL_ON_ONE or len(form.items) <= 3
    first_url = access.url("question", number=first_open)
    return render(
        request,
        "instruments/fill_start.html",
        _context(access, form, first_url=first_url, prefer_all=prefer_all),
    )


def _save(access: Access, items: tuple[rendering.Item, ...], cleaned: dict[str, object]) -> None:
    """One page's answers in one service call; a blank question forgets an earlier answer."""
    given = services.answers_from(cleaned)
    page = {item.link_id: given.get(item.link_id) for item in items}
    services.save_draft(access.administration, page, access.user)


def question(request: HttpRequest, access: Access, number: int) -> HttpResponse:
    form = _form(access)
    if not 1 <= number <= len(form.items):
        return redirect(access.url("start"))
    item = form.items[number - 1]
    initial = initial_from_draft(access.administration.draft, (item,))
    bound = ItemsForm((item,), _posted(request), initial=initial)
    if request.method == "POST" and bound.is_valid():
        _save(access, (item,), bound.cleaned_data)
        if "later" in request.POST:
            return redirect(access.url("saved"))
        if number < len(form.items):
            return redirect(access.url("question", number=number + 1))
        return redirect(access.url("review"))
    previous = access.url("question", number=number - 1) if number > 1 else access.url("start")
    context = _context(access, form, item=item, form=bound, number=number, previous=previous)
    # The page people meet most: drawn with Jinja2, in the same markup (msrelief/core/jinja.py).
    return jinja.render(
        request,
        "instruments/fill_question.html",
        {**HELPERS, **context},
        status=400 if bound.errors else 200,
    )


def all_questions(request: HttpRequest, access: Access) -> HttpResponse:
    form = _form(access)
    initial = initial_from_draft(access.administration.draft, form.items)
    bound = ItemsForm(form.items, _posted(request), initial=initial)
    if request.method == "POST" and bound.is_valid():
        _save(access, form.items, bound.cleaned_data)
        return redirect(access.url("saved" if "later" in request.POST else "review"))
    # Drawn with Jinja2 as the one-question page is, in the same markup.
    return jinja.render(
        request,
        "instruments/fill_all.html",
        {**HELPERS, **_context(access, form, form=bound)},
        status=400 if bound.errors else 200,
    )


def review(request: HttpRequest, access: Access) -> HttpResponse:
    reason = services.closed_reason(access.administration)
    if reason is not None and request.method != "POST":
        raise services.NotOpen(reason)
    form = _form(access)
    draft = access.administration.draft
    rows = [
        (item, item.label_for(draft.get(item.link_id)), access.url("question", number=item.number))
        for item in form.items
    ]
    needed = services.needed_for_a_score(access.administration)
    wanted = [
        (item.number, row[2])
        for item, row in zip(form.items, rows, strict=True)
        if item.link_id in needed
    ]
    error = None
    if request.method == "POST":
        key = request.POST.get("submission", "")[:64]
        try:
            response = services.submit_response(
                access.administration, access.user, access.via, key=key
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            request.session[DONE_KEY] = response.pk
            return redirect(access.url("done"))
    return render(
        request,
        "instruments/fill_review.html",
        _context(
            access,
            form,
            rows=rows,
            wanted=wanted,
            error=error,
            submission=secrets.token_urlsafe(24),
        ),
        status=400 if error else 200,
    )


def saved(request: HttpRequest, access: Access) -> HttpResponse:
    return render(request, "instruments/fill_saved.html", _context(access, _form(access)))


def done(request: HttpRequest, access: Access) -> HttpResponse:
    done_pk = request.session.get(DONE_KEY)
    response = access.administration.responses.filter(pk=done_pk).first() if done_pk else None
    if response is None:
        return closed_page(request, "already_used", "This questionnaire has already been submitted")
    flagged, left_blank = services.signals_for_client(response)
    clinic = access.administration.clinic
    guidance = clinic.crisis_guidance.splitlines() if flagged or left_blank else []
    return render(
        request,
        "instruments/fill_done.html",
        {
            "access": access,
            "flagged": flagged,
            "left_blank": left_blank,
            "guidance": guidance,
            "clinic": access.administration.clinic,
        },
    )
