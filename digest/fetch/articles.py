"""Fetched pages and feed entries into :class:`Article`: the page through the same HTML reader as saved
pages (trafilatura), the feed's own metadata (title, date, author, tags) preferred where it has it."""

from __future__ import annotations

from dataclasses import replace

from digest.errors import InputError, Report
from digest.fetch.http import Response
from digest.ingest.article import Meta, make_article
from digest.ingest.html import read_page
from digest.ingest.jsonfmt import html_paragraphs
from digest.ingest.options import ReadOptions
from digest.models import Article, FeedEntry, Subscription

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/octet-stream"})


def page_article(page: Response, options: ReadOptions, report: Report, entry: FeedEntry | None = None,
                 source: Subscription | None = None, feed_title: str | None = None) -> Article:
    """The article on a fetched page (raises :class:`InputError` naming the page when there is none)."""
    origin = page.url
    if page.body.lstrip()[:5] == b"%PDF-":
        raise InputError(origin, "is a PDF, not a web page; not read")
    if page.cut:
        report.warn(origin, f"page is larger than {len(page.body) / 1024 / 1024:.0f} MB; only its start is read")
    meta, paragraphs = read_page(page.body, origin, options, report, charset=page.charset)
    meta = replace(meta, url=page.final_url)
    return make_article(paragraphs=paragraphs, meta=_merged(meta, entry, source, feed_title), path=origin,
                        options=options, report=report)


def feed_article(entry: FeedEntry, options: ReadOptions, report: Report, source: Subscription | None = None,
                 feed_title: str | None = None) -> Article:
    """The article a feed entry carries itself (``full_text = false``): its content, else its summary."""
    origin = entry.link or entry.key
    body = entry.content_html or entry.summary_html
    paragraphs = [" ".join(p.split()) for p in html_paragraphs(body)]
    if not entry.content_html and entry.summary_html:
        report.warn(origin, "the feed gives only a summary; stored as it is (full_text = true gets the page)")
    if not any(paragraphs):
        raise InputError(origin, "the feed entry has no text (full_text = true gets the page)")
    meta = Meta(url=entry.link)
    return make_article(paragraphs=paragraphs, meta=_merged(meta, entry, source, feed_title), path=origin,
                        options=options, report=report)


def _merged(page: Meta, entry: FeedEntry | None, source: Subscription | None, feed_title: str | None) -> Meta:
    """The page's metadata, with the feed entry's title, date and author where it has them, the source's
    name, and the source's tags before the entry's (else the page's)."""
    entry = entry or FeedEntry(key="", link=None)
    name = (source.name if source else None) or feed_title or page.source
    tags = (*(source.tags if source else ()), *(entry.tags or page.tags))
    return replace(page, title=entry.title or page.title, published=entry.published or page.published,
                   author=entry.author or page.author, source=name, tags=tags)
