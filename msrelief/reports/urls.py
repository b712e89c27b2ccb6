from django.urls import path

from msrelief.reports import views, views_beside, views_exports, views_pdf

urlpatterns = [
    path("cohort/", views.cohort, name="reports-cohort"),
    path("cohort.pdf", views_pdf.cohort, name="reports-cohort-pdf"),
    path("cohort/meta/", views_beside.beside_trials, name="reports-cohort-meta"),
]

# Response exports (docs/exports.md).
urlpatterns += [
    path("exports/", views_exports.exports, name="reports-exports"),
    path("exports/<slug:form>.csv", views_exports.download, name="reports-export-download"),
]
