"""The content folder: storing read articles as Markdown, finding stored ones, reading it all back.

Layout: ``content/YYYY/MM/DD/<slug>.md`` with YAML front matter (title, date, source, url,
author, tags, id) and the body paragraphs separated by blank lines, escaped so that reading the
file back gives exactly the same text (and so the same id).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import yaml

from digest.errors import DigestError, InputError, Report, writing
from digest.ingest.article import make_slug
from digest.ingest.decode import read_text
from digest.ingest.markdown import escape_paragraph, split_front_matter
from digest.ingest.options import ReadOptions
from digest.lock import held_folder
from digest.models import Article

_ID = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Stored:
    path: Path
    created: bool  # False: the same article (by id) is already in the content folder


def ingest_lock(content_dir: Path, waiting: Callable[[], None] = lambda: None) -> AbstractContextManager[None]:
    """One writer at a time per content folder (`digest ingest` and `digest fetch`; a second one
    waits, after ``waiting`` says so): two at once would both find an article missing and store
    it twice. The lock is on the folder: nothing is written for it."""
    return held_folder(Path(content_dir), waiting)


def render_stored(article: Article) -> str:
    """The Markdown file for ``article``."""
    front: dict[str, object] = {"title": article.title, "date": article.published.isoformat()}
    for key in ("source", "url", "author"):
        value = getattr(article, key)
        if value:
            front[key] = value
    if article.tags:
        front["tags"] = list(article.tags)
    front["id"] = article.id
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**6)
    body = "\n\n".join(escape_paragraph(p) for p in article.paragraphs)
    return f"---\n{header}---\n\n{body}\n"


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def stored_id(path: Path) -> str | None:
    """The id in a stored file's front matter (None if absent or unreadable)."""
    return _stored_fields(path)[0]


def _stored_fields(path: Path) -> tuple[str | None, str | None]:
    """(id, url) from a stored file's front matter, each None if absent or unreadable."""
    try:
        front, _, _ = split_front_matter(read_text(path), str(path), Report())
    except InputError:
        return None, None
    front = front if isinstance(front, dict) else {}
    ident, url = str(front.get("id") or ""), front.get("url")
    return (ident if _ID.fullmatch(ident) else None), (url if isinstance(url, str) and url else None)


def store_article(article: Article, content_dir: Path, known: dict[str, Path] | None = None) -> Stored:
    """Write ``article`` to ``content_dir/YYYY/MM/DD/<slug>.md`` unless it is already stored.

    ``known`` (id -> file, from :func:`known_articles`) is read when not given and updated with
    the new file. A different article with the same slug on the same day gets ``-2``, ``-3``...
    The file is written to a temporary file first and then moved into place, never outside
    ``content_dir``, never over an existing file.
    """
    content_dir = Path(content_dir)
    try:
        with writing(content_dir, "the article"):
            return _store(article, content_dir, known)
    except InputError:
        raise
    except DigestError as exc:  # a full disk, a read-only or foreign folder: said of the content folder
        raise InputError(article.origin, str(exc)) from None


def _store(article: Article, content_dir: Path, known: dict[str, Path] | None) -> Stored:
    if known is None:
        known = known_articles(content_dir)
    existing = known.get(article.id)
    if existing is not None and Path(existing).is_file():
        return Stored(Path(existing), False)

    root = content_dir.resolve()
    day = article.published.date()
    relative = Path(f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}")
    folder = content_dir / relative
    folder.mkdir(parents=True, exist_ok=True)
    if not _inside(folder.resolve(), root):
        raise InputError(str(folder), f"refusing to write outside the content folder {content_dir}")
    slug = make_slug(article.slug or article.title, article.id)
    data = render_stored(article).encode("utf-8")

    for n in count(1):
        target = folder / (f"{slug}.md" if n == 1 else f"{slug}-{n}.md")
        if not _inside(target.resolve().parent, root):
            raise InputError(str(target), f"refusing to write outside the content folder {content_dir}")
        if target.exists() or target.is_symlink():
            if stored_id(target) == article.id:
                known[article.id] = target
                return Stored(target, False)
            continue
        if _write_new(target, data):
            known[article.id] = target
            return Stored(target, True)
    raise AssertionError("unreachable")  # pragma: no cover


def _write_new(target: Path, data: bytes) -> bool:
    """Atomically create ``target`` with ``data``; False if it appeared meanwhile."""
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem[:40]}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, target)  # atomic and never replaces an existing file
        except FileExistsError:
            return False
        except OSError:  # file systems without hard links
            if target.exists():
                return False
            os.replace(tmp, target)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def _markdown_files(content_dir: Path) -> list[Path]:
    from digest.ingest import find_inputs

    paths, _ = find_inputs([str(content_dir)]) if content_dir.is_dir() else ([], [])
    return [p for p in paths if p.suffix.lower() == ".md"]


def known_articles(content_dir: Path) -> dict[str, Path]:
    """id -> file for every Markdown file under ``content_dir`` (from its front matter ``id``;
    files without one are read to compute it)."""
    return index_content(content_dir).ids


@dataclass(frozen=True)
class ContentIndex:
    """What the content folder holds: article id -> file, and article url -> file."""

    ids: dict[str, Path]
    urls: dict[str, Path]


def index_content(content_dir: Path) -> ContentIndex:
    """The ids and urls of every Markdown file under ``content_dir``, in one pass (the front matter;
    a file without an ``id`` is read to compute it)."""
    from digest.ingest import read_article

    index = ContentIndex({}, {})
    options = ReadOptions(timezone=dt.timezone.utc, today=dt.date(2000, 1, 1))
    for path in _markdown_files(Path(content_dir)):
        ident, url = _stored_fields(path)
        if ident is None:
            try:
                found = read_article(path, options, Report())
            except InputError:
                continue
            pairs = [(a.id, a.url) for a in found]
        else:
            pairs = [(ident, url)]
        for ident, url in pairs:
            index.ids.setdefault(ident, path)
            if url:
                index.urls.setdefault(url, path)
    return index


def read_content(content_dir: Path, options: ReadOptions, report: Report, read=None,
                 on_found: Callable[[list[tuple[Path, Path]]], None] | None = None) -> list[Article]:
    """Every article under ``content_dir`` (stored .md files and any other supported file).

    Bad files are reported and skipped; an article found twice (same id) is kept once (first
    file in path order). Sorted by (published, slug). ``read`` replaces ``read_article`` (the
    build passes a cached reader); ``on_found`` is given every file found (with its real path)
    before any is read.
    """
    from digest.ingest import NO_ARTICLE_FILES, find_real_inputs, read_article

    read = read or read_article
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        report.error(str(content_dir), "the content folder is not a folder" if content_dir.exists() else
                     "the content folder does not exist")
        return []
    found, skipped = find_real_inputs([str(content_dir)])
    for where, reason in skipped:  # unreadable folders, link loops, FIFOs: each named, the rest is read
        if reason != NO_ARTICLE_FILES:
            report.error(where, reason)
    if on_found is not None:
        on_found(found)
    inside = str(content_dir.resolve()).rstrip(os.sep) + os.sep  # real paths are absolute: a prefix says it
    seen: set[str] = set()
    articles: list[Article] = []
    for path, real in found:
        if not str(real).startswith(inside):
            report.error(str(path), "is a link to a file outside the content folder; not read")
            continue
        try:
            found = read(path, options, report)
        except InputError as exc:
            report.add(exc)
            continue
        except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the whole build
            report.error(str(path), f"could not read the file (internal error: {type(exc).__name__}: {exc})")
            continue
        for article in found:
            if article.id not in seen:
                seen.add(article.id)
                articles.append(article)
    articles.sort(key=lambda a: (a.published, a.slug))
    return articles
