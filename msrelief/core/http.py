"""Small request helpers shared by views."""

from __future__ import annotations

from django.http import HttpRequest, QueryDict


def posted(request: HttpRequest) -> QueryDict | None:
    """The POST data for binding a form, even when it is empty (an empty POST is still a
    submission: every field was left blank), and None for a GET."""
    return request.POST if request.method == "POST" else None
