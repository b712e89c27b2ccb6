"""Questionnaire pages, reached by a secure link (/q/<token>/…) or the client login (/me/q/…;
the rest of the client portal is msrelief.portal)."""

from django.urls import path

from msrelief.instruments import views_fill as v
from msrelief.instruments.access import View, by_login, by_token

PAGES: list[tuple[str, View, str, bool]] = [
    ("", v.start, "start", False),
    ("<int:number>/", v.question, "question", False),
    ("all/", v.all_questions, "all", False),
    # A submitted questionnaire still reaches the review view, which lets the same form sent
    # again (a double click) land on the thank-you page and shows "already sent" otherwise.
    ("review/", v.review, "review", True),
    ("saved/", v.saved, "saved", False),
    ("done/", v.done, "done", True),
]

urlpatterns = [
    *[
        path(f"q/<str:token>/{suffix}", by_token(view, done), name=f"fill-{name}")
        for suffix, view, name, done in PAGES
    ],
    *[
        path(f"me/q/<int:pk>/{suffix}", by_login(view, done), name=f"portal-{name}")
        for suffix, view, name, done in PAGES
    ],
]
