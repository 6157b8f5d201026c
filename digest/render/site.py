"""Render every page, feed and calendar of the site from the assembled ``Site``."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from jinja2 import Environment

from digest.config import Config
from digest.errors import Report
from digest.models import ArticleEntry, Briefing, Quote, Site, Speaker
from digest.render.briefing_json import briefing_json
from digest.render.calendar import calendar_ics, meeting_ics_name
from digest.render.excerpt import article_paragraphs
from digest.render.feeds import atom_feed, briefing_time, json_feed, rss_feed, site_feed, speaker_rss
from digest.render.output import SiteWriter
from digest.render.people import ALPHABET, people_by_letter
from digest.render.reuse import PageReuse, write_derived
from digest.render.search import SearchIndex, build_index, pagefind_executable
from digest.render.templating import make_environment, theme_folders

log = logging.getLogger("digest")
TOP_STORIES = 5  # stories told in full on a daily briefing; the rest are listed


@dataclass(frozen=True)
class DayLink:
    """What an article page shows of its day's briefing: the day. Its only input from the briefing,
    so an article added to a day does not make that day's other article pages again."""

    day: date


@dataclass(frozen=True)
class Segment:
    text: str
    quote: Quote | None = None
    number: int = 0  # the quote's 1-based number in its article (anchor #quote-N)


def shown_paragraphs(entry: ArticleEntry, full_text: bool) -> list[list[Segment]]:
    """What an article page shows of the article: every paragraph with ``full_text``, else the excerpt."""
    return article_paragraphs(marked_paragraphs(entry), full_text)


def marked_paragraphs(entry: ArticleEntry) -> list[list[Segment]]:
    """The article's paragraphs cut into plain and quoted segments (quotes marked by offsets)."""
    numbers = {q: i for i, q in reversed(list(enumerate(entry.quotes, 1)))}
    quotes = sorted((q for q in entry.quotes if 0 <= q.start < q.end <= len(entry.article.text)),
                    key=lambda q: q.start)
    out, offset = [], 0
    for paragraph in entry.article.paragraphs:
        start, end = offset, offset + len(paragraph)
        segments, pos = [], start
        for quote in quotes:
            if quote.start < pos or quote.end > end:
                continue
            if quote.start > pos:
                segments.append(Segment(entry.article.text[pos:quote.start]))
            segments.append(Segment(entry.article.text[quote.start:quote.end], quote, numbers[quote]))
            pos = quote.end
        if pos < end:
            segments.append(Segment(entry.article.text[pos:end]))
        out.append(segments)
        offset = end + 2  # paragraphs are joined by a blank line
    return out


def day_path(briefing: Briefing) -> str:
    return f"{briefing.day:%Y/%m/%d}/"


def list_path(number: int) -> str:
    """The site-relative URL of page ``number`` (1-based) of the briefing list."""
    return f"page/{number}/"


def speaker_index(speakers: tuple[Speaker, ...]) -> dict[str, Speaker]:
    """Every name variant a speaker was quoted under → the speaker (for links from quotes)."""
    index = {}
    for speaker in speakers:
        for name in (speaker.name, *speaker.variants):
            index.setdefault(name, speaker)
    return index


def search_enabled(config: Config) -> bool:
    return config.search and pagefind_executable() is not None


def render_site(site: Site, config: Config, writer: SiteWriter,
                on_page: Callable[[], None] | None = None, report: Report | None = None,
                reuse: PageReuse | None = None, search_index: SearchIndex | None = None,
                compiled: Path | None = None) -> int:
    """Write every page, feed and calendar of ``site``; returns the number of files written.

    With ``config.search`` on, Pagefind then indexes the finished pages in the writer's
    temporary folder (before it is swapped in), incrementally when ``search_index`` holds
    the previous build's index; a missing or failing Pagefind is a warning
    in ``report`` (or the ``digest`` logger), never a failed build. ``compiled``: the folder of
    the build's compiled templates (``make_environment``).
    """
    search = search_enabled(config)
    if config.search and not search:
        _warn(report, "search", "Pagefind is not installed (pip install 'pagefind[extended]'); "
                                "the site is built without search")
    env, speaker_slug = _environment(site, config, reuse, search, compiled)
    page = PageMaker(env, writer, reuse, speaker_slug, on_page)
    list_pages = _render_briefings(site, config, writer, page)
    _render_articles(site, config, page)
    _render_people(site, config, env, writer, reuse, page)
    page("meetings/index.html", "meetings.html", canonical="meetings/",
         upcoming=site.upcoming, past=site.past)
    page("404.html", "404.html", canonical="404.html")
    if search:
        page("search/index.html", "search.html", canonical="search/")
    _render_feeds(site, config, env, writer, reuse)
    page("sitemap.xml", "sitemap.xml", canonical="sitemap.xml", pages=list_pages)
    writer.write("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {config.base_url}sitemap.xml\n")
    _copy_assets(config, writer, search)
    if search:
        if search_index is not None:
            problem = search_index.build(writer, reuse.linked if reuse else frozenset())
        else:
            writer.complete()  # Pagefind reads the whole site in the new folder
            problem = build_index(writer.tmp, config.language)
        if problem:
            _warn(report, "search", problem)
    return len(writer.written)


def _environment(site: Site, config: Config, reuse: PageReuse | None, search: bool,
                 compiled: Path | None = None) -> tuple[Environment, Callable[[str], str | None]]:
    """The Jinja environment with the site's globals (attached to ``reuse``), and the lookup of a
    speaker's slug by any name they were quoted under."""
    env = make_environment(config, compiled)
    speakers_by_name = speaker_index(site.speakers)

    def speaker_of(name: str | None) -> Speaker | None:
        speaker = speakers_by_name.get(name) if name else None
        if reuse is not None and name:
            reuse.note(name, speaker.slug if speaker else None)
        return speaker

    def speaker_slug(name: str) -> str | None:
        speaker = speakers_by_name.get(name)
        return speaker.slug if speaker else None

    env.globals.update(site=site, day_path=day_path, list_path=list_path, meeting_ics_name=meeting_ics_name,
                       speaker_of=speaker_of, search=search, briefing_time=lambda b: briefing_time(b, config))

    if reuse is not None:
        reuse.attach(env, f"{reuse.environment}|{search}")
    return env, speaker_slug


class PageMaker:
    """Writes one page from a template, or links the previous build's when its inputs did not change."""

    def __init__(self, env: Environment, writer: SiteWriter, reuse: PageReuse | None,
                 speaker_slug: Callable[[str], str | None], on_page: Callable[[], None] | None) -> None:
        self.env, self.writer, self.reuse, self.speaker_slug, self.on_page = env, writer, reuse, speaker_slug, on_page

    def __call__(self, relpath: str, template: str, derived: dict[str, Callable[[], object]] | None = None,
                 **context) -> None:
        """Write a page from ``context`` (its inputs) and ``derived`` (values made from those inputs alone,
        only when the page is rendered), or link the previous build's when its inputs did not change."""
        context.setdefault("feed", None)
        env, writer, reuse = self.env, self.writer, self.reuse

        def render() -> str:
            made = {name: make() for name, make in (derived or {}).items()}
            return env.get_template(template).render(page_path=relpath, **context, **made)

        if reuse is None:
            writer.write(relpath, render())
        elif not reuse.reuse(relpath, template, context, writer, self.speaker_slug):
            with reuse.recording(relpath, template, context):
                writer.write(relpath, render())
        if self.on_page:
            self.on_page()


def _render_briefings(site: Site, config: Config, writer: SiteWriter, page: PageMaker) -> int:
    """Every day's briefing (page and JSON), the front page and the pages of the briefing list;
    returns the number of list pages."""
    briefings = site.briefings
    for i, briefing in enumerate(briefings):
        newer = briefings[i - 1] if i > 0 else None
        older = briefings[i + 1] if i + 1 < len(briefings) else None
        context = dict(briefing=briefing, newer=newer, older=older, list_page=i // config.per_page + 1,
                       top_stories=TOP_STORIES)
        page(day_path(briefing) + "index.html", "briefing.html", canonical=day_path(briefing), **context)
        write_derived(page.reuse, writer, day_path(briefing) + "briefing.json", "briefing json", {"briefing": briefing},
                      partial(briefing_json, briefing, config))
        if i == 0:
            page("index.html", "briefing.html", canonical="", front=True, **context)
    if not briefings:
        page("index.html", "empty.html", canonical="")
    pages = [briefings[i:i + config.per_page] for i in range(0, len(briefings), config.per_page)] or [()]
    for number, chunk in enumerate(pages, 1):
        page(list_path(number) + "index.html", "briefings.html", canonical=list_path(number), briefings=chunk,
             number=number, count=len(pages))
    return len(pages)


def _render_articles(site: Site, config: Config, page: PageMaker) -> None:
    """Every article page, then the archive of the months."""
    briefings = site.briefings
    briefing_of = {entry.url: DayLink(b.day) for b in briefings for entry in b.articles}
    for entry in site.entries:
        page(entry.url + "index.html", "article.html", canonical=entry.url, entry=entry,
             derived={"paragraphs": partial(shown_paragraphs, entry, config.full_text)},
             full_text=config.full_text, briefing=briefing_of.get(entry.url))  # full_text: an input of the page
    months = defaultdict(list)
    for briefing in briefings:
        months[briefing.day.replace(day=1)].append(briefing)
    page("archive/index.html", "archive.html", canonical="archive/", months=sorted(months.items(), reverse=True))


def _render_people(site: Site, config: Config, env: Environment, writer: SiteWriter, reuse: PageReuse | None,
                   page: PageMaker) -> None:
    """The people index, and every speaker's page and quote feed."""
    page("people/index.html", "people.html", canonical="people/", letters=people_by_letter(site.speakers),
         alphabet=ALPHABET)
    quote_fragment = env.get_template("feed_quote.html")
    for speaker in site.speakers:
        feed_path = f"people/{speaker.slug}/feed.xml"
        page(f"people/{speaker.slug}/index.html", "person.html", canonical=f"people/{speaker.slug}/",
             speaker=speaker, feed=feed_path)
        write_derived(reuse, writer, feed_path, "speaker feed", {"speaker": speaker},
                      partial(speaker_rss, speaker, config, quote_fragment), page.speaker_slug,
                      ("feed_quote.html",))


def _render_feeds(site: Site, config: Config, env: Environment, writer: SiteWriter, reuse: PageReuse | None) -> None:
    """The site's RSS, Atom and JSON feeds, the agenda's calendar and one calendar per meeting."""
    fragment = env.get_template("feed_item.html")
    item_html = {b.day: fragment.render(briefing=b, page_path="feed") for b in site.briefings}
    feed = site_feed(site.briefings, config, item_html)
    writer.write("feed.xml", rss_feed(feed, config))
    writer.write("atom.xml", atom_feed(feed, config))
    writer.write("feed.json", json_feed(feed, config))
    write_derived(reuse, writer, "meetings.ics", "calendar", {"agenda": site.agenda},
                  partial(calendar_ics, site.agenda, config))
    for item in site.agenda:
        write_derived(reuse, writer, f"meetings/{meeting_ics_name(item)}", "meeting calendar", {"item": item},
                      partial(calendar_ics, [item], config))


def _copy_assets(config: Config, writer: SiteWriter, search: bool) -> None:
    """The themes' static files, the site's own winning (search.js only with search on)."""
    for folder in reversed(theme_folders(config)):  # the site's own assets win
        for asset in sorted((folder / "static").glob("*")) if (folder / "static").is_dir() else ():
            if asset.is_file() and (search or asset.name != "search.js"):
                writer.copy(f"static/{asset.name}", asset)


def _warn(report: Report | None, path: str, message: str) -> None:
    if report is not None:
        report.warn(path, message)
    else:
        log.warning("warning: %s: %s", path, message)
