"""Staff page of messages that could not be delivered, with "send again"."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.notifications import services
from msrelief.notifications.models import Message


@staff_required
def undelivered(request: AuthenticatedRequest) -> HttpResponse:
    rows = services.undelivered_for(request.user).prefetch_related("delivery_attempts")
    return render(request, "notifications/undelivered.html", {"rows": rows})


@staff_required
def retry(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("notifications-undelivered")
    message = Message.objects.filter(pk=pk, clinic=request.user.clinic).first()
    if message is None:
        raise Http404("No such message")
    try:
        services.retry_message(request.user, message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Message #{message.pk} will be sent again now.")
    return redirect("notifications-undelivered")
