from django.urls import path

from msrelief.notifications import views

urlpatterns = [
    path("", views.undelivered, name="notifications-undelivered"),
    path("<int:pk>/retry/", views.retry, name="notifications-retry"),
]
