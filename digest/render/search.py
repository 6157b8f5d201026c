"""Client-side full-text search: Pagefind indexes the finished site before it is swapped in.

Pagefind (``pagefind[extended]`` on PyPI) ships its binary inside the wheel and runs
offline. It indexes the elements marked ``data-pagefind-body`` (article pages and speaker
pages: the articles, their quotes and the speakers) and writes ``pagefind/`` into the site;
the theme's ``static/search.js`` loads it only on the search page, so every other page
works, and reads, without JavaScript. Where search is off or Pagefind is missing, the build
warns and goes on without the search page's index.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

OUTPUT_SUBDIR = "pagefind"
TIMEOUT = 300  # seconds; a site of thousands of pages indexes in a few seconds


def pagefind_executable() -> Path | None:
    """The Pagefind binary from the ``pagefind`` wheels, else one on PATH, else None."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        get_executable = None
    if get_executable is not None:
        try:
            found = get_executable()
        except Exception:  # noqa: BLE001 - a broken install is "missing", not a crash
            found = None
        if found is not None and Path(found).is_file():
            return Path(found)
    on_path = shutil.which("pagefind_extended") or shutil.which("pagefind")
    return Path(on_path) if on_path else None


def build_index(site_dir: Path, language: str = "en") -> str | None:
    """Index ``site_dir`` in place; returns None on success, else why search is unavailable."""
    executable = pagefind_executable()
    if executable is None:
        return "Pagefind is not installed (pip install 'pagefind[extended]'); the site is built without search"
    command = [str(executable), "--site", str(site_dir), "--output-subdir", OUTPUT_SUBDIR, "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"Pagefind could not run ({exc}); the site is built without search"
    if done.returncode != 0 or not (site_dir / OUTPUT_SUBDIR / "pagefind.js").is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()
        return f"Pagefind failed ({detail[-1] if detail else f'exit {done.returncode}'}); " \
               "the site is built without search"
    return None
