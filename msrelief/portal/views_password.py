"""/me/password/: a client whose login has no password (an invited client, who signs in by an
emailed link) sets one. It asks for a sign-in by link within settings.REAUTH_WINDOW first, as
staff give their password again before a sensitive change: the link proves the email address
is theirs, now. A client who has a password changes it on the Password page instead."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect, render

from msrelief.clients.models import Client
from msrelief.core import errors
from msrelief.core.http import AuthenticatedRequest, posted
from msrelief.core.signin import is_test_login, now_seconds
from msrelief.portal.forms import FirstPasswordForm
from msrelief.portal.views_pages import client_page
from msrelief.portal.views_signin import LINK_SIGNED_IN_AT


def linked_in_recently(request: HttpRequest) -> bool:
    """Whether this session signed in with a link within settings.REAUTH_WINDOW (a test
    login counts, as it does for every recent-sign-in check: msrelief.core.signin)."""
    if is_test_login(request):
        return True
    at = request.session.get(LINK_SIGNED_IN_AT)
    if not isinstance(at, int):
        return False
    return now_seconds() - at <= settings.REAUTH_WINDOW.total_seconds()


@client_page
def set_password(request: AuthenticatedRequest, client: Client) -> HttpResponseBase:
    user = request.user
    if user.has_usable_password():
        return redirect("accounts-password-change")
    if not linked_in_recently(request):
        # Nothing is set: a POST that comes too late is refused, like a form sent too late.
        status = 403 if request.method == "POST" else 200
        minutes = int(settings.REAUTH_WINDOW.total_seconds() // 60)
        context = {"minutes": minutes}
        return render(request, "portal/set_password_sign_in_again.html", context, status=status)
    form = FirstPasswordForm(user, posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except ValidationError as error:
            errors.add_to_form(form, error)
        else:
            update_session_auth_hash(request, user)  # the password changed: stay signed in
            request.session.pop(LINK_SIGNED_IN_AT, None)
            messages.success(request, "Your password is set. You can sign in with it, too.")
            return redirect("portal-home")
    status = 400 if form.errors else 200
    return render(request, "portal/set_password.html", {"form": form}, status=status)
