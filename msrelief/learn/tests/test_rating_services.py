"""Ratings: 1-5 stars, one per reader and page, a second rating replaces the first, audited;
the summary reads "Rated 4.2 out of 5 (17 ratings)" or "No ratings yet"."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.learn import services
from msrelief.learn.models import Rating
from msrelief.learn.services import RatingSummary, Reader

PAGE = "what-ms-is"


def test_a_signed_in_readers_second_rating_replaces_the_first(person_with_ms):
    reader = Reader.of(person_with_ms)
    services.rate_page(reader, PAGE, 2)
    services.rate_page(reader, PAGE, 5)
    assert list(Rating.objects.values_list("user", "stars")) == [(person_with_ms.pk, 5)]
    events = AuditEvent.objects.filter(object_type="learn.rating").order_by("id")
    assert [e.event for e in events] == ["rating.given", "rating.changed"]


def test_an_anonymous_reader_is_known_by_their_cookie_id(db):
    services.rate_page(Reader(reader_id="abc"), PAGE, 4)
    services.rate_page(Reader(reader_id="abc"), PAGE, 3)
    services.rate_page(Reader(reader_id="xyz"), PAGE, 5)
    assert sorted(Rating.objects.values_list("reader", "stars")) == [("abc", 3), ("xyz", 5)]


def test_rating_the_same_again_changes_nothing(db):
    services.rate_page(Reader(reader_id="abc"), PAGE, 4)
    services.rate_page(Reader(reader_id="abc"), PAGE, 4)
    assert AuditEvent.objects.filter(event="rating.changed").count() == 0


@pytest.mark.parametrize("stars", [0, 6, "4", None, True])
def test_anything_but_1_to_5_stars_is_refused_naming_the_field(db, stars):
    with pytest.raises(ValidationError) as caught:
        services.rate_page(Reader(reader_id="abc"), PAGE, stars)
    assert caught.value.message_dict == {"stars": ["Choose from 1 to 5 stars."]}
    assert not Rating.objects.exists()


def test_an_unknown_page_cannot_be_rated(db):
    with pytest.raises(ValidationError, match="There is no Learn page called 'nowhere'"):
        services.rate_page(Reader(reader_id="abc"), "nowhere", 4)


def test_a_reader_with_neither_login_nor_cookie_cannot_rate(db):
    with pytest.raises(ValidationError, match="needs a signed-in reader or a reader cookie"):
        services.rate_page(Reader(), PAGE, 4)


def test_the_summary_gives_the_average_to_one_decimal_and_the_count(db):
    for number, stars in enumerate([5, 4, 4, 4, 4]):
        services.rate_page(Reader(reader_id=f"r{number}"), PAGE, stars)
    assert services.rating_summary(PAGE).text == "Rated 4.2 out of 5 (5 ratings)"
    assert services.rating_summary("massage-and-fatigue").text == "No ratings yet"


@pytest.mark.parametrize(
    ("summary", "text"),
    [
        (RatingSummary(17, 4.2), "Rated 4.2 out of 5 (17 ratings)"),
        (RatingSummary(1, 3.0), "Rated 3.0 out of 5 (1 rating)"),
        (RatingSummary(0, None), "No ratings yet"),
    ],
)
def test_the_summary_sentence(summary, text):
    assert summary.text == text


def test_summaries_of_many_pages_take_one_query(db, django_assert_num_queries):
    services.rate_page(Reader(reader_id="a"), PAGE, 5)
    with django_assert_num_queries(1):
        found = services.rating_summaries([PAGE, "massage-and-fatigue"])
    assert (found[PAGE].count, found["massage-and-fatigue"].count) == (1, 0)
