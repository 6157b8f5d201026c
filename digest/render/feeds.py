"""RSS 2.0, Atom and JSON Feed: one item per daily briefing, newest first.

Deterministic: the same input gives the same bytes (dates come from the articles, never
from the clock), and ids are tag: URIs made from the date, never from titles. feedgen's
traps are handled here: entries are appended (its default prepends), the self link is
added before the alternate one (the channel link is the last link added), and the build
dates are set explicitly (they default to now).
"""

from __future__ import annotations

import json
from datetime import datetime, time
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from digest.config import Config
from digest.models import Briefing, Site


def tag_uri(config: Config, briefing: Briefing) -> str:
    host = urlsplit(config.base_url).hostname or "localhost"
    return f"tag:{host},{briefing.day.isoformat()}:/{briefing.day:%Y/%m/%d}/"


def briefing_time(briefing: Briefing, config: Config) -> datetime:
    """When a briefing was last updated: its newest article, else the end of its day."""
    times = [e.article.published for e in briefing.articles]
    return max(times) if times else datetime.combine(briefing.day, time(0), config.tz)


def briefing_title(briefing: Briefing) -> str:
    return f"Briefing for {briefing.day:%A} {briefing.day.day} {briefing.day:%B %Y}"


def _generator(site: Site, config: Config, self_path: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.id(config.base_url)
    fg.title(config.title)
    fg.subtitle(config.description)
    fg.author({"name": config.author})
    fg.language(config.language)
    fg.link(href=config.base_url + self_path, rel="self")
    fg.link(href=config.base_url, rel="alternate")
    fg.generator("digest")
    newest = [briefing_time(b, config) for b in site.briefings]
    fg.updated(max(newest) if newest else datetime(1970, 1, 1, tzinfo=config.tz))
    for briefing in site.briefings:  # newest first, appended in that order
        fe = fg.add_entry(order="append")
        link = config.base_url + f"{briefing.day:%Y/%m/%d}/"
        fe.id(tag_uri(config, briefing))
        fe.guid(tag_uri(config, briefing), permalink=False)
        fe.title(briefing_title(briefing))
        fe.link(href=link, rel="alternate")
        fe.published(briefing_time(briefing, config))
        fe.updated(briefing_time(briefing, config))
        fe.author({"name": config.author})
        summary = f"{len(briefing.articles)} articles, {len(briefing.key_quotes)} key quotes, " \
                  f"{len(briefing.upcoming_meetings)} upcoming meetings"
        fe.description(summary)
        fe.summary(summary)
    return fg


def _with_content(fg: FeedGenerator, site: Site, item_html: dict, kind: str) -> None:
    for fe, briefing in zip(fg.entry(), site.briefings, strict=True):
        fe.content(item_html[briefing.day], type="CDATA" if kind == "rss" else "html")


def rss_feed(site: Site, config: Config, item_html: dict) -> bytes:
    fg = _generator(site, config, "feed.xml")
    _with_content(fg, site, item_html, "rss")
    return fg.rss_str(pretty=True)


def atom_feed(site: Site, config: Config, item_html: dict) -> bytes:
    fg = _generator(site, config, "atom.xml")
    _with_content(fg, site, item_html, "atom")
    return fg.atom_str(pretty=True)


def json_feed(site: Site, config: Config, item_html: dict) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items = [{
        "id": tag_uri(config, b),
        "url": config.base_url + f"{b.day:%Y/%m/%d}/",
        "title": briefing_title(b),
        "content_html": item_html[b.day],
        "date_published": briefing_time(b, config).isoformat(),
        "date_modified": briefing_time(b, config).isoformat(),
    } for b in site.briefings]
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": config.title,
        "home_page_url": config.base_url,
        "feed_url": config.base_url + "feed.json",
        "description": config.description,
        "language": config.language,
        "authors": [{"name": config.author}],
        "items": items,
    }
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
