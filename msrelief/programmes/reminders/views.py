"""The unsubscribe page of a reminder email: GET shows where things stand and one button;
only the POST changes anything (a mail scanner that opens links changes nothing)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from msrelief.core.ratelimit import rate_limited
from msrelief.programmes.reminders import unsubscribe

ACTIONS = {"stop": unsubscribe.stop, "start": unsubscribe.restart}


@never_cache
@rate_limited("unsubscribe")
@require_http_methods(["GET", "POST"])
def unsubscribe_page(request: HttpRequest, token: str) -> HttpResponse:
    link = unsubscribe.link_or_404(token)
    choice = request.POST.get("choice", "") if request.method == "POST" else ""
    error = ""
    if request.method == "POST":
        if choice in ACTIONS:
            link = ACTIONS[choice](token)
        else:
            error = "Choose one of the buttons: stop reminders, or start them again."
    context = {
        "subscribed": unsubscribe.is_subscribed(link),
        "to_client": link.client_id is not None,
        "done": choice if not error else "",
        "error": error,
    }
    return render(
        request, "programmes/reminders/unsubscribe.html", context, status=400 if error else 200
    )
