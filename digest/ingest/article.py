"""Build :class:`Article` objects: id, slug, title fallback and the publication-date chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from slugify import slugify

from digest.errors import InputError, Report
from digest.ingest.clean import clean_line, clean_paragraphs, clean_title
from digest.ingest.dates import find_dateline, localize
from digest.ingest.decode import READ_LIMIT
from digest.ingest.metadata import clean_author, clean_outlet, publisher_time
from digest.ingest.options import ReadOptions
from digest.models import Article

SLUG_MAX = 80
MAX_ARTICLE_CHARS = 200_000  # article text kept (longer than any news feature; bounds parse time)
MAX_TITLE_CHARS = 300
MAX_FIELD_CHARS = 300  # source, author, one tag
MAX_URL_CHARS = 2000
MAX_TAGS = 30
URL_SCHEMES = ("http", "https")
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
    cut_from: int | None = None  # the file's size when only its first part was read (decode.READ_LIMIT)
    cut_text: bool = False  # the reader kept only the start of an overlong body


def clean_meta(meta: Meta, tz: dt.tzinfo) -> Meta:
    """``meta`` with a clean author and outlet name and the publisher's own day (:mod:`.metadata`).

    Invisible and control characters go first (``clean_line``), so the byline is cleaned as a
    reader sees it and cleaning what was stored changes nothing ("\x1b---A" is "---A", stored and
    read back as "A" alike)."""
    source = clean_outlet(clean_line(meta.source or "") or None, meta.url)
    return replace(meta, source=source, author=clean_author(clean_line(meta.author or "") or None, source),
                   published=publisher_time(meta.published, meta.url, tz))


def display_path(path: Path | str) -> str:
    """``path`` as text that can be written anywhere (UTF-8, SQLite, JSON): bytes of a file name
    that are not UTF-8 (kept by Python as lone surrogates) are shown as ``\\xNN``."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


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
    Raises :class:`InputError` when there is no body text at all. Text longer than
    :data:`MAX_ARTICLE_CHARS` is cut (at a paragraph end where it can) with a warning, and so
    are overlong metadata fields; a URL that is not http(s) is dropped with a warning.
    """
    origin = display_path(path)
    paras = _body_paragraphs(paragraphs, meta, origin, report, where, line)
    title = _bounded(clean_title(meta.title), MAX_TITLE_CHARS, "title", where, origin, line, report)
    if not title:
        title = clean_title(derived_title(paras))
        report.warn(origin, f"{where}no title found; using the first sentence", line)
    text = "\n\n".join(paras)
    ident = article_id(title, text)

    meta = clean_meta(meta, options.timezone)
    published, date_from = _publication_date(meta, paras, options, origin, report, where, line)
    tags = tuple(dict.fromkeys(t[:MAX_FIELD_CHARS] for t in (clean_line(x) for x in meta.tags[:MAX_TAGS]) if t))
    return Article(
        id=ident,
        title=title,
        published=published,
        text=text,
        paragraphs=tuple(paras),
        source=_bounded(clean_line(meta.source or ""), MAX_FIELD_CHARS, "source", where, origin, line, report) or None,
        url=web_url(clean_line(meta.url or ""), where, origin, line, report),
        author=_bounded(clean_line(meta.author or ""), MAX_FIELD_CHARS, "author", where, origin, line, report) or None,
        tags=tags,
        origin=origin,
        slug=make_slug(title, ident),
        date_from=date_from,
    )


def _body_paragraphs(paragraphs: list[str], meta: Meta, origin: str, report: Report, where: str,
                     line: int | None) -> list[str]:
    """The cleaned paragraphs, cut to :data:`MAX_ARTICLE_CHARS` with a warning (and a warning for a
    file read only in part); :class:`InputError` when no text is left."""
    paras = clean_paragraphs(paragraphs)
    if not paras:
        raise InputError(origin, f"{where}no article text found", line)
    paras, total = cut_paragraphs(paras, MAX_ARTICLE_CHARS)
    if meta.cut_from is not None:
        report.warn(origin, f"{where}file is {_size(meta.cut_from)}; only its first {_size(READ_LIMIT)} are read "
                            f"(the limit for one article) and {_chars(paras)} characters kept", line)
    elif total > MAX_ARTICLE_CHARS or meta.cut_text:
        report.warn(origin, f"{where}article text is longer than the limit of {MAX_ARTICLE_CHARS:,} characters; "
                            f"only the first {_chars(paras)} are kept", line)
    return paras


def _publication_date(meta: Meta, paras: list[str], options: ReadOptions, origin: str, report: Report,
                      where: str, line: int | None) -> tuple[dt.datetime, str]:
    """The publication date and where it came from: the metadata, the ``--date`` option, a
    dateline in the text, else the build date (with a warning)."""
    tz = options.timezone
    if meta.published is not None:
        return localize(meta.published, tz), "metadata"
    if options.default_date is not None:
        return localize(options.default_date, tz), "option"
    build = options.build_date()
    found = find_dateline(paras, tz, today=build)
    if found is not None:
        return found, "dateline"
    published = localize(build, tz)
    report.warn(
        origin, f"{where}no publication date found; using the build date {build.isoformat()}", line
    )
    return published, "build"


def cut_paragraphs(paragraphs: list[str], limit: int) -> tuple[list[str], int]:
    """The paragraphs up to ``limit`` characters of text (joined by blank lines), and the full
    length. The cut falls at a paragraph end, else at a space, so no word is split."""
    total = sum(len(p) for p in paragraphs) + 2 * (len(paragraphs) - 1)
    if total <= limit:
        return paragraphs, total
    kept, used = [], 0
    for para in paragraphs:
        room = limit - used - (2 if kept else 0)
        if len(para) <= room:
            kept.append(para)
            used += len(para) + (2 if len(kept) > 1 else 0)
            continue
        if not kept or room > limit // 10:  # a huge paragraph: keep its start, cut at a space
            piece = para[: room - 1]
            space = piece.rfind(" ", max(0, room - 1000))
            piece = (piece[:space] if space > 0 else piece).rstrip()
            if piece:
                kept.append(piece + "…")
        break
    return kept, total


BODY_LIMIT = 2 * MAX_ARTICLE_CHARS  # characters of a body a reader parses (whitespace, markup and debris
# shrink it; the article keeps at most MAX_ARTICLE_CHARS anyway, and parsing more only costs time)


def cut_body(text: str, limit: int = BODY_LIMIT) -> tuple[str, bool]:
    """``text`` up to ``limit`` characters, cut at a blank line or else a line end near the limit;
    and whether it was cut."""
    if len(text) <= limit:
        return text, False
    end = text.rfind("\n\n", limit // 2, limit)
    end = end if end > 0 else text.rfind("\n", limit // 2, limit)
    return text[: end if end > 0 else limit], True


def web_url(url: str, where: str, origin: str, line: int | None, report: Report) -> str | None:
    """``url`` when it is an absolute http(s) address, else None (with a warning when one was given)."""
    if not url:
        return None
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    shown = url[:60] + ("…" if len(url) > 60 else "")
    if scheme not in URL_SCHEMES or not re.match(r"(?i)https?://[^/\s]", url):
        report.warn(origin, f"{where}url {shown!r} is not an http(s) address; ignoring it", line)
        return None
    if len(url) > MAX_URL_CHARS:
        report.warn(origin, f"{where}url {shown!r} is longer than {MAX_URL_CHARS:,} characters; ignoring it", line)
        return None
    return scheme + url[len(scheme) :]  # "HTTPS://…" → "https://…"


def _bounded(value: str, limit: int, name: str, where: str, origin: str, line: int | None, report: Report) -> str:
    if len(value) <= limit:
        return value
    report.warn(origin, f"{where}{name} is {len(value):,} characters; shortened to {limit}", line)
    cut = value[: limit - 1].rsplit(" ", 1)[0] if " " in value[limit // 2 : limit - 1] else value[: limit - 1]
    return cut.rstrip() + "…"


def _chars(paragraphs: list[str]) -> str:
    return f"{sum(len(p) for p in paragraphs) + 2 * max(0, len(paragraphs) - 1):,}"


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"
