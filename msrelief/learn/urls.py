from django.urls import path

from msrelief.learn import feeds, views, views_comments, views_site

urlpatterns = [
    path("", views.index, name="learn-index"),
    path("map/", views_site.mechanism_map, name="learn-map"),
    path("glossary/", views_site.glossary, name="learn-glossary"),
    path("copyright/", views_site.copyright_page, name="learn-copyright"),
    path("feed/", feeds.LearnFeed(), name="learn-feed"),
    path("moderation/", views_comments.moderation, name="learn-moderation"),
    path("comments/<int:pk>/edit/", views_comments.comment_edit, name="learn-comment-edit"),
    path("comments/<int:pk>/delete/", views_comments.comment_delete, name="learn-comment-delete"),
    path("<slug:slug>/", views.page, name="learn-page"),
    path("<slug:slug>/rate/", views.rate, name="learn-rate"),
    path("<slug:slug>/comment/", views_comments.comment, name="learn-comment"),
]
