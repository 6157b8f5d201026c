"""The agenda a reader sees: meetings merged across articles only when they are one event, and
the sections of the meetings page and the briefing's box. Meetings here are made up."""

from __future__ import annotations

from datetime import date

from digest.agenda import agenda_sections, merge_meetings, readable_title, same_meeting, upcoming_for_day
from digest.briefing import assemble, make_entries
from digest.config import Config
from digest.models import Extraction, Meeting

from helpers import article


def m(title, status="upcoming", start=None, place=None, participants=()):
    return Meeting(title, status, start, None, place, tuple(participants), f"{title}.")


def test_hearings_of_different_bodies_are_not_merged():
    utility = m("Utilities commission public hearing", start="2024-03-20", place="Denver")
    congress = m("House Energy Committee hearing", start="2024-03-20", place="Washington")
    assert not same_meeting(utility, congress)
    senate = m("Senate Banking Committee hearing", start="2024-03-20")
    house = m("House Banking Committee hearing", start="2024-03-20")
    assert not same_meeting(senate, house)


def test_bare_titles_from_unrelated_articles_are_not_merged():
    assert not same_meeting(m("Meeting", start="2024-03-11"), m("Meeting", start="2024-03-11"))
    assert not same_meeting(m("Meeting"), m("Meeting"))
    assert not same_meeting(m("Public hearing"), m("Public hearing"))


def test_same_body_compatible_date_and_place_is_one_meeting():
    assert same_meeting(
        m("OPEC+ ministerial meeting", start="2024-06-01", place="Vienna"),
        m("OPEC+ meeting", start="2024-06", place="Vienna, Austria"),
    )
    assert same_meeting(m("Fed policy meeting", start="2024-03-19"), m("Fed meeting", start="2024-03-19"))
    assert same_meeting(
        m("Talks", start="2024-03-12", place="Geneva", participants=("Iran",)),
        m("Nuclear talks", start="2024-03-12", place="Geneva", participants=("Iran", "EU")),
    )


def test_meetings_sharing_one_party_are_not_one_meeting():
    assert not same_meeting(m("Trade talks", participants=("U.S.",)), m("Arms talks", participants=("U.S.",)))
    assert not same_meeting(
        m("Farm talks", start="2024-W11", participants=("Japan", "U.S.")),
        m("Arms talks", start="2024-W11", participants=("U.S.", "Soviet Union")),
    )
    assert same_meeting(
        m("Talks", start="2024-W11", participants=("Japan",)),
        m("Farm talks", start="2024-03-12", participants=("Japan", "U.S.")),
    )


def test_same_body_on_other_dates_or_places_is_two_meetings():
    assert not same_meeting(m("Fed meeting", start="2024-03-19"), m("Fed meeting", start="2024-05-01"))
    assert not same_meeting(
        m("Fed meeting", start="2024-03-19", place="Washington"),
        m("Fed meeting", start="2024-03-19", place="Jackson Hole"),
    )


def test_sections_hold_each_meeting_once_and_only_undated_ones_still_to_happen():
    a = article("One", ["x"], "2024-03-07T09:00:00+00:00")
    b = article("Two", ["y"], "2024-03-08T09:00:00+00:00")
    extractions = {
        a.id: Extraction(
            a.id,
            meetings=(
                m("Fed policy meeting", start="2024-03-19", place="Washington"),
                m("Board meeting", start="2024-03-01"),
                m("EU summit"),
                m("Trade talks", status="past"),
                m("Strike talks", status="ongoing"),
                m("Party congress", status="cancelled"),
                m("Union talks", status="postponed"),
                m("Rail strike talks", status="cancelled", start="2024-03-20"),
                m("Budget summit", status="postponed", start="2024-03-25"),
                m("Mayor Diaz visit", status="ongoing", start="2024-03-06"),
                Meeting("Climate conference", "ongoing", "2024-03-07", "2024-03-10", "Bonn", (), "It opened."),
            ),
        ),
        b.id: Extraction(b.id, meetings=(m("Fed meeting", start="2024-03-19", place="Washington"), m("EU summit"))),
    }
    items = merge_meetings(make_entries([a, b], extractions))
    upcoming, undated, called_off, past = agenda_sections(items, date(2024, 3, 8))
    # a conference under way until the 10th is still on the agenda, not in the past
    assert [it.meeting.title for it in upcoming] == ["Climate conference", "Fed policy meeting"]
    assert len(upcoming[1].sources) == 2
    assert [it.meeting.title for it in undated] == ["EU summit"]
    assert len(undated[0].sources) == 2
    # cancelled or postponed is never upcoming, dated or not: it is shown apart
    assert [it.meeting.title for it in called_off] == [
        "Rail strike talks", "Budget summit", "Party congress", "Union talks"
    ]
    assert [it.meeting.title for it in past] == ["Mayor Diaz visit", "Board meeting"]


def test_an_undated_meeting_leaves_the_agenda_when_its_reports_grow_old():
    """ "His extradition hearing", reported long ago with no date, is not ahead of today's reader;
    a second, recent report keeps it."""
    old, recent = article("Old", ["x"], "2024-01-02T09:00:00+00:00"), article("New", ["y"], "2024-03-01T09:00:00+00:00")
    extractions = {old.id: Extraction(old.id, meetings=(m("Okafor extradition hearing"), m("Port strike talks"))),
                   recent.id: Extraction(recent.id, meetings=(m("Port strike talks"),))}
    entries = make_entries([old, recent], extractions)
    reported_on = {e.article.id: e.article.published.date() for e in entries}
    items = merge_meetings(entries)
    _, undated, _, _ = agenda_sections(items, date(2024, 3, 8), reported_on, fresh_days=14)
    assert [it.meeting.title for it in undated] == ["Port strike talks"]
    _, undated, _, _ = agenda_sections(items, date(2024, 1, 8), reported_on, fresh_days=14)
    assert {it.meeting.title for it in undated} == {"Okafor extradition hearing", "Port strike talks"}


def test_readable_titles():
    for title in ("WeWork all-hands meeting", "OPEC+ ministerial meeting", "Acme board meeting", "Biden visit to Oslo"):
        assert readable_title(title), title
    for title in ("Meeting", "- hands meeting", "Public hearing", "Special session", "Talks", "All-hands meeting",
                  "Board meeting", "Annual shareholders' meeting", "Staff town hall"):
        assert not readable_title(title), title


def test_briefing_box_shows_only_upcoming_meetings_with_readable_titles():
    a = article("One", ["x"], "2024-03-07T09:00:00+00:00")
    meetings = (
        m("WeWork all-hands meeting", start="2024-03-08"),
        m("Meeting", start="2024-03-09"),
        m("All-hands meeting", start="2024-03-09"),
        m("Board meeting", status="cancelled", start="2024-03-10"),
        m("Summit", status="ongoing", start="2024-03-07"),
        m("City council session", status="postponed"),
    )
    site = assemble([a], {a.id: Extraction(a.id, meetings=meetings)}, Config(meeting_days=14), date(2024, 3, 7))
    [day] = site.briefings
    assert [it.meeting.title for it in day.upcoming_meetings] == ["WeWork all-hands meeting"]
    items = merge_meetings(make_entries([a], {a.id: Extraction(a.id, meetings=meetings)}))
    box = upcoming_for_day(items, date(2024, 3, 7), 14, {a.id: date(2024, 3, 7)})
    assert [it.meeting.title for it in box] == ["WeWork all-hands meeting"]


def test_a_later_report_that_calls_a_meeting_off_is_the_meetings_status():
    """The first report dates a summit; a later one says it is cancelled, with or without its date:
    the agenda shows one meeting, called off, and never as upcoming."""
    a = article("One", ["x"], "2024-03-01T09:00:00+00:00")
    b = article("Two", ["y"], "2024-03-02T09:00:00+00:00")
    c = article("Three", ["z"], "2024-03-03T09:00:00+00:00")
    for late in (m("NATO summit", status="cancelled", start="2024-03-10", place="Oslo"),
                 m("NATO summit", status="cancelled")):
        extractions = {a.id: Extraction(a.id, meetings=(m("NATO summit", start="2024-03-10", place="Oslo"),)),
                       b.id: Extraction(b.id, meetings=(late,)),
                       c.id: Extraction(c.id, meetings=(m("Budget talks", start="2024-03-12"),))}
        items = merge_meetings(make_entries([a, b, c], extractions))
        upcoming, undated, called_off, past = agenda_sections(items, date(2024, 3, 4))
        assert [it.meeting.title for it in upcoming] == ["Budget talks"]
        assert [it.meeting.title for it in called_off] == ["NATO summit"]
        assert called_off[0].meeting.start == "2024-03-10" and len(called_off[0].sources) == 2
        assert undated == [] and past == []


MERGE_IN_A_FRESH_PROCESS = """
from datetime import datetime, timezone
from digest.agenda import merge_meetings
from digest.models import Article, ArticleEntry, Meeting

def entry(n, meeting):
    article = Article(id=f"a{n}", title=f"T{n}", published=datetime(2024, 3, n, tzinfo=timezone.utc),
                      text="x", paragraphs=("x",))
    return ArticleEntry(article, f"t{n}", f"articles/t{n}/", (), (meeting,))

def m(title):
    return Meeting(title, "upcoming", "2024-03-10", None, "Oslo", (), title + ".")

items = merge_meetings([entry(1, m("NATO summit")), entry(2, m("Russia summit")), entry(3, m("NATO Russia summit"))])
print([[s.article_id for s in it.sources] for it in items])
"""


def test_meetings_merge_alike_whatever_the_hash_seed():
    """A report that fits two earlier meetings joins the earliest, in every process: two builds of
    one archive (a local one and one on a cluster) must give the same agenda."""
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run([sys.executable, "-c", MERGE_IN_A_FRESH_PROCESS], env=env, capture_output=True,
                              text=True, check=True)
        outputs.add(done.stdout.strip())
    assert outputs == {"[['a1', 'a3'], ['a2']]"}
