"""Article readers: turn saved article files (.txt, .md, .html, .json, .jsonl) into Article objects."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from digest.errors import InputError, Report
from digest.ingest.options import ReadOptions
from digest.models import Article

__all__ = ["SUPPORTED_SUFFIXES", "ReadOptions", "find_inputs", "read_article"]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}
)


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = (path.name,)
    return any(part.startswith(".") or part.endswith("~") for part in parts)


def _walk(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath) / name
            if _supported(path) and not _hidden(path, folder) and path.is_file():
                found.append(path)
    return sorted(found)


def find_inputs(patterns: list[str]) -> tuple[list[Path], list[str]]:
    """Expand files, folders (recursively, supported suffixes only, sorted) and globs.

    Second item: one message per pattern that matched nothing.
    """
    paths: list[Path] = []
    messages: list[str] = []
    seen: set[Path] = set()

    def add(path: Path) -> int:
        key = path.resolve()
        if key in seen:
            return 0
        seen.add(key)
        paths.append(path)
        return 1

    for pattern in patterns:
        path = Path(pattern).expanduser()
        if path.is_file():
            if _supported(path):
                add(path)
            else:
                kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
                messages.append(f"{pattern}: unsupported file type (supported: {kinds})")
            continue
        if path.is_dir():
            files = _walk(path)
            for file in files:
                add(file)
            if not files:
                messages.append(f"{pattern}: no article files in this folder")
            continue
        if glob.has_magic(pattern):
            count = 0
            for match in sorted(glob.glob(os.path.expanduser(pattern), recursive=True)):
                m = Path(match)
                if m.is_dir():
                    count += sum(add(f) for f in _walk(m))
                elif m.is_file() and _supported(m):
                    count += add(m)
            if not count:
                messages.append(f"{pattern}: no files match")
            continue
        messages.append(f"{pattern}: no such file or folder")
    return paths, messages


def read_article(path: Path, options: ReadOptions, report: Report) -> list[Article]:
    """Read one file (a .json/.jsonl may hold many articles).

    Raises InputError (naming the file, and line where there is one) for a file that cannot be
    read at all; per-record problems in a multi-article file and soft problems go to ``report``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        from digest.ingest.markdown import read_markdown

        return read_markdown(path, options, report)
    if suffix in (".html", ".htm"):
        from digest.ingest.html import read_html

        return read_html(path, options, report)
    if suffix in (".json", ".jsonl"):
        from digest.ingest.jsonfmt import read_json

        return read_json(path, options, report)
    if suffix == ".txt":
        from digest.ingest.text import read_txt

        return read_txt(path, options, report)
    raise InputError(str(path), f"unsupported file type {suffix or '(no suffix)'!r}")
