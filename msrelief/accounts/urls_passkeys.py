"""django-otp-webauthn's endpoints under its own names (its template tags reverse them), served
by msrelief's subclasses (views_passkeys), and its script's translation catalogue."""

from django.urls import path
from django.views.i18n import JavaScriptCatalog

from msrelief.accounts import views_passkeys as views

app_name = "otp_webauthn"

urlpatterns = [
    path(
        "registration/begin/",
        views.BeginRegistration.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        views.CompleteRegistration.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        views.BeginAuthentication.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        views.CompleteAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
