"""Posting, editing and deleting a comment, and the moderators' queue: thin views over
:mod:`msrelief.learn.services`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from msrelief.core import errors
from msrelief.core.http import AuthenticatedRequest, posted
from msrelief.core.ratelimit import client_address
from msrelief.learn import readers, services
from msrelief.learn.comment_text import comment_html
from msrelief.learn.forms import CommentEditForm, CommentForm
from msrelief.learn.library import current_content
from msrelief.learn.models import Comment, CommentStatus
from msrelief.learn.views import _page_or_404, page_context

HELD_MESSAGE = (
    "Thank you. Your comment will appear on the page once a moderator approves it. "
    "You can change or delete it for {minutes} minutes."
)


def comment(request: HttpRequest, slug: str) -> HttpResponse:
    found = _page_or_404(slug)
    if request.method != "POST":
        return redirect("learn-page", slug)
    reader = readers.reader_of(request)
    form = CommentForm(request.POST, signed_in=reader.user is not None)
    status, wait = 400, 0
    if form.is_valid():
        data = form.cleaned_data
        try:
            made = services.post_comment(
                reader,
                slug,
                body=data["body"],
                name=data["author_name"],
                email=data.get("author_email", ""),
                honeypot=data["website"],
                address=client_address(request),
            )
        except services.TooManyComments as error:
            status, wait = 429, error.wait
            errors.add_to_form(form, error)
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            minutes = int(services.edit_window().total_seconds() // 60)
            messages.success(request, HELD_MESSAGE.format(minutes=minutes))
            done = redirect(reverse("learn-page", args=[slug]) + "#your-comments")
            readers.remember_comment(request, done, made.pk)
            return done
    context = page_context(request, found, comment_form=form)
    response = render(request, "learn/page.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(wait)
    return response


def _own_comment(request: HttpRequest, pk: int) -> tuple[Comment, services.Reader]:
    found = get_object_or_404(Comment, pk=pk)
    reader = readers.reader_of(request)
    if not services.can_change(reader, found):
        raise PermissionDenied("You can only change your own comment, and only for a short time.")
    return found, reader


def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found, reader = _own_comment(request, pk)
    page = _page_or_404(found.page)
    form = CommentEditForm(posted(request), initial={"body": found.body})
    if form.is_bound and form.is_valid():
        try:
            services.edit_comment(reader, found, form.cleaned_data["body"])
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            messages.success(request, "Your comment is saved. A moderator will read it again.")
            return redirect(reverse("learn-page", args=[page.slug]) + "#your-comments")
    context = {"form": form, "page": page, "comment": found}
    return render(request, "learn/comment_edit.html", context, status=400 if form.errors else 200)


def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    found, reader = _own_comment(request, pk)
    page = _page_or_404(found.page)
    if request.method == "POST":
        services.delete_comment(reader, found)
        messages.success(request, "Your comment is deleted.")
        return redirect(reverse("learn-page", args=[page.slug]) + "#comments")
    context = {"page": page, "comment": found, "html": comment_html(found.body)}
    return render(request, "learn/comment_delete.html", context)


@login_required
def moderation(request: AuthenticatedRequest) -> HttpResponse:
    if not services.can_moderate(request.user):
        raise PermissionDenied(services.NOT_A_MODERATOR)
    if request.method == "POST":
        return _decide(request)
    titles = {page.slug: page.title for page in current_content().pages}
    held = Comment.objects.filter(status=CommentStatus.HELD).order_by("created_at", "id")
    rows = [(c, titles.get(c.page, c.page), comment_html(c.body)) for c in held]
    return render(request, "learn/moderation.html", {"rows": rows})


def _decide(request: AuthenticatedRequest) -> HttpResponse:
    pk = request.POST.get("comment", "")
    found = Comment.objects.filter(pk=int(pk)).first() if pk.isdigit() else None
    if found is None:
        raise Http404("No such comment")
    try:
        services.moderate(request.user, found, request.POST.get("decision", ""))
    except ValidationError as error:
        messages.error(request, errors.one_line(error))
    else:
        word = "approved" if request.POST.get("decision") == "approve" else "rejected"
        messages.success(request, f"Comment #{found.pk} by {found.author_name} is {word}.")
    return redirect("learn-moderation")
