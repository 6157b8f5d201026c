"""Plain-text articles: the title on the first non-empty line, the body after it.

A file may also start with a block of ``Key: value`` header lines (Title, Date, Source, URL,
Author, Tags — as some scrapers and mail exports save them); those are read as metadata.
"""

from __future__ import annotations

import re
from pathlib import Path

from digest.errors import InputError, Report
from digest.ingest.article import Meta, cut_body, make_article
from digest.ingest.clean import clean_line, split_plain
from digest.ingest.dates import NOT_A_DATE, parse_date
from digest.ingest.decode import load_text
from digest.ingest.options import ReadOptions
from digest.models import Article

MAX_TITLE = 200  # a longer first line is a paragraph, not a headline
_HEADER = re.compile(
    r"(title|headline|date|published|source|url|link|author|by|tags|keywords)\s*:\s*(\S.*)?", re.IGNORECASE
)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_FIELD = {"headline": "title", "published": "date", "link": "url", "by": "author", "keywords": "tags"}


def read_txt(path: Path, options: ReadOptions, report: Report) -> list[Article]:
    text, cut_from = load_text(path, report)
    return [article_from_text(text, path, options, report, cut_from)]


def article_from_text(
    text: str, path: Path, options: ReadOptions, report: Report, cut_from: int | None = None
) -> Article:
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:  # pragma: no cover - decode_bytes rejects blank files
        raise InputError(str(path), "empty file")
    meta, start = _header(lines, start, path, options, report)
    meta.cut_from = cut_from
    if meta.title is None:
        start = next((i for i in range(start, len(lines)) if lines[i].strip()), len(lines))
        title = _MARKDOWN_HEADING.sub("", clean_line(lines[start])) if start < len(lines) else ""
        if len(title) <= MAX_TITLE:  # else a paragraph, not a headline: all of it is the body
            meta.title = title
            start += 1
    body, meta.cut_text = cut_body("\n".join(lines[start:]))
    return make_article(paragraphs=split_plain(body), meta=meta, path=path, options=options, report=report)


def _header(
    lines: list[str], start: int, path: Path, options: ReadOptions, report: Report
) -> tuple[Meta, int]:
    """Metadata from ``Key: value`` lines at the top; returns it and the first line after them."""
    meta = Meta()
    index = start
    while index < len(lines):
        m = _HEADER.fullmatch(lines[index].strip())
        if not m:
            break
        key = m.group(1).lower()
        key = _FIELD.get(key, key)
        value = clean_line(m.group(2) or "")
        if key == "date" and value:
            meta.published = parse_date(value, options.timezone)
            if meta.published is None:
                report.warn(str(path), f"date {value[:40]!r} {NOT_A_DATE}; ignoring it", index + 1)
        elif key == "tags":
            meta.tags = tuple(t.strip() for t in value.split(",") if t.strip())
        elif value:
            setattr(meta, key, value)
        index += 1
    return meta, index
