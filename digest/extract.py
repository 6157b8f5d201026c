"""The extraction stage: quotes and meetings for each article, cached.

spaCy is imported only when some article is missing from the cache, so a rebuild of
unchanged content never loads a model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from digest import __version__
from digest.cache import ExtractionCache
from digest.errors import Report
from digest.models import Article, Extraction, Meeting, Quote

_NLP_DIR = Path(__file__).resolve().parent / "nlp"
BATCH_SIZE = 32


def extractor_version() -> str:
    """A fingerprint of the extraction code: any change to digest/nlp invalidates the cache."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(_NLP_DIR.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def extract_doc(doc, article: Article) -> Extraction:
    """Run every extractor over one parsed article."""
    from digest.nlp.meetings import extract_meetings
    from digest.nlp.quotes import extract_quotes

    return Extraction(
        article_id=article.id,
        quotes=tuple(extract_quotes(doc)),
        meetings=tuple(extract_meetings(doc, article.day)),
    )


def _parse(articles: list[Article], pipeline: str) -> Iterable[tuple[Article, object]]:
    from digest.nlp.model import load_pipeline

    nlp = load_pipeline(pipeline)
    docs = nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE)
    return zip(articles, docs, strict=True)


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
) -> ExtractionRun:
    """Extraction for every article (by id): from the cache where it has it, else parsed now."""
    from digest.nlp.model import pipeline_id

    key, version = pipeline_id(pipeline), extractor_version()
    unique = list({a.id: a for a in articles}.values())
    results = cache.get_many([a.id for a in unique], key, version) if cache else {}
    if on_progress and results:
        on_progress(len(results))
    todo = [a for a in unique if a.id not in results]
    run = ExtractionRun(results, parsed=len(todo), cached=len(results))
    fresh: list[Extraction] = []
    for article, doc in _parse(todo, pipeline) if todo else ():
        try:
            extraction = extract_doc(doc, article)
        except Exception as exc:  # noqa: BLE001 - one article's failure never stops the build
            message = f"extraction failed ({type(exc).__name__}: {exc}); article kept without quotes"
            report.error(article.origin, message)
            extraction = Extraction(article_id=article.id)
        else:
            fresh.append(extraction)
        results[article.id] = extraction
        if cache and len(fresh) >= 200:
            cache.put_many(fresh, key, version)
            fresh = []
        if on_progress:
            on_progress(1)
    if cache and fresh:
        cache.put_many(fresh, key, version)
    return run


def quote_record(quote: Quote) -> dict:
    return {"text": quote.text, "speaker": quote.speaker, "role": quote.role,
            "partial": quote.partial, "key": quote.key}


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
