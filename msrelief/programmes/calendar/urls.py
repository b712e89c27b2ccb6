"""The feed's own address, outside /programmes/: ``/calendar/<token>.ics``. Its token is kept
out of the logs (msrelief/lib/redact.py lists ``calendar``), so no staff page lives under
``/calendar/``."""

from django.urls import path

from msrelief.programmes.calendar import views

urlpatterns = [path("<str:token>.ics", views.feed, name="calendar-feed")]
