from django.urls import path

from msrelief.clients import views

urlpatterns = [
    # "" (clients-dashboard) is msrelief.instruments.views_dashboard, in urls_staff.py.
    path("add/", views.client_add, name="clients-add"),
    path("<int:pk>/", views.client_detail, name="clients-detail"),
    path("<int:pk>/edit/", views.client_edit, name="clients-edit"),
    path("<int:pk>/delete/", views.client_delete, name="clients-delete"),
]
