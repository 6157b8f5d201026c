"""The `digest` command line: parses arguments and calls the library, nothing more."""

from __future__ import annotations

import json
import os
import re
import signal
import sys
from dataclasses import replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from digest import __version__
from digest.config import CONFIG_NAME, DEFAULT_BASE_URL, Config, load_config, localhost_base_url_warning
from digest.errors import DigestError, Interrupted, Report, raise_interrupted

if TYPE_CHECKING:
    from digest.ingest.options import ReadOptions

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn a folder of saved news articles into a daily briefing website.")
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)
STATE = {"debug": False}

ConfigOption = Annotated[Path | None, typer.Option("--config", "-c", help=f"Path to {CONFIG_NAME}.")]


class Format(str, Enum):
    json = "json"
    table = "table"


def _config(path: Path | None) -> Config:
    return load_config(path) if path else load_config(root=Path.cwd())


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    from digest.ingest.dates import FIRST_YEAR, LAST_YEAR, placeable_day

    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise DigestError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None
    if not placeable_day(day):
        raise DigestError(f"{name}: {value!r} is outside the years {FIRST_YEAR}-{LAST_YEAR} digest can place "
                          "articles in")
    return day


# Control characters (terminal escape sequences, line breaks) and bidirectional-text controls in a
# file name, title or message: shown as escapes, so every message stays one plain line.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def plain(text: object) -> str:
    """``text`` safe to print on a terminal as one line (Rich markup is left to the caller)."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                       str(text))


def _show(report: Report) -> None:
    for problem in report.problems:
        style = "yellow" if problem.level == "warning" else "red"
        where = f"{problem.path}{':' + str(problem.line) if problem.line else ''}"
        err.print(Text(problem.level, style=style) + Text(f": {plain(where)}: {plain(problem.message)}"),
                  soft_wrap=True, highlight=False)


class RichProgress:
    """Build progress as a Rich bar on stderr (hidden when stderr is not a terminal)."""

    def __init__(self) -> None:
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
        self.task = None

    def start(self, stage: str, total: int | None) -> None:
        if self.task is not None:
            self.bar.update(self.task, visible=False)
        self.task = self.bar.add_task(stage, total=total)

    def advance(self, n: int = 1) -> None:
        if self.task is not None:
            self.bar.advance(self.task, n)

    def __enter__(self) -> RichProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.stop()


def _version(value: bool) -> None:
    if value:
        out.print(f"digest {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version.")] = False,
) -> None:
    STATE["debug"] = debug


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Folder for the new site.")] = Path("."),
    title: Annotated[str, typer.Option(help="Site title.")] = "Daily Briefing",
    base_url: Annotated[str, typer.Option(help="Where the site will be published.")] = DEFAULT_BASE_URL,
) -> None:
    """Create a new site: digest.toml, content/ and the GitHub Pages workflow."""
    from digest.scaffold import init_site

    for path in init_site(folder, title, base_url):
        out.print(f"created {plain(path)}", markup=False)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs of saved articles.")],
    date_: Annotated[str | None, typer.Option("--date", help="Publication date when the file has none.")] = None,
    config_path: ConfigOption = None,
) -> None:
    """Read saved articles (.txt .md .html .json .jsonl) into content/YYYY/MM/DD/<slug>.md."""
    from digest.incremental import read_options
    from digest.ingest import find_inputs
    from digest.ingest.store import ingest_lock

    config = _config(config_path)
    report = Report()
    files, unmatched = find_inputs(paths)
    for where, reason in unmatched:
        report.error(where, reason)
    # no limit on articles per file: ingest is how a big JSON Lines dump becomes one file per article
    options = replace(read_options(config, default_date=_day(date_, "--date")), max_records=None)
    with ingest_lock(config.content_path, waiting=lambda: err.print(
            f"waiting for another digest ingest or fetch into {plain(str(config.content_path))} to end…",
            markup=False)):  # two at once would store duplicates
        added, unchanged = _ingest_files(files, config, options, report)
    _show(report)
    out.print(f"{added} added, {unchanged} unchanged, {len(report.errors)} failed")
    if report.errors:
        raise typer.Exit(1)


def _ingest_files(files: list[Path], config: Config, options: ReadOptions, report: Report) -> tuple[int, int]:
    from digest.errors import InputError
    from digest.ingest import read_article
    from digest.ingest.store import known_articles, store_article

    known = known_articles(config.content_path)
    added = unchanged = 0
    for path in files:
        try:
            articles = read_article(path, options, report)
        except InputError as exc:
            report.add(exc)
            continue
        for article in articles:
            try:
                stored = store_article(article, config.content_path, known)
            except (InputError, OSError) as exc:
                report.error(str(path), getattr(exc, "message", None) or f"cannot store: {exc}")
                continue
            rel = stored.path.relative_to(config.root) if stored.path.is_relative_to(config.root) else stored.path
            if stored.created:
                added += 1
                out.print(f"added {plain(rel)}", markup=False)
            else:
                unchanged += 1
                out.print(f"unchanged {plain(rel)} (already ingested)", markup=False)
    return added, unchanged


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs of saved articles.")],
    format_: Annotated[Format, typer.Option("--format", "-f", help="json (the contract) or table.")] = Format.table,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the cache.")] = False,
    config_path: ConfigOption = None,
) -> None:
    """Print the quotes and meetings found in each article."""
    from digest.build import extract_files
    from digest.extract import contract_record
    from digest.ingest import find_inputs

    config = _config(config_path)
    report = Report()
    files, unmatched = find_inputs(paths)
    for where, reason in unmatched:
        report.error(where, reason)
    results = extract_files(files, config, report, use_cache=not no_cache)
    records = [contract_record(a, e) for a, e in results]
    if format_ is Format.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    else:
        for record in records:
            _print_tables(record)
    _show(report)
    if report.errors:
        raise typer.Exit(1)


def _cell(value: object) -> str:
    """Text from an article for a Rich table: markup escaped, control characters shown as escapes."""
    return escape(plain(value))


def _print_tables(record: dict) -> None:
    out.rule(_cell(f"{record['title']} ({record['published']})"))
    quotes = Table("speaker", "role", "quote", "partial", "key", title="quotes", expand=True)
    for q in record["quotes"]:
        quotes.add_row(_cell(q["speaker"] or "-"), _cell(q["role"] or ""), _cell(q["text"]),
                       "yes" if q["partial"] else "", "yes" if q["key"] else "")
    meetings = Table("status", "start", "place", "title", "participants", title="meetings", expand=True)
    for m in record["meetings"]:
        meetings.add_row(m["status"], m["start"] or "-", _cell(m["place"] or "-"), _cell(m["title"]),
                         _cell(", ".join(m["participants"])))
    out.print(quotes)
    out.print(meetings)


@app.command()
def build(
    output: Annotated[Path | None, typer.Option(help="Output folder (default: output_dir of the config).")] = None,
    base_url: Annotated[str | None, typer.Option(help="Absolute URL the site is published at.")] = None,
    today: Annotated[str | None, typer.Option(help="Reference date for upcoming meetings (YYYY-MM-DD).")] = None,
    clean: Annotated[bool, typer.Option(help="Ignore the extraction cache and extract everything again.")] = False,
    strict: Annotated[bool, typer.Option(help="Fail the build on any warning (for CI).")] = False,
    allow_empty: Annotated[bool, typer.Option(help="Publish a site of no articles even over one that has some.")]
    = False,
    scheduler: Annotated[str | None, typer.Option(
        help='Run extraction on the dask.distributed cluster at this scheduler (tcp://HOST:PORT; '
             'pip install "digest[dask]").')] = None,
    config_path: ConfigOption = None,
) -> None:
    """Build the static site from content/ into site/."""
    from digest.build import build_site

    config = _config(config_path).with_overrides(base_url=base_url, scheduler=scheduler)
    report = Report()
    localhost = localhost_base_url_warning(config, strict, os.environ)
    if localhost:
        report.warn(str(config.root / CONFIG_NAME), localhost)
    try:
        with RichProgress() as progress:
            result = build_site(config, output=output, today=_day(today, "--today"), clean=clean, progress=progress,
                                early_workers=True, report=report, allow_empty=allow_empty)
    finally:
        _show(report)  # also when the build stops: the lines before say why
    files = f"{result.files} files" if result.files else "nothing changed, site kept as it was"
    out.print(f"built {plain(result.output)}: {result.articles} articles, {result.days} days, {files} "
              f"({result.parsed} extracted, {result.cached} from cache) in {result.seconds:.1f}s", markup=False)
    if result.failed:
        err.print("error: no article could be built", markup=False)
        raise typer.Exit(1)
    if result.report.errors and strict:
        raise typer.Exit(1)
    if strict and result.report.warnings:
        err.print(f"--strict: {len(result.report.warnings)} warnings count as failures")
        raise typer.Exit(1)


@app.command()
def serve(
    port: Annotated[int, typer.Option(help="Port to listen on (0: any free port).")] = 8000,
    host: Annotated[str, typer.Option(help="Address to bind; keep the default unless you share.")] = "127.0.0.1",
    today: Annotated[str | None, typer.Option(help="Reference date for upcoming meetings (YYYY-MM-DD).")] = None,
    watch: Annotated[bool, typer.Option(help="Rebuild and reload the browser when content/, templates/ "
                                             "or digest.toml change.")] = True,
    config_path: ConfigOption = None,
) -> None:
    """Build the site into a temporary folder, serve it on localhost and rebuild on changes."""
    from digest.serve import serve as run_server

    config = _config(config_path)
    run_server(config, host=host, port=port, today=_day(today, "--today"), watch=watch,
               say=lambda line: err.print(line, markup=False, highlight=False, soft_wrap=True),
               config_path=config_path.resolve() if config_path else None)


@app.command()
def fetch(
    urls: Annotated[list[str] | None, typer.Argument(help="Single article pages to save (default: every source "
                                                          "in digest.toml).")] = None,
    strict: Annotated[bool, typer.Option(help="Fail the run on any warning.")] = False,
    config_path: ConfigOption = None,
) -> None:
    """Fetch what is new in the sources of digest.toml (or the pages given) into content/YYYY/MM/DD/<slug>.md."""
    from digest.fetch import fetch_pages, fetch_sources

    config = _config(config_path)
    if not urls and not config.sources:  # not an error: the scheduled workflow runs this on every site
        out.print("nothing to fetch: no [[sources]] in digest.toml (add some, or run `digest sources import "
                  "FILE.opml`), and no page URLs given", markup=False)
        return
    with RichProgress() as progress:
        result = fetch_pages(config, urls, progress=progress) if urls else fetch_sources(config, progress=progress)
    for path in result.added:
        out.print(f"added {plain(_relative(path, config))}", markup=False)
    for path in result.unchanged:
        out.print(f"unchanged {plain(_relative(path, config))} (already fetched)", markup=False)
    _show(result.report)
    sources = f"{result.sources} sources read ({result.not_modified} not modified), " if not urls else ""
    out.print(f"{sources}{len(result.added)} added, {len(result.unchanged)} unchanged, "
              f"{len(result.report.warnings)} warnings, {len(result.report.errors)} errors; "
              f"{result.requests} requests ({result.conditional} conditional)", markup=False)
    if result.report.errors:
        raise typer.Exit(1)
    if strict and result.report.warnings:
        err.print(f"--strict: {len(result.report.warnings)} warnings count as failures")
        raise typer.Exit(1)


def _relative(path: Path, config: Config) -> Path:
    return path.relative_to(config.root) if path.is_relative_to(config.root) else path


sources_app = typer.Typer(no_args_is_help=True, help="The feeds and pages `digest fetch` reads.")
app.add_typer(sources_app, name="sources")


@sources_app.command("import")
def sources_import(
    opml: Annotated[Path, typer.Argument(help="An OPML file (a feed reader's export).")],
    config_path: ConfigOption = None,
) -> None:
    """Add the feeds of an OPML file to the sources of digest.toml (feeds already there are left alone)."""
    from digest.config import CONFIG_NAME
    from digest.fetch.sources import import_opml

    report = Report()
    added, known = import_opml(config_path or Path.cwd() / CONFIG_NAME, opml, report)
    for source in added:
        out.print(f"added {plain(source.url)}" + (f" ({plain(source.name)})" if source.name else ""), markup=False)
    _show(report)
    out.print(f"{len(added)} sources added, {known} already listed", markup=False)


@sources_app.command("list")
def sources_list(config_path: ConfigOption = None) -> None:
    """List the sources of digest.toml with what the last fetches found."""
    from digest.fetch.sources import source_statuses

    table = Table("name", "url", "full text", "tags", "status", "added", expand=True)
    for status in source_statuses(_config(config_path)):
        source = status.source
        when = f"{status.checked[:16].replace('T', ' ')} UTC" if status.checked else ""
        state = (f"gone since {status.gone_since}" if status.gone_since else
                 f"failed {when}: {status.problem}" if status.problem else
                 f"read {when}" if when else "not fetched yet")
        if status.moved_to:
            state += f"; moved to {status.moved_to}"
        table.add_row(_cell(source.name or "-"), _cell(source.url), "yes" if source.full_text else "no",
                      _cell(", ".join(source.tags)), _cell(state), str(status.added))
    out.print(table)


STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def main() -> None:
    for signum in STOP_SIGNALS:  # Ctrl-C, a CI runner's or a service manager's stop, a closed terminal
        signal.signal(signum, raise_interrupted)
    try:
        app()
    except Interrupted as exc:
        err.print("interrupted", markup=False)
        sys.exit(128 + exc.signum)
    except DigestError as exc:
        for line in str(exc).splitlines():
            err.print(f"error: {plain(line)}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted", markup=False)
        sys.exit(130)
    except BrokenPipeError:  # `digest extract ... | head`: the reader went away; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - one line unless --debug
        if STATE["debug"]:
            raise
        err.print(f"error: unexpected {type(exc).__name__}: {plain(exc)} (run with --debug for details)",
                  markup=False, highlight=False, soft_wrap=True)
        sys.exit(1)
