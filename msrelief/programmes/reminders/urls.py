from django.urls import path

from msrelief.programmes.reminders import views

# Under /unsubscribe/, a token path that msrelief.lib.redact keeps out of the logs.
urlpatterns = [
    path("<str:token>/", views.unsubscribe_page, name="reminders-unsubscribe"),
]
