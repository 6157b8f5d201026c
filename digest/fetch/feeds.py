"""Feeds into :class:`FeedEntry` lists: RSS and Atom through feedparser, JSON Feed 1.0/1.1 with the
standard library (feedparser 6 does not read it), and telling a web page from a feed."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import Any
from urllib.parse import urljoin

import feedparser

from digest.fetch.http import is_web_url
from digest.ingest.dates import parse_date
from digest.models import FeedEntry

JSON_FEED_VERSION = re.compile(r"https?://jsonfeed\.org/version/1(\.\d+)?/?")
_TAG = re.compile(r"<[^>]*>")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


class Kind(Enum):
    RSS = "RSS"
    ATOM = "Atom"
    JSON_FEED = "JSON Feed"
    PAGE = "page"  # not a feed: a single article page


class NotAFeed(ValueError):
    """Neither a feed nor a web page; the message says what it looked like."""


@dataclass(frozen=True)
class Feed:
    kind: Kind
    title: str | None = None
    entries: tuple[FeedEntry, ...] = ()
    problem: str | None = None  # a malformed feed that still gave entries: what the parser said


def parse_feed(body: bytes, url: str, content_type: str = "") -> Feed:
    """The feed in ``body`` (fetched from ``url``: relative links are resolved against it)."""
    if "json" in content_type or body.lstrip()[:1] == b"{":
        return parse_json_feed(body, url)
    parsed = feedparser.parse(body, response_headers={"content-location": url, "content-type": content_type
                                                      or "application/xml"})
    version = parsed.get("version") or ""
    problem = None
    if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride):
        problem = _one_line(parsed.get("bozo_exception"))
    if not version and not parsed.entries:
        if "html" in content_type or _HTML_START.match(body[:4096]):
            return Feed(Kind.PAGE)
        raise NotAFeed(f"not a feed ({problem or 'no RSS, Atom or JSON Feed found'})")
    kind = Kind.ATOM if version.startswith("atom") else Kind.RSS
    entries = tuple(e for e in (_feedparser_entry(item, url) for item in parsed.entries) if e is not None)
    return Feed(kind, _text(parsed.feed.get("title")), entries, problem)


def _feedparser_entry(item: Any, base: str) -> FeedEntry | None:
    link = _link(item.get("link"), base)
    key = str(item.get("id") or link or "").strip()
    if not key:
        return None
    contents = [c.get("value") or "" for c in item.get("content") or []]
    when = item.get("published_parsed") or item.get("updated_parsed")
    return FeedEntry(
        key=key,
        link=link,
        title=_text(item.get("title")),
        published=datetime(*when[:6], tzinfo=timezone.utc) if when else None,
        author=_text(item.get("author")),
        tags=tuple(t for t in (_text(tag.get("term")) for tag in item.get("tags") or []) if t),
        content_html=max(contents, key=len, default=""),
        summary_html=item.get("summary") or "",
    )


def parse_json_feed(body: bytes, url: str) -> Feed:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotAFeed(f"not a JSON Feed (invalid JSON: {_one_line(exc)})") from None
    if not isinstance(data, dict) or not JSON_FEED_VERSION.fullmatch(str(data.get("version", ""))):
        raise NotAFeed("not a JSON Feed (no https://jsonfeed.org/version/1.1 \"version\")")
    items = data.get("items")
    if not isinstance(items, list):
        raise NotAFeed("not a JSON Feed (\"items\" is not a list)")
    base = _link(data.get("feed_url"), url) or url
    entries = tuple(e for e in (_json_entry(item, base) for item in items if isinstance(item, dict)) if e)
    skipped = len(items) - len(entries)
    problem = f"{skipped} item{'s' if skipped != 1 else ''} without an id or url skipped" if skipped else None
    return Feed(Kind.JSON_FEED, _text(data.get("title")), entries, problem)


def _json_entry(item: dict, base: str) -> FeedEntry | None:
    link = _link(item.get("url"), base) or _link(item.get("external_url"), base)
    key = str(item.get("id") or link or "").strip()
    if not key:
        return None
    authors = item.get("authors") if isinstance(item.get("authors"), list) else [item.get("author")]
    names = [a.get("name") for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
    when = next((v for v in (item.get("date_published"), item.get("date_modified")) if isinstance(v, str)), None)
    content = item.get("content_html") if isinstance(item.get("content_html"), str) else ""
    if not content and isinstance(item.get("content_text"), str):
        content = "".join(f"<p>{html.escape(p)}</p>" for p in re.split(r"\n\s*\n", item["content_text"]))
    tags = item.get("tags") if isinstance(item.get("tags"), list) else []
    return FeedEntry(
        key=key,
        link=link,
        title=_text(item.get("title")),
        published=parse_date(when, timezone.utc) if when else None,
        author=", ".join(names) or None,
        tags=tuple(t for t in (_text(tag) for tag in tags) if t),
        content_html=content,
        summary_html=html.escape(item["summary"]) if isinstance(item.get("summary"), str) else "",
    )


def _link(value: Any, base: str) -> str | None:
    """``value`` as an absolute http(s) URL (resolved against ``base``), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        url = urljoin(base, value.strip()).split("#", 1)[0]
    except ValueError:  # a malformed host ("http://[oops")
        return None
    return url if is_web_url(url) else None


def _text(value: Any) -> str | None:
    """Plain text of a title or name that may hold markup or entities."""
    if not isinstance(value, str):
        return None
    text = " ".join(html.unescape(_TAG.sub(" ", value)).split())
    return text or None


def _one_line(exc: Any) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
