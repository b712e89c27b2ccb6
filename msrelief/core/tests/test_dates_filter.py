import datetime as dt

from django.template import Context, Template

from msrelief.core.templatetags.dates import in_words


def test_a_utc_time_is_written_in_words_in_the_site_time_zone():
    # 10:59 UTC is 23:59 in Auckland in December (NZDT, UTC+13).
    assert in_words(dt.datetime(2026, 12, 15, 10, 59, tzinfo=dt.UTC)) == (
        "Tuesday 15 December 2026, 23:59"
    )


def test_daylight_saving_is_followed_in_winter():
    # In June Auckland is on NZST, UTC+12.
    assert in_words(dt.datetime(2026, 6, 15, 5, 0, tzinfo=dt.UTC)) == "Monday 15 June 2026, 17:00"


def test_no_time_gives_no_words():
    assert in_words(None) == ""


def test_templates_load_it_as_the_dates_library():
    when = dt.datetime(2026, 12, 15, 4, 0, tzinfo=dt.UTC)
    rendered = Template("{% load dates %}{{ when|in_words }}").render(Context({"when": when}))
    assert rendered == "Tuesday 15 December 2026, 17:00"
