"""RSS 2.0, Atom and JSON Feed: the site feed (one item per daily briefing) and one feed per speaker.

Deterministic: the same input gives the same bytes (dates come from the articles, never
from the clock), and ids are tag: URIs made from a date and a site path (a day or an
article slug plus the quote's number), never from titles. feedgen's traps are handled
here: entries are appended (its default prepends), the self link is added before the
alternate one (the channel link is the last link added), ``id()`` and ``guid()`` are one
field (set once, as a non-permalink guid), and the build dates are set explicitly (they
default to now). Every URL, also inside item content, is absolute.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from urllib.parse import urlsplit

import jinja2
from feedgen.feed import FeedGenerator

from digest.config import Config
from digest.models import Briefing, Speaker
from digest.render.templating import quote_text

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class FeedItem:
    id: str  # a tag: URI
    url: str  # absolute
    title: str
    content_html: str  # absolute links only
    summary: str
    published: datetime
    updated: datetime


@dataclass(frozen=True)
class Feed:
    title: str
    description: str
    home: str  # absolute URL of the page the feed belongs to
    path: str  # site-relative path of the RSS file; the feed's self link
    items: tuple[FeedItem, ...]  # newest first

    @property
    def updated(self) -> datetime:
        return max((i.updated for i in self.items), default=EPOCH)


def tag_uri(config: Config, day: date, path: str) -> str:
    """``tag:host,YYYY-MM-DD:/path`` (RFC 4151): stable, never derived from a title."""
    host = urlsplit(config.base_url).hostname or "localhost"
    return f"tag:{host},{day.isoformat()}:/{path.lstrip('/')}"


def briefing_tag(config: Config, briefing: Briefing) -> str:
    return tag_uri(config, briefing.day, f"{briefing.day:%Y/%m/%d}/")


def briefing_time(briefing: Briefing, config: Config) -> datetime:
    """When a briefing was last updated: its newest article, else the start of its day."""
    times = [e.article.published for e in briefing.articles]
    return max(times) if times else datetime.combine(briefing.day, time(0), config.tz)


def briefing_title(briefing: Briefing) -> str:
    return f"Briefing for {briefing.day:%A} {briefing.day.day} {briefing.day:%B %Y}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


FEED_HEADLINES = 3


def briefing_summary(briefing: Briefing) -> str:
    """The top stories' headlines, then what else the page holds, counted as the page counts it."""
    if not briefing.stories:
        return (f"{_plural(len(briefing.articles), 'article')}, {_plural(len(briefing.key_quotes), 'key quote')}, "
                f"{_plural(len(briefing.upcoming_meetings), 'upcoming meeting')}")
    headlines = "; ".join(s.headline for s in briefing.stories[:FEED_HEADLINES])
    rest = len(briefing.stories) - FEED_HEADLINES
    more = f"; {rest} more {'story' if rest == 1 else 'stories'}" if rest > 0 else ""
    meetings = f"; {_plural(len(briefing.upcoming_meetings), 'upcoming meeting')}" if briefing.upcoming_meetings else ""
    return f"{headlines}{more}{meetings}."


def site_feed(briefings: tuple[Briefing, ...], config: Config, item_html: dict) -> Feed:
    items = tuple(FeedItem(
        id=briefing_tag(config, b), url=config.base_url + f"{b.day:%Y/%m/%d}/", title=briefing_title(b),
        content_html=item_html[b.day], summary=briefing_summary(b),
        published=briefing_time(b, config), updated=briefing_time(b, config),
    ) for b in briefings)
    return Feed(config.title, config.description, config.base_url, "feed.xml", items)


def quote_number(sq) -> int:
    """The quote's 1-based number in its article (the article page's #quote-N anchor)."""
    return sq.entry.quotes.index(sq.quote) + 1


def speaker_feed(speaker: Speaker, config: Config, item_html: list[str]) -> Feed:
    """Everything one speaker was quoted saying, newest first; ``item_html`` in speaker.quotes order."""
    items = []
    for sq, html in zip(speaker.quotes, item_html, strict=True):
        published = sq.entry.article.published
        anchor = f"{sq.entry.url}#quote-{quote_number(sq)}"
        text = quote_text(sq.quote.text)
        short = text if len(text) <= 90 else text[:88].rsplit(" ", 1)[0] + " …"
        items.append(FeedItem(
            id=tag_uri(config, published.astimezone(config.tz).date(), anchor), url=config.base_url + anchor,
            title=f"{speaker.name}: “{short}”", content_html=html, summary=text,
            published=published, updated=published,
        ))
    return Feed(f"{speaker.name}: {config.title}", f"Everything {speaker.name} was quoted saying.",
                config.base_url + f"people/{speaker.slug}/", f"people/{speaker.slug}/feed.xml", tuple(items))


def speaker_rss(speaker: Speaker, config: Config, fragment: jinja2.Template) -> bytes:
    """The RSS file of ``speaker``'s feed, each item's content rendered by ``fragment``."""
    html = [fragment.render(sq=sq, speaker=speaker) for sq in speaker.quotes]
    return rss_feed(speaker_feed(speaker, config, html), config)


def _generator(feed: Feed, config: Config, self_path: str, self_type: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.id(feed.home)
    fg.title(feed.title)
    fg.subtitle(feed.description)
    fg.author({"name": config.author})
    fg.language(config.language)
    fg.link(href=config.base_url + self_path, rel="self", type=self_type)
    fg.link(href=feed.home, rel="alternate")  # last link added: the RSS channel <link>
    fg.generator("digest")
    fg.updated(feed.updated)
    fg.lastBuildDate(feed.updated)
    for item in feed.items:  # newest first, appended in that order
        fe = fg.add_entry(order="append")
        fe.guid(item.id, permalink=False)  # also the Atom id: one field in feedgen
        fe.title(item.title)
        fe.link(href=item.url, rel="alternate")
        fe.published(item.published)
        fe.updated(item.updated)
        fe.author({"name": config.author})
        fe.description(item.summary)
        fe.summary(item.summary)
    return fg


def rss_feed(feed: Feed, config: Config) -> bytes:
    fg = _generator(feed, config, feed.path, "application/rss+xml")
    for fe, item in zip(fg.entry(), feed.items, strict=True):
        fe.content(item.content_html, type="CDATA")  # <content:encoded>
    return fg.rss_str(pretty=True)


def atom_feed(feed: Feed, config: Config, path: str = "atom.xml") -> bytes:
    fg = _generator(feed, config, path, "application/atom+xml")
    for fe, item in zip(fg.entry(), feed.items, strict=True):
        fe.content(item.content_html, type="html")
    return fg.atom_str(pretty=True)


def json_feed(feed: Feed, config: Config, path: str = "feed.json") -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items = [{
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "content_html": item.content_html,
        "summary": item.summary,
        "date_published": item.published.isoformat(),
        "date_modified": item.updated.isoformat(),
        "authors": [{"name": config.author}],
    } for item in feed.items]
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.home,
        "feed_url": config.base_url + path,
        "description": feed.description,
        "language": config.language,
        "authors": [{"name": config.author}],
        "items": items,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
