"""Article readers: turn saved article files (.txt, .md, .html, .json, .jsonl) into Article objects."""

from __future__ import annotations

import errno
import glob
import os
import stat
from pathlib import Path

from digest.errors import InputError, Report
from digest.ingest.options import ReadOptions
from digest.models import Article

__all__ = ["SUPPORTED_SUFFIXES", "ReadOptions", "find_inputs", "find_real_inputs", "read_article"]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}
)


NO_ARTICLE_FILES = "no article files in this folder"


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _hidden_name(name: str) -> bool:
    return name.startswith(".") or name.endswith("~")


def _walk(folder: Path, skipped: list[tuple[str, str]]) -> list[tuple[Path, Path]]:
    """Supported, visible files under ``folder``, sorted, each with its real path.

    Links to folders are not followed, so a file that is not itself a link lies, under its
    real name, in the real folder: only links pay for a ``resolve``. A folder that cannot be
    read, a link loop and a supported name that is no regular file (a FIFO, a socket, a
    device) go to ``skipped`` as (path, reason); nothing ever opens them.
    """
    found: list[tuple[Path, Path]] = []
    _scan(folder, folder.resolve(), found, skipped)
    found.sort(key=lambda pair: pair[0].parts)  # Path order, compared in C
    return found


def _scan(folder: Path, real: Path, found: list[tuple[Path, Path]], skipped: list[tuple[str, str]]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        skipped.append((str(folder), f"cannot read this folder ({exc.strerror or exc}); its files are not read"))
        return
    for entry in entries:
        name = entry.name
        if _hidden_name(name):
            continue
        if _is_folder(entry):
            _scan(folder / name, real / name, found, skipped)
        elif os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
            path = folder / name
            if _is_regular(entry):
                found.append((path, real / name))
            elif (odd := odd_entry(path)) is None:
                found.append((path, path.resolve()))  # a link to a regular file
            elif odd:
                skipped.append((str(path), odd))


def odd_entry(path: Path) -> str | None:
    """Why ``path`` is not read as an article file: a reason, "" for what is skipped without a word
    (a dangling link, a link to a folder), None for a regular file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return ""
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a loop of symbolic links; not read"
        return f"cannot be read ({exc.strerror or exc}); not read"
    if stat.S_ISREG(mode):
        return None
    return "" if stat.S_ISDIR(mode) else "is not a regular file (a FIFO, socket or device); not read"


def _is_regular(entry: os.DirEntry) -> bool:
    """A regular file, not a link (known from the folder listing, mostly without a system call)."""
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _is_folder(entry: os.DirEntry) -> bool:
    """A real folder, not a link to one (links to folders are not followed)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def find_inputs(patterns: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files, folders (recursively, supported suffixes only, sorted) and globs.

    Second item: (pattern or path, reason) for each pattern that matched nothing and each
    entry that cannot be read (see :func:`find_real_inputs`).
    """
    found, messages = find_real_inputs(patterns)
    return [path for path, _ in found], messages


def find_real_inputs(patterns: list[str]) -> tuple[list[tuple[Path, Path]], list[tuple[str, str]]]:
    """:func:`find_inputs`, each file with its real path (links resolved): a file reached twice
    (through a link, or by two patterns) is listed once, where it is first found.

    Second item: (pattern or path, reason) for a pattern that matches nothing, a folder that
    cannot be read, a link loop, a FIFO or other file that is not a regular file."""
    paths: list[tuple[Path, Path]] = []
    messages: list[tuple[str, str]] = []
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
        odd = odd_entry(path) if _supported(path) else None
        if odd:
            messages.append((pattern, odd))
            continue
        if path.is_file():
            if _supported(path):
                add(path)
            else:
                kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
                messages.append((pattern, f"unsupported file type (supported: {kinds})"))
            continue
        if path.is_dir():
            skipped: list[tuple[str, str]] = []
            files = _walk(path, skipped)
            for file, real in files:
                add(file, real)
            messages += sorted(skipped)
            if not files and not skipped:
                messages.append((pattern, NO_ARTICLE_FILES))
            continue
        if glob.has_magic(pattern):
            count = 0
            for match in sorted(glob.glob(os.path.expanduser(pattern), recursive=True)):
                m = Path(match)
                if m.is_dir():
                    skipped = []
                    count += sum(add(f, real) for f, real in _walk(m, skipped))
                    messages += sorted(skipped)
                elif _supported(m) and (odd := odd_entry(m)) is not None:
                    if odd:
                        messages.append((match, odd))
                elif m.is_file() and _supported(m):
                    count += add(m)
            if not count:
                messages.append((pattern, "no files match"))
            continue
        messages.append((pattern, "no such file or folder"))
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
