"""Plain-text articles: the title on the first non-empty line, the body after it."""

from __future__ import annotations

from pathlib import Path

from digest.errors import InputError, Report
from digest.ingest.article import Meta, make_article
from digest.ingest.clean import clean_line, split_plain
from digest.ingest.decode import read_text
from digest.ingest.options import ReadOptions
from digest.models import Article


def read_txt(path: Path, options: ReadOptions, report: Report) -> list[Article]:
    return [article_from_text(read_text(path), path, options, report)]


def article_from_text(text: str, path: Path, options: ReadOptions, report: Report) -> Article:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.strip():
            title = clean_line(line)
            body = "\n".join(lines[index + 1 :])
            break
    else:  # pragma: no cover - decode_bytes rejects blank files
        raise InputError(str(path), "empty file")
    return make_article(
        paragraphs=split_plain(body), meta=Meta(title=title), path=path, options=options, report=report
    )
