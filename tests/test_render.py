import time
from dataclasses import replace
from datetime import date

import feedparser
import pytest
from icalendar import Calendar

from digest.briefing import assemble, source_of
from digest.config import Config
from digest.errors import DigestError, Report
from digest.models import DayQuote, Extraction, Meeting, Quote
from digest.render.output import MARKER, SiteWriter
from digest.render.site import render_site
from digest.render.templating import quote_text, value_label

from helpers import article

CONFIG = Config(base_url="https://news.example.org/briefing/", title="Test Briefing")
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def sample_site(today=date(2022, 1, 11)):
    a = article(
        "Moscow-NATO relations",
        ["Grushko spoke.", "“We will push,” he said.", HOSTILE],
        "2022-01-11T09:00:00+00:00",
        source="Wire",
    )
    b = article("Earlier news", ["Nothing to see."], "2022-01-10T09:00:00+00:00")
    quote_start = a.text.index("We will push")
    ex = {
        a.id: Extraction(
            a.id,
            quotes=(
                Quote(
                    "We will push",
                    "Alexander Grushko",
                    "Deputy Foreign Minister",
                    False,
                    0.9,
                    True,
                    quote_start,
                    quote_start + len("We will push"),
                ),
                Quote(HOSTILE, "Evil <b>Speaker</b>", None, False, 0.1, True, 0, 0),
            ),
            meetings=(
                Meeting(
                    "NATO-Russia Council meeting",
                    "upcoming",
                    "2022-01-12",
                    None,
                    "Brussels",
                    ("NATO", "Russia"),
                    "A meeting will take place in Brussels on Wednesday.",
                ),
                Meeting(
                    "OSCE meeting",
                    "upcoming",
                    "2022-01-13",
                    None,
                    "Vienna",
                    ("OSCE",),
                    "…",
                    time="10:00",
                    timezone="Europe/Vienna",
                ),
                Meeting("OPEC meeting", "upcoming", "2022-W03", None, None, (), "…"),
                Meeting("EU summit", "cancelled", None, None, None, (), "…"),
            ),
        ),
        b.id: Extraction(b.id),
    }
    return assemble([a, b], ex, CONFIG, today)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "site"
    with SiteWriter(out) as writer:
        render_site(sample_site(), CONFIG, writer)
    return out


def test_pages_exist(built):
    for rel in (
        "index.html",
        "2022/01/11/index.html",
        "2022/01/10/index.html",
        "archive/index.html",
        "people/index.html",
        "people/alexander-grushko/index.html",
        "meetings/index.html",
        "404.html",
        "articles/moscow-nato-relations/index.html",
        "feed.xml",
        "atom.xml",
        "feed.json",
        "meetings.ics",
        "sitemap.xml",
        "robots.txt",
        "static/style.css",
        MARKER,
    ):
        assert (built / rel).is_file(), rel


def test_briefing_shows_quotes_meetings_and_escapes_article_text(built):
    html = (built / "index.html").read_text()
    assert "We will push" in html and "Alexander Grushko" in html and "Deputy Foreign Minister" in html
    assert "Brussels" in html and "Wed 12 Jan 2022" in html and "NATO, Russia" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<b>Speaker</b>" not in html
    assert 'href="/briefing/2022/01/10/"' in html  # previous day, under the base path
    assert '<link rel="canonical" href="https://news.example.org/briefing/">' in html


def test_article_page_marks_quotes(built):
    html = (built / "articles/moscow-nato-relations/index.html").read_text()
    assert '<mark class="full" title="Alexander Grushko">We will push</mark>' in html
    assert "<img src=x" not in html


def test_feeds_parse_and_are_absolute(built):
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((built / name).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert [e.id for e in feed.entries] == [
            "tag:news.example.org,2022-01-11:/2022/01/11/",
            "tag:news.example.org,2022-01-10:/2022/01/10/",
        ]
        assert feed.entries[0].link == "https://news.example.org/briefing/2022/01/11/"
        content = feed.entries[0].content[0].value
        assert 'href="https://news.example.org/briefing/articles/moscow-nato-relations/"' in content
        assert "<script>" not in content
    rss = (built / "feed.xml").read_text()
    assert 'isPermaLink="false"' in rss and 'rel="self"' in rss


def test_calendar_events(built):
    cal = Calendar.from_ical((built / "meetings.ics").read_bytes())
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"NATO-Russia Council meeting", "OSCE meeting", "OPEC meeting (date approximate)"}
    nato = events["NATO-Russia Council meeting"]
    assert nato.decoded("dtstart") == date(2022, 1, 12) and nato.decoded("dtend") == date(2022, 1, 13)
    assert str(nato["location"]) == "Brussels" and "uid" in nato and "dtstamp" in nato
    assert str(events["OSCE meeting"]["dtstart"].params["TZID"]) == "Europe/Vienna"
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Vienna"]
    week = events["OPEC meeting (date approximate)"]
    assert week.decoded("dtstart") == date(2022, 1, 17) and week.decoded("dtend") == date(2022, 1, 24)
    assert Calendar.from_ical(cal.to_ical()).to_ical() == cal.to_ical()


def test_agenda_groups_by_today(tmp_path):
    out = tmp_path / "site"
    with SiteWriter(out) as writer:
        render_site(sample_site(today=date(2022, 1, 13)), CONFIG, writer)
    html = (out / "meetings/index.html").read_text()
    upcoming, past = html.split('id="past-title"')
    assert "OSCE meeting" in upcoming and "NATO-Russia Council meeting" not in upcoming
    assert "NATO-Russia Council meeting" in past
    # a cancelled meeting is never upcoming: it is shown apart, flagged, and never as undated-upcoming
    assert 'id="undated-title"' not in html
    before_off, called_off = html.split('id="off-title"')
    assert "EU summit" not in before_off
    assert "EU summit" in called_off.split('id="past-title"')[0]
    assert '<strong class="flag">cancelled</strong>' in called_off


def test_identical_input_gives_identical_bytes(tmp_path):
    outputs = []
    for name in ("one", "two"):
        with SiteWriter(tmp_path / name) as writer:
            render_site(sample_site(), CONFIG, writer)
        outputs.append(
            {
                p.relative_to(tmp_path / name): p.read_bytes()
                for p in sorted((tmp_path / name).rglob("*"))
                if p.is_file()
            }
        )
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    "value,label",
    [
        ("2022-01-12", "Wed 12 Jan 2022"),
        ("2022-W02", "week of 10 Jan 2022"),
        ("2022-03", "March 2022"),
        ("2022", "2022"),
        (None, "date not given"),
        ("2022-13", "date not given"),
    ],
)
def test_value_labels(value, label):
    assert value_label(value) == label


def test_writer_refuses_paths_outside_the_site(tmp_path):
    writer = SiteWriter(tmp_path / "site")
    for bad in ("../evil.html", "/etc/passwd", "a/../../b", ""):
        with pytest.raises(DigestError):
            writer.write(bad, "x")
    writer.abort()
    assert not any(tmp_path.iterdir())


def test_writer_never_replaces_a_folder_it_did_not_make(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "precious.txt").write_text("keep")
    with pytest.raises(DigestError, match="not made by digest"):
        SiteWriter(tmp_path / "docs")
    assert (tmp_path / "docs" / "precious.txt").read_text() == "keep"


def test_failed_render_keeps_the_previous_site(tmp_path):
    out = tmp_path / "site"
    with SiteWriter(out) as writer:
        writer.write("index.html", "old")
    with pytest.raises(RuntimeError), SiteWriter(out) as writer:
        writer.write("index.html", "new")
        raise RuntimeError("boom")
    assert (out / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_large_replaced_site_is_removed_in_the_background_and_never_restored(tmp_path, monkeypatch):
    from digest.incremental import recover_output
    from digest.render import output

    monkeypatch.setattr(output, "BACKGROUND_REMOVAL_FILES", 0)
    out = tmp_path / "site"
    for text in ("old", "new"):
        with SiteWriter(out) as writer:
            writer.write("index.html", text)
            writer.write("a/b/page.html", text)
    assert (out / "index.html").read_text() == "new"
    for _ in range(100):  # a detached process removes the old site
        if sorted(p.name for p in tmp_path.iterdir()) == ["site"]:
            break
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    out.rename(tmp_path / ".site.trash-x")  # a removal cut short, and then the site deleted by hand
    recover_output(out, Report())
    assert not out.exists()  # a half-removed site is never brought back


@pytest.mark.parametrize("raw,shown", [("We will push,", "We will push"), (" It is true , ", "It is true"),
                                       ("Fine.", "Fine."), ("Wait …", "Wait …")])
def test_quote_text_drops_the_extractors_trailing_comma(raw, shown):
    assert quote_text(raw) == shown


def test_quotes_show_without_trailing_comma_and_link_their_speaker(tmp_path):
    site = sample_site()
    entry = site.entries[-1]
    comma = Quote("We will push,", "Alexander Grushko", "Deputy Foreign Minister", False, 0.9, True, 0, 0)
    briefing = replace(site.briefings[0], key_quotes=(DayQuote(comma, (source_of(entry),)),))
    site = replace(site, briefings=(briefing, *site.briefings[1:]))
    with SiteWriter(tmp_path / "site") as writer:
        render_site(site, replace(CONFIG, search=False), writer)
    html = (tmp_path / "site" / "index.html").read_text()
    assert "<p>“We will push”</p>" in html and "We will push,”" not in html
    assert '<a class="speaker" href="/briefing/people/alexander-grushko/">Alexander Grushko</a>' in html
    assert ", <span class=\"role\">Deputy Foreign Minister</span>" in html


def test_pagination_and_speaker_feeds(tmp_path):
    config = replace(CONFIG, per_page=1, search=False)
    with SiteWriter(tmp_path / "site") as writer:
        render_site(sample_site(), config, writer)
    out = tmp_path / "site"
    assert "Tuesday 11 January 2022" in (out / "page/1/index.html").read_text()
    assert "Monday 10 January 2022" in (out / "page/2/index.html").read_text()
    assert not (out / "page/3").exists() and not (out / "search").exists() and not (out / "pagefind").exists()
    feed = feedparser.parse((out / "people/alexander-grushko/feed.xml").read_bytes())
    assert not feed.bozo and feed.feed.link == "https://news.example.org/briefing/people/alexander-grushko/"
    assert [e.link for e in feed.entries] == [
        "https://news.example.org/briefing/articles/moscow-nato-relations/#quote-1"]
    assert feed.entries[0].id == "tag:news.example.org,2022-01-11:/articles/moscow-nato-relations/#quote-1"
    article = (out / "articles/moscow-nato-relations/index.html").read_text()
    assert 'id="quote-1"' in article and "/briefing/2022/01/11/" in article


def test_an_empty_site_still_has_every_page(tmp_path):
    empty = assemble([], {}, CONFIG, date(2022, 1, 11))
    with SiteWriter(tmp_path / "site") as writer:
        render_site(empty, replace(CONFIG, search=False), writer)
    out = tmp_path / "site"
    for rel in ("index.html", "page/1/index.html", "archive/index.html", "people/index.html", "meetings/index.html",
                "feed.xml", "atom.xml", "feed.json", "meetings.ics", "sitemap.xml"):
        assert (out / rel).is_file(), rel
    assert not feedparser.parse((out / "feed.xml").read_bytes()).bozo


def test_missing_pagefind_is_a_warning_in_the_report(tmp_path, monkeypatch):
    import digest.render.site as module

    monkeypatch.setattr(module, "pagefind_executable", lambda: None)
    report = Report()
    with SiteWriter(tmp_path / "site") as writer:
        render_site(sample_site(), CONFIG, writer, report=report)
    assert [p.path for p in report.warnings] == ["search"]
    assert "Pagefind is not installed" in report.warnings[0].message
    assert (tmp_path / "site" / "index.html").is_file() and not (tmp_path / "site" / "search").exists()
