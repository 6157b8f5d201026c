"""Render every page of the site from the assembled ``Site``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from digest.config import Config
from digest.models import ArticleEntry, Briefing, Quote, Site
from digest.render.calendar import calendar_ics, meeting_ics_name
from digest.render.feeds import atom_feed, json_feed, rss_feed
from digest.render.output import SiteWriter
from digest.render.templating import make_environment, theme_folders


@dataclass(frozen=True)
class Segment:
    text: str
    quote: Quote | None = None


def marked_paragraphs(entry: ArticleEntry) -> list[list[Segment]]:
    """The article's paragraphs cut into plain and quoted segments (quotes marked by offsets)."""
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
            segments.append(Segment(entry.article.text[quote.start:quote.end], quote))
            pos = quote.end
        if pos < end:
            segments.append(Segment(entry.article.text[pos:end]))
        out.append(segments)
        offset = end + 2  # paragraphs are joined by a blank line
    return out


def day_path(briefing: Briefing) -> str:
    return f"{briefing.day:%Y/%m/%d}/"


def render_site(site: Site, config: Config, writer: SiteWriter,
                on_page: Callable[[], None] | None = None) -> int:
    """Write every page, feed and calendar of ``site``; returns the number of files written."""
    env = make_environment(config)
    env.globals.update(site=site, day_path=day_path, meeting_ics_name=meeting_ics_name)

    def page(relpath: str, template: str, **context) -> None:
        writer.write(relpath, env.get_template(template).render(page_path=relpath, **context))
        if on_page:
            on_page()

    briefings = site.briefings
    for i, briefing in enumerate(briefings):
        newer = briefings[i - 1] if i > 0 else None
        older = briefings[i + 1] if i + 1 < len(briefings) else None
        context = dict(briefing=briefing, newer=newer, older=older)
        page(day_path(briefing) + "index.html", "briefing.html", canonical=day_path(briefing), **context)
        if i == 0:
            page("index.html", "briefing.html", canonical="", **context)
    if not briefings:
        page("index.html", "empty.html", canonical="")
    for entry in site.entries:
        page(entry.url + "index.html", "article.html", canonical=entry.url, entry=entry,
             paragraphs=marked_paragraphs(entry))
    months = defaultdict(list)
    for briefing in briefings:
        months[briefing.day.replace(day=1)].append(briefing)
    page("archive/index.html", "archive.html", canonical="archive/", months=sorted(months.items(), reverse=True))
    page("people/index.html", "people.html", canonical="people/")
    for speaker in site.speakers:
        page(f"people/{speaker.slug}/index.html", "person.html", canonical=f"people/{speaker.slug}/",
             speaker=speaker)
    page("meetings/index.html", "meetings.html", canonical="meetings/",
         upcoming=[it for it in site.agenda if _is_ahead(it, site.today)],
         past=[it for it in reversed(site.agenda) if not _is_ahead(it, site.today)])
    page("404.html", "404.html", canonical="404.html")

    fragment = env.get_template("feed_item.html")
    item_html = {b.day: fragment.render(briefing=b, page_path="feed") for b in briefings}
    writer.write("feed.xml", rss_feed(site, config, item_html))
    writer.write("atom.xml", atom_feed(site, config, item_html))
    writer.write("feed.json", json_feed(site, config, item_html))
    writer.write("meetings.ics", calendar_ics(site.agenda, config))
    for item in site.agenda:
        writer.write(f"meetings/{meeting_ics_name(item)}", calendar_ics([item], config))
    page("sitemap.xml", "sitemap.xml", canonical="sitemap.xml")
    writer.write("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {config.base_url}sitemap.xml\n")
    for folder in reversed(theme_folders(config)):  # the site's own assets win
        for asset in sorted((folder / "static").glob("*")) if (folder / "static").is_dir() else ():
            if asset.is_file():
                writer.copy(f"static/{asset.name}", asset)
    return len(writer.written)


def _is_ahead(item, today) -> bool:
    from digest.models import value_range

    span = value_range(item.meeting.end) or value_range(item.meeting.start)
    return span is not None and span[1] >= today
