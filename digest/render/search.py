"""Client-side full-text search: Pagefind indexes the finished site before it is swapped in.

Pagefind (``pagefind[extended]`` on PyPI) ships its binary inside the wheel and runs
offline. It indexes the elements marked ``data-pagefind-body`` (article pages and speaker
pages: the articles, their quotes and the speakers) and writes ``pagefind/`` into the site;
the theme's ``static/search.js`` loads it only on the search page, so every other page
works, and reads, without JavaScript. Where search is off or Pagefind is missing, the build
warns and goes on without the search page's index.

Indexing a site of thousands of pages takes seconds, so a rebuild that changed a few pages
does not index everything again (``SearchIndex``): the previous site's index stays as the
*base* and only the pages that differ from it are indexed into a small *delta* index,
which the search page merges in (Pagefind's ``mergeIndex``), hiding the base's results for
pages that changed or went away. When the changes since the base pass a tenth of the
pages, the next build indexes the whole site again and the delta starts empty.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

OUTPUT_SUBDIR = "pagefind"
DELTA_SUBDIR = "pagefind-delta"
STATE_PAGE = "search-state.json"  # in the site: tells search.js about the delta index
STATE_VERSION = 1
INDEXED = b"data-pagefind-body"  # Pagefind indexes only the pages that carry this attribute
REINDEX_SHARE, REINDEX_MIN = 0.1, 50  # changed pages after which the whole site is indexed again
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


def build_index(site_dir: Path, language: str = "en", output: Path | None = None) -> str | None:
    """Index ``site_dir`` (into ``output``, default its pagefind/); None on success, else why search is unavailable."""
    executable = pagefind_executable()
    if executable is None:
        return "Pagefind is not installed (pip install 'pagefind[extended]'); the site is built without search"
    output = output or site_dir / OUTPUT_SUBDIR
    command = [str(executable), "--site", str(site_dir), "--output-path", str(output), "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"Pagefind could not run ({exc}); the site is built without search"
    if done.returncode != 0 or not (output / "pagefind.js").is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()
        return f"Pagefind failed ({detail[-1] if detail else f'exit {done.returncode}'}); " \
               "the site is built without search"
    return None


def page_url(relpath: str) -> str:
    """The URL Pagefind records for a page: articles/x/index.html → /articles/x/."""
    return "/" + (relpath[: -len("index.html")] if relpath.endswith("index.html") else relpath)


def indexed_pages(site_dir: Path, known: dict[str, list] | None = None) -> tuple[dict[str, str], dict[str, list]]:
    """Every page Pagefind indexes (site-relative path → digest of its bytes), and what was learnt
    about every HTML file (path → [inode, mtime, size, digest or None]).

    A page linked unchanged from the previous build keeps its inode, mtime and size: its
    digest is taken from ``known`` (the previous build's files) instead of reading it again.
    """
    pages, files = {}, {}
    known = known or {}
    for folder, _, names in os.walk(site_dir):
        prefix = Path(folder).relative_to(site_dir).as_posix()
        for name in names:
            if not name.endswith(".html"):
                continue
            relpath = name if prefix == "." else f"{prefix}/{name}"
            stat = os.stat(os.path.join(folder, name))
            identity = [stat.st_ino, stat.st_mtime_ns, stat.st_size]
            old = known.get(relpath)
            if isinstance(old, list) and len(old) == 4 and old[:3] == identity:
                digest = old[3]
            else:
                data = Path(folder, name).read_bytes()
                digest = hashlib.sha1(data).hexdigest() if INDEXED in data else None
            files[relpath] = [*identity, digest]
            if digest:
                pages[relpath] = digest
    return pages, files


def fragment_ids(bundle: Path) -> dict[str, str]:
    """Page URL → the id Pagefind gives its results, read from the bundle's fragments."""
    ids = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        data = data[data.index(b"{"):]  # after Pagefind's signature
        ids[json.loads(data)["url"]] = fragment.name[: -len(".pf_fragment")]
    return ids


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return None


class SearchIndex:
    """The search index of one build, made incrementally against the previous site's.

    Open it before the build renders (it drops the state, so a build that dies half-way
    never leaves a state that disagrees with the site), ``build`` it on the finished pages
    in the new site's folder, ``save`` it after the new site is swapped in.
    """

    def __init__(self, state: Path, live_site: Path, language: str = "en"):
        self.state_path, self.live_site, self.language = state, live_site, language
        try:
            self.previous = json.loads(state.read_text())
        except (OSError, ValueError):
            self.previous = {}
        state.unlink(missing_ok=True)
        self.state: dict | None = None
        self.files: dict[str, list] = {}

    def _key(self) -> str:
        executable = pagefind_executable()
        stat = executable.stat() if executable else None
        return f"{STATE_VERSION}|{self.language}|{self.live_site}|{executable}|{stat and stat.st_size}:" \
               f"{stat and stat.st_mtime_ns}"

    def _usable_base(self, key: str) -> dict | None:
        previous = self.previous
        if previous.get("key") != key or not isinstance(previous.get("base"), dict):
            return None
        if _file_digest(self.live_site / OUTPUT_SUBDIR / "pagefind-entry.json") != previous.get("entry"):
            return None  # the live site's index is not the one this state describes
        return previous

    def build(self, site_dir: Path) -> str | None:
        """Index the pages in ``site_dir``; None on success, else why search is unavailable."""
        key = self._key()
        base = self._usable_base(key)
        pages, self.files = indexed_pages(site_dir, base.get("files") if base else None)
        if base is not None:
            changed = sorted(p for p, digest in pages.items() if base["base"].get(p) != digest)
            gone = sorted(set(base["base"]) - set(pages))
            if len(changed) + len(gone) <= max(REINDEX_MIN, REINDEX_SHARE * len(base["base"])):
                return self._build_delta(site_dir, key, base, changed, gone)
        return self._build_full(site_dir, key, pages)

    def _build_full(self, site_dir: Path, key: str, pages: dict[str, str]) -> str | None:
        problem = build_index(site_dir, self.language)
        if problem:
            return problem
        bundle = site_dir / OUTPUT_SUBDIR
        self.state = {"key": key, "entry": _file_digest(bundle / "pagefind-entry.json"), "base": pages,
                      "ids": fragment_ids(bundle), "files": self.files}
        _write_state_page(site_dir, delta=False, hidden=[])
        return None

    def _build_delta(self, site_dir: Path, key: str, base: dict, changed: list[str], gone: list[str]) -> str | None:
        shutil.copytree(self.live_site / OUTPUT_SUBDIR, site_dir / OUTPUT_SUBDIR, copy_function=os.link)  # base kept
        if changed:
            stage = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}-search-", dir=site_dir.parent))
            try:
                for relpath in changed:
                    (stage / relpath).parent.mkdir(parents=True, exist_ok=True)
                    os.link(site_dir / relpath, stage / relpath)
                problem = build_index(stage, self.language, output=site_dir / DELTA_SUBDIR)
            finally:
                shutil.rmtree(stage, ignore_errors=True)
            if problem:
                return problem
        ids = base.get("ids", {})
        hidden = sorted(ids[url] for url in (page_url(p) for p in [*changed, *gone]) if url in ids)
        _write_state_page(site_dir, delta=bool(changed), hidden=hidden)
        self.state = {**{k: base[k] for k in ("key", "entry", "base", "ids")}, "files": self.files}
        return None

    def save(self) -> None:
        """Called after the new site is swapped in."""
        if self.state is None:
            return
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.state, separators=(",", ":")))
        os.replace(tmp, self.state_path)


def _write_state_page(site_dir: Path, delta: bool, hidden: list[str]) -> None:
    """What search.js needs: whether to merge the delta index, and the base results to hide."""
    state = {"delta": f"{DELTA_SUBDIR}/" if delta else None, "hidden": hidden}
    (site_dir / STATE_PAGE).write_text(json.dumps(state, separators=(",", ":")))
