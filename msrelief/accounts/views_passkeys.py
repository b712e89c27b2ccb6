"""Passkeys (WebAuthn) as a second factor, after the password: django-otp-webauthn's four JSON
endpoints with msrelief's rules around them, and the page that lists, adds and removes a
login's passkeys.

The endpoints keep the package's names (namespace ``otp_webauthn``: its template tags and
scripts call them by name) but are these subclasses, which add to the package's own checks
(a signed-in user; passwordless sign-in off; no new passkey before an existing factor is
given; the ceremony's challenge used once; Django's CSRF check, whose token its script sends):

* each POST counts against settings.SIGN_IN_RATE per address, the completing one with the
  code page's own count (answered 429 in JSON over it);
* a refused passkey counts against the login's lockout as a wrong code does, and is audited;
* a passkey given on the code page signs in as a right code does (django-otp's verified
  session, a new session key, the re-authentication clock, the failures cleared);
* adding a passkey to a login that already has a second factor needs a recent sign-in, as
  setting up an authenticator app again does.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render, resolve_url
from django.views.decorators.http import require_POST
from django_otp_webauthn import exceptions, views
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.utils import rewrite_exceptions

from msrelief.accounts import passkey_services as passkeys
from msrelief.accounts import signin_services as signin
from msrelief.accounts.lockout import count_failure, is_locked_out, locked_page, throttle_wait
from msrelief.accounts.models import User
from msrelief.accounts.views_signin import next_page, password_just_given, signed_in_with
from msrelief.core.http import AuthenticatedRequest
from msrelief.core.signin import mark_proven, reauth_url, recently_proven, second_factor_given


class Refused(exceptions.OTPWebAuthnApiError):  # type: ignore[misc]
    status_code = 403
    default_code = "refused"


def _refusal(status: int, detail: str, code: str) -> JsonResponse:
    return JsonResponse({"detail": detail, "code": code}, status=status)


class _Guarded:
    """Throttled per address, and only while passkeys are on (settings.PASSKEYS_ENABLED)."""

    #: The throttle's count (lockout.throttle_wait); the completing step shares the code page's.
    throttle = "passkey"
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not settings.PASSKEYS_ENABLED:
            return _refusal(404, "Passkeys are not used on this site.", "passkeys_off")
        wait = throttle_wait(request, self.throttle)
        if wait is not None:
            refused = _refusal(
                429, f"Too many tries from your address. Try again in {wait} seconds.", "throttled"
            )
            refused["Retry-After"] = str(wait)
            return refused
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc, no-any-return]


class _Registering(_Guarded):
    def check_can_register(self) -> None:
        user = self.request.user
        assert isinstance(user, User)
        if not signin.may_use_two_factor(user):
            raise Refused("Client logins do not use a second factor.")
        if signin.has_second_factor(user) and not (
            second_factor_given(self.request) and recently_proven(self.request)
        ):
            raise Refused("Confirm it is you first: reload the page, then add the passkey.")


class BeginRegistration(_Registering, views.BeginCredentialRegistrationView):  # type: ignore[misc]
    pass


class CompleteRegistration(_Registering, views.CompleteCredentialRegistrationView):  # type: ignore[misc]
    def post(self, *args: Any, **kwargs: Any) -> JsonResponse:
        request = self.request
        user = request.user
        assert isinstance(user, User)
        state, helper = self.get_state(), self.get_helper()

        def register() -> WebAuthnCredential:
            with rewrite_exceptions(logger=None):
                return helper.register_complete(user=user, state=state, data=request.data)  # type: ignore[attr-defined]

        try:
            device = passkeys.add_passkey(user, register)
        except PermissionDenied as error:
            raise Refused(str(error)) from error
        if not second_factor_given(request):  # a first second factor: signed in with it
            signed_in_with(request, device)
        return JsonResponse({"id": device.pk})


class BeginAuthentication(_Guarded, views.BeginCredentialAuthenticationView):  # type: ignore[misc]
    pass


class CompleteAuthentication(_Guarded, views.CompleteCredentialAuthenticationView):  # type: ignore[misc]
    throttle = "verify"

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        request = self.request
        user = request.user
        if not isinstance(user, User):
            raise exceptions.PasswordlessLoginDisabled()
        if is_locked_out(request, user.email):
            logout(request)
            return locked_page(request)
        try:
            return super().post(*args, **kwargs)  # type: ignore[no-any-return]
        except exceptions.OTPWebAuthnApiError as error:
            passkeys.record_failed(user, str(error.code))
            if count_failure(request, user.email):
                logout(request)
                return locked_page(request)
            raise

    def complete_auth(self, device: WebAuthnCredential) -> None:
        request = self.request
        user = request.user
        assert isinstance(user, User)
        if second_factor_given(request):  # confirming it is you: the password came first
            if not password_just_given(request):
                raise Refused("Type your password first, then use your passkey.")
            mark_proven(request)
            signin.record_reauthenticated(user)
        else:
            signed_in_with(request, device)
        passkeys.record_verified(user, device)


@login_required
def passkey_list(request: AuthenticatedRequest) -> HttpResponseBase:
    """One's own passkeys: their names and last use, adding one, removing one."""
    user = request.user
    if not signin.may_use_two_factor(user):
        raise PermissionDenied("Client logins do not use a second factor.")
    if signin.has_second_factor(user) and not (
        second_factor_given(request) and recently_proven(request)
    ):
        return HttpResponseRedirect(reauth_url(request.get_full_path()))
    context = {
        "passkeys": passkeys.passkeys_of(user),
        "enabled": settings.PASSKEYS_ENABLED,
        "codes_left": signin.recovery_codes_left(user),
        "next": next_page(request),
    }
    return render(request, "accounts/passkeys.html", context)


@require_POST
@login_required
def remove_passkey(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    page = resolve_url("accounts-passkeys")
    if not WebAuthnCredential.objects.filter(user=request.user, pk=pk).exists():
        raise Http404("No such passkey.")
    if not recently_proven(request):
        return HttpResponseRedirect(reauth_url(page))
    try:
        passkeys.remove_passkey(request.user, pk)
    except ValidationError as error:
        context = {
            "passkeys": passkeys.passkeys_of(request.user),
            "enabled": settings.PASSKEYS_ENABLED,
            "codes_left": signin.recovery_codes_left(request.user),
            "next": next_page(request),
            "error": " ".join(error.messages),
        }
        return render(request, "accounts/passkeys.html", context, status=400)
    return HttpResponseRedirect(page)
