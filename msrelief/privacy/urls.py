"""The privacy pages: on the client record, and the clinic's processing activities."""

from django.urls import path

from msrelief.privacy import views

urlpatterns = [
    path("clients/<int:pk>/erase/", views.erase, name="privacy-erase"),
    path("clients/<int:pk>/withdraw-consent/", views.withdraw, name="privacy-withdraw"),
    path("me/consent/withdraw/", views.withdraw_own, name="privacy-withdraw-own"),
    path("clients/<int:pk>/restriction/", views.restriction, name="privacy-restriction"),
]
