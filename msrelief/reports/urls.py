from django.urls import path

from msrelief.reports import views

urlpatterns = [
    path("cohort/", views.cohort, name="reports-cohort"),
]
