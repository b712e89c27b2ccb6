"""The privacy pages: on the client record, and the clinic's processing activities."""

from django.urls import path

from msrelief.privacy import views, views_processing

urlpatterns = [
    path("clients/<int:pk>/erase/", views.erase, name="privacy-erase"),
    path("clients/<int:pk>/withdraw-consent/", views.withdraw, name="privacy-withdraw"),
    path("me/consent/withdraw/", views.withdraw_own, name="privacy-withdraw-own"),
    path("clients/<int:pk>/restriction/", views.restriction, name="privacy-restriction"),
    path("clients/<int:pk>/legal-hold/", views.legal_hold, name="privacy-legal-hold"),
    path("privacy/processing/", views_processing.processing_page, name="privacy-processing"),
    path("privacy/processing.csv", views_processing.processing_csv, name="privacy-processing-csv"),
    path(
        "privacy/processing/<slug:key>/edit/",
        views_processing.processing_edit,
        name="privacy-processing-edit",
    ),
]
