"""The extraction stage: quotes and meetings for each article, cached.

spaCy is imported only when some article is missing from the cache, so a rebuild of
unchanged content never loads a model.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace

from digest.cache import ExtractionCache
from digest.errors import Report, signals_held
from digest.models import Article, Extraction, Meeting, Quote

BATCH_SIZE = 32  # nlp.pipe batch
WORK_BATCH = 64  # articles per unit of work sent to an executor


def _worker_start_articles(default: int = 100) -> int:
    """DIGEST_WORKER_START_ARTICLES as a whole number of at least 1; anything else (unset, junk, 0
    or less) is the default, rather than failing every build at import."""
    try:
        value = int(os.environ.get("DIGEST_WORKER_START_ARTICLES", "").strip())
    except ValueError:
        return default
    return value if value >= 1 else default


# Articles this process parses in about the time a new worker takes to start (parallel_min_articles);
# DIGEST_WORKER_START_ARTICLES=N sets it (tests use 1 to see worker processes on a handful of articles).
WORKER_START_ARTICLES = _worker_start_articles()
# Parse only the paragraphs that can hold quotes or meetings (DIGEST_PARSE_ALL=1 parses everything).
SELECT_PARAGRAPHS = os.environ.get("DIGEST_PARSE_ALL", "") in ("", "0")
MAX_PARSE_CHARS = 200_000  # characters of one article handed to spaCy (the readers cut articles to this too)
_MARK_RUN = re.compile(r"[^\w\s]{16,}")  # 16+ marks in a row: quote marks, dashes, emoji, combining marks
_LONG_RUN = re.compile(r"\S{200,}")  # a "word" of 200+ characters
_BREAK_EVERY = 100
# a right single quote between two letters is an apostrophe ("O’Donnell", "don’t"): the model,
# trained on straight ones, tags "Brett O’Donnell" as a common noun and an organisation
_CURLY_APOSTROPHE = re.compile(r"(?<=[^\W\d_])\u2019(?=[^\W\d_])")
# a word typed twice ("said said Thomas Lee", "the the"): the parser takes the second for another
# word of the sentence; the words English never doubles are read once
_DOUBLED = re.compile(r"\b(said|says|told|tells|the|of|to|in|and|on|for|at|by|with|from)(\s+)\1\b")


def extractor_version() -> str:
    """A fingerprint of the extraction code and the objects' shapes: any change to digest/nlp, to
    ``models.py`` or to this module (which prepares the text spaCy parses) invalidates cached results."""
    from digest.incremental import code_version

    return f"{code_version().extractor}-{'selected' if SELECT_PARAGRAPHS else 'all'}"


def extract_doc(doc, article: Article) -> Extraction:
    """Run every extractor over one parsed article."""
    from digest.nlp.meetings import extract_meetings
    from digest.nlp.quotes import extract_quotes

    return Extraction(
        article_id=article.id,
        quotes=tuple(extract_quotes(doc)),
        meetings=tuple(extract_meetings(doc, article.day)),
    )


def _map_offsets(extraction: Extraction, selection) -> Extraction:
    """Offsets found in the shortened text, moved to where they are in the article text."""
    to = selection.to_article
    return replace(
        extraction,
        quotes=tuple(replace(q, start=to(q.start), end=to(q.start) + (q.end - q.start)) for q in extraction.quotes),
        meetings=tuple(replace(m, start_char=to(m.start_char), end_char=to(m.start_char) + (m.end_char - m.start_char))
                       for m in extraction.meetings),
    )


def parse_text(text: str) -> str:
    """The text spaCy parses for ``text``: at most MAX_PARSE_CHARS long (cut at a paragraph end)
    and with pathological runs neutralised, every kept character at its own offset.

    spaCy's tokenizer splits prefixes and suffixes off a whitespace-free run one character at a
    time, in time quadratic in the run's length (10,000 quote marks in a row take ~13 s). Runs
    of 16 or more non-word characters become spaces, and a space replaces every 100th character
    of a 200+ character "word". Real prose has neither. A curly apostrophe inside a word is read
    as a straight one ("O’Donnell"), and a word typed twice that English never doubles ("said
    said", "the the") once. Offsets and lengths never change, so quotes and meetings found in the
    result still point into the article text.
    """
    if len(text) > MAX_PARSE_CHARS:
        cut = text.rfind("\n\n", 0, MAX_PARSE_CHARS)
        text = text[: cut if cut > 0 else MAX_PARSE_CHARS]
    text = _MARK_RUN.sub(lambda m: " " * len(m.group()), text)
    text = _CURLY_APOSTROPHE.sub("'", text)
    text = _DOUBLED.sub(lambda m: m.group(1) + m.group(2) + " " * len(m.group(1)), text)
    return _LONG_RUN.sub(lambda m: "".join(" " if i % _BREAK_EVERY == _BREAK_EVERY - 1 else c
                                           for i, c in enumerate(m.group())), text)


def _parse(nlp, texts: list[str], todo: list[int]) -> tuple[dict, dict[int, str]]:
    """Docs for ``texts[i]`` (i in ``todo``), and errors for texts spaCy failed on.

    One text that spaCy cannot handle fails a whole ``nlp.pipe`` batch: then each text is
    parsed alone, so only that article goes without quotes.
    """
    try:
        return dict(zip(todo, nlp.pipe((texts[i] for i in todo), batch_size=BATCH_SIZE), strict=True)), {}
    except Exception:  # noqa: BLE001 - retried one by one below
        docs, errors = {}, {}
        for i in todo:
            try:
                docs[i] = nlp(texts[i])
            except Exception as exc:  # noqa: BLE001 - one article's failure never stops the build
                errors[i] = f"{type(exc).__name__}: {exc}"
        return docs, errors


def _quote_texts(extraction: Extraction, article: Article) -> Extraction:
    """Quote texts taken from the article text (spaCy parsed a copy with neutralised runs)."""
    text = article.text
    return replace(extraction, quotes=tuple(
        replace(q, text=text[q.start : q.end]) if len(text[q.start : q.end]) == len(q.text) else q
        for q in extraction.quotes))


def extract_batch(articles: list[Article], pipeline: str) -> list[tuple[str, Extraction | None, str | None]]:
    """Parse and extract a batch of articles: ``(article id, extraction or None, error or None)``.

    The unit of work of the extraction stage: pure apart from loading the pipeline once per
    process, picklable in and out, so it runs the same in this process, in local worker
    processes or on a distributed engine's workers. Only the paragraphs that can hold a
    quote or a meeting are parsed (digest.nlp.select); an article with none is not parsed.
    """
    from digest.nlp.model import load_pipeline
    from digest.nlp.select import select_text

    selections = [select_text(a.paragraphs) if SELECT_PARAGRAPHS else None for a in articles]
    originals = [s.text if s else a.text for a, s in zip(articles, selections, strict=True)]
    texts = [parse_text(text) for text in originals]
    todo = [i for i, text in enumerate(texts) if text.strip()]
    docs, errors = _parse(load_pipeline(pipeline), texts, todo) if todo else ({}, {})
    out: list[tuple[str, Extraction | None, str | None]] = []
    for i, article in enumerate(articles):
        if i in errors:
            out.append((article.id, None, errors[i]))
            continue
        if i not in docs:
            out.append((article.id, Extraction(article.id), None))
            continue
        try:
            extraction = extract_doc(docs.pop(i), article)
            extraction = _map_offsets(extraction, selections[i]) if selections[i] else extraction
            if texts[i] != originals[i]:
                extraction = _quote_texts(extraction, article)
            out.append((article.id, extraction, None))
        except Exception as exc:  # noqa: BLE001 - one article's failure never stops the build
            out.append((article.id, None, f"{type(exc).__name__}: {exc}"))
    return out


def needs_parsing(article: Article) -> bool:
    """Whether extraction would hand any of the article's text to spaCy."""
    if not SELECT_PARAGRAPHS:
        return bool(article.text.strip())
    from digest.nlp.select import select_paragraphs

    return any(article.paragraphs[i].strip() for i in select_paragraphs(article.paragraphs))


class InlineExecutor(Executor):
    """Runs each batch in this process at submit time (small jobs: no worker start-up cost)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - delivered through the future
            future.set_exception(exc)
        return future


def parallel_min_articles(workers: int | None = None) -> int:
    """Fewest new articles worth starting local worker processes for (``workers``: how many, by
    default one per core); fewer are extracted in this process.

    A worker must be spawned and import spaCy and load the pipeline before its first result, which
    takes about as long as this process takes to parse ``WORKER_START_ARTICLES`` articles (S, in
    article times). ``n`` workers parse N articles in about S + N/n, this process in N (its own
    spaCy load happens either way: the build goes on in it), so the workers win only from
    N = S·n/(n-1): 200 articles on two cores, fewer on more, never on one core.
    """
    workers = workers or os.cpu_count() or 1
    if workers < 2:
        return sys.maxsize
    return -(-WORKER_START_ARTICLES * workers // (workers - 1))


def default_executor(jobs: int, pipeline: str) -> Executor:
    """Local worker processes on every core for large jobs (``parallel_min_articles``), else this process."""
    if jobs < parallel_min_articles():
        return InlineExecutor()
    return EarlyWorkers(pipeline)


def _start_worker(pipeline: str, parent: int) -> None:
    """Worker start-up: tie the worker's life to its parent's, leave Ctrl-C to the parent (which
    stops its workers), then load the pipeline; a failure to load shows later, with its message,
    in the first batch."""
    from digest.nlp.model import load_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent(parent)
    with contextlib.suppress(Exception):  # extract_batch loads it again and reports why it cannot
        load_pipeline(pipeline)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _exit_with_parent(parent: int) -> None:
    """End this process when ``parent`` ends, however it ends (kill -9 included): on Linux the
    kernel sends SIGKILL (prctl PR_SET_PDEATHSIG); elsewhere a thread watches the parent."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        tied = sys.platform.startswith("linux") and libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        tied = False
    if os.getppid() != parent:  # the parent ended before the tie was made
        os._exit(1)
    if not tied:
        threading.Thread(target=_watch_parent, args=(parent,), name="digest-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker deaf to SIGHUP (the blocked mask is inherited).

    It ignores SIGINT and SIGTERM itself, but a hang-up sent to the whole process group (a
    closed terminal) would kill it, and the workers would then print its tracebacks after
    "interrupted"."""
    from multiprocessing import resource_tracker

    if not hasattr(signal, "SIGHUP") or not hasattr(signal, "pthread_sigmask"):
        resource_tracker.ensure_running()
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP})
    try:
        resource_tracker.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


class EarlyWorkers(Executor):
    """Local worker processes, started before the extraction stage needs them.

    Loading spaCy takes a worker one to two seconds. A build starts these workers as soon as
    it learns that a content file is new or changed (so something may need parsing), and the
    workers load the pipeline while the build goes on reading; a build of unchanged content
    never starts them. One worker starts at once, the others as batches arrive. Workers that
    were started but never given work are stopped at the end without being waited for.

    The workers are this object's to end: leaving the ``with`` block on an exception (a signal
    included) terminates them at once instead of letting their batches finish, and a worker
    whose parent dies (kill -9) ends too.
    """

    def __init__(self, pipeline: str):
        self.pipeline = pipeline
        self.pool: ProcessPoolExecutor | None = None
        self.used = False
        self.submitted: list[Future] = []  # the work given to the workers
        self.slots = 1  # how many batches run at once: sizes the batches in flight
        self._others: set = set()  # child processes that are not ours

    @property
    def started(self) -> bool:
        return self.pool is not None

    def start(self) -> None:
        workers = os.cpu_count() or 1
        if self.pool is not None or workers < 2:
            return
        self._others = set(multiprocessing.active_children())
        _start_resource_tracker()
        self.slots = workers
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_start_worker, initargs=(self.pipeline, os.getpid()))
        self._submit(int)  # starts the first worker now

    def submit(self, fn, /, *args, **kwargs) -> Future:
        if self.pool is None:
            self.start()
        if self.pool is None:  # one core: no workers
            return InlineExecutor().submit(fn, *args, **kwargs)
        self.used = True
        future = self._submit(fn, *args, **kwargs)
        self.submitted.append(future)
        return future

    def _submit(self, fn, /, *args, **kwargs) -> Future:
        """Submit to the pool, which may start a worker: a signal waits until the worker has what it
        needs to start (else it would die reading it, with a traceback) and is ours to end."""
        with signals_held():
            return self.pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if all(future.done() for future in self.submitted):
            # Nothing left to do, but a worker started for the last batches may still be loading a
            # pipeline nobody needs (a second or more): stop it rather than wait.
            self.terminate()
            return
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)

    def terminate(self) -> None:
        """End the workers now (work in progress is dropped) and wait briefly until they are gone."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        ours = [p for p in multiprocessing.active_children() if p not in self._others]
        for process in ours:
            process.terminate()
        for process in ours:
            process.join(timeout=5)
        # the pool's manager thread notices its dead workers and ends; waiting for it here keeps it
        # from closing its wake-up pipe while the interpreter's exit handler writes to it (a "Bad
        # file descriptor" traceback after "interrupted", seen once under load in CI)
        pool.shutdown(wait=not any(p.is_alive() for p in ours), cancel_futures=True)

    def __enter__(self) -> EarlyWorkers:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.shutdown()
        else:
            self.terminate()


def _batches(articles: list[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(articles), size):
        yield articles[i : i + size]


@dataclass
class ExtractionRun:
    results: dict[str, Extraction] = field(default_factory=dict)
    parsed: int = 0  # articles run through spaCy in this run
    cached: int = 0  # articles taken from the cache


def extract_articles(
    articles: list[Article],
    pipeline: str,
    report: Report,
    cache: ExtractionCache | None = None,
    on_progress: Callable[[int], None] | None = None,
    executor: Executor | None = None,
    slots: Callable[[], int] | None = None,
) -> ExtractionRun:
    """Extraction for every article (by id): from the cache where it has it, else parsed now.

    Batches go to ``executor`` (any ``concurrent.futures.Executor``: the default is local
    processes; a Dask ``client.get_executor()`` or another distributed pool works the same).
    At most two batches per slot (how many the executor runs at once, asked once the first
    batch is submitted, when a cluster is reached or local workers start; default: the local
    core count) are in flight and each result goes to the cache as it arrives, so memory does not
    grow with the number of articles.
    """
    from digest.nlp.model import pipeline_id

    key, version = pipeline_id(pipeline), extractor_version()
    unique = list({a.id: a for a in articles}.values())
    keys = {a.id: cache_key(a) for a in unique}
    cached = cache.get_many(list(keys.values()), key, version) if cache else {}
    results = {a.id: cached[keys[a.id]] for a in unique if keys[a.id] in cached}
    if on_progress and results:
        on_progress(len(results))
    todo = [a for a in unique if a.id not in results]
    run = ExtractionRun(results, parsed=len(todo), cached=len(results))
    if len(todo) < parallel_min_articles():  # a few new articles: those with nothing to parse need no worker
        idle = [a for a in todo if not needs_parsing(a)]
        if idle:
            _collect([InlineExecutor().submit(extract_batch, idle, pipeline)], results, {a.id: a.origin for a in idle},
                     report, cache, (keys, key, version), on_progress)
            todo = [a for a in todo if a.id not in results]
    if not todo:
        return run
    origin = {a.id: a.origin for a in todo}
    own = executor is None
    executor = executor or default_executor(len(todo), pipeline)
    in_flight_max = 0
    with executor if own else contextlib.nullcontext():  # our own workers end with the block, however it ends
        pending: set[Future] = set()
        for batch in _batches(todo, WORK_BATCH):
            pending.add(executor.submit(extract_batch, batch, pipeline))
            in_flight_max = in_flight_max or 2 * max(1, (slots() if slots else 0) or os.cpu_count() or 1)
            if len(pending) >= in_flight_max:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                _collect(done, results, origin, report, cache, (keys, key, version), on_progress)
        done, _ = wait(pending)
        _collect(done, results, origin, report, cache, (keys, key, version), on_progress)
    return run


def cache_key(article: Article) -> str:
    """What an extraction is stored under: the article (its title and text) and its day, against
    which its meetings' dates were resolved (a re-dated article is extracted again)."""
    return f"{article.id}@{article.day.isoformat()}"


def _collect(done, results, origin, report, cache, cache_keys, on_progress) -> None:
    fresh = []
    for future in done:
        for article_id, extraction, error in future.result():
            if error:
                report.error(origin[article_id], f"extraction failed ({error}); article kept without quotes")
                extraction = Extraction(article_id=article_id)
            else:
                fresh.append(extraction)
            results[article_id] = extraction
            if on_progress:
                on_progress(1)
    if cache and fresh:
        keys, pipeline, version = cache_keys
        cache.put_many({keys[e.article_id]: e for e in fresh}, pipeline, version)


def quote_record(quote: Quote) -> dict:
    return {"text": quote.text, "speaker": quote.speaker, "role": quote.role,
            "partial": quote.partial, "key": quote.key,
            "attribution": quote.attribution.value if quote.attribution else None}


def meeting_record(meeting: Meeting) -> dict:
    return {"title": meeting.title, "status": meeting.status, "start": meeting.start, "end": meeting.end,
            "place": meeting.place, "participants": list(meeting.participants), "evidence": meeting.evidence,
            "time": meeting.time, "timezone": meeting.timezone}


def contract_record(article: Article, extraction: Extraction) -> dict:
    """One article in the JSON contract of `digest extract --format json` (shared/eval/README.md)."""
    return {
        "path": article.origin,
        "title": article.title,
        "published": article.day.isoformat(),
        "quotes": [quote_record(q) for q in extraction.quotes],
        "meetings": [meeting_record(m) for m in extraction.meetings],
    }
