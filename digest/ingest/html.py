"""Saved web pages: main text and metadata through trafilatura (navigation and comments excluded)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from digest.errors import InputError, Report
from digest.ingest.article import Meta, make_article
from digest.ingest.clean import clean_line
from digest.ingest.dates import NOT_A_DATE, parse_date
from digest.ingest.decode import decode_bytes, read_bytes
from digest.ingest.options import ReadOptions
from digest.models import Article

_BULLET = re.compile(r"^\s*- (?=\S)")  # trafilatura's list-item marker
MIN_WORDS = 5  # less than this is a page without an article (navigation crumbs)
FALLBACK_WORDS = 50  # precision mode kept fewer words than this: try the default mode
# Structured date sources only (meta tags, <time>, JSON-LD, URL); the free-text search runs
# separately in page_date() so that its copyright-year guess can be told apart.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
_YEAR_ONLY_GUESS = re.compile(r"\d{4}-01-01(?:T00:00:00)?")
DATE_SEARCH_LIMIT = 2_000_000  # characters of a page htmldate's free-text date search reads (~0.35 s a MB)


def extract(html: str) -> Any:
    """trafilatura's Document for a page (None when it finds no main text).

    Precision mode first (it leaves out more boilerplate: related links, teasers, captions);
    when that keeps almost nothing, the default mode's result is used instead. On the
    article-extraction benchmark this scores body F1 0.971 against 0.962 for the default mode
    alone and 0.967 for precision mode alone (``python -m digest.ingest.benchmark``).
    """
    import trafilatura

    def run(**mode: bool) -> Any:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params=dict(_DATE_PARAMS),
            **mode,
        )

    doc = run(favor_precision=True)
    if _words(doc) < FALLBACK_WORDS:
        fallback = run()
        if _words(fallback) > _words(doc):
            doc = fallback
    return doc


_PUBLISHED_TIME = re.compile(
    r"""(?:article:published_time|og:published_time|"datePublished")["']?\s*(?:content\s*=\s*|:\s*)["']"""
    r"""(\d{4}-\d\d-\d\dT\d\d:\d\d[^"'<>]{0,20})["']""",
    re.IGNORECASE,
)


def page_date(html: str, doc: Any) -> str | None:
    """The page's publication date: trafilatura's (structured sources) or htmldate's free-text
    search, ignoring its "1 January" fallback built from a bare year (a copyright line).

    htmldate keeps only the day; when the page's ``article:published_time`` / JSON-LD
    ``datePublished`` names the same day with a time, that more precise value is used.
    """
    if doc.date:
        m = _PUBLISHED_TIME.search(html[:200_000])
        if m and m.group(1)[:10] == doc.date[:10]:
            return m.group(1)
        return doc.date
    try:
        import htmldate

        guess = htmldate.find_date(
            html[:DATE_SEARCH_LIMIT],
            extensive_search=True,
            original_date=True,
            outputformat=_DATE_PARAMS["outputformat"],
            url=doc.url,
        )
    except Exception:  # noqa: BLE001 - a date guess is optional
        return None
    if not guess or _YEAR_ONLY_GUESS.fullmatch(guess):
        return None
    return guess


def _words(doc: Any) -> int:
    return len((doc.text or "").split()) if doc is not None else 0


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta charset>`` / ``http-equiv`` tag, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def page_paragraphs(doc: Any) -> list[str]:
    """Body paragraphs of an extracted page, without a repeated title line at the top."""
    lines = [_BULLET.sub("", line) for line in (doc.text or "").split("\n") if line.strip()]
    title = clean_line(doc.title or "")
    if lines and title and clean_line(lines[0]) == title:
        lines = lines[1:]
    return lines


def read_html(path: Path, options: ReadOptions, report: Report) -> list[Article]:
    origin = str(path)
    data, size = read_bytes(path)
    meta, paragraphs = read_page(data, origin, options, report, size=size)
    return [make_article(paragraphs=paragraphs, meta=meta, path=path, options=options, report=report)]


def read_page(data: bytes, origin: str, options: ReadOptions, report: Report, size: int | None = None,
              charset: str | None = None) -> tuple[Meta, list[str]]:
    """The metadata and body paragraphs of a web page's bytes (a saved file, or a fetched page whose
    HTTP header named ``charset``; the page's own ``<meta charset>`` wins over it). ``size`` is the
    whole page's size when ``data`` is only its start."""
    text = decode_bytes(data, origin, declared=declared_charset(data) or charset, report=report)
    try:
        doc = extract(text)
    except Exception as exc:  # noqa: BLE001 - trafilatura/lxml failures on odd input
        raise InputError(origin, f"could not parse the page ({type(exc).__name__})") from None
    if _words(doc) < MIN_WORDS:
        raise InputError(origin, "no article text found in the page")
    tags: list[str] = list(doc.categories or [])
    page_tags = [t.strip() for tag in (doc.tags or []) for t in str(tag).split(",") if t.strip()]
    if len(page_tags) <= 10:  # long keyword lists are SEO noise
        tags.extend(page_tags)
    date = page_date(text, doc)
    size = size if size is not None else len(data)
    meta = Meta(
        title=doc.title,
        published=parse_date(date, options.timezone) if date else None,
        source=doc.sitename or doc.hostname,
        url=doc.url,
        author=(doc.author or "").replace("; ", ", ") or None,
        tags=tuple(tags),
        cut_from=size if size > len(data) else None,
    )
    if date and meta.published is None:
        report.warn(origin, f"page date {date!r} {NOT_A_DATE}; ignoring it")
    return meta, page_paragraphs(doc)
