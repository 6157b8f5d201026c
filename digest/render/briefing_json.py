"""Open data: each daily briefing as JSON (``/YYYY/MM/DD/briefing.json``).

The shape is described by ``schemas/briefing.schema.json``. URLs are absolute: ``url`` is
the original article (when the article gave one), ``page`` the article's page on this site.
Deterministic: identical input gives identical bytes.
"""

from __future__ import annotations

import json

from digest.config import Config
from digest.models import AgendaItem, ArticleEntry, Briefing, DayQuote, Source
from digest.render.templating import quote_text

SCHEMA_VERSION = 1


def _original(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None


def _source(entry: ArticleEntry, config: Config) -> dict:
    return {"title": entry.article.title, "outlet": entry.article.source,
            "url": _original(entry.article.url), "page": config.base_url + entry.url}


def _cited(source: Source, entries: dict[str, ArticleEntry], config: Config) -> dict:
    entry = entries.get(source.article_id)
    return {"title": source.title, "outlet": source.source,
            "url": _original(entry.article.url) if entry else None, "page": config.base_url + source.url}


def _quote(dq: DayQuote, entries: dict[str, ArticleEntry], config: Config) -> dict:
    first = _cited(dq.sources[0], entries, config) if dq.sources else None
    return {"text": quote_text(dq.quote.text), "speaker": dq.quote.speaker, "role": dq.quote.role,
            "source_url": (first["url"] or first["page"]) if first else None,
            "sources": [_cited(s, entries, config) for s in dq.sources]}


def _meeting(item: AgendaItem, entries: dict[str, ArticleEntry], config: Config) -> dict:
    m = item.meeting
    return {"uid": item.uid, "title": m.title, "status": m.status, "start": m.start, "end": m.end,
            "time": m.time, "place": m.place, "sources": [_cited(s, entries, config) for s in item.sources]}


def briefing_json(briefing: Briefing, config: Config) -> str:
    """The briefing's stories, key quotes and upcoming meetings as a JSON document."""
    entries = {e.article.id: e for story in briefing.stories for e in story.entries}
    entries.update({e.article.id: e for e in briefing.articles})
    data = {
        "version": SCHEMA_VERSION,
        "date": briefing.day.isoformat(),
        "page": f"{config.base_url}{briefing.day:%Y/%m/%d}/",
        "articles": len(briefing.articles),
        "stories": [{
            "id": story.id, "rank": story.rank, "headline": story.headline, "lead": story.lead,
            "score": story.score,
            "key_quote": _quote(story.key_quote, entries, config) if story.key_quote else None,
            "meetings": [item.uid for item in story.meetings],
            "sources": [_source(e, config) for e in story.entries],
        } for story in briefing.stories],
        "key_quotes": [_quote(dq, entries, config) for dq in briefing.key_quotes],
        "meetings": [_meeting(item, entries, config) for item in briefing.upcoming_meetings],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
