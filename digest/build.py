"""The build pipeline in one place: read → extract (cached) → assemble → render → write."""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import Executor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from digest import __version__
from digest.briefing import assemble
from digest.cache import ExtractionCache, articles_from_json, articles_to_json, code_version, models_version
from digest.config import Config
from digest.edition import edit_site
from digest.errors import DigestError, Report
from digest.extract import EarlyWorkers, extract_articles
from digest.ingest import ReadOptions, read_article
from digest.lock import held_lock
from digest.models import Article, Extraction
from digest.render.output import MARKER, SiteWriter, remove_tree
from digest.render.reuse import Digests, PageReuse
from digest.render.search import SearchIndex
from digest.render.site import render_site

CACHE_FILE = "cache.sqlite"
LOCK_FILE = "build.lock"


class Progress:
    """Progress hooks for long stages; the CLI shows them with Rich, the library ignores them."""

    def start(self, stage: str, total: int | None) -> None:  # noqa: B027 - optional hook
        pass

    def advance(self, n: int = 1) -> None:  # noqa: B027 - optional hook
        pass


@dataclass
class BuildResult:
    output: Path
    articles: int = 0
    days: int = 0
    files: int = 0
    parsed: int = 0
    cached: int = 0
    files_reused: int = 0  # content files taken from the cache instead of being read
    pages_reused: int = 0  # pages linked from the previous build instead of rendered
    seconds: float = 0.0
    report: Report = field(default_factory=Report)

    @property
    def failed(self) -> bool:
        """Nothing was built and something went wrong: every article failed, or no content could be read."""
        return self.articles == 0 and bool(self.report.errors)


def build_lock(cache_dir: Path) -> AbstractContextManager[None]:
    """One build at a time per site: a second concurrent build stops with a clear message."""
    return held_lock(cache_dir / LOCK_FILE, busy="another digest build of this site is running; try again when it ends")


class CachedReader:
    """Reads content files through the cache: an unchanged file is not parsed again.

    The stamp is the file's size and mtime, the reader code's version, the shape of the objects
    (``models.py``) and the read options that change the result; a stored row that cannot be
    read back is a miss (the file is read again), never a lost article. Articles dated by the
    build date are never cached (their date depends on the day of the build), nor files that
    gave errors (so they are reported again).
    """

    def __init__(self, cache: ExtractionCache, options: ReadOptions, on_miss: Callable[[], None] | None = None):
        self.cache, self.on_miss = cache, on_miss
        self.version = f"{code_version('ingest')}|{models_version()}|{options.timezone}|{options.default_date}"
        self.fresh: list[tuple[str, str, str]] = []
        self.hits = 0
        self._stamps: dict[Path, tuple[str, str]] = {}  # path -> (key, stamp), taken by prepare()

    @staticmethod
    def real_path(path: Path) -> tuple[Path, os.stat_result]:
        """The file's real path and its status, for a file ``prepare`` was not given."""
        return path.resolve(), path.stat()

    def _key_and_stamp(self, real: Path, stat: os.stat_result) -> tuple[str, str]:
        key = os.fsencode(real).decode("utf-8", "backslashreplace")  # any file name
        return key, f"{stat.st_size}:{stat.st_mtime_ns}:{self.version}"

    def prepare(self, files: list[tuple[Path, Path]]) -> None:
        """Before reading: stamp every file (given with its real path, as the folder walk found it)
        and, if any is new or changed, call ``on_miss`` at once (one query, nothing read)."""
        stored = self.cache.file_stamps() if self.on_miss else {}
        missed = False
        for path, real in files:
            try:
                key, stamp = self._stamps[path] = self._key_and_stamp(real, os.stat(path))
            except OSError:
                key = stamp = ""
            if self.on_miss and not missed and stored.get(key) != stamp:
                missed = True
                self.on_miss()

    def __call__(self, path: Path, options: ReadOptions, report: Report) -> list[Article]:
        key, stamp = self._stamps.pop(path, None) or self._key_and_stamp(*self.real_path(path))
        cached = articles_from_json(self.cache.get_file(key, stamp))
        if cached is not None:
            articles, warnings = cached
            for message, line in warnings:
                report.warn(str(path), message, line)
            self.hits += 1
            return articles
        local = Report()
        try:
            articles = read_article(path, options, local)
        finally:
            report.problems += local.problems
        if not local.errors and all(a.date_from != "build" for a in articles):
            warnings = [(p.message, p.line) for p in local.warnings]
            self.fresh.append((key, stamp, articles_to_json(articles, warnings)))
        return articles

    def flush(self) -> None:
        if self.fresh:
            self.cache.put_files(self.fresh)
            self.fresh = []


def read_options(config: Config, today: date | None = None, default_date: date | None = None) -> ReadOptions:
    return ReadOptions(timezone=config.tz, default_date=default_date, today=today)


def today_in(config: Config) -> date:
    return datetime.now(config.tz).date()


def check_output(output: Path, config: Config) -> Path:
    """The output folder may not be, contain or sit inside the content folder or the site root."""
    output, content = output.resolve(), config.content_path
    if output in (content, config.root.resolve()) or output in content.parents or content in output.parents:
        raise DigestError(f"{output}: the output folder may not equal, contain or be inside the content folder")
    if output == config.cache_path or output in config.cache_path.parents:
        raise DigestError(f"{output}: the output folder may not equal or contain the cache folder")
    SiteWriter.check_replaceable(output)  # refuse a folder digest did not make before doing any work
    return output


def recover_output(output: Path, report: Report) -> None:
    """Tidy up after a build that was killed: drop its temporary folders, restore a swapped-out site.

    Called under the build lock, so no other build owns these folders.
    """
    for leftover in sorted(output.parent.glob(f".{output.name}.old-*")):
        if not output.exists():
            os.replace(leftover, output)
            report.warn(str(output), "restored the previous site left by an interrupted build")
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in output.parent.glob(f".{output.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in output.parent.glob(f".{output.name}.trash-*"):  # a replaced site whose removal was cut short
        remove_tree(leftover, background=True)


FINGERPRINT_FILE = "site.fingerprint"
PAGES_FILE = "pages.json"
SEARCH_FILE = "search.json"


def site_fingerprint(articles: list[Article], extractions: dict[str, Extraction], config: Config,
                     today: date, output: Path, digests: Digests | None = None) -> str:
    """Everything a build's output depends on: the articles (every field), their extractions,
    the configuration, the reference day, the theme's files and digest's own code.

    Articles and extractions are digested as page contexts are (every dataclass field, by value);
    pass the build's ``digests`` to share them with page reuse.
    """
    from digest.render.templating import theme_digest, theme_folders

    h = hashlib.sha256()
    for part in (__version__, code_version("."), code_version("render"), code_version("ingest"),
                 repr(config), today.isoformat(), str(output)):
        h.update(part.encode() + b"\0")
    h.update(theme_digest(theme_folders(config)))
    digests = digests or Digests()
    for article in articles:
        h.update(digests.of(article) + digests.of(extractions[article.id]))
    return h.hexdigest()


def unchanged_since_last_build(fingerprint: str, output: Path, cache_dir: Path) -> bool:
    """The last build of ``output`` had the same fingerprint and its site is still there whole."""
    stored = cache_dir / FINGERPRINT_FILE
    return (output / MARKER).is_file() and stored.is_file() and stored.read_text().strip() == fingerprint


def build_site(config: Config, output: Path | None = None, today: date | None = None, clean: bool = False,
               progress: Progress | None = None, report: Report | None = None,
               early_workers: bool = False, executor: Executor | None = None,
               allow_empty: bool = False) -> BuildResult:
    """Build the whole site from config.content_dir into ``output`` (default config.output_dir).

    With ``early_workers`` (the CLI, where one process makes one build), worker processes
    start loading spaCy at the first content file that is not in the read cache, while the
    rest is read (``EarlyWorkers``). A long-lived caller (``digest serve``, tests) leaves it
    off: small jobs are then parsed in-process, where the pipeline stays loaded between builds.
    ``executor`` (any ``concurrent.futures.Executor``, e.g. a Dask client's) runs the
    extraction batches instead of local processes; nothing else changes. A build that finds
    no articles does not replace a site that has some unless ``allow_empty`` (DigestError).
    """
    started = time.perf_counter()
    output = check_output(output or config.output_path, config)
    progress = progress or Progress()
    report = report or Report()
    today = today or today_in(config)
    result = BuildResult(output=output, report=report)
    from digest.ingest.store import read_content

    with build_lock(config.cache_path):
        recover_output(output, report)
        cache_path = config.cache_path / CACHE_FILE
        if clean and cache_path.exists():
            cache_path.unlink()
        with ExtractionCache(cache_path) as cache, EarlyWorkers(config.pipeline) as workers:
            options = read_options(config, today)
            start_early = early_workers and executor is None
            reader = CachedReader(cache, options, on_miss=workers.start if start_early else None)
            articles = read_content(config.content_path, options, report, read=reader)
            reader.flush()
            progress.start("Extracting quotes and meetings", len({a.id for a in articles}))
            run = extract_articles(articles, config.pipeline, report, cache, on_progress=progress.advance,
                                   executor=executor or (workers if workers.started else None))
            for warning in cache.warnings:
                report.warn(str(cache_path), warning.split(": ", 1)[-1])
        digests = Digests()  # shared by the site fingerprint and page reuse: each object is digested once
        fingerprint = site_fingerprint(articles, run.results, config, today, output, digests)
        site = edit_site(assemble(articles, run.results, config, today), config)
        result.articles, result.days = len(site.entries), len(site.briefings)
        if clean or not unchanged_since_last_build(fingerprint, output, config.cache_path):
            (config.cache_path / FINGERPRINT_FILE).unlink(missing_ok=True)
            reuse = PageReuse(config.cache_path / PAGES_FILE, output, digests)
            search_index = SearchIndex(config.cache_path / SEARCH_FILE, output, config.language)
            if clean:
                reuse.data, search_index.previous = {}, {}
            progress.start("Rendering pages", None)
            gc.freeze()  # the site's objects live until the end: full collections need not scan them again
            try:
                with SiteWriter(output, articles=result.articles, allow_empty=allow_empty) as writer:
                    result.files = render_site(site, config, writer, on_page=progress.advance, report=report,
                                               reuse=reuse, search_index=search_index)
            finally:
                gc.unfreeze()
            reuse.save()
            search_index.save()
            result.pages_reused = reuse.reused
            (config.cache_path / FINGERPRINT_FILE).write_text(fingerprint + "\n")
    result.parsed, result.cached, result.files_reused = run.parsed, run.cached, reader.hits
    result.seconds = time.perf_counter() - started
    return result


def extract_files(paths: list[Path], config: Config, report: Report, use_cache: bool = True,
                  on_progress: Callable[[int], None] | None = None):
    """Read and extract the given files; returns [(article, extraction)] in input order."""
    from digest.errors import InputError

    options = read_options(config)
    articles = []
    for path in paths:
        try:
            articles += read_article(path, options, report)
        except InputError as exc:
            report.add(exc)
    cache = ExtractionCache(config.cache_path / CACHE_FILE) if use_cache else None
    try:
        run = extract_articles(articles, config.pipeline, report, cache, on_progress)
    finally:
        if cache:
            cache.close()
    return [(a, run.results[a.id]) for a in articles]
