"""Every feed of the built sample site, checked by the rules the W3C feed validator applies,
JSON Feed 1.1 checked against its schema, and every feed read by feedparser without complaint."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import jsonschema
import pytest
from sitebuild import BASE_URL, FIXTURES, TODAY, LinkParser, sample_site

from digest.build import build_site
from digest.config import load_config

NS = {"atom": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/"}
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    r"\d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT)$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TAG = re.compile(r"^tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:/[^\s]*$")  # RFC 4151, date form


@pytest.fixture(scope="module")
def sample():
    return sample_site()


def rss_files(sample) -> list[Path]:
    return [sample.site / "feed.xml", *sorted((sample.site / "people").glob("*/feed.xml"))]


def is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def urls_in_html(html: str) -> list[str]:
    parser = LinkParser()
    parser.feed(html)
    return [url for _, url in parser.urls]


def check_rss(path: Path, home: str) -> list[str]:
    """The W3C feed validator's RSS 2.0 rules that apply to digest's feeds; returns the guids."""
    where = path.name if path.parent.name != "people" else f"people/{path.parent.name}/feed.xml"
    root = ET.fromstring(path.read_bytes())
    assert root.tag == "rss" and root.get("version") == "2.0", where
    channels = root.findall("channel")
    assert len(channels) == 1, where
    channel = channels[0]
    for required in ("title", "link", "description"):
        assert (channel.findtext(required) or "").strip(), f"{where}: channel {required} missing"
    assert channel.findtext("link") == home, f"{where}: channel link is {channel.findtext('link')}"
    selfs = [link for link in channel.findall("atom:link", NS) if link.get("rel") == "self"]
    assert len(selfs) == 1, f"{where}: needs one atom:link rel=self"
    assert selfs[0].get("href") == BASE_URL + path.relative_to(sample_site().site).as_posix(), where
    assert selfs[0].get("type") == "application/rss+xml", where
    assert re.fullmatch(r"[a-z]{2,3}(-[A-Za-z]{2,8})?", channel.findtext("language") or ""), where
    for name in ("lastBuildDate", "pubDate"):
        value = channel.findtext(name)
        if value is not None:
            assert RFC822.match(value), f"{where}: {name} {value!r} is not RFC 822"
    items = channel.findall("item")
    assert items, where
    guids, dates = [], []
    for item in items:
        assert item.findtext("title") or item.findtext("description"), where
        link = item.findtext("link")
        assert link and is_absolute(link), f"{where}: item link {link!r}"
        guid = item.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "false", f"{where}: guid must be isPermaLink=false"
        assert TAG.match(guid.text), f"{where}: guid {guid.text!r} is not a tag: URI"
        guids.append(guid.text)
        pub = item.findtext("pubDate")
        assert pub and RFC822.match(pub), f"{where}: pubDate {pub!r}"
        dates.append(parsedate_to_datetime(pub))
        author = item.findtext("author")
        assert author is None or "@" in author, f"{where}: RSS author must be an email address"
        content = item.findtext("content:encoded", namespaces=NS)
        assert content and content.strip(), f"{where}: content:encoded missing"
        for url in urls_in_html(content):
            assert is_absolute(url), f"{where}: relative URL {url!r} in content"
    assert len(set(guids)) == len(guids), f"{where}: duplicate guids"
    assert dates == sorted(dates, reverse=True), f"{where}: items not newest first"
    return guids


def test_rss_feeds_follow_the_validator_rules(sample):
    files = rss_files(sample)
    assert len(files) >= 4
    guids = check_rss(sample.site / "feed.xml", BASE_URL)
    assert guids == ["tag:briefing.example.org,2022-01-11:/2022/01/11/",
                     "tag:briefing.example.org,2022-01-10:/2022/01/10/"]
    for path in files[1:]:
        check_rss(path, BASE_URL + f"people/{path.parent.name}/")


def test_site_rss_items_are_the_briefings_with_their_quotes(sample):
    channel = ET.fromstring((sample.site / "feed.xml").read_bytes()).find("channel")
    first = channel.find("item")
    assert first.findtext("link") == BASE_URL + "2022/01/11/"
    content = first.findtext("content:encoded", namespaces=NS)
    assert "Alexander Grushko" in content and "Brussels" in content
    assert f'href="{BASE_URL}articles/' in content and f'href="{BASE_URL}people/alexander-grushko/"' in content
    assert "Sergei Ryabkov" in channel.findall("item")[1].findtext("content:encoded", namespaces=NS)


def test_speaker_feed_items_point_at_the_quote(sample):
    channel = ET.fromstring((sample.site / "people/alexander-grushko/feed.xml").read_bytes()).find("channel")
    items = channel.findall("item")
    assert len(items) >= 2
    for item in items:
        link = item.findtext("link")
        assert re.fullmatch(re.escape(BASE_URL) + r"articles/[a-z0-9-]+/#quote-\d+", link), link
        assert item.findtext("guid").startswith("tag:briefing.example.org,2022-01-11:/articles/")
        assert item.findtext("title").startswith("Alexander Grushko: “")


def test_atom_follows_rfc4287(sample):
    A = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring((sample.site / "atom.xml").read_bytes())
    assert feed.tag == f"{A}feed"
    for required in ("id", "title", "updated"):
        assert (feed.findtext(A + required) or "").strip(), required
    assert RFC3339.match(feed.findtext(A + "updated"))
    assert feed.find(f"{A}author/{A}name").text
    links = {link.get("rel", "alternate"): link for link in feed.findall(A + "link")}
    assert links["self"].get("href") == BASE_URL + "atom.xml"
    assert links["self"].get("type") == "application/atom+xml"
    assert links["alternate"].get("href") == BASE_URL
    entries = feed.findall(A + "entry")
    ids = [e.findtext(A + "id") for e in entries]
    assert ids == ["tag:briefing.example.org,2022-01-11:/2022/01/11/",
                   "tag:briefing.example.org,2022-01-10:/2022/01/10/"]
    updated = []
    for entry in entries:
        assert entry.findtext(A + "title")
        assert RFC3339.match(entry.findtext(A + "updated")) and RFC3339.match(entry.findtext(A + "published"))
        updated.append(datetime.fromisoformat(entry.findtext(A + "updated")))
        alternate = [link for link in entry.findall(A + "link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternate) == 1 and is_absolute(alternate[0].get("href"))
        content = entry.find(A + "content")
        assert content.get("type") == "html" and content.text
        assert all(is_absolute(u) for u in urls_in_html(content.text))
    assert updated == sorted(updated, reverse=True)


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("uri")
    def uri(value) -> bool:
        return isinstance(value, str) and is_absolute(value)

    @checker.checks("date-time", raises=ValueError)
    def date_time(value) -> bool:
        return bool(RFC3339.match(value)) and datetime.fromisoformat(value).tzinfo is not None

    return checker


def test_json_feed_matches_the_json_feed_1_1_schema(sample):
    schema = json.loads((FIXTURES / "jsonfeed-1.1.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    feed = json.loads((sample.site / "feed.json").read_text())
    jsonschema.Draft202012Validator(schema, format_checker=_format_checker()).validate(feed)
    assert feed["feed_url"] == BASE_URL + "feed.json" and feed["home_page_url"] == BASE_URL
    ids = [item["id"] for item in feed["items"]]
    assert ids == ["tag:briefing.example.org,2022-01-11:/2022/01/11/",
                   "tag:briefing.example.org,2022-01-10:/2022/01/10/"]
    for item in feed["items"]:
        assert all(is_absolute(u) for u in urls_in_html(item["content_html"]))


def test_the_schema_rejects_a_broken_feed():
    schema = json.loads((FIXTURES / "jsonfeed-1.1.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=_format_checker())
    bad = {"version": "https://jsonfeed.org/version/1", "title": "x",
           "items": [{"id": "1", "date_published": "11 Jan 2022"}]}
    assert len(list(validator.iter_errors(bad))) >= 3  # version, no content, date format


def test_feedparser_reads_every_feed_without_bozo(sample):
    files = [*rss_files(sample), sample.site / "atom.xml", sample.site / "feed.json"]
    for path in files:
        if path.suffix == ".json":
            continue  # feedparser does not read JSON Feed; the schema test covers it
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, f"{path}: {parsed.bozo_exception}"
        assert parsed.entries and all(e.get("id") and e.get("link") and e.get("published_parsed")
                                      for e in parsed.entries), path
    assert feedparser.parse((sample.site / "feed.xml").read_bytes()).version == "rss20"
    assert feedparser.parse((sample.site / "atom.xml").read_bytes()).version == "atom10"


def test_identical_input_gives_byte_identical_feeds_and_calendars(sample, tmp_path):
    again = tmp_path / "again"
    shutil.copytree(sample.root, tmp_path / "project", ignore=shutil.ignore_patterns("site"))
    build_site(load_config(root=tmp_path / "project"), output=again, today=TODAY)
    names = ["feed.xml", "atom.xml", "feed.json", "meetings.ics", "sitemap.xml",
             *[p.relative_to(sample.site).as_posix() for p in (sample.site / "people").glob("*/feed.xml")],
             *[p.relative_to(sample.site).as_posix() for p in (sample.site / "meetings").glob("*.ics")]]
    for name in names:
        assert (again / name).read_bytes() == (sample.site / name).read_bytes(), name
