"""Plain frozen objects passed between the pipeline stages (read → extract → assemble → render)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from functools import lru_cache


@dataclass(frozen=True)
class Article:
    """One saved news article, normalised.

    ``text`` is the body: paragraphs joined by a blank line ("\\n\\n"). Character offsets in
    quotes and meetings refer to it. ``id`` is the sha256 of the cleaned title and text.
    """

    id: str
    title: str
    published: datetime  # timezone-aware
    text: str
    paragraphs: tuple[str, ...]
    source: str | None = None
    url: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    origin: str = ""  # the file it was read from
    slug: str = ""
    date_from: str = "metadata"  # metadata | option | dateline | build

    @property
    def day(self) -> date:
        return self.published.date()


class Attribution(str, Enum):
    """How a quote's speaker was found: the evidence behind the name shown."""

    SPEECH_VERB = "speech_verb"  # the named subject of the speech verb next to the quote
    ACCORDING_TO = "according_to"  # "according to Ann Lee"
    LEAD_IN = "lead_in"  # a colon or dash lead-in, or a name heading: "Lee: “…”", "“…” — Ann Lee"
    CONTINUED = "continued"  # continues the attributed quote or reported speech just before it
    PRONOUN = "pronoun"  # "she said", resolved to the person named before
    DESCRIPTOR = "descriptor"  # "the Texas Democrat said", resolved to the person named before
    ORGANISATION = "organisation"  # an organisation's statement: "the ministry said"
    UNNAMED = "unnamed"  # an unnamed source described, not named: "a Citicorp spokesman"

    @property
    def names_someone(self) -> bool:
        """The speaker is a named person or organisation (a people page may show it)."""
        return self is not Attribution.UNNAMED


@dataclass(frozen=True)
class Quote:
    """A direct quotation. ``start``/``end`` are character offsets of ``text`` in the article text.

    ``attribution`` says how ``speaker`` was found (None when there is no speaker).
    """

    text: str
    speaker: str | None
    role: str | None = None
    partial: bool = False
    key_score: float = 0.0
    key: bool = False
    start: int = 0
    end: int = 0
    attribution: Attribution | None = None


@dataclass(frozen=True)
class Meeting:
    """A meeting an article mentions.

    ``start``/``end`` are value strings at the precision the text supports: a day
    ``2022-01-12``, an ISO week ``2022-W02``, a month ``2022-01`` or a year ``2022``;
    ``None`` where the text gives no time. ``time`` is ``HH:MM`` local to ``timezone``.
    """

    title: str
    status: str  # upcoming | ongoing | past | cancelled | postponed
    start: str | None = None
    end: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    evidence: str = ""
    mentions: tuple[str, ...] = ()
    time: str | None = None
    timezone: str | None = None
    start_char: int = 0
    end_char: int = 0


@dataclass(frozen=True)
class Extraction:
    """What extraction found in one article."""

    article_id: str
    quotes: tuple[Quote, ...] = ()
    meetings: tuple[Meeting, ...] = ()


@dataclass(frozen=True)
class Source:
    """An article that reports a quote or meeting, as shown on the site."""

    article_id: str
    title: str
    url: str  # site-relative URL of the article page
    source: str | None = None


@dataclass(frozen=True)
class DayQuote:
    """A quote as shown on a briefing: merged over the articles that report it."""

    quote: Quote
    sources: tuple[Source, ...]
    speaker_slug: str | None = None


@dataclass(frozen=True)
class AgendaItem:
    """A meeting as shown on the agenda: merged over the articles that report it."""

    meeting: Meeting
    sources: tuple[Source, ...]
    uid: str = ""
    reported: datetime | None = None  # when the first source was published


@dataclass(frozen=True)
class ArticleEntry:
    """An article as the site shows it: its unique site slug, URL and what was extracted."""

    article: Article
    slug: str
    url: str  # site-relative, e.g. "articles/moscow-nato/"
    quotes: tuple[Quote, ...] = ()
    meetings: tuple[Meeting, ...] = ()

    @property
    def lead(self) -> str:
        return self.article.paragraphs[0] if self.article.paragraphs else ""


@dataclass(frozen=True)
class Briefing:
    day: date
    articles: tuple[ArticleEntry, ...]
    key_quotes: tuple[DayQuote, ...] = ()
    upcoming_meetings: tuple[AgendaItem, ...] = ()


@dataclass(frozen=True)
class SpeakerQuote:
    quote: Quote
    entry: ArticleEntry


@dataclass(frozen=True)
class Speaker:
    """A person or organisation quoted on the site, name variants merged."""

    name: str
    slug: str
    role: str | None
    quotes: tuple[SpeakerQuote, ...] = field(default=())
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs, assembled from articles and their extractions."""

    briefings: tuple[Briefing, ...]  # newest first
    entries: tuple[ArticleEntry, ...]
    speakers: tuple[Speaker, ...]
    agenda: tuple[AgendaItem, ...]  # dated, by start date
    undated: tuple[AgendaItem, ...]
    today: date


@lru_cache(maxsize=4096)
def value_range(value: str | None) -> tuple[date, date] | None:
    """The first and last day covered by a time value (day, ISO week, month or year), or None."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
            return day, day
        m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if m:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, date.fromisocalendar(int(m[1]), int(m[2]), 7)
        m = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if m:
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def value_precision(value: str | None) -> str | None:
    """``day``, ``week``, ``month`` or ``year`` for a valid time value, else None."""
    span = value_range(value)
    if span is None:
        return None
    first, last = span
    days = (last - first).days
    return "day" if days == 0 else "week" if days == 6 else "year" if days >= 364 else "month"
