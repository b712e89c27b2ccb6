from django.urls import path

from msrelief.programmes import views_plan, views_session, views_templates
from msrelief.programmes.calendar import views as calendar

urlpatterns = [
    path("", views_templates.template_list, name="programmes-templates"),
    path("templates/new/", views_templates.template_new, name="programmes-template-new"),
    path("templates/<int:pk>/", views_templates.template_detail, name="programmes-template"),
    path(
        "templates/<int:pk>/new-version/",
        views_templates.template_version,
        name="programmes-template-version",
    ),
    path("clients/<int:pk>/enrol/", views_plan.enrol, name="programmes-enrol"),
    # Calendar feeds: no path here has a "calendar" or "feeds" segment, which the logs redact.
    path(
        "clients/<int:pk>/calendar-feed/new/",
        calendar.client_feed_new,
        name="programmes-client-feed-new",
    ),
    path(
        "clients/<int:pk>/calendar-feed/revoke/",
        calendar.client_feed_revoke,
        name="programmes-client-feed-revoke",
    ),
    path("calendar-feeds/", calendar.therapist_feeds, name="programmes-calendar-feeds"),
    path(
        "calendar-feeds/<int:pk>/new/",
        calendar.therapist_feed_new,
        name="programmes-therapist-feed-new",
    ),
    path(
        "calendar-feeds/<int:pk>/revoke/",
        calendar.therapist_feed_revoke,
        name="programmes-therapist-feed-revoke",
    ),
    path("enrolments/<int:pk>/", views_plan.plan, name="programmes-enrolment"),
    path(
        "enrolments/<int:pk>/add-session/",
        views_plan.add_session,
        name="programmes-add-session",
    ),
    path("enrolments/<int:pk>/end/", views_plan.end_enrolment, name="programmes-end"),
    path("sessions/<int:pk>/", views_session.session_page, name="programmes-session"),
    path("sessions/<int:pk>/move/", views_plan.move_session, name="programmes-move"),
    path("sessions/<int:pk>/status/", views_session.session_status, name="programmes-status"),
    path(
        "sessions/<int:pk>/ratings/<str:phase>/",
        views_session.session_ratings,
        name="programmes-ratings",
    ),
    path("sessions/<int:pk>/screen/", views_session.session_screen, name="programmes-screen"),
    path("sessions/<int:pk>/note/", views_session.session_note, name="programmes-note"),
    path("sessions/<int:pk>/note/amend/", views_session.note_amend, name="programmes-amend"),
    path(
        "sessions/<int:pk>/adverse-event/",
        views_session.session_adverse_event,
        name="programmes-adverse-event",
    ),
]
