"""JSON articles: an object, a list of objects, or JSON Lines (``.jsonl``, or a ``.json`` holding lines).

Fields: title/headline, text/maintext/body/content/articleBody, date/date_publish/published...,
url, source/source_domain/sitename, author/authors, tags/keywords, description (used as the text
when there is none). A bad record is reported (file + line for JSON Lines, file + index
otherwise) and the others are kept.

Limits: JSON Lines are read line by line (any file size; a line may be at most
:data:`~digest.ingest.decode.READ_LIMIT` bytes); a ``.json`` file is parsed whole and may be at
most :data:`~digest.ingest.decode.JSON_LIMIT` bytes. At most ``ReadOptions.max_records`` articles
are read from one file (:data:`~digest.ingest.options.MAX_RECORDS`; `digest ingest` has no limit),
and at most :data:`MAX_PROBLEMS` problems with its records are shown one
by one (the rest are counted in one line).
"""

from __future__ import annotations

import codecs
import html
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from digest.errors import InputError, Report
from digest.ingest.article import Meta, cut_body, make_article
from digest.ingest.clean import split_plain
from digest.ingest.dates import NOT_A_DATE, parse_date
from digest.ingest.decode import JSON_LIMIT, READ_LIMIT, file_size, open_regular, read_text, utf16_order
from digest.ingest.options import ReadOptions
from digest.models import Article

MAX_PROBLEMS = 20  # problems with single records shown one by one per file

TITLE_KEYS = ("title", "headline", "name")
TEXT_KEYS = ("text", "maintext", "body", "content", "articleBody", "article_body", "article", "fulltext")
DATE_KEYS = (
    "date", "date_publish", "published", "published_at", "publishedAt", "datePublished", "pubDate",
    "pub_date", "publication_date", "created_at",
)  # fmt: skip
URL_KEYS = ("url", "link", "canonical_url", "permalink")
SOURCE_KEYS = ("source", "source_domain", "sitename", "site_name", "site", "publisher", "outlet")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")
TAG_KEYS = ("tags", "keywords", "categories", "topics")
WRAPPER_KEYS = ("articles", "items", "data", "results", "entries")

Record = tuple[Any, str, "int | None"]  # (value, "item N: " prefix or "", line)


def read_json(path: Path, options: ReadOptions, report: Report) -> list[Article]:
    origin = str(path)
    local = Report()  # problems with single records, shown up to MAX_PROBLEMS
    records = _records(path, local)
    if isinstance(records, list) and len(records) == 1 and records[0][1] == "" and records[0][2] is None:
        _forward(local, report, origin)
        record, where, line = records[0]
        return [_article(record, where, line, path, options, report)]  # one article: errors are fatal
    articles: list[Article] = []
    seen, limit = 0, options.max_records
    cap: tuple[str, int | None] | None = None
    try:
        for record, where, line in records:
            seen += 1
            if limit is not None and seen > limit:
                what = f"line {line:,}" if line else where.rstrip(": ")
                cap = (f"more than {limit:,} articles in one file; {what} and after are not read "
                       "(split the file, or `digest ingest` it)", line)
                break
            try:
                articles.append(_article(record, where, line, path, options, local))
            except InputError as exc:
                local.add(exc)
    finally:
        if isinstance(records, Iterator):
            records.close()  # type: ignore[attr-defined]
    _forward(local, report, origin)
    if cap:
        report.warn(origin, *cap)
    if not seen:
        raise InputError(origin, "no valid JSON lines in the file")
    if not articles:
        raise InputError(origin, "no usable article in the file (see the errors above)")
    return articles


def _forward(local: Report, report: Report, origin: str) -> None:
    """The first MAX_PROBLEMS problems one by one, the rest counted in one line."""
    report.problems += local.problems[:MAX_PROBLEMS]
    rest = local.problems[MAX_PROBLEMS:]
    if rest:
        level = "error" if any(p.level == "error" for p in rest) else "warning"
        getattr(report, "error" if level == "error" else "warn")(
            origin, f"{len(rest):,} more problems with records of this file are not shown")


def _records(path: Path, report: Report) -> list[Record] | Iterator[Record]:
    """(record, "item N: " prefix or "", line) for each record in the file: a list for a whole
    JSON document, an iterator reading the file line by line for JSON Lines."""
    origin = str(path)
    if path.suffix.lower() == ".jsonl":
        return _stream_lines(path, report)
    size = file_size(path)
    if size > JSON_LIMIT:
        if _first_value_ends_line(_head(path)):
            return _stream_lines(path, report)
        raise InputError(origin, f"file is {size / 1024 / 1024:.1f} MB; a .json file is read whole and may be at "
                                 f"most {JSON_LIMIT // 1024 // 1024} MB (save it as JSON Lines, .jsonl, to stream it)")
    text = read_text(path, report, limit=None)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _first_value_ends_line(text):
            return _parse_lines(enumerate(text.split("\n"), start=1), origin, report)
        raise InputError(origin, f"not valid JSON ({exc.msg}, column {exc.colno})", exc.lineno) from None
    except RecursionError:
        raise InputError(origin, "not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError(origin, f"not valid JSON ({_short(exc)})") from None
    return _from_value(data, origin)


def _head(path: Path) -> str:
    with open_regular(path) as handle:
        return handle.read(READ_LIMIT).decode("utf-8", errors="replace")


def _stream_lines(path: Path, report: Report) -> Iterator[Record]:
    """JSON Lines read one line at a time: memory stays small whatever the file size."""
    origin = str(path)
    try:
        handle = open_regular(path)  # closed below, also when the caller stops early
    except OSError as exc:
        raise InputError(origin, f"cannot read file: {exc.strerror or exc}") from None
    with handle:
        head = handle.read(4096)
        handle.seek(0)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_order(head):
            text = read_text(path, report, limit=JSON_LIMIT)  # UTF-16 lines: decoded as a whole, bounded
            yield from _parse_lines(enumerate(text.split("\n"), start=1), origin, report)
            return
        yield from _parse_lines(_raw_lines(handle, origin, report), origin, report)


def _raw_lines(handle, origin: str, report: Report) -> Iterator[tuple[int, str]]:
    number = 0
    while True:
        raw = handle.readline(READ_LIMIT + 1)
        if not raw:
            return
        number += 1
        if len(raw) > READ_LIMIT and not raw.endswith(b"\n"):
            while True:  # skip the rest of the overlong line
                more = handle.readline(READ_LIMIT)
                if not more or more.endswith(b"\n"):
                    break
            report.error(origin, f"line longer than {READ_LIMIT // 1024 // 1024} MB; skipped", number)
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = raw.decode("utf-8", errors="replace")
            report.warn(origin, f"not valid UTF-8 at column {exc.start + 1}; bad bytes replaced by U+FFFD", number)
        yield number, text


def _parse_lines(lines: Iterable[tuple[int, str]], origin: str, report: Report) -> Iterator[Record]:
    for number, line in lines:
        if not line.strip():
            continue
        try:
            yield json.loads(line), "", number
        except json.JSONDecodeError as exc:
            report.error(origin, f"not valid JSON ({exc.msg}, column {exc.colno}); line skipped", number)
        except RecursionError:
            report.error(origin, "not valid JSON (nested too deeply); line skipped", number)
        except ValueError as exc:
            report.error(origin, f"not valid JSON ({_short(exc)}); line skipped", number)


def _short(exc: Exception) -> str:
    return str(exc).split(":")[0][:100]


def _first_value_ends_line(text: str) -> bool:
    """True when the first line holds a complete JSON value by itself (JSON Lines content)."""
    first = text.lstrip().split("\n", 1)[0]
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return False
    return True


def _from_value(data: Any, origin: str) -> list[tuple[Any, str, int | None]]:
    if isinstance(data, dict) and not _has_any(data, TEXT_KEYS + ("description",)):
        for key in WRAPPER_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, list):
        if not data:
            raise InputError(origin, "empty JSON list: no articles")
        return [(item, f"item {index}: ", None) for index, item in enumerate(data)]
    if isinstance(data, dict):
        return [(data, "", None)]
    raise InputError(origin, f"expected a JSON object or a list of objects, found {type(data).__name__}")


_HTML_BLOCK = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote)\b[^>]*>", re.IGNORECASE)
_HTML_BREAK = re.compile(r"<(?:br\s*/?|/(?:p|div|h[1-6]|li|blockquote))\s*>", re.IGNORECASE)
_HTML_DROP = re.compile(r"<(script|style|figure|figcaption)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]*>")


def html_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment: block ends and <br> split, other tags dropped."""
    text = _HTML_BREAK.sub("\n\n", _HTML_DROP.sub(" ", fragment))
    text = html.unescape(_HTML_TAG.sub("", text))
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def _has_any(record: dict[str, Any], keys: tuple[str, ...]) -> bool:
    return any(record.get(k) not in (None, "", []) for k in keys)


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, "", [], {}):
            return value
    return None


def _string(value: Any) -> str | None:
    if isinstance(value, dict):  # {"name": "Reuters"} (schema.org style)
        value = value.get("name") or value.get("title")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _strings(value: Any) -> list[str]:
    if isinstance(value, list):
        return [s for s in (_string(v) for v in value[:100]) if s]
    if isinstance(value, str):
        return [t.strip() for t in value.split(",") if t.strip()]
    single = _string(value)
    return [single] if single else []


def _article(
    record: Any, where: str, line: int | None, path: Path, options: ReadOptions, report: Report
) -> Article:
    origin = str(path)
    if not isinstance(record, dict):
        raise InputError(
            origin, f"{where}expected an object with title and text, found {type(record).__name__}", line
        )
    body = _first(record, TEXT_KEYS)
    if body is None:
        body = _first(record, ("description", "summary", "lead"))
    cut = False
    if isinstance(body, str):
        body, cut = cut_body(body)
    if isinstance(body, list):
        paragraphs = [p for p in (_string(v) for v in body) if p]
    elif isinstance(body, str) and _HTML_BLOCK.search(body):
        paragraphs = html_paragraphs(body)  # WordPress / RSS content:encoded style bodies
    elif isinstance(body, str):
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        # JSON bodies (news-please maintext) put one paragraph per line; only text with blank
        # lines between paragraphs may also be hard-wrapped.
        paragraphs = split_plain(body) if "\n\n" in body.strip() else body.split("\n")
    else:
        raise InputError(origin, f"{where}no article text (text, maintext, body or content)", line)
    raw_date = _first(record, DATE_KEYS)
    published = parse_date(raw_date, options.timezone) if raw_date is not None else None
    if raw_date is not None and published is None:
        shown = str(raw_date)[:40]
        report.warn(origin, f"{where}date {shown!r} {NOT_A_DATE}; ignoring it", line)
    meta = Meta(
        title=_string(_first(record, TITLE_KEYS)),
        published=published,
        source=_string(_first(record, SOURCE_KEYS)),
        url=_string(_first(record, URL_KEYS)),
        author=", ".join(_strings(_first(record, AUTHOR_KEYS))) or None,
        tags=tuple(_strings(_first(record, TAG_KEYS))),
        cut_text=cut,
    )
    return make_article(
        paragraphs=paragraphs, meta=meta, path=path, options=options, report=report, where=where, line=line
    )
