"""Assemble: group articles into daily briefings, rank and merge quotes, build speakers and the agenda.

Pure functions over plain objects; no I/O.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from datetime import date, timedelta

from slugify import slugify

from digest.config import Config
from digest.models import (
    AgendaItem,
    Article,
    ArticleEntry,
    Briefing,
    DayQuote,
    Extraction,
    Meeting,
    Quote,
    Site,
    Source,
    Speaker,
    SpeakerQuote,
    value_range,
)

_WORD = re.compile(r"\w+", re.UNICODE)
_NOT_A_NAME = re.compile(r"^(a|an|the|one|some|two|three|several|he|she|they|it|we|i|you)\b", re.I)


def _words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def unique_slugs(articles: list[Article]) -> list[str]:
    """Site-wide unique slugs, in article order (a later duplicate gets -2, -3 …)."""
    used: set[str] = set()
    slugs = []
    for article in articles:
        base = article.slug or slugify(article.title, max_length=80) or f"article-{article.id[:10]}"
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        slugs.append(slug)
    return slugs


def make_entries(articles: list[Article], extractions: dict[str, Extraction]) -> list[ArticleEntry]:
    ordered = sorted(articles, key=lambda a: (a.published, a.slug, a.id))
    entries = []
    for article, slug in zip(ordered, unique_slugs(ordered), strict=True):
        found = extractions.get(article.id, Extraction(article.id))
        entries.append(ArticleEntry(article, slug, f"articles/{slug}/", found.quotes, found.meetings))
    return entries


def source_of(entry: ArticleEntry) -> Source:
    return Source(entry.article.id, entry.article.title, entry.url, entry.article.source)


def same_quote(a: str, b: str) -> bool:
    """Two reports of one quotation: most words of the shorter appear in the longer."""
    wa, wb = Counter(_words(a)), Counter(_words(b))
    shorter = min(sum(wa.values()), sum(wb.values()))
    return shorter > 0 and sum((wa & wb).values()) / shorter >= 0.8


def merge_quotes(items: list[tuple[Quote, ArticleEntry]]) -> list[DayQuote]:
    """The same quote reported by several articles becomes one entry listing all sources."""
    merged: list[tuple[Quote, list[Source]]] = []
    for quote, entry in items:
        for i, (kept, sources) in enumerate(merged):
            if same_quote(kept.text, quote.text):
                if source_of(entry) not in sources:
                    sources.append(source_of(entry))
                if quote.key_score > kept.key_score:
                    merged[i] = (quote, sources)
                break
        else:
            merged.append((quote, [source_of(entry)]))
    return [DayQuote(q, tuple(s)) for q, s in merged]


def key_quotes(entries: list[ArticleEntry], limit: int) -> list[DayQuote]:
    """The day's key quotes: each article's key quotes, merged across articles, best first."""
    candidates = []
    for entry in entries:
        keys = [q for q in entry.quotes if q.key] or sorted(
            (q for q in entry.quotes if not q.partial), key=lambda q: -q.key_score)[:1]
        candidates += [(q, entry) for q in keys]
    merged = merge_quotes(candidates)
    merged.sort(key=lambda dq: -dq.quote.key_score)
    return merged[:limit]


# ---- speakers -------------------------------------------------------------------------------

def speaker_key(name: str) -> str:
    return " ".join(_words(name))


def is_named(speaker: str | None) -> bool:
    """A proper name (or organisation), not a descriptor such as "a Citicorp spokesman"."""
    return bool(speaker) and speaker[0].isupper() and not _NOT_A_NAME.match(speaker)


def speaker_groups(names: list[str]) -> dict[str, str]:
    """Map each name to the key of its group: "Grushko" joins "Alexander Grushko" when unambiguous."""
    keys = {speaker_key(n) for n in names if speaker_key(n)}
    group = {}
    for key in keys:
        longer = [k for k in keys if k != key and k.endswith(" " + key)]
        group[key] = longer[0] if len(longer) == 1 else key
    return {n: group[speaker_key(n)] for n in names if speaker_key(n)}


def build_speakers(entries: list[ArticleEntry]) -> list[Speaker]:
    quoted = [(q, e) for e in entries for q in e.quotes if is_named(q.speaker)]
    groups = speaker_groups([q.speaker for q, _ in quoted])
    by_group: dict[str, list[tuple[Quote, ArticleEntry]]] = defaultdict(list)
    for quote, entry in quoted:
        by_group[groups[quote.speaker]].append((quote, entry))
    speakers, used = [], Counter()
    for key in sorted(by_group):
        items = by_group[key]
        names = Counter(q.speaker for q, _ in items)
        name = max(names, key=lambda n: (len(speaker_key(n).split()), names[n], n))
        roles = Counter(q.role for q, _ in items if q.role)
        base = slugify(name, max_length=60) or "speaker"
        used[base] += 1
        slug = base if used[base] == 1 else f"{base}-{used[base]}"
        items.sort(key=lambda qe: (qe[1].article.published, qe[0].start), reverse=True)
        speakers.append(Speaker(
            name=name, slug=slug, role=roles.most_common(1)[0][0] if roles else None,
            quotes=tuple(SpeakerQuote(q, e) for q, e in items), variants=tuple(sorted(names)),
        ))
    speakers.sort(key=lambda s: (-len(s.quotes), s.name.lower()))
    return speakers


# ---- meetings -------------------------------------------------------------------------------

def _norm(text: str | None) -> str:
    return " ".join(_words(text))


def same_meeting(a: Meeting, b: Meeting) -> bool:
    """One event reported twice: same date and place, or same title and compatible date."""
    if a.start and a.start == b.start and a.place and _norm(a.place) == _norm(b.place):
        return True
    return bool(_norm(a.title)) and _norm(a.title) == _norm(b.title) and (a.start == b.start)


def _richness(m: Meeting) -> tuple:
    return (m.start is not None, m.place is not None, m.time is not None, len(m.participants))


def merge_meetings(entries: list[ArticleEntry]) -> list[AgendaItem]:
    merged: list[tuple[Meeting, list[Source]]] = []
    first_seen = {}
    for entry in entries:  # entries are in publication order: the earliest report comes first
        for meeting in entry.meetings:
            for i, (kept, sources) in enumerate(merged):
                if same_meeting(kept, meeting):
                    if source_of(entry) not in sources:
                        sources.append(source_of(entry))
                    if _richness(meeting) > _richness(kept):
                        merged[i] = (meeting, sources)
                    break
            else:
                merged.append((meeting, [source_of(entry)]))
                first_seen[len(merged) - 1] = entry.article.published
    items = []
    for i, (meeting, sources) in enumerate(merged):
        seed = "|".join([sources[0].article_id, _norm(meeting.title), meeting.start or ""])
        uid = hashlib.sha1(seed.encode()).hexdigest()[:20] + "@digest"
        items.append(AgendaItem(meeting, tuple(sources), uid, first_seen[i]))
    return items


def is_going_ahead(meeting: Meeting) -> bool:
    return meeting.status not in ("past",)


def upcoming_for_day(items: list[AgendaItem], day: date, days_ahead: int,
                     published_on: dict[str, date]) -> list[AgendaItem]:
    """Meetings known on ``day`` (reported on or before it) that fall in the next ``days_ahead`` days."""
    horizon = day + timedelta(days=days_ahead)
    chosen = []
    for item in items:
        first_report = min(published_on[s.article_id] for s in item.sources)
        if first_report > day or not is_going_ahead(item.meeting):
            continue
        span = value_range(item.meeting.start)
        if span is None:
            if item.meeting.status in ("upcoming", "postponed") and day in {
                    published_on[s.article_id] for s in item.sources}:
                chosen.append(item)
            continue
        end = value_range(item.meeting.end)[1] if value_range(item.meeting.end) else span[1]
        if end >= day and span[0] <= horizon:
            chosen.append(item)
    chosen.sort(key=lambda it: (value_range(it.meeting.start) or (date.max,))[0])
    return chosen


def assemble(articles: list[Article], extractions: dict[str, Extraction], config: Config,
             today: date) -> Site:
    """Turn articles and their extractions into everything the site shows."""
    entries = make_entries(articles, extractions)
    by_day: dict[date, list[ArticleEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.article.published.astimezone(config.tz).date()].append(entry)
    published_on = {e.article.id: e.article.published.astimezone(config.tz).date() for e in entries}
    agenda_all = merge_meetings(entries)
    briefings = [
        Briefing(day, tuple(day_entries), tuple(key_quotes(day_entries, config.key_quotes)),
                 tuple(upcoming_for_day(agenda_all, day, config.meeting_days, published_on)))
        for day, day_entries in sorted(by_day.items(), reverse=True)
    ]
    dated = sorted((it for it in agenda_all if value_range(it.meeting.start)),
                   key=lambda it: (value_range(it.meeting.start)[0], it.meeting.time or "", it.uid))
    undated = [it for it in agenda_all if not value_range(it.meeting.start)]
    return Site(tuple(briefings), tuple(entries), tuple(build_speakers(entries)), tuple(dated),
                tuple(undated), today)
