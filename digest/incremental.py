"""Build state in one place: what a build keeps between runs and what it says changed.

Everything lives under the cache folder (``.digest/``) and is opened under the build lock
as one ``BuildState``, which hands each stage what it needs:

- **read**: the read cache (``CachedReader``): a content file's articles by its size, mtime
  and the reader's code version, so an unchanged file is not parsed again;
- **extract**: the extraction cache: results by article id, pipeline and the extractor's
  code version; the workers (``Workers``: local processes started early, a dask cluster
  from ``config.scheduler``, or the executor given);
- **edit**: the days edited before (``digest.edits``: a day's stories and key quotes by its
  inputs, and a window's story groups by its texts), so only the days whose window or whose day
  before changed are edited (and clustered) again, and the articles' term bags
  (``digest.term_bags``), so a window clustered again computes only its new articles' terms;
- **render**: the site fingerprint (everything the output depends on; equal to the last
  build's, nothing is rendered), the page graph (``PageReuse``: every output file with
  the inputs it was made from, so only the files whose inputs changed are rendered again)
  and Jinja's compiled templates (by a key of Jinja, Python and the environment's options;
  removed by a clean build);
- **write**: the search state (``SearchIndex``: the live site's index, updated with the
  pages written again) and the live site's files (``LiveFiles``: what a patch of the site
  may drop, without walking it).

One code version (``code_version``) covers digest's own code, split by what each cache
depends on: the reader's, the extractor's and the whole site's.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import shutil
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from digest import __version__
from digest.cache import ExtractionCache, articles_from_json, articles_to_json
from digest.config import Config
from digest.edits import DayEdits, StoryClusters
from digest.errors import Report
from digest.ingest import ReadOptions, read_article
from digest.lock import held_lock
from digest.models import Article, Extraction
from digest.render.output import MARKER, LiveFiles, SiteWriter, remove_tree
from digest.render.patch import roll_back
from digest.render.reuse import Digests, PageReuse
from digest.render.search import SearchIndex
from digest.stories import StoryText
from digest.term_bags import TermBags

PACKAGE = Path(__file__).resolve().parent
CACHE_FILE = "cache.sqlite"
LOCK_FILE = "build.lock"
FINGERPRINT_FILE = "site.fingerprint"
PAGES_FILE = "pages.json"
SEARCH_FILE = "search.json"
SITE_FILES = "site.files.json"
STORIES_FILE = "stories.json"
DAYS_FILE = "days.json"
TERMS_FILE = "terms.sqlite"  # the stories' term bags (digest.term_bags)
TEMPLATES_DIR = "templates"  # Jinja's compiled templates (digest.render.templating.compiled_templates)


# ---- the code version -------------------------------------------------------------------------


@dataclass(frozen=True)
class CodeVersion:
    """Digests of digest's own code, by what each cache depends on."""

    reader: str  # digest/ingest and the objects' shapes (models.py): the read cache
    extractor: str  # digest/nlp, models.py and extract.py: the extraction cache
    site: str  # every module of digest: the pages


def source_digest(*parts: str) -> str:
    """A digest of digest's source files under ``parts`` (sub-packages or modules of the package)."""
    h = hashlib.sha256(__version__.encode() + b"\0")
    for part in parts:
        path = PACKAGE / part
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            h.update(source.relative_to(PACKAGE).as_posix().encode() + b"\0" + source.read_bytes())
    return h.hexdigest()[:16]


@functools.cache
def code_version() -> CodeVersion:
    """The one code version of this process (the sources do not change under a running build)."""
    return CodeVersion(reader=source_digest("ingest", "models.py"),
                       extractor=source_digest("nlp", "models.py", "extract.py"), site=source_digest("."))


# ---- reading ----------------------------------------------------------------------------------


class CachedReader:
    """Reads content files through the cache: an unchanged file is not parsed again.

    The stamp is the file's size and mtime, the reader code's version (which covers the
    objects' shapes) and the read options that change the result; a stored row that cannot
    be read back is a miss (the file is read again), never a lost article. Articles dated by
    the build date are never cached (their date depends on the day of the build), nor files
    that gave errors (so they are reported again).
    """

    def __init__(self, cache: ExtractionCache, options: ReadOptions, on_miss: Callable[[int], None] | None = None):
        self.cache, self.on_miss = cache, on_miss
        self.version = f"{code_version().reader}|{options.timezone}|{options.default_date}"
        self.fresh: list[tuple[str, str, str]] = []
        self.hits = 0
        self.stamps: dict[Path, tuple[str, str]] = {}  # path -> (key, stamp), taken by prepare()
        self.stored: dict[str, str] = {}  # key -> the stored articles of an unchanged file, fetched by prepare()

    @staticmethod
    def real_path(path: Path) -> tuple[Path, os.stat_result]:
        """The file's real path and its status, for a file ``prepare`` was not given."""
        return path.resolve(), path.stat()

    def key_and_stamp(self, real: Path, stat: os.stat_result) -> tuple[str, str]:
        key = os.fsencode(real).decode("utf-8", "backslashreplace")  # any file name
        return key, f"{stat.st_size}:{stat.st_mtime_ns}:{self.version}"

    def prepare(self, files: list[tuple[Path, Path]]) -> None:
        """Before reading: stamp every file (given with its real path, as the folder walk found it),
        fetch what the cache holds for the unchanged ones and, if any is new or changed, call
        ``on_miss`` with how many are (nothing read)."""
        for path, real in files:
            with contextlib.suppress(OSError):
                self.stamps[path] = self.key_and_stamp(real, os.stat(path))
        self.stored = self.cache.get_files(dict(self.stamps.values()))
        missed = sum(1 for key, _ in self.stamps.values() if key not in self.stored)
        if self.on_miss and missed:
            self.on_miss(missed)

    def __call__(self, path: Path, options: ReadOptions, report: Report) -> list[Article]:
        stamped = self.stamps.pop(path, None)
        key, stamp = stamped or self.key_and_stamp(*self.real_path(path))
        cached = articles_from_json(self.stored.pop(key, None) if stamped else self.cache.get_file(key, stamp))
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


# ---- extracting -------------------------------------------------------------------------------


class Workers:
    """Where extraction batches run: the executor given, else the dask cluster of
    ``config.scheduler``, else local worker processes (started early, when ``early`` and the read
    cache lacks enough content files to be worth them; else only for a large job).

    Enough is ``extract.parallel_min_articles()`` files (a file holds one article or more): a
    few new files (the daily article or two) are extracted in this process, which costs no
    more than a worker's start-up, and no worker is spawned or waited for."""

    def __init__(self, config: Config, early: bool = False, executor: Executor | None = None):
        from digest.cluster import ClusterWorkers
        from digest.extract import EarlyWorkers

        self.given = executor
        self.cluster = ClusterWorkers(config.scheduler) if executor is None and config.scheduler else None
        self.local = EarlyWorkers(config.pipeline)
        self.early = early and executor is None and self.cluster is None

    @property
    def on_miss(self) -> Callable[[int], None] | None:
        """What the read cache calls with how many files must be read: start the local workers when
        they are enough to be worth them."""
        return self.start_for if self.early else None

    def start_for(self, files: int) -> None:
        from digest.extract import parallel_min_articles

        if files >= parallel_min_articles():
            self.local.start()

    @property
    def executor(self) -> Executor | None:
        """The executor for this build's batches; None: extract_articles picks local processes by job size."""
        if self.given is not None or self.cluster is not None:
            return self.given or self.cluster
        return self.local if self.local.started else None

    def slots(self) -> int:
        """How many batches the executor runs at once (asked after the first batch is submitted);
        0 when unknown."""
        if self.cluster is not None:
            return self.cluster.slots
        return self.local.slots if self.given is None and self.local.started else 0  # 0: one per local core

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if self.cluster is not None:
            self.cluster.shutdown(wait=exc_type is None)
        self.local.__exit__(exc_type, *exc)


# ---- what changed -----------------------------------------------------------------------------


def site_fingerprint(articles: list[Article], extractions: dict[str, Extraction], config: Config,
                     today: date, output: Path, digests: Digests | None = None, environment: str | None = None) -> str:
    """Everything a build's output depends on: the articles (every field), their extractions,
    the reference day, the output folder and the ``environment`` (digest's code, the theme,
    the configuration: ``site_environment``).

    Articles and extractions are digested as page contexts are (every dataclass field, by value);
    pass the build's ``digests`` to share them with page reuse.
    """
    h = hashlib.sha256()
    for part in (environment or site_environment(config), today.isoformat(), str(output)):
        h.update(part.encode() + b"\0")
    digests = digests or Digests()
    for article in articles:
        h.update(digests.of(article) + digests.of(extractions[article.id]))
    return h.hexdigest()


def site_environment(config: Config) -> str:
    """What every page depends on besides its own inputs: digest's code, the theme's files, the
    configuration (its settings that change the site: ``repr`` leaves the others out) and whether
    the site gets search (Pagefind installed or not)."""
    from digest.render.site import search_enabled
    from digest.render.templating import theme_digest, theme_folders

    h = hashlib.sha256()
    h.update(code_version().site.encode() + b"\0" + repr(config).encode() + b"\0")
    h.update(b"search" if search_enabled(config) else b"no search")  # Pagefind installed or not
    h.update(theme_digest(theme_folders(config)))
    return h.hexdigest()


def build_lock(cache_dir: Path) -> AbstractContextManager[None]:
    """One build at a time per site: a second concurrent build stops with a clear message."""
    return held_lock(cache_dir / LOCK_FILE, busy="another digest build of this site is running; try again when it ends")


def recover_output(output: Path, report: Report) -> None:
    """Tidy up after a build that was killed: drop its temporary folders, restore a swapped-out site.

    Called under the build lock, so no other build owns these folders. A patch of the live site
    that did not finish (a ``.stash-*`` folder) is rolled back first: the site is the old one.
    """
    for stash in sorted(output.parent.glob(f".{output.name}.stash-*")):
        roll_back(output, stash)
        report.warn(str(output), "rolled back the unfinished update of an interrupted build; the previous site is kept")
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


class BuildState:
    """The state of one site's builds, open for one build (``open_state``)."""

    def __init__(self, config: Config, output: Path, today: date, cache: ExtractionCache, clean: bool, report: Report):
        self.config, self.output, self.today, self.cache, self.clean = config, output, today, cache, clean
        self.report = report
        self.read_options = read_options(config, today)
        self.digests = Digests()  # shared by the site fingerprint and page reuse: each object is digested once
        self.environment = site_environment(config)
        self.reader: CachedReader | None = None
        self.articles: list[Article] = []
        # the bags depend on the tokenizer (stories.py), how they are stored (term_bags.py) and the
        # Unicode tables of this Python (what the tokenizer's \w classes and str.lower match and make)
        self.term_bags = TermBags(self.path(TERMS_FILE),
                                  f"{source_digest('stories.py', 'term_bags.py')}|{unicodedata.unidata_version}",
                                  report, clean)
        clusters = StoryClusters(self.path(STORIES_FILE), source_digest("stories.py", "story_gates.py", "edition.py"),
                                 clean, self.term_bags)
        self.edits = DayEdits(self.path(DAYS_FILE), code_version().site, self.digests, clusters, clean)  # edit stage
        self.fingerprint = ""
        self.pages: PageReuse | None = None
        self.search: SearchIndex | None = None
        self.live_files: LiveFiles | None = None
        self.templates = self.path(TEMPLATES_DIR)  # the render stage's compiled templates
        if clean:  # a clean build compiles every template again (and keeps them for the next one)
            shutil.rmtree(self.templates, ignore_errors=True)

    def path(self, name: str) -> Path:
        return self.config.cache_path / name

    def read(self, workers: Workers) -> list[Article]:
        """Every article of the content folder, unchanged files from the read cache."""
        from digest.ingest.store import read_content

        self.reader = CachedReader(self.cache, self.read_options, on_miss=workers.on_miss)
        articles = read_content(self.config.content_path, self.read_options, self.report, read=self.reader,
                                on_found=self.reader.prepare)
        self.reader.flush()
        self.articles = articles
        gc.freeze()  # the articles live until the build ends: full collections need not scan them (open_state)
        return articles

    def extract(self, articles: list[Article], workers: Workers,
                on_progress: Callable[[int], None] | None = None) -> ExtractionStats:
        """Quotes and meetings of every article, unchanged ones from the extraction cache."""
        from digest.extract import extract_articles

        run = extract_articles(articles, self.config.pipeline, self.report, self.cache, on_progress=on_progress,
                               executor=workers.executor, slots=workers.slots)
        for warning in self.cache.warnings:
            self.report.warn(str(self.path(CACHE_FILE)), warning.split(": ", 1)[-1])
        gc.freeze()  # so do the extractions (and a spaCy pipeline loaded for them)
        return ExtractionStats(run.results, run.parsed, run.cached)

    def kept_site(self, articles: list[Article], extractions: dict[str, Extraction]) -> SiteSummary | None:
        """What the live site holds when nothing it depends on changed since the last build, which
        made it (so nothing is assembled, edited or rendered); None when it must be built."""
        self.fingerprint = site_fingerprint(articles, extractions, self.config, self.today, self.output,
                                            self.digests, self.environment)
        if self.clean or not (self.output / MARKER).is_file():
            return None
        try:
            stored, articles_built, days = self.path(FINGERPRINT_FILE).read_text().split()
            return SiteSummary(int(articles_built), int(days)) if stored == self.fingerprint else None
        except (OSError, ValueError):  # none, or one from before it held the counts
            return None

    @contextmanager
    def rendering(self, summary: SiteSummary) -> Iterator[tuple[PageReuse, SearchIndex]]:
        """The page graph and the search state for the render and write stages; saved (with the days
        the edit stage edited) when the block ends without an error (after the new site is
        swapped in), dropped from the start otherwise."""
        self.path(FINGERPRINT_FILE).unlink(missing_ok=True)
        self.pages = PageReuse(self.path(PAGES_FILE), self.output, self.digests, environment=self.environment)
        self.search = SearchIndex(self.path(SEARCH_FILE), self.output, self.config.language)
        self.live_files = LiveFiles(self.path(SITE_FILES), self.output, use=not self.clean)
        if self.clean:
            self.pages.data, self.search.previous = {}, {}
        problems_before = len(self.report.problems)
        gc.freeze()  # so do the site's objects (open_state unfreezes them all)
        yield self.pages, self.search
        try:  # the new site is published: what is saved now only spares the next build work
            self.pages.save()
            self.search.save()
            self.live_files.save()
            self.edits.save()
            self.edits.clusters.save()
            self.term_bags.save(StoryText(a.title, a.paragraphs) for a in self.articles)
            if len(self.report.problems) == problems_before:
                # a site rendered with warnings is not kept as it is: the next build renders (and warns) again
                self.path(FINGERPRINT_FILE).write_text(f"{self.fingerprint} {summary.articles} {summary.days}\n")
        except OSError as exc:
            self.report.warn(str(self.config.cache_path), f"cannot store the build state ({exc.strerror or exc}); "
                             "the site is built, the next build redoes more work (free some space there)")


@dataclass(frozen=True)
class SiteSummary:
    """What a built site holds (kept with its fingerprint, so a site that is kept can be described)."""

    articles: int
    days: int


@dataclass(frozen=True)
class ExtractionStats:
    results: dict[str, Extraction]
    parsed: int  # articles run through spaCy in this build
    cached: int  # articles taken from the extraction cache


@contextmanager
def open_state(config: Config, output: Path, today: date, clean: bool, report: Report) -> Iterator[BuildState]:
    """Take the build lock, tidy up after a killed build, refuse an output folder digest did not
    make (before any work; a killed patch can leave the site without its marker until recovered),
    open the caches (``clean``: start them empty). What the stages froze for the garbage collector
    (``gc.freeze``: objects that live until the build ends) is unfrozen when the state closes, so a
    long-lived caller (``digest serve``) collects it with the rest."""
    with build_lock(config.cache_path), ExitStack() as stack:
        gc.freeze()  # what exists before the build (modules, the caller's objects) outlives it
        stack.callback(gc.unfreeze)
        recover_output(output, report)
        SiteWriter.check_replaceable(output)
        cache_path = config.cache_path / CACHE_FILE
        if clean and cache_path.exists():
            cache_path.unlink()
        cache = stack.enter_context(ExtractionCache(cache_path))
        state = BuildState(config, output, today, cache, clean, report)
        stack.callback(state.term_bags.close)  # saved (and closed) by a build that ends well; closed by any
        yield state
