"""Small request helpers shared by views."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict


def posted(request: HttpRequest) -> QueryDict | None:
    """The POST data for binding a form, even when it is empty (an empty POST is still a
    submission: every field was left blank), and None for a GET."""
    return request.POST if request.method == "POST" else None


def attachment(content: str | bytes, filename: str, content_type: str) -> HttpResponse:
    """A download: ``content`` sent as a file named ``filename``."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
