from django.urls import path

from msrelief.instruments import (
    views_dashboard,
    views_flags,
    views_links,
    views_sources,
    views_wording,
)
from msrelief.instruments import views_staff as v

urlpatterns = [
    path("clients/", views_dashboard.dashboard, name="clients-dashboard"),
    path("clients/<int:pk>/measures/", v.measures, name="instruments-measures"),
    path("measures/sources/", views_sources.sources, name="instruments-sources"),
    path("clients/<int:pk>/measures/assign/", v.assign, name="instruments-assign"),
    path(
        "clients/<int:pk>/measures/<int:administration_pk>/cancel/",
        v.cancel,
        name="instruments-cancel",
    ),
    path(
        "clients/<int:pk>/measures/<int:administration_pk>/new-link/",
        views_links.new_link,
        name="instruments-new-link",
    ),
    path(
        "clients/<int:pk>/measures/<int:administration_pk>/email-link/",
        views_links.email_link,
        name="instruments-email-link",
    ),
    path("clients/<int:pk>/measures/enter/<str:code>/", v.enter, name="instruments-enter"),
    path("responses/<int:pk>/", v.response_detail, name="instruments-response"),
    path("responses/<int:pk>/correct/", v.correct, name="instruments-correct"),
    path("safety-flags/<int:pk>/", views_flags.flag_detail, name="instruments-flag"),
    path(
        "safety-flags/<int:pk>/acknowledge/",
        views_flags.acknowledge,
        name="instruments-acknowledge",
    ),
    path("safety-flags/<int:pk>/resolve/", views_flags.resolve, name="instruments-resolve"),
    path("clinic/questionnaires/", views_wording.wording, name="instruments-wording"),
    path(
        "clinic/questionnaires/<str:code>/structure.json",
        views_wording.structure,
        name="instruments-wording-structure",
    ),
]
