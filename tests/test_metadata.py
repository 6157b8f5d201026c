"""Page metadata as readers find it, cleaned: bylines name people, outlets are names, the day is the publisher's."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from digest.ingest.metadata import clean_author, clean_outlet, publisher_time


@pytest.mark.parametrize(("byline", "outlet", "clean"), [
    ("Phil Helsel is a reporter for NBC News", "NBC News", "Phil Helsel"),
    ("Detroit News wire services Published", "The Detroit News", None),
    ("STEVE PEOPLES, AP National Political Writer", "Associated Press", "Steve Peoples"),
    ("Jeff Foust Monday, November", None, "Jeff Foust"),
    ("Troy Smith, Troy L Smith, Cleveland com", "cleveland.com", "Troy Smith, Troy L Smith"),
    ("Jill Disis, CNN Business", "CNN", "Jill Disis"),
    ("Ilana Muhlstein, MS, RDN", None, "Ilana Muhlstein"),
    ("Admin", "Blog", None),
    ("By Kevin Johnson and Kevin McCoy", "USA TODAY", "Kevin Johnson, Kevin McCoy"),
])
def test_bylines_name_only_people(byline, outlet, clean):
    assert clean_author(byline, outlet) == clean


def test_the_outlet_is_a_name_never_a_raw_url():
    assert clean_outlet("https://www.hawaiinewsnow.com", None) == "hawaiinewsnow.com"
    assert clean_outlet("https", "https://www.jpost.com/international/x") == "jpost.com"
    assert clean_outlet(None, "http://www.cleveland.com/news/a.html") == "cleveland.com"
    assert clean_outlet("BBC News", "https://www.bbc.co.uk/news/x") == "BBC News"


def test_the_publishers_own_day_beats_a_utc_stamp_of_the_day_before():
    utc = ZoneInfo("UTC")
    evening_in_new_york = dt.datetime(2019, 11, 19, 2, 30, tzinfo=dt.timezone.utc)
    moved = publisher_time(evening_in_new_york, "https://example.com/2019/11/18/story.html", utc)
    assert moved.date() == dt.date(2019, 11, 18)
    # a stamp that carries the publisher's own offset, or agrees with the URL, is kept
    local = dt.datetime(2019, 11, 18, 21, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert publisher_time(local, "https://example.com/2019/11/19/story.html", utc) == local
    assert publisher_time(evening_in_new_york, "https://example.com/2019/11/19/x", utc) == evening_in_new_york
    assert publisher_time(evening_in_new_york, "https://example.com/2019/10/01/x", utc) == evening_in_new_york
