from django.urls import path

from msrelief.clients import views, views_history

urlpatterns = [
    # "" (clients-dashboard) is msrelief.instruments.views_dashboard, in urls_staff.py.
    path("add/", views.client_add, name="clients-add"),
    path("<int:pk>/", views.client_detail, name="clients-detail"),
    path("<int:pk>/edit/", views.client_edit, name="clients-edit"),
    path("<int:pk>/delete/", views.client_delete, name="clients-delete"),
    path("<int:pk>/timeline/", views_history.client_timeline, name="clients-timeline"),
    path("<int:pk>/history/<str:kind>/add/", views_history.add, name="clients-history-add"),
    path(
        "<int:pk>/history/<str:kind>/<int:entry_pk>/",
        views_history.change,
        name="clients-history-change",
    ),
    path(
        "<int:pk>/history/<str:kind>/<int:entry_pk>/remove/",
        views_history.remove,
        name="clients-history-remove",
    ),
]
