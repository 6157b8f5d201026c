"""Assemble: group articles into daily briefings, rank and merge quotes, build speakers and the agenda.

Pure functions over plain objects; no I/O.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date

from slugify import slugify

from digest.agenda import agenda_sections, merge_meetings, source_of, upcoming_for_day
from digest.config import Config
from digest.models import (
    AgendaItem,
    Article,
    ArticleEntry,
    Briefing,
    DayQuote,
    Extraction,
    Quote,
    Site,
    Source,
    Speaker,
    SpeakerKind,
    SpeakerQuote,
)
from digest.nlp.naming import is_variant, without_suffixes

_WORD = re.compile(r"\w+", re.UNICODE)
_NOT_A_NAME = re.compile(
    r"^(a|an|the|one|some|two|three|several|he|she|they|it|we|i|you|another|other|others|this|that)\b", re.I)


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


def same_quote(a: str, b: str) -> bool:
    """Two reports of one quotation: most words of the shorter appear in the longer."""
    return _same_words(Counter(_words(a)), Counter(_words(b)))


def _same_words(wa: Counter[str], wb: Counter[str]) -> bool:
    """:func:`same_quote` on the texts' word counts (counted once per quote when merging)."""
    shorter = min(wa.total(), wb.total())
    if len(wa) > len(wb):
        wa, wb = wb, wa
    common = sum(min(n, wb[w]) for w, n in wa.items() if w in wb)
    return shorter > 0 and common / shorter >= 0.8


def merge_quotes(items: list[tuple[Quote, ArticleEntry]]) -> list[DayQuote]:
    """The same quote reported by several articles becomes one entry listing all sources.

    Candidates are found through an index of the quotes' longer words, so a busy day is not
    a comparison of every quote with every other; each quote's words are counted once.
    """
    merged: list[tuple[Quote, list[Source], Counter[str]]] = []
    index: dict[str, list[int]] = defaultdict(list)
    for quote, entry in items:
        all_words = _words(quote.text)
        counts = Counter(all_words)
        words = {w for w in all_words if len(w) > 3} or set(all_words)
        shared = Counter(i for w in words for i in index.get(w, ()))
        match = next((i for i, _ in shared.most_common(8) if _same_words(merged[i][2], counts)), None)
        if match is None:
            for w in words:
                index[w].append(len(merged))
            merged.append((quote, [source_of(entry)], counts))
            continue
        kept, sources, _ = merged[match]
        source = source_of(entry)
        if source not in sources:
            sources.append(source)
        if quote.key_score > kept.key_score:
            sources.remove(source)
            sources.insert(0, source)  # the first source is the article whose words are shown
            merged[match] = (quote, sources, counts)
    return [DayQuote(q, tuple(s)) for q, s, _ in merged]


def key_quotes(entries: list[ArticleEntry], limit: int) -> list[DayQuote]:
    """The day's key quotes: full quotes merged across articles, key ones first, then by score.

    A speaker's second quote comes only after every other speaker's first, so one voice does
    not fill the briefing.
    """
    candidates = [(q, e) for e in entries for q in e.quotes if not q.partial]
    merged = merge_quotes(candidates)
    merged.sort(key=lambda dq: (not dq.quote.key, -dq.quote.key_score))
    turn: Counter[str] = Counter()
    ranked = []
    for dq in merged:
        speaker = speaker_key(dq.quote.speaker or "")
        turn[speaker] += 1
        ranked.append((turn[speaker] if speaker else 1, len(ranked), dq))
    ranked.sort(key=lambda item: item[:2])
    return [dq for _, _, dq in ranked[:limit]]


# ---- speakers -------------------------------------------------------------------------------

def speaker_key(name: str) -> str:
    return " ".join(_words(name))


# "Ann Lee's source", "Acme's spokesman": someone described by whose they are, not named.
_SOMEONES = re.compile(r"['’]s\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)*$")


def is_named(speaker: str | None) -> bool:
    """A proper name (or organisation), not a descriptor such as "a Citicorp spokesman" or "Ann
    Lee's source"."""
    return bool(speaker) and speaker[0].isupper() and not _NOT_A_NAME.match(speaker) \
        and not _SOMEONES.search(speaker)


def speaker_groups(names: list[str]) -> dict[str, str]:
    """Map each name to the key of its group: the fullest form of the same person's name.

    "Grushko" and "Owen Dempsey" join "Alexander Grushko" and "Owen John Dempsey"
    (:func:`digest.nlp.naming.is_variant`) when every longer form they fit is one person's;
    "Smith" beside "Ann Smith" and "Bob Smith" is ambiguous and kept apart. Names are only
    compared with names of the same surname.
    """
    keys = {speaker_key(n) for n in names if speaker_key(n)}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        by_surname[without_suffixes(key.split())[-1]].append(key)  # "Patrick W. Carlineo Jr." with "Carlineo"
    group = {}
    for same in by_surname.values():
        for key in same:
            group[key] = fullest_form(key, [k for k in same if is_variant(key, k)])
    return {n: group[speaker_key(n)] for n in names if speaker_key(n)}


def fullest_form(key: str, longer: list[str]) -> str:
    """The longest of ``longer`` when all of them are forms of one name, else ``key`` itself."""
    if not longer:
        return key
    top = max(longer, key=lambda k: (len(k.split()), k))
    return top if all(k == top or is_variant(k, top) for k in longer) else key


def surname_only(key: str, quotes: list[Quote]) -> bool:
    """A speaker known on the whole site by one word that no article calls an organisation ("Ford",
    "Schiff"): not who, among the many of that name, said which words, so no page gathers them
    (each quote keeps its name where it stands)."""
    return len(key.split()) == 1 and not any(q.speaker_kind is SpeakerKind.ORGANISATION for q in quotes)


def has_page(quote: Quote) -> bool:
    """A quote that goes on its speaker's page: a named person or organisation, found by
    evidence that names them (an unnamed source described, "a Citicorp spokesman", has none)."""
    return is_named(quote.speaker) and (quote.attribution is None or quote.attribution.names_someone)


def build_speakers(entries: list[ArticleEntry]) -> list[Speaker]:
    quoted = [(q, e) for e in entries for q in e.quotes if has_page(q)]
    groups = speaker_groups([q.speaker for q, _ in quoted])
    by_group: dict[str, list[tuple[Quote, ArticleEntry]]] = defaultdict(list)
    for quote, entry in quoted:
        by_group[groups[quote.speaker]].append((quote, entry))
    for key in [k for k, items in by_group.items() if surname_only(k, [q for q, _ in items])]:
        del by_group[key]
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


def with_meetings(speakers: list[Speaker], agenda: list[AgendaItem]) -> list[Speaker]:
    """Each speaker with the meetings that name them among the participants, a participant
    matched as speakers are merged (:func:`speaker_groups`: "Grushko" is "Alexander Grushko"
    unless two people of that surname are quoted), dated meetings by date, then undated ones."""
    participants = {p for item in agenda for p in item.meeting.participants}
    groups = speaker_groups([*(s.name for s in speakers), *participants])
    by_group = {groups[s.name]: s.name for s in speakers if s.name in groups}
    taking_part: dict[str, list[AgendaItem]] = defaultdict(list)
    for item in agenda:
        names = {by_group.get(groups.get(p, "")) for p in item.meeting.participants} - {None}
        for name in names:
            taking_part[name].append(item)

    def order(item: AgendaItem) -> tuple:
        when = item.meeting.when
        return (when is None, when.first_day if when else date.min, item.meeting.title)

    return [replace(s, meetings=tuple(sorted(taking_part[s.name], key=order))) if taking_part.get(s.name) else s
            for s in speakers]


def assemble(articles: list[Article], extractions: dict[str, Extraction], config: Config,
             today: date, day_key_quotes: bool = True) -> Site:
    """Turn articles and their extractions into everything the site shows.

    ``day_key_quotes``: draw each day's key quotes from its articles. A caller that edits the site
    (``digest.edition.edit_site`` draws them from the day's stories instead) passes False, and the
    briefings have none until edited.
    """
    entries = make_entries(articles, extractions)
    by_day: dict[date, list[ArticleEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.article.published.astimezone(config.tz).date()].append(entry)
    published_on = {e.article.id: e.article.published.astimezone(config.tz).date() for e in entries}
    agenda_all = merge_meetings(entries)
    upcoming, undated, called_off, past = agenda_sections(agenda_all, today, published_on, config.meeting_days)
    briefings = [
        Briefing(day, tuple(day_entries),
                 tuple(key_quotes(day_entries, config.key_quotes)) if day_key_quotes else (),
                 tuple(upcoming_for_day(agenda_all, day, config.meeting_days, published_on)))
        for day, day_entries in sorted(by_day.items(), reverse=True)
    ]
    dated = sorted((it for it in agenda_all if it.meeting.when), key=lambda it: it.meeting.when.first_day)
    speakers = with_meetings(build_speakers(entries), agenda_all)
    return Site(tuple(briefings), tuple(entries), tuple(speakers), tuple(dated),
                tuple(undated), today, tuple(upcoming), tuple(past), tuple(called_off))
