from django.urls import path

from msrelief.audit import views

urlpatterns = [
    path("", views.audit_log, name="audit-log"),
    path("audit-log.csv", views.audit_csv, name="audit-csv"),
]
