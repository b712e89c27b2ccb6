"""A clinic admin's page of the clinic's logins: who has a second factor, who is locked out,
and the two things an admin does about it: unlock, and reset a lost second factor."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render, resolve_url
from django.views.decorators.http import require_POST

from msrelief.accounts import signin_services as signin
from msrelief.accounts.models import User
from msrelief.core.decorators import clinic_admin_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.signin import recent_auth_required


def _clinic_login(request: AuthenticatedRequest, pk: int) -> User:
    """A login of the admin's own clinic; any other is "Page not found"."""
    return get_object_or_404(User, pk=pk, clinic=request.user.clinic)


@clinic_admin_required
def logins(request: AuthenticatedRequest) -> HttpResponse:
    users = list(User.objects.filter(clinic=request.user.clinic).order_by("email"))
    states = signin.sign_in_states(users)
    rows = [
        {
            "user": user,
            "two_factor": states[user.pk][0],
            "required": signin.two_factor_required(user),
            "locked": states[user.pk][1],
        }
        for user in users
    ]
    return render(request, "accounts/logins.html", {"rows": rows})


@require_POST
@clinic_admin_required
def unlock(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    user = _clinic_login(request, pk)
    try:
        signin.unlock(request.user, user)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        messages.success(request, f"{user.email} can sign in again.")
    return HttpResponseRedirect(resolve_url("accounts-logins"))


@clinic_admin_required
@recent_auth_required
def reset_two_factor(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    """Confirm, then remove the login's authenticator app and recovery codes."""
    user = _clinic_login(request, pk)
    if request.method == "POST":
        try:
            signin.reset_two_factor(request.user, user)
        except ValidationError as error:
            messages.info(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"The second factor of {user.email} is reset. They set up an app again at "
                "their next sign-in.",
            )
        return HttpResponseRedirect(resolve_url("accounts-logins"))
    return render(request, "accounts/reset_two_factor.html", {"login": user})
