"""Markdown articles with optional YAML front matter (title, date, source, url, author, tags).

The body is read as text: one paragraph per Markdown block (paragraph, heading, list item,
quote paragraph), inline markup removed. Broken front matter is reported as a warning naming the
file and line and then ignored; the body is still read.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

from digest.errors import Report
from digest.ingest.article import Meta, cut_body, make_article
from digest.ingest.clean import clean_line
from digest.ingest.dates import NOT_A_DATE, parse_date
from digest.ingest.decode import load_text
from digest.ingest.options import ReadOptions
from digest.models import Article

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
FRONT_MATTER_LIMIT = 64 * 1024  # characters of YAML front matter parsed (PyYAML is slow on huge input)


_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when PyYAML has it
    """Safe loader that keeps dates as strings (we parse and validate them ourselves)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_markdown(path: Path, options: ReadOptions, report: Report) -> list[Article]:
    text, cut_from = load_text(path, report)
    return [article_from_markdown(text, path, options, report, cut_from)]


def article_from_markdown(
    text: str, path: Path, options: ReadOptions, report: Report, cut_from: int | None = None
) -> Article:
    origin = str(path)
    front, body, key_lines = split_front_matter(text, origin, report)
    meta = Meta()
    if front is not None:
        meta = meta_from_front_matter(front, key_lines, origin, options, report)
    meta.cut_from = cut_from
    body, meta.cut_text = cut_body(body)  # markdown-it takes ~12 µs a character on a run of "[" …
    blocks = markdown_blocks(body)
    if (
        meta.title
        and blocks
        and blocks[0][0] == "heading"
        and clean_line(blocks[0][1]) == clean_line(meta.title)
    ):
        blocks = blocks[1:]  # the title repeated as the first heading
    if not meta.title and blocks:
        kind, first = blocks[0]
        if kind == "heading" or (front is None and kind == "paragraph" and len(first) <= 200):
            meta.title = first
            blocks = blocks[1:]
    return make_article(
        paragraphs=[b for _, b in blocks], meta=meta, path=path, options=options, report=report
    )


def split_front_matter(
    text: str, origin: str, report: Report
) -> tuple[dict[str, Any] | None, str, dict[str, int]]:
    """(front matter mapping or None, body, key -> file line). Problems become warnings."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, {}
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        report.warn(origin, "front matter is not closed by a '---' line; reading the whole file as text", 1)
        return None, "\n".join(lines[1:]), {}
    source = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    if len(source) > FRONT_MATTER_LIMIT:
        report.warn(origin, f"front matter is {len(source):,} characters, more than {FRONT_MATTER_LIMIT:,}; "
                            "ignoring it", 2)
        return {}, body, {}
    key_lines = {}
    for number, line in enumerate(lines[1:end], start=2):
        m = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if m:
            key_lines.setdefault(m.group(1).lower(), number)
    source = _NOT_YAML.sub("", source)  # characters YAML refuses (control characters, U+FFFE …) go anyway
    try:
        data = yaml.load(source, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 2
        problem = exc.problem or "invalid YAML"
        report.warn(origin, f"front matter is not valid YAML ({problem}); ignoring it", line)
        return {}, body, {}
    except Exception as exc:  # noqa: BLE001 - any YAML failure is a warning, never a crash
        report.warn(origin, f"front matter is not valid YAML ({type(exc).__name__}); ignoring it", 2)
        return {}, body, {}
    if data is None:
        return {}, body, key_lines
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "plain text" if isinstance(data, str) else "a value"
        report.warn(origin, f"front matter is {kind}, not a mapping of fields (title: ...); ignoring it", 2)
        return {}, body, {}
    return {str(k).lower(): v for k, v in data.items()}, body, key_lines


def _scalar(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    return str(value)


def _names(value: Any) -> str | None:
    if isinstance(value, list):
        names = [s for s in (_scalar(v) for v in value[:50]) if s]
        return ", ".join(names) or None
    return _scalar(value)


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(t.strip() for t in value.split(",") if t.strip())
    if isinstance(value, list):
        return tuple(s for s in (_scalar(v) for v in value[:100]) if s)
    return ()


def meta_from_front_matter(
    front: dict[str, Any], key_lines: dict[str, int], origin: str, options: ReadOptions, report: Report
) -> Meta:
    meta = Meta(
        title=_scalar(front.get("title")),
        source=_scalar(front.get("source")),
        url=_scalar(front.get("url")),
        author=_names(front.get("author", front.get("authors"))),
        tags=_tags(front.get("tags")),
    )
    for key in ("title", "source", "url"):
        if key in front and front[key] is not None and _scalar(front[key]) is None:
            report.warn(origin, f"front matter field '{key}' should be text; ignoring it", key_lines.get(key))
    for key in ("date", "published", "pubdate", "date_published"):
        if key in front and front[key] is not None:
            raw = front[key]
            parsed = parse_date(raw if isinstance(raw, (str, int, float)) else None, options.timezone)
            if parsed is None:
                shown = str(raw)[:40] if isinstance(raw, (str, int, float)) else type(raw).__name__
                report.warn(
                    origin, f"front matter {key} {shown!r} {NOT_A_DATE}; ignoring it", key_lines.get(key)
                )
            else:
                meta.published = parsed
            break
    return meta


# ---------------------------------------------------------------------------------------------
# Body


def markdown_blocks(body: str) -> list[tuple[str, str]]:
    """Blocks of a Markdown body as (kind, plain text); kind is heading | paragraph | table | code | html.

    A table row becomes one block, its cells joined by " | ".
    """
    blocks: list[tuple[str, str]] = []
    kind = "paragraph"
    row: list[str] | None = None  # the cells of a table row, joined into one block
    for token in _MD.parse(body):
        if token.type == "heading_open":
            kind = "heading"
        elif token.type == "paragraph_open":
            kind = "paragraph"
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append(("table", " | ".join(cell.strip() for cell in row)))
            row = None
        elif token.type == "inline" and row is not None:
            row.append(_inline_text(token.children or []))
        elif token.type == "inline":
            blocks.append((kind, _inline_text(token.children or [])))
            kind = "paragraph"
        elif token.type in ("fence", "code_block"):
            blocks.append(("code", token.content))
        elif token.type == "html_block":
            text = _strip_html(token.content)
            if text.strip():
                blocks.append(("html", text))
    return blocks


def _inline_text(children: list[Any]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def _strip_html(fragment: str) -> str:
    return html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", fragment)))


# ---------------------------------------------------------------------------------------------
# Writing: escape a plain paragraph so that reading it back as Markdown gives the same text.

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<~|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"[#>+\-=~|:]|\d{1,9}[.)]")


def escape_paragraph(paragraph: str) -> str:
    """Markdown source for a plain-text paragraph (one line, whitespace already collapsed)."""
    text = _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", paragraph))
    m = _BLOCK_START.match(text)
    if m:
        end = m.end()
        text = text[: end - 1] + "\\" + text[end - 1 :]
    return text
