"""The built sample site as a reader and a crawler see it: pages, meta tags, links, sitemap, calendar, weight."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from icalendar import Calendar
from sitebuild import BASE_PATH, BASE_URL, make_project, parse_page, sample_site, text_of

from digest.build import build_site
from digest.config import load_config


@pytest.fixture(scope="module")
def sample():
    return sample_site()


def test_the_sample_build_has_every_kind_of_page(sample):
    assert (sample.result.articles, sample.result.days) == (2, 2)
    assert not sample.result.report.errors
    for rel in ("index.html", "2022/01/11/index.html", "2022/01/10/index.html", "page/1/index.html",
                "page/2/index.html", "archive/index.html", "people/index.html", "people/alexander-grushko/index.html",
                "people/alexander-grushko/feed.xml", "people/dmitry-peskov/feed.xml", "meetings/index.html",
                "404.html", "search/index.html", "static/search.js", "pagefind/pagefind.js", "feed.xml", "atom.xml",
                "feed.json", "meetings.ics", "sitemap.xml", "robots.txt", "static/style.css"):
        assert (sample.site / rel).is_file(), rel


def test_briefing_shows_the_grushko_quote_and_the_brussels_meeting(sample):
    html = (sample.site / "2022/01/11/index.html").read_text()
    quotes = html.split('id="top-title"')[1].split('id="meetings-title"')[0]
    meetings = html.split('id="meetings-title"')[1].split('</section>')[0]
    assert "Alexander Grushko" in quotes and "Deputy Foreign Minister" in quotes
    assert f'href="{BASE_PATH}people/alexander-grushko/"' in quotes  # speaker pages are linked
    assert "Brussels" in meetings and '<time datetime="2022-01-12">' in meetings
    # the extractor's comma before the closing mark is not shown
    assert not re.search(r",\s*”", quotes), re.findall(r".{40},\s*”", quotes)
    assert (sample.site / "index.html").read_text().count("Alexander Grushko") >= 1


def test_day_navigation_links_both_days(sample):
    newest = parse_page(sample.site / "2022/01/11/index.html")
    older = parse_page(sample.site / "2022/01/10/index.html")
    assert ("link:prev", f"{BASE_PATH}2022/01/10/") in newest.urls
    assert ("a", f"{BASE_PATH}2022/01/10/") in newest.urls
    assert ("link:next", f"{BASE_PATH}2022/01/11/") in older.urls
    assert ("a", f"{BASE_PATH}2022/01/11/") in older.urls and ("a", BASE_PATH) in older.urls
    html = (sample.site / "2022/01/10/index.html").read_text()
    assert "Sergei Ryabkov" in html and "No earlier briefing" in html


def test_pagination_lists_briefings_newest_first(sample):
    first = (sample.site / "page/1/index.html").read_text()
    second = (sample.site / "page/2/index.html").read_text()
    assert "Tuesday 11 January 2022" in first and "Monday 10 January 2022" not in first
    assert "Monday 10 January 2022" in second
    assert ("link:next", f"{BASE_PATH}page/2/") in parse_page(sample.site / "page/1/index.html").urls
    assert ("link:prev", f"{BASE_PATH}page/1/") in parse_page(sample.site / "page/2/index.html").urls
    assert ("a", f"{BASE_PATH}page/1/") in parse_page(sample.site / "index.html").urls


def test_every_page_has_canonical_social_and_feed_meta(sample):
    for path in sample.pages():
        html = path.read_text()
        page = parse_page(path)
        where = path.relative_to(sample.site)
        assert re.match(r'<!DOCTYPE html>\n<html lang="en">', html), where
        canonical = [u for t, u in page.urls if t == "link:canonical"]
        assert len(canonical) == 1 and canonical[0].startswith(BASE_URL), where
        assert page.meta["og:url"] == canonical[0] and page.meta["og:title"] and page.meta["og:description"], where
        assert page.meta["twitter:card"] == "summary" and page.meta["twitter:title"], where
        feeds = {u for t, u in page.urls if t == "link:alternate"}
        assert {BASE_URL + "feed.xml", BASE_URL + "atom.xml", BASE_URL + "feed.json"} <= feeds, where
        assert 'id="main"' in html and 'class="skip" href="#main"' in html, where
        assert "<script" not in html or where.as_posix() in ("search/index.html", "people/index.html"), where
        if path.parent.parent.name == "articles" or re.match(r"\d{4}/\d{2}/\d{2}", where.as_posix()):
            assert page.meta["og:type"] == "article", where
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}",
                                page.meta["article:published_time"]), where
    person = parse_page(sample.site / "people/alexander-grushko/index.html")
    assert ("link:alternate", BASE_URL + "people/alexander-grushko/feed.xml") in person.urls


def test_canonical_urls_are_the_pages_own(sample):
    for path in sample.pages():
        canonical = [u for t, u in parse_page(path).urls if t == "link:canonical"][0]
        if path.name == "404.html":
            continue
        expected = sample.url_of(path)
        if path == sample.site / "index.html":
            expected = BASE_PATH
        assert urlsplit(canonical).path == expected, path


def test_no_broken_internal_links_or_fragments(sample):
    """Crawl every page: each internal URL (root-relative or under the base URL) resolves to a built
    file, and each #fragment to an id on the target page."""
    checked = 0
    ids = {}
    for path in sample.pages():
        page = parse_page(path)
        base = "https://briefing.example.org" + sample.url_of(path)
        for _tag, url in page.urls:
            absolute = urljoin(base, url)
            parts = urlsplit(absolute)
            if parts.scheme not in ("http", "https") or parts.netloc != "briefing.example.org":
                continue
            target = sample.file_for(parts.path)
            assert target is not None, f"{path.relative_to(sample.site)}: broken link {url}"
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = parse_page(target).ids
                assert parts.fragment in ids[target], f"{path.relative_to(sample.site)}: no #{parts.fragment} in {url}"
            checked += 1
    assert checked > 200


def test_sitemap_and_robots(sample):
    root = ET.fromstring((sample.site / "sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    assert len(locs) == len(set(locs)) > 10
    for loc in locs:
        assert loc.startswith(BASE_URL) and sample.file_for(urlsplit(loc).path), loc
    for lastmod in root.iterfind("s:url/s:lastmod", ns):
        date.fromisoformat(lastmod.text)
    assert BASE_URL + "2022/01/10/" in locs and BASE_URL + "people/alexander-grushko/" in locs
    robots = (sample.site / "robots.txt").read_text()
    assert robots.splitlines()[0] == "User-agent: *" and f"Sitemap: {BASE_URL}sitemap.xml" in robots


def _ics_files(sample) -> list[Path]:
    return [sample.site / "meetings.ics", *sorted((sample.site / "meetings").glob("*.ics"))]


def test_every_calendar_parses_round_trips_and_follows_rfc5545(sample):
    files = _ics_files(sample)
    assert len(files) >= 3
    all_uids = []
    for path in files:
        raw = path.read_bytes()
        lines = raw.split(b"\r\n")
        assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b""), f"{path.name}: CRLF line ends"
        assert all(len(line) <= 75 for line in lines), f"{path.name}: a line longer than 75 octets"
        cal = Calendar.from_ical(raw)
        assert cal.to_ical() == raw, f"{path.name}: does not round-trip"
        assert str(cal["version"]) == "2.0" and cal["prodid"]
        tzids = {str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")}
        events = cal.walk("VEVENT")
        assert events, path.name
        for event in events:
            for prop in ("uid", "dtstamp", "dtstart", "summary"):
                assert prop in event, f"{path.name}: {prop} missing"
            assert event["dtstamp"].dt.utcoffset().total_seconds() == 0  # DTSTAMP is UTC
            assert ("dtend" in event) != ("duration" in event)
            tzid = event["dtstart"].params.get("TZID")
            assert tzid is None or str(tzid) in tzids, f"{path.name}: TZID {tzid} without VTIMEZONE"
            if path.name == "meetings.ics":
                all_uids.append(str(event["uid"]))
    assert len(all_uids) == len(set(all_uids))
    agenda = Calendar.from_ical((sample.site / "meetings.ics").read_bytes())
    brussels = [e for e in agenda.walk("VEVENT") if "Brussels" in str(e.get("location", ""))]
    assert brussels and brussels[0].decoded("dtstart") == date(2022, 1, 12)
    assert str(brussels[0]["url"]).startswith(BASE_URL)


def test_page_weight_of_the_briefing_is_small(sample):
    """HTML + CSS + JS of the briefing page, before search: under 50 KB."""
    page = sample.site / "2022/01/11/index.html"
    assets = [sample.file_for(u) for t, u in parse_page(page).urls
              if t in ("link:stylesheet", "script", "link:icon")]
    weight = page.stat().st_size + sum(a.stat().st_size for a in assets)
    assert weight < 50_000, weight


def test_search_index_covers_articles_and_people_only(sample):
    entry = json.loads((sample.site / "pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == len(list((sample.site / "articles").glob("*/index.html"))) \
        + len(list((sample.site / "people").glob("*/index.html")))
    search = (sample.site / "search/index.html").read_text()
    assert f'data-bundle="{BASE_PATH}pagefind/pagefind.js"' in search and f'data-base="{BASE_PATH}"' in search
    assert "'wasm-unsafe-eval'" in search  # the page's CSP lets Pagefind's WebAssembly run
    assert "wasm-unsafe-eval" not in (sample.site / "index.html").read_text()  # and only that page's
    assert 'action="/news/search/"' in (sample.site / "index.html").read_text()


def test_404_page_works_from_any_path(sample):
    html = (sample.site / "404.html").read_text()
    assert '<meta name="robots" content="noindex">' in html
    for _, url in parse_page(sample.site / "404.html").urls:
        assert url.startswith(("/", "https://", "#")), url  # never relative: it is served at unknown paths


def test_the_briefing_reads_as_text_without_javascript(sample):
    text = text_of((sample.site / "index.html").read_text())
    assert "Top stories" in text and "What's next" in text and " source" in text
    assert "Previous day" in text and "This is the latest briefing" in text


def test_without_search_the_site_has_no_search_ui(tmp_path):
    root = make_project(tmp_path / "project", search=False)
    (root / "content" / "2022").rename(tmp_path / "unused")  # one small day keeps this quick
    build_site(load_config(root=root), today=date(2022, 1, 11))
    site = root / "site"
    assert not (site / "pagefind").exists() and not (site / "search").exists()
    assert not (site / "static/search.js").exists()
    assert "site-search" not in (site / "index.html").read_text()


def test_missing_pagefind_warns_and_builds_on(tmp_path, monkeypatch, caplog):
    import digest.render.site as render_site_module

    monkeypatch.setattr(render_site_module, "pagefind_executable", lambda: None)
    root = make_project(tmp_path / "project")
    (root / "content" / "2022").rename(tmp_path / "unused")
    result = build_site(load_config(root=root), today=date(2022, 1, 11))
    assert (root / "site" / "index.html").is_file() and not (root / "site" / "pagefind").exists()
    assert "site-search" not in (root / "site" / "index.html").read_text()
    # a warning in the build report (or, where the caller passes no report, on the "digest" logger)
    messages = [p.message for p in result.report.warnings] + [r.getMessage() for r in caplog.records]
    assert any("Pagefind is not installed" in m for m in messages), messages
