"""Plain frozen objects passed between the pipeline stages (read → extract → assemble → render)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


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


@dataclass(frozen=True)
class Quote:
    """A direct quotation. ``start``/``end`` are character offsets of ``text`` in the article text."""

    text: str
    speaker: str | None
    role: str | None = None
    partial: bool = False
    key_score: float = 0.0
    key: bool = False
    start: int = 0
    end: int = 0


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


@dataclass(frozen=True)
class Briefing:
    day: date
    articles: tuple[Article, ...]
    key_quotes: tuple[DayQuote, ...] = ()
    upcoming_meetings: tuple[AgendaItem, ...] = ()


@dataclass(frozen=True)
class Speaker:
    name: str
    slug: str
    role: str | None
    quotes: tuple[DayQuote, ...] = field(default=())
    variants: tuple[str, ...] = ()
