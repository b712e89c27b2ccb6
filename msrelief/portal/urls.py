"""The client portal (/me/…) and its two staff actions on the client record. The
questionnaire pages a client fills in from here are instruments' (/me/q/<id>/…)."""

from django.urls import path

from msrelief.portal import views_pages as pages
from msrelief.portal import views_password, views_signin, views_staff

urlpatterns = [
    path("me/", pages.home, name="portal-home"),
    path("me/sign-in/", views_signin.sign_in, name="portal-sign-in"),
    # The token is a secret: msrelief.lib.redact keeps it out of the logs.
    path("me/sign-in/<str:token>/", views_signin.link, name="portal-link"),
    path("me/sessions/", pages.sessions, name="portal-sessions"),
    path("me/questionnaires/", pages.questionnaires, name="portal-questionnaires"),
    path("me/progress/", pages.progress, name="portal-progress"),
    path("me/consent/", pages.consent_page, name="portal-consent"),
    path("me/data/", pages.data, name="portal-data"),
    path("me/password/", views_password.set_password, name="portal-set-password"),
    path("me/data/my-data.<str:file_format>", pages.download, name="portal-download"),
    path("clients/<int:pk>/portal-invite/", views_staff.invite, name="portal-invite"),
    path("clients/<int:pk>/all-data.<str:file_format>", views_staff.export, name="portal-export"),
]
