"""The build pipeline in one place: read → extract (cached) → assemble → render → write.

What a build keeps between runs (the caches, the fingerprints, the page graph, the search
state) is ``digest.incremental``'s; this module only runs the stages in order.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from digest.briefing import assemble
from digest.cache import ExtractionCache
from digest.config import Config
from digest.edition import edit_site
from digest.errors import DigestError, Report
from digest.extract import extract_articles
from digest.incremental import CACHE_FILE, SiteSummary, Workers, open_state, read_options, today_in
from digest.ingest import read_article
from digest.render.output import SiteWriter
from digest.render.site import render_site


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


def check_output(output: Path, config: Config) -> Path:
    """The output folder may not be, contain or sit inside the content folder or the site root."""
    output, content = output.resolve(), config.content_path
    if output in (content, config.root.resolve()) or output in content.parents or content in output.parents:
        raise DigestError(f"{output}: the output folder may not equal, contain or be inside the content folder")
    if output == config.cache_path or output in config.cache_path.parents:
        raise DigestError(f"{output}: the output folder may not equal or contain the cache folder")
    return output


def build_site(config: Config, output: Path | None = None, today: date | None = None, clean: bool = False,
               progress: Progress | None = None, report: Report | None = None,
               early_workers: bool = False, executor: Executor | None = None,
               allow_empty: bool = False) -> BuildResult:
    """Build the whole site from config.content_dir into ``output`` (default config.output_dir).

    Extraction runs on ``executor`` (any ``concurrent.futures.Executor``, e.g. a Dask client's)
    if given, else on the dask cluster of ``config.scheduler``, else on local processes: with
    ``early_workers`` (the CLI, where one process makes one build) they start loading spaCy as
    soon as the read cache lacks enough content files to be worth them (a few new files are
    extracted in this process: ``extract.parallel_min_articles``), while the rest is read; a long-lived
    caller (``digest serve``, tests) leaves it off, and small jobs are parsed in-process, where
    the pipeline stays loaded between builds. A build that finds no articles does not replace
    a site that has some unless ``allow_empty`` (DigestError).
    """
    started = time.perf_counter()
    output = check_output(output or config.output_path, config)
    progress, report = progress or Progress(), report or Report()
    today = today or today_in(config)
    result = BuildResult(output=output, report=report)
    with open_state(config, output, today, clean, report) as state:
        with Workers(config, early_workers, executor) as workers:
            articles = state.read(workers)
            progress.start("Extracting quotes and meetings", len({a.id for a in articles}))
            extracted = state.extract(articles, workers, on_progress=progress.advance)
        kept = state.kept_site(articles, extracted.results)
        if kept is None:
            site = edit_site(assemble(articles, extracted.results, config, today, day_key_quotes=False), config,
                             state.edits)
            kept = SiteSummary(len(site.entries), len(site.briefings))
            progress.start("Rendering pages", None)
            with state.rendering(kept) as (pages, search_index), \
                    SiteWriter(output, articles=kept.articles, allow_empty=allow_empty,
                               live_files=state.live_files) as writer:
                result.files = render_site(site, config, writer, on_page=progress.advance, report=report,
                                           reuse=pages, search_index=search_index, compiled=state.templates)
            result.pages_reused = pages.reused
        result.articles, result.days = kept.articles, kept.days
    result.parsed, result.cached, result.files_reused = extracted.parsed, extracted.cached, state.reader.hits
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
