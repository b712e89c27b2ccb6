"""The Learn index, a Learn page and its star rating: thin views over the loader, the renderer
and :mod:`msrelief.learn.services`."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe

from msrelief.core import errors
from msrelief.core.ratelimit import refusal
from msrelief.evidence import citations
from msrelief.evidence.bibliography import STYLES
from msrelief.evidence.models import Study
from msrelief.learn import readers, services
from msrelief.learn.comment_text import comment_html
from msrelief.learn.content import Page
from msrelief.learn.forms import CommentForm, RatingForm, StyleForm
from msrelief.learn.library import current_content
from msrelief.learn.models import Comment, CommentStatus
from msrelief.learn.render import render_page
from msrelief.learn.share import follow_links, share_links

STYLE_SESSION_KEY = "learn_citation_style"


def absolute(path: str) -> str:
    """A link for outside the site, always built from MSRELIEF_BASE_URL."""
    return settings.BASE_URL + path


def chosen_style(request: HttpRequest) -> str:
    """The citation style asked for (``?style=apa``), remembered in the session."""
    asked = request.GET.get("style")
    if asked in STYLES:
        if request.session.get(STYLE_SESSION_KEY) != asked:
            request.session[STYLE_SESSION_KEY] = asked
        return asked
    return citations.style_or_default(request.session.get(STYLE_SESSION_KEY))


def _studies(keys: list[str]) -> dict[str, tuple[Study, str]]:
    found = Study.objects.filter(key__in=keys).select_related("reference")
    return {study.key: (study, citations.study_name(study.reference)) for study in found}


def index(request: HttpRequest) -> HttpResponse:
    pages = current_content().pages
    studies = _studies([key for page in pages for key in page.studies])
    summaries = services.rating_summaries(page.slug for page in pages)

    def row(page: Page) -> dict[str, Any]:
        linked = [studies[key] for key in page.studies if key in studies]
        return {"page": page, "rating": summaries[page.slug], "studies": linked}

    context = {
        "topics": [row(page) for page in pages if page.kind == "topic"],
        "symptoms": [row(page) for page in pages if page.kind == "symptom"],
        "follow": follow_links(settings.LEARN_FOLLOW_LINKS),
    }
    return render(request, "learn/index.html", context)


def _page_or_404(slug: str) -> Page:
    page = current_content().page(slug)
    if page is None:
        raise Http404("No such Learn page")
    return page


def json_ld(page: Page, url: str) -> str:
    """schema.org ``MedicalWebPage`` data for search engines, safe inside a script element."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "headline": page.title,
        "description": page.summary,
        "url": url,
        "dateModified": page.updated.isoformat(),
        "inLanguage": "en-GB",
        "about": {"@type": "MedicalCondition", "name": "Multiple sclerosis"},
        "audience": {"@type": "PeopleAudience", "audienceType": "People with MS and carers"},
        "publisher": {"@type": "Organization", "name": settings.CONTENT_OWNER},
    }
    text = json.dumps(data, ensure_ascii=False)
    for char, code in (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return mark_safe(text)  # noqa: S308  (JSON with <, > and & escaped: it cannot end the script)


def page_context(request: HttpRequest, page: Page, **forms: Any) -> dict[str, Any]:
    style = chosen_style(request)
    reader = readers.reader_of(request)
    url = absolute(reverse("learn-page", args=[page.slug]))
    yours = services.rating_of(reader, page.slug)
    shown = Comment.objects.filter(page=page.slug, status=CommentStatus.APPROVED)
    pending = Comment.objects.filter(page=page.slug).exclude(status=CommentStatus.APPROVED)
    own = [c for c in pending if services.can_change(reader, c)]
    editable = {c.pk for c in shown if services.can_change(reader, c)}
    studies = _studies(list(page.studies))
    return {
        "page": page,
        "rendered": render_page(page, current_content(), style),
        "style": style,
        "style_form": StyleForm(initial={"style": style}),
        "studies": [studies[key] for key in page.studies if key in studies],
        "rating": services.rating_summary(page.slug),
        "your_rating": yours,
        "rating_form": forms.get("rating_form")
        or RatingForm(initial={"stars": str(yours.stars) if yours else None}),
        "comments": [(c, comment_html(c.body), c.pk in editable) for c in shown],
        "own_pending": [(c, comment_html(c.body)) for c in own],
        "comment_form": forms.get("comment_form") or CommentForm(signed_in=reader.user is not None),
        "signed_in": reader.user is not None,
        "share": share_links(settings.LEARN_SHARE_LINKS, url, page.title),
        "canonical": url,
        "json_ld": json_ld(page, url),
        "owner": settings.CONTENT_OWNER,
    }


def page(request: HttpRequest, slug: str) -> HttpResponse:
    found = _page_or_404(slug)
    return render(request, "learn/page.html", page_context(request, found))


def rate(request: HttpRequest, slug: str) -> HttpResponse:
    found = _page_or_404(slug)
    if request.method != "POST":
        return redirect("learn-page", slug)
    refused = refusal(request, "learn-rating")
    if refused is not None:
        return refused
    form = RatingForm(request.POST)
    reader, new_id = readers.with_reader_id(request)
    if form.is_valid():
        try:
            services.rate_page(reader, slug, form.cleaned_data["stars"])
        except ValidationError as error:
            errors.add_to_form(form, error)
    if not form.is_valid():
        context = page_context(request, found, rating_form=form)
        return render(request, "learn/page.html", context, status=400)
    messages.success(request, "Thank you: your rating is saved. You can change it at any time.")
    response = redirect(reverse("learn-page", args=[slug]) + "#rating")
    readers.remember_reader(response, new_id)
    return response
