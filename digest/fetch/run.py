"""`digest fetch`: read every subscription, fetch the new entries' pages, store them as `digest ingest` does.

Two phases, each concurrent under the client's limits: first every source (a conditional GET; a feed
gives its new entries, a page source is an article itself), then every new entry's page. A bad source
or page is one warning naming its URL (an error for a page asked for on the command line), and the
run goes on. A source's new validators are kept only when all its new entries were dealt with, so an
entry that failed for now is tried again on the next run.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Protocol

from digest.config import Config
from digest.errors import InputError, Report
from digest.fetch.articles import PAGE_TYPES, feed_article, page_article
from digest.fetch.feeds import Kind, NotAFeed, parse_feed
from digest.fetch.http import Failure, FetchError, PoliteClient, Response, Validators, is_web_url
from digest.fetch.options import FetchOptions, fetch_options
from digest.fetch.state import STATE_FILE, FetchState, fetch_lock
from digest.ingest.options import ReadOptions
from digest.ingest.store import ContentIndex, index_content, ingest_lock, store_article
from digest.models import Article, FeedEntry, Subscription


class Progress(Protocol):
    def start(self, stage: str, total: int | None) -> None: ...

    def advance(self, n: int = 1) -> None: ...


class _Quiet:
    def start(self, stage: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass


class Outcome(Enum):
    ADDED = "added"
    UNCHANGED = "unchanged"  # already in the content folder
    FAILED = "failed"  # will not work: not tried again
    RETRY = "retry"  # failed for now: tried again on the next run


@dataclass
class FetchResult:
    added: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)  # pages fetched or asked for that were already stored
    sources: int = 0  # sources read
    not_modified: int = 0  # sources that answered 304 Not Modified
    requests: int = 0  # HTTP requests sent (robots.txt included)
    conditional: int = 0  # of which conditional (If-None-Match / If-Modified-Since)
    report: Report = field(default_factory=Report)


@dataclass(frozen=True)
class _SourceRead:
    """A source whose feed was read: the entries to fetch, and what to record once they are done."""

    source: Subscription
    url: str  # where it was fetched from (its current URL)
    validators: Validators
    feed_title: str | None
    entries: tuple[FeedEntry, ...]
    more: bool = False  # new entries were left for the next runs (FetchOptions.max_entries)


def fetch_sources(config: Config, report: Report | None = None, progress: Progress | None = None,
                  options: FetchOptions | None = None) -> FetchResult:
    """Fetch every ``[[sources]]`` entry of ``config`` into its content folder."""
    return _run(config, report, progress, options, lambda fetcher: fetcher.all_sources(config.sources))


def fetch_pages(config: Config, urls: list[str], report: Report | None = None, progress: Progress | None = None,
                options: FetchOptions | None = None) -> FetchResult:
    """Fetch single article pages (``digest fetch URL...``) into the content folder."""
    return _run(config, report, progress, options, lambda fetcher: fetcher.pages(urls))


def _run(config: Config, report: Report | None, progress: Progress | None, options: FetchOptions | None,
         work: Callable[[_Fetcher], Awaitable[None]]) -> FetchResult:
    result = FetchResult(report=report or Report())
    options = options or fetch_options(config)
    with fetch_lock(config.cache_path), ingest_lock(config.content_path), \
            FetchState(config.cache_path / STATE_FILE) as state:
        for warning in state.warnings:
            result.report.warn(str(config.cache_path / STATE_FILE), warning)
        fetcher = _Fetcher(config, options, state, index_content(config.content_path), result, progress or _Quiet())
        asyncio.run(fetcher.run(work))
    return result


class _Fetcher:
    def __init__(self, config: Config, options: FetchOptions, state: FetchState, index: ContentIndex,
                 result: FetchResult, progress: Progress):
        self.config = config
        self.options = options
        self.state = state
        self.index = index
        self.result = result
        self.report = result.report
        self.progress = progress
        self.read_options = ReadOptions(timezone=config.tz)
        self.seen_links = state.seen_links()
        self.client: PoliteClient | None = None
        self.storing = asyncio.Lock()

    async def run(self, work: Callable[[_Fetcher], Awaitable[None]]) -> None:
        async with PoliteClient(self.options, self.state) as client:
            self.client = client
            try:
                await work(self)
            finally:
                self.result.requests, self.result.conditional = client.requests, client.conditional

    async def all_sources(self, sources: tuple[Subscription, ...]) -> None:
        self.progress.start("Reading feeds", len(sources))
        reads = [r for r in await asyncio.gather(*(self._read_source(s) for s in sources)) if r is not None]
        jobs = [(read, entry) for read in reads for entry in read.entries]
        self.progress.start("Fetching articles", len(jobs))
        outcomes = await asyncio.gather(*(self._take_entry(read, entry) for read, entry in jobs))
        retry = {read.url for (read, _), outcome in zip(jobs, outcomes, strict=True) if outcome is Outcome.RETRY}
        added = Counter(read.url for (read, _), outcome in zip(jobs, outcomes, strict=True)
                        if outcome is Outcome.ADDED)
        for read in reads:
            # the old validators stay when something is left for the next run, so that it reads the feed again
            done = read.url not in retry and not read.more
            self.state.record_check(read.url, read.validators if done else None, added[read.url])

    async def pages(self, urls: list[str]) -> None:
        self.progress.start("Fetching pages", len(urls))
        await asyncio.gather(*(self._take_page(url) for url in urls))

    async def _read_source(self, source: Subscription) -> _SourceRead | None:
        try:
            return await self._read_feed(source)
        except Exception as exc:  # noqa: BLE001 - a bug on one odd feed must not stop the others
            self.report.warn(source.url, f"could not be read (internal error: {type(exc).__name__}: {exc})")
            return None
        finally:
            self.progress.advance()

    async def _read_feed(self, source: Subscription) -> _SourceRead | None:
        gone = self.state.gone_since(source.url)
        if gone:
            self.report.warn(source.url, f"gone (HTTP 410 on {gone}); skipped: remove it from digest.toml")
            return None
        url = self.state.current_url(source.url)
        try:
            page = await self.client.get(url, self.state.validators(url))
        except FetchError as exc:
            if exc.failure is Failure.GONE:
                self.state.record_gone(source.url)
                self.report.warn(source.url, "HTTP 410 Gone: the source was removed; marked dead and skipped from "
                                             "now on (remove it from digest.toml)")
            else:
                self.state.record_problem(url, exc.reason)
                self.report.warn(source.url, exc.reason)
            return None
        self.result.sources += 1
        if page.moved_to:
            self.state.record_move(url, page.moved_to)
            self.report.warn(source.url, f"moved permanently to {page.moved_to}; fetched from there from now on "
                                         "(update its url in digest.toml)")
            url = page.moved_to
        if page.status == 304:
            self.result.not_modified += 1
            self.state.record_check(url)
            return None
        try:
            feed = parse_feed(page.body, page.final_url, page.content_type)
        except NotAFeed as exc:
            self.state.record_problem(url, str(exc))
            self.report.warn(source.url, str(exc))
            return None
        if feed.kind is Kind.PAGE:
            outcome = await self._store_page(page, source, self.report.warn)
            self.state.record_check(url, None if outcome is Outcome.RETRY else page.validators,
                                    int(outcome is Outcome.ADDED))
            return None
        if page.cut:
            self.report.warn(source.url, f"feed is larger than {self.options.max_bytes // 2**20} MB; "
                                         "only the entries in its start are read")
        if feed.problem:
            self.report.warn(source.url, f"malformed {feed.kind.value} feed ({feed.problem}); "
                                         f"{len(feed.entries)} entries read anyway")
        new = self._new_entries(source, feed.entries)
        limit = self.options.max_entries
        if len(new) > limit:
            self.report.warn(source.url, f"{len(new)} new entries; the first {limit} are fetched now, the rest on "
                                         "the next runs")
        return _SourceRead(source, url, page.validators, feed.title, new[:limit], more=len(new) > limit)

    def _new_entries(self, source: Subscription, entries: tuple[FeedEntry, ...]) -> tuple[FeedEntry, ...]:
        """The entries not fetched before: not in the state, and their link not in the content folder."""
        seen = self.state.seen_entries(source.url)
        return tuple(e for e in dict((e.key, e) for e in entries).values()
                     if e.key not in seen and e.link not in self.index.urls and e.link not in self.seen_links)

    async def _take_entry(self, read: _SourceRead, entry: FeedEntry) -> Outcome:
        try:
            outcome = await self._entry_outcome(read, entry)
        except Exception as exc:  # noqa: BLE001 - a bug on one odd page must not stop the others
            self.report.warn(entry.link or read.source.url, f"could not be read (internal error: "
                                                            f"{type(exc).__name__}: {exc})")
            outcome = Outcome.FAILED
        finally:
            self.progress.advance()
        if outcome is not Outcome.RETRY:
            self.state.record_entry(read.source.url, entry.key, entry.link)
        return outcome

    async def _entry_outcome(self, read: _SourceRead, entry: FeedEntry) -> Outcome:
        source = read.source
        if not source.full_text:
            try:
                article = feed_article(entry, self.read_options, self.report, source, read.feed_title)
            except InputError as exc:
                self.report.add(exc, "warning")
                return Outcome.FAILED
            return await self._store(article)
        if entry.link is None:
            self.report.warn(source.url, f"entry {entry.key[:100]!r} has no http(s) link; skipped")
            return Outcome.FAILED
        try:
            page = await self.client.get(entry.link, media_types=PAGE_TYPES)
        except FetchError as exc:
            self.report.warn(entry.link, exc.reason)
            return Outcome.RETRY if exc.failure is Failure.TRANSIENT else Outcome.FAILED
        return await self._store_page(page, source, self.report.warn, entry, read.feed_title)

    async def _take_page(self, url: str) -> None:
        try:
            if not is_web_url(url):
                self.report.error(url, "not an http(s) URL; not fetched")
            elif url in self.index.urls:
                self.result.unchanged.append(self.index.urls[url])
            else:
                try:
                    page = await self.client.get(url, media_types=PAGE_TYPES)
                except FetchError as exc:
                    self.report.error(url, exc.reason)
                    return
                await self._store_page(page, None, self.report.error)
        except Exception as exc:  # noqa: BLE001 - a bug on one odd page must not stop the others
            self.report.error(url, f"could not be read (internal error: {type(exc).__name__}: {exc})")
        finally:
            self.progress.advance()

    async def _store_page(self, page: Response, source: Subscription | None, complain: Callable[[str, str], None],
                          entry: FeedEntry | None = None, feed_title: str | None = None) -> Outcome:
        """Read a fetched page into an article and store it; ``complain`` reports a page with none."""
        if page.final_url in self.index.urls:
            self.result.unchanged.append(self.index.urls[page.final_url])
            return Outcome.UNCHANGED
        try:
            article = await asyncio.to_thread(page_article, page, self.read_options, self.report, entry, source,
                                              feed_title)
        except InputError as exc:
            complain(exc.path, exc.message)
            return Outcome.FAILED
        return await self._store(article)

    async def _store(self, article: Article) -> Outcome:
        """Store ``article`` in a worker thread (writing syncs the file to disk), one article at a time."""
        try:
            async with self.storing:
                stored = await asyncio.to_thread(store_article, article, self.config.content_path, self.index.ids)
        except (InputError, OSError) as exc:
            self.report.error(article.origin, getattr(exc, "message", None) or f"cannot store: {exc}")
            return Outcome.RETRY
        if article.url:
            self.index.urls.setdefault(article.url, stored.path)
        if not stored.created:
            self.result.unchanged.append(stored.path)
            return Outcome.UNCHANGED
        self.result.added.append(stored.path)
        return Outcome.ADDED
