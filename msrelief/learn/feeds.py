"""The Atom feed of the Learn pages (Django's syndication framework). Every link in it is built
from MSRELIEF_BASE_URL, never from the request's host."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from msrelief.learn.content import Page
from msrelief.learn.library import current_content


def _absolute(path: str) -> str:
    return settings.BASE_URL + path


def _when(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=timezone.get_current_timezone())


class LearnFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    title = "msrelief Learn: MS and massage in plain words"
    subtitle = "New and updated pages about multiple sclerosis and massage, each claim cited."

    def link(self) -> str:
        return _absolute(reverse("learn-index"))

    def feed_url(self) -> str:
        return _absolute(reverse("learn-feed"))

    def author_name(self) -> str:
        return str(settings.CONTENT_OWNER)

    def items(self) -> list[Page]:
        return sorted(current_content().pages, key=lambda p: (p.updated, p.slug), reverse=True)

    def item_title(self, item: Page) -> str:
        return item.title

    def item_description(self, item: Page) -> str:
        return item.summary

    def item_link(self, item: Page) -> str:
        return _absolute(reverse("learn-page", args=[item.slug]))

    def item_guid(self, item: Page) -> str:
        return self.item_link(item)

    def item_updateddate(self, item: Page) -> dt.datetime:
        return _when(item.updated)

    def item_pubdate(self, item: Page) -> dt.datetime:
        return _when(item.updated)
