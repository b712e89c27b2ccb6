"""Who may open a page: clinic staff, or clinic admins (403 otherwise). They read only the
logged-in user's attributes, so they need no domain app."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBase

from msrelief.core.http import AuthenticatedRequest

View = Callable[..., HttpResponseBase]


def staff_required(view: View) -> View:
    """Logged in, and a therapist or clinic admin of a clinic; otherwise 403."""

    @login_required
    @wraps(view)
    def wrapper(request: AuthenticatedRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_clinic_staff:
            raise PermissionDenied("This page is for clinic staff.")
        return view(request, *args, **kwargs)

    return wrapper


def clinic_admin_required(view: View) -> View:
    """Logged in as a clinic admin; otherwise 403."""

    @login_required
    @wraps(view)
    def wrapper(request: AuthenticatedRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_clinic_admin:
            raise PermissionDenied("This page is for clinic admins.")
        return view(request, *args, **kwargs)

    return wrapper
