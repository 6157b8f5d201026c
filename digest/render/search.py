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

Pagefind holds the whole index of one run in memory (about 80 KB a page, 1.6 GB for the
21,000 pages of the full Reuters corpus), so a large site is indexed in *parts* of a few
thousand pages, one run after another (``SHARD_PAGES``, ``SHARD_BYTES``): the first part is
``pagefind/``, the others ``pagefind-2/``, ``pagefind-3/``…, and the search page merges them
like the delta. Peak memory stays that of one part, whatever the size of the site.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Container
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from digest.render.output import SiteWriter

OUTPUT_SUBDIR = "pagefind"
DELTA_SUBDIR = "pagefind-delta"
STATE_PAGE = "search-state.json"  # in the site: tells search.js about the delta index
STATE_VERSION = 3
INDEXED = b"data-pagefind-body"  # Pagefind indexes only the pages that carry this attribute
REINDEX_SHARE, REINDEX_MIN = 0.1, 50  # changed pages after which the whole site is indexed again
SHARD_PAGES, SHARD_BYTES = 5000, 32 * 2**20  # one Pagefind run: at most this many pages, or bytes of HTML (~450 MB)
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


def indexed_pages(site_dir: Path, written: list[str] | None = None, linked: Container[str] = frozenset(),
                  known: dict[str, list] | None = None) -> tuple[dict[str, str], dict[str, list]]:
    """Every page Pagefind indexes (site-relative path → digest of its bytes), and what was learnt
    about every HTML file (path → [size, digest or None]).

    ``written`` names the site's files (default: every file under ``site_dir``); a page in
    ``linked`` is the previous build's file, unchanged: what ``known`` (the previous build's
    files) says of it is taken instead of reading it again.
    """
    if written is None:
        written = [Path(folder, name).relative_to(site_dir).as_posix()
                   for folder, _, names in os.walk(site_dir) for name in names]
    pages, files = {}, {}
    known = known or {}
    for relpath in dict.fromkeys(written):
        if not relpath.endswith(".html"):
            continue
        old = known.get(relpath) if relpath in linked else None
        if isinstance(old, list) and len(old) == 2:
            files[relpath] = old
        else:
            data = (site_dir / relpath).read_bytes()
            files[relpath] = [len(data), hashlib.sha1(data).hexdigest() if INDEXED in data else None]
        if files[relpath][1]:
            pages[relpath] = files[relpath][1]
    return pages, files


def shard_pages(pages: list[str], files: dict[str, list]) -> list[list[str]]:
    """Split the sorted pages into runs of at most SHARD_PAGES pages and about SHARD_BYTES bytes."""
    shards: list[list[str]] = []
    size = 0
    for relpath in sorted(pages):
        page_size = files[relpath][0]
        if not shards or len(shards[-1]) >= SHARD_PAGES or (shards[-1] and size + page_size > SHARD_BYTES):
            shards.append([])
            size = 0
        shards[-1].append(relpath)
        size += page_size
    return shards


def bundle_dirs(count: int) -> list[str]:
    """The folders of a base index in ``count`` parts: pagefind, pagefind-2, pagefind-3…"""
    return [OUTPUT_SUBDIR] + [f"{OUTPUT_SUBDIR}-{k}" for k in range(2, count + 1)]


def index_parts(site_dir: Path, parts: list[tuple[list[str], Path]], language: str,
                source: Callable[[str], str] | None = None) -> str | None:
    """Index each (pages, output) part of ``site_dir``: Pagefind runs on a folder of hard links to the
    part's pages (each page's file is ``source(relpath)``, default in ``site_dir``), and the next
    part's folder is linked while Pagefind indexes this one.
    None on success, else why search is unavailable."""
    stages = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}-search-", dir=site_dir.parent))

    def stage(k: int) -> Path:
        folder = stages / str(k)
        for relpath in parts[k][0]:
            (folder / relpath).parent.mkdir(parents=True, exist_ok=True)
            os.link(source(relpath) if source else site_dir / relpath, folder / relpath)
        return folder

    try:
        with ThreadPoolExecutor(1) as helper:
            staged = helper.submit(stage, 0)
            for k, (_, output) in enumerate(parts):
                folder = staged.result()
                if k + 1 < len(parts):
                    staged = helper.submit(stage, k + 1)
                problem = build_index(folder, language, output=output)
                if problem:
                    return problem
                helper.submit(shutil.rmtree, folder, ignore_errors=True)
        return None
    finally:
        shutil.rmtree(stages, ignore_errors=True)


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
        bundles = previous.get("bundles")
        if not isinstance(bundles, list) or previous.get("entries") != _entry_digests(self.live_site, bundles):
            return None  # the live site's index is not the one this state describes
        return previous

    def build(self, writer: SiteWriter, linked: Container[str] = frozenset()) -> str | None:
        """Index the pages of the new site ``writer`` holds (``linked``: those kept unchanged from the
        live site, which are read only when the state does not know them); None on success, else why
        search is unavailable."""
        key = self._key()
        base = self._usable_base(key)
        known = base.get("files", {}) if base else {}
        if any(p.endswith(".html") and p not in known for p in writer.kept):
            writer.complete()  # a kept page must be read: the new folder gets the whole site
        pages, self.files = indexed_pages(writer.tmp, writer.written, linked, known)
        if base is not None:
            changed = sorted(p for p, digest in pages.items() if base["base"].get(p) != digest)
            gone = sorted(set(base["base"]) - set(pages))
            if len(changed) + len(gone) <= max(REINDEX_MIN, REINDEX_SHARE * len(base["base"])):
                return self._build_delta(writer, key, base, changed, gone)
        writer.complete()  # Pagefind indexes the whole site in the new folder
        return self._build_full(writer.tmp, key, pages)

    def _build_full(self, site_dir: Path, key: str, pages: dict[str, str]) -> str | None:
        shards = shard_pages(list(pages), self.files)
        bundles = bundle_dirs(len(shards) or 1)
        if len(shards) <= 1:
            problem = build_index(site_dir, self.language)
        else:
            parts = [(shard, site_dir / bundle) for shard, bundle in zip(shards, bundles, strict=True)]
            problem = index_parts(site_dir, parts, self.language)
        if problem:
            return problem
        ids = {}
        for bundle in bundles:
            ids.update(fragment_ids(site_dir / bundle))
        self.state = {"key": key, "bundles": bundles, "entries": _entry_digests(site_dir, bundles), "base": pages,
                      "ids": ids, "files": self.files}
        _write_state_page(site_dir, bundles, delta=False, hidden=[])
        return None

    def _build_delta(self, writer: SiteWriter, key: str, base: dict, changed: list[str],
                     gone: list[str]) -> str | None:
        site_dir = writer.tmp
        for bundle in base["bundles"]:  # the base is kept as it was
            writer.keep_folder(bundle)
        if changed:
            problem = index_parts(site_dir, [(changed, site_dir / DELTA_SUBDIR)], self.language, writer.source)
            if problem:
                return problem
        ids = base.get("ids", {})
        hidden = sorted(ids[url] for url in (page_url(p) for p in [*changed, *gone]) if url in ids)
        _write_state_page(site_dir, base["bundles"], delta=bool(changed), hidden=hidden)
        self.state = {**{k: base[k] for k in ("key", "bundles", "entries", "base", "ids")}, "files": self.files}
        return None

    def save(self) -> None:
        """Called after the new site is swapped in."""
        if self.state is None:
            return
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.state, separators=(",", ":")))
        os.replace(tmp, self.state_path)


def _entry_digests(site: Path, bundles: list[str]) -> list[str | None]:
    return [_file_digest(site / bundle / "pagefind-entry.json") for bundle in bundles]


def _write_state_page(site_dir: Path, bundles: list[str], delta: bool, hidden: list[str]) -> None:
    """What search.js needs: the base's other parts and the delta to merge, and the base results to hide."""
    state = {"parts": [f"{bundle}/" for bundle in bundles[1:]], "delta": f"{DELTA_SUBDIR}/" if delta else None,
             "hidden": hidden}
    (site_dir / STATE_PAGE).write_text(json.dumps(state, separators=(",", ":")))
