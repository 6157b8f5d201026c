"""JSON articles: an object, a list of objects, or JSON Lines (``.jsonl``, or a ``.json`` holding lines).

Fields: title/headline, text/maintext/body/content/articleBody, date/date_publish/published...,
url, source/source_domain/sitename, author/authors, tags/keywords, description (used as the text
when there is none). A bad record is reported (file + line for JSON Lines, file + index
otherwise) and the others are kept.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from digest.errors import InputError, Report
from digest.ingest.article import Meta, make_article
from digest.ingest.clean import split_plain
from digest.ingest.dates import parse_date
from digest.ingest.decode import read_text
from digest.ingest.options import ReadOptions
from digest.models import Article

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


def read_json(path: Path, options: ReadOptions, report: Report) -> list[Article]:
    origin = str(path)
    text = read_text(path)
    records = _records(text, path, report)
    if len(records) == 1 and records[0][1] == "" and records[0][2] is None:
        record, where, line = records[0]
        return [_article(record, where, line, path, options, report)]  # one article: errors are fatal
    articles = []
    for record, where, line in records:
        try:
            articles.append(_article(record, where, line, path, options, report))
        except InputError as exc:
            report.add(exc)
    if not articles:
        raise InputError(origin, "no usable article in the file (see the errors above)")
    return articles


def _records(text: str, path: Path, report: Report) -> list[tuple[Any, str, int | None]]:
    """(record, "item N: " prefix or "", line) for each record in the file."""
    origin = str(path)
    as_lines = path.suffix.lower() == ".jsonl"
    if not as_lines:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data" and _first_value_ends_line(text):
                as_lines = True
            else:
                raise InputError(
                    origin, f"not valid JSON ({exc.msg}, column {exc.colno})", exc.lineno
                ) from None
        except RecursionError:
            raise InputError(origin, "not valid JSON (nested too deeply)") from None
        if not as_lines:
            return _from_value(data, origin)
    out: list[tuple[Any, str, int | None]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            out.append((json.loads(line), "", number))
        except json.JSONDecodeError as exc:
            report.error(origin, f"not valid JSON ({exc.msg}, column {exc.colno}); line skipped", number)
        except RecursionError:
            report.error(origin, "not valid JSON (nested too deeply); line skipped", number)
    if not out:
        raise InputError(origin, "no valid JSON lines in the file")
    return out


def _first_value_ends_line(text: str) -> bool:
    """True when the first line holds a complete JSON value by itself (JSON Lines content)."""
    first = text.lstrip().split("\n", 1)[0]
    try:
        json.loads(first)
    except (json.JSONDecodeError, RecursionError):
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
        report.warn(origin, f"{where}date {shown!r} is not a date; ignoring it", line)
    meta = Meta(
        title=_string(_first(record, TITLE_KEYS)),
        published=published,
        source=_string(_first(record, SOURCE_KEYS)),
        url=_string(_first(record, URL_KEYS)),
        author=", ".join(_strings(_first(record, AUTHOR_KEYS))) or None,
        tags=tuple(_strings(_first(record, TAG_KEYS))),
    )
    return make_article(
        paragraphs=paragraphs, meta=meta, path=path, options=options, report=report, where=where, line=line
    )
