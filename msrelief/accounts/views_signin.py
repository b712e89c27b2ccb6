"""The sign-in pages after the password: the code from the authenticator app, setting an app
up (with recovery codes), proving oneself again before a sensitive action, and one's own
two-factor settings. The rules are in signin_services; the defences in lockout."""

from __future__ import annotations

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib.auth import authenticate, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from msrelief.accounts import signin_services as signin
from msrelief.accounts.forms import CodeForm, EnrolForm, ReauthForm
from msrelief.accounts.lockout import (
    clear_failures,
    count_failure,
    is_locked_out,
    locked_page,
    sign_in_throttled,
)
from msrelief.accounts.models import Role
from msrelief.core.http import AuthenticatedRequest, posted
from msrelief.core.signin import (
    mark_proven,
    now_seconds,
    reauth_url,
    recently_proven,
    second_factor_given,
)

#: The re-authentication page's password, waiting for the passkey that completes it.
PASSWORD_AT = "msrelief_reauth_password_at"  # noqa: S105  (a session key)
PASSWORD_STEP = 300  # seconds


def next_page(request: HttpRequest) -> str:
    """The page to go on to: ``next`` when it is on this site, else the user's home page."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    if getattr(request.user, "role", "") == Role.CLIENT:
        return resolve_url("portal-home")
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def secret_qr(uri: str) -> SafeString:
    """The ``otpauth://`` address as a QR code in inline SVG (segno's drawing of our own
    address, so it is marked safe); the secret is also shown in text beside it."""
    code = segno.make(uri, error="m", micro=False)
    drawing = code.svg_inline(omitsize=True, svgclass="qr-code", lineclass=None, dark="#000")
    label = "QR code of the secret, for your authenticator app"
    return format_html(
        '<div class="qr" role="img" aria-label="{}">{}</div>',
        label,
        mark_safe(drawing),  # noqa: S308
    )


def _locked(request: HttpRequest) -> HttpResponse:
    logout(request)
    return locked_page(request)


def signed_in_with(request: HttpRequest, device: object) -> None:
    """The second factor was given: the sign-in is complete (the app's code, a recovery code
    or a passkey alike)."""
    otp_login(request, device)
    request.session.cycle_key()
    mark_proven(request)
    clear_failures(getattr(request.user, "email", ""))


def password_just_given(request: HttpRequest) -> bool:
    """Whether the re-authentication page took the password within PASSWORD_STEP seconds, for
    the passkey that completes it (used once)."""
    given = request.session.pop(PASSWORD_AT, None)
    return isinstance(given, int) and 0 <= now_seconds() - given <= PASSWORD_STEP


@login_required
@sign_in_throttled("verify")
def verify(request: AuthenticatedRequest) -> HttpResponseBase:
    """Step two of signing in, for a login with an authenticator app."""
    user, target = request.user, next_page(request)
    if not signin.has_second_factor(user) or second_factor_given(request):
        return HttpResponseRedirect(target)
    if is_locked_out(request, user.email):
        return _locked(request)
    form = CodeForm(posted(request))
    if form.is_valid():
        try:
            device = signin.verify_second_factor(user, form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error(None, error)
            if count_failure(request, user.email):
                return _locked(request)
        else:
            signed_in_with(request, device)
            return HttpResponseRedirect(target)
    status = 400 if form.errors else 200
    context = {
        "form": form,
        "next": target,
        "passkey": settings.PASSKEYS_ENABLED and signin.has_passkey(user),
        "codes": signin.takes_codes(user),
    }
    return render(request, "accounts/verify.html", context, status=status)


@login_required
def enrol(request: AuthenticatedRequest) -> HttpResponseBase:
    """Set up an authenticator app: a QR code and the secret in text, then a first code."""
    user, target = request.user, next_page(request)
    if not signin.may_use_two_factor(user):
        raise PermissionDenied("Client logins do not use a second factor.")
    if signin.has_second_factor(user) and not (
        second_factor_given(request) and recently_proven(request)
    ):
        return HttpResponseRedirect(reauth_url(request.get_full_path()))
    device = signin.start_enrolment(user)
    form = EnrolForm(posted(request))
    if form.is_valid():
        try:
            codes = signin.confirm_enrolment(user, device, form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            device.refresh_from_db()
            signed_in_with(request, device)
            context = {"codes": codes, "next": target, "new": True}
            return render(request, "accounts/recovery_codes.html", context)
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": target,
        "qr": secret_qr(device.config_url),
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "required": signin.two_factor_required(user),
        "enrolled": signin.has_second_factor(user),
    }
    status = 400 if form.errors else 200
    return render(request, "accounts/enrol.html", context, status=status)


@login_required
@sign_in_throttled("reauth")
def reauth(request: AuthenticatedRequest) -> HttpResponseBase:
    """Give the password (and code) again, then go back to the action that asked for it."""
    user, target = request.user, next_page(request)
    passkey = settings.PASSKEYS_ENABLED and signin.has_passkey(user)
    with_code = signin.has_second_factor(user) and (signin.takes_codes(user) or not passkey)
    form = ReauthForm(posted(request), with_code=with_code, code_optional=passkey)
    if form.is_valid():
        if is_locked_out(request, user.email):
            return _locked(request)
        checked = authenticate(request, username=user.email, password=form.cleaned_data["password"])
        if checked is None or checked.pk != user.pk:
            if getattr(request, "axes_locked_out", False):
                return _locked(request)
            form.add_error("password", "Your password is not right. Type it again.")
        elif with_code and (form.cleaned_data.get("code") or not passkey):
            try:
                signin.verify_second_factor(user, form.cleaned_data["code"])
            except ValidationError as error:
                form.add_error(None, error)
                if count_failure(request, user.email):
                    return _locked(request)
        elif passkey:  # the passkey completes it (views_passkeys.CompleteAuthentication)
            request.session[PASSWORD_AT] = now_seconds()
            context = {"next": target, "codes": with_code}
            return render(request, "accounts/reauth_passkey.html", context)
        if not form.errors:
            mark_proven(request)
            signin.record_reauthenticated(user)
            return HttpResponseRedirect(target)
    status = 400 if form.errors else 200
    context = {"form": form, "next": target, "passkey": passkey}
    return render(request, "accounts/reauth.html", context, status=status)


@login_required
def two_factor(request: AuthenticatedRequest) -> HttpResponse:
    """One's own second factor: whether it is set up, recovery codes left, what to do."""
    user = request.user
    if not signin.may_use_two_factor(user):
        raise PermissionDenied("Client logins do not use a second factor.")
    context = {
        "enrolled": signin.has_second_factor(user),
        "app": signin.has_app(user),
        "passkeys": signin.passkey_count(user),
        "codes_left": signin.recovery_codes_left(user),
        "required": signin.two_factor_required(user),
    }
    return render(request, "accounts/two_factor.html", context)


@require_POST
@login_required
def new_recovery_codes(request: AuthenticatedRequest) -> HttpResponseBase:
    if not recently_proven(request):
        return HttpResponseRedirect(reauth_url(resolve_url("accounts-two-factor")))
    try:
        codes = signin.replace_recovery_codes(request.user)
    except ValidationError:
        return HttpResponseRedirect(resolve_url("accounts-two-factor"))
    context = {"codes": codes, "next": resolve_url("accounts-two-factor"), "new": False}
    return render(request, "accounts/recovery_codes.html", context)


@require_POST
@login_required
def remove_two_factor(request: AuthenticatedRequest) -> HttpResponseBase:
    if not recently_proven(request):
        return HttpResponseRedirect(reauth_url(resolve_url("accounts-two-factor")))
    signin.remove_two_factor(request.user)
    return HttpResponseRedirect(resolve_url("accounts-two-factor"))
