"""Build :class:`Article` objects: id, slug, title fallback and the publication-date chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from slugify import slugify

from digest.errors import InputError, Report
from digest.ingest.clean import clean_line, clean_paragraphs, clean_title
from digest.ingest.dates import find_dateline, localize
from digest.ingest.options import ReadOptions
from digest.models import Article

SLUG_MAX = 80
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


@dataclass
class Meta:
    """Metadata a reader found (all optional). ``published`` is already parsed."""

    title: str | None = None
    published: dt.datetime | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = field(default=())


def article_id(title: str, text: str) -> str:
    return hashlib.sha256((title + "\n\n" + text).encode("utf-8")).hexdigest()


def make_slug(title: str, ident: str) -> str:
    """ASCII slug of ``title`` (max ~80 chars); ``article-<id[:10]>`` when the title gives none.

    The result only contains ``[a-z0-9-]``, so it is always safe as a file name.
    """
    slug = slugify(title or "", max_length=SLUG_MAX, word_boundary=True, allow_unicode=False)
    slug = re.sub(r"[^a-z0-9-]+", "-", slug.lower()).strip("-")
    if not slug:
        return "article-" + ident[:10]
    if slug in _WINDOWS_RESERVED:
        slug += "-article"
    return slug


_DATELINE = re.compile(r"[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+)*(?:,[^\n]{0,50}?|\s*\([^)]{1,25}\))\s[-–—]+\s+")


_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])[.!?][\"”’']?(?=\s+[A-Z\"“‘']|$)"
)


def derived_title(paragraphs: list[str], limit: int = 80) -> str:
    """A title for an article that has none: its first sentence, shortened on a word boundary."""
    first = paragraphs[0] if paragraphs else ""
    dateline = _DATELINE.match(first)
    if dateline and dateline.end() < len(first):
        first = first[dateline.end() :]
    # the first sentence end that is not an abbreviation ("Mr.", "U.S.") near the start
    ends = (m.end() for m in _SENTENCE_END.finditer(first) if m.end() >= 20)
    sentence = first[: next(ends, len(first))]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return (cut or sentence[:limit]) + "…"


def make_article(
    *,
    paragraphs: list[str],
    meta: Meta,
    path: Path | str,
    options: ReadOptions,
    report: Report,
    where: str = "",
    line: int | None = None,
) -> Article:
    """Clean ``paragraphs``/metadata and build the article; soft problems go to ``report``.

    ``where`` ("record 3: ") prefixes messages about one record of a multi-article file.
    Raises :class:`InputError` when there is no body text at all.
    """
    origin = str(path)
    paras = clean_paragraphs(paragraphs)
    if not paras:
        raise InputError(origin, f"{where}no article text found", line)
    title = clean_title(meta.title)
    if not title:
        title = clean_title(derived_title(paras))
        report.warn(origin, f"{where}no title found; using the first sentence", line)
    text = "\n\n".join(paras)
    ident = article_id(title, text)

    tz = options.timezone
    if meta.published is not None:
        published, date_from = localize(meta.published, tz), "metadata"
    elif options.default_date is not None:
        published, date_from = localize(options.default_date, tz), "option"
    else:
        build = options.build_date()
        found = find_dateline(paras, tz, today=build)
        if found is not None:
            published, date_from = found, "dateline"
        else:
            published, date_from = localize(build, tz), "build"
            report.warn(
                origin, f"{where}no publication date found; using the build date {build.isoformat()}", line
            )

    tags = tuple(dict.fromkeys(t for t in (clean_line(x) for x in meta.tags) if t))
    return Article(
        id=ident,
        title=title,
        published=published,
        text=text,
        paragraphs=tuple(paras),
        source=clean_line(meta.source or "") or None,
        url=clean_line(meta.url or "") or None,
        author=clean_line(meta.author or "") or None,
        tags=tags,
        origin=origin,
        slug=make_slug(title, ident),
        date_from=date_from,
    )
