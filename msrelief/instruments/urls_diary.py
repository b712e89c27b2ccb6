"""The symptom diary's pages: the client's check-in by the standing link (/diary/<token>/) or
by their login (/me/diary/), and the staff pages reached from the client record."""

from django.urls import path

from msrelief.instruments.diary import views_client as client
from msrelief.instruments.diary import views_staff as staff

urlpatterns = [
    path("diary/<str:token>/", client.by_link, name="diary-link"),
    path("diary/<str:token>/saved/", client.by_link_saved, name="diary-link-saved"),
    path("me/diary/", client.mine, name="diary-mine"),
    path("me/diary/saved/", client.mine_saved, name="diary-mine-saved"),
    # The staff pages say "symptom-diary", so that the log redaction of /diary/<token>/
    # (msrelief/lib/redact.py) leaves their paths as they are.
    path("clients/<int:pk>/symptom-diary/start/", staff.start, name="diary-start"),
    path("clients/<int:pk>/symptom-diary/", staff.change, name="diary-settings"),
    path("clients/<int:pk>/symptom-diary/new-link/", staff.new_link, name="diary-new-link"),
    path(
        "clients/<int:pk>/symptom-diary/revoke-link/",
        staff.revoke_link,
        name="diary-revoke-link",
    ),
]
