"""Saved web pages: main text and metadata through trafilatura (navigation and comments excluded)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from digest.errors import InputError, Report
from digest.ingest.article import Meta, make_article
from digest.ingest.clean import clean_line
from digest.ingest.dates import parse_date
from digest.ingest.decode import decode_bytes, read_bytes
from digest.ingest.options import ReadOptions
from digest.models import Article

_BULLET = re.compile(r"^\s*- (?=\S)")  # trafilatura's list-item marker
MIN_WORDS = 5  # less than this is a page without an article (navigation crumbs)
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def extract(html: str) -> Any:
    """trafilatura's Document for a page (None when it finds no main text)."""
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )


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
    data = read_bytes(path)
    text = decode_bytes(data, origin, declared=declared_charset(data))
    try:
        doc = extract(text)
    except Exception as exc:  # noqa: BLE001 - trafilatura/lxml failures on odd input
        raise InputError(origin, f"could not parse the page ({type(exc).__name__})") from None
    if doc is None or len((doc.text or "").split()) < MIN_WORDS:
        raise InputError(origin, "no article text found in the page")
    tags: list[str] = list(doc.categories or [])
    page_tags = [t.strip() for tag in (doc.tags or []) for t in str(tag).split(",") if t.strip()]
    if len(page_tags) <= 10:  # long keyword lists are SEO noise
        tags.extend(page_tags)
    meta = Meta(
        title=doc.title,
        published=parse_date(doc.date, options.timezone) if doc.date else None,
        source=doc.sitename or doc.hostname,
        url=doc.url,
        author=(doc.author or "").replace("; ", ", ") or None,
        tags=tuple(tags),
    )
    if doc.date and meta.published is None:
        report.warn(origin, f"page date {doc.date!r} is not a date; ignoring it")
    return [
        make_article(paragraphs=page_paragraphs(doc), meta=meta, path=path, options=options, report=report)
    ]
