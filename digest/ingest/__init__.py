"""Article readers: turn saved article files (.txt, .md, .html, .json, .jsonl) into Article objects."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from digest.errors import InputError, Report
from digest.ingest.options import ReadOptions
from digest.models import Article

__all__ = ["SUPPORTED_SUFFIXES", "ReadOptions", "find_inputs", "find_real_inputs", "read_article"]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}
)


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _hidden_name(name: str) -> bool:
    return name.startswith(".") or name.endswith("~")


def _walk(folder: Path) -> list[tuple[Path, Path]]:
    """Supported, visible files under ``folder``, sorted, each with its real path.

    Links to folders are not followed, so a file that is not itself a link lies, under its
    real name, in the real folder: only links pay for a ``resolve``.
    """
    found: list[tuple[Path, Path]] = []
    _scan(folder, folder.resolve(), found)
    found.sort(key=lambda pair: pair[0].parts)  # Path order, compared in C
    return found


def _scan(folder: Path, real: Path, found: list[tuple[Path, Path]]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:  # unreadable or gone: skipped, as os.walk does
        return
    for entry in entries:
        name = entry.name
        if _hidden_name(name):
            continue
        if _is_folder(entry):
            _scan(folder / name, real / name, found)
        elif os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES and entry.is_file():
            path = folder / name
            found.append((path, path.resolve() if entry.is_symlink() else real / name))


def _is_folder(entry: os.DirEntry) -> bool:
    """A real folder, not a link to one (links to folders are not followed)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def find_inputs(patterns: list[str]) -> tuple[list[Path], list[str]]:
    """Expand files, folders (recursively, supported suffixes only, sorted) and globs.

    Second item: one message per pattern that matched nothing.
    """
    found, messages = find_real_inputs(patterns)
    return [path for path, _ in found], messages


def find_real_inputs(patterns: list[str]) -> tuple[list[tuple[Path, Path]], list[str]]:
    """:func:`find_inputs`, each file with its real path (links resolved): a file reached twice
    (through a link, or by two patterns) is listed once, where it is first found."""
    paths: list[tuple[Path, Path]] = []
    messages: list[str] = []
    seen: set[Path] = set()

    def add(path: Path, real: Path | None = None) -> int:
        key = real or path.resolve()
        if key in seen:
            return 0
        seen.add(key)
        paths.append((path, key))
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
            for file, real in files:
                add(file, real)
            if not files:
                messages.append(f"{pattern}: no article files in this folder")
            continue
        if glob.has_magic(pattern):
            count = 0
            for match in sorted(glob.glob(os.path.expanduser(pattern), recursive=True)):
                m = Path(match)
                if m.is_dir():
                    count += sum(add(f, real) for f, real in _walk(m))
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
