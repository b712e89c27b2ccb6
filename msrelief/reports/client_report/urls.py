"""A client's reports, under the client record (included by msrelief/urls.py beside the
progress page): ``/clients/<pk>/report/client/`` and ``.../clinician/``, each with a ``.pdf``."""

from django.urls import path

from msrelief.reports.client_report import views

CLIENT = {"audience": "client"}
CLINICIAN = {"audience": "clinician"}

urlpatterns = [
    path("clients/<int:pk>/report/client/", views.page, CLIENT, name="clients-report-client"),
    path(
        "clients/<int:pk>/report/client.pdf", views.download, CLIENT,
        name="clients-report-client-pdf",
    ),
    path(
        "clients/<int:pk>/report/clinician/", views.page, CLINICIAN,
        name="clients-report-clinician",
    ),
    path(
        "clients/<int:pk>/report/clinician.pdf", views.download, CLINICIAN,
        name="clients-report-clinician-pdf",
    ),
]  # fmt: skip
