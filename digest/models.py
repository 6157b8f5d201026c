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


class SpeakerKind(str, Enum):
    """What a quote's speaker is, as far as the article tells."""

    PERSON = "person"
    ORGANISATION = "organisation"
    NAMED = "named"  # a name the article does not tell to be a person's or an organisation's
    DESCRIBED = "described"  # someone described, not named: "a Citicorp spokesman"


@dataclass(frozen=True)
class Quote:
    """A direct quotation. ``start``/``end`` are character offsets of ``text`` in the article text.

    ``attribution`` says how ``speaker`` was found and ``speaker_kind`` what it is (both None when
    there is no speaker).
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
    speaker_kind: SpeakerKind | None = None


class MeetingStatus(str, Enum):
    """Where a meeting stands on the day of the article that reports it."""

    UPCOMING = "upcoming"
    ONGOING = "ongoing"
    PAST = "past"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"

    def __str__(self) -> str:
        return self.value


class Precision(str, Enum):
    """How precise a time value is."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    NONE = "none"  # not a valid value

    def __str__(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        """day 4, week 3, month 2, year 1, none 0."""
        return _PRECISION_RANK[self]


_PRECISION_RANK = {Precision.DAY: 4, Precision.WEEK: 3, Precision.MONTH: 2, Precision.YEAR: 1, Precision.NONE: 0}


@dataclass(frozen=True)
class TimeValue:
    """A time at the precision the text supports: ``start`` (and ``end``) are value strings, a day
    ``2022-01-12``, an ISO week ``2022-W02``, a month ``2022-01`` or a year ``2022``; ``time`` is
    ``HH:MM`` local to ``timezone``. The one time type of meetings, the calendar and the pages."""

    start: str
    end: str | None = None
    time: str | None = None
    timezone: str | None = None

    @property
    def precision(self) -> Precision:
        return value_precision(self.start) or Precision.NONE

    @property
    def first_day(self) -> date | None:
        span = value_range(self.start)
        return span[0] if span else None

    @property
    def last_day(self) -> date | None:
        """The last day covered: the end's last day when there is an end, else the start's."""
        span = value_range(self.end) or value_range(self.start)
        return span[1] if span else None


@dataclass(frozen=True)
class Meeting:
    """A meeting an article mentions.

    ``start``/``end`` are value strings at the precision the text supports: a day
    ``2022-01-12``, an ISO week ``2022-W02``, a month ``2022-01`` or a year ``2022``;
    ``None`` where the text gives no time. ``time`` is ``HH:MM`` local to ``timezone``.
    """

    title: str
    status: MeetingStatus
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

    def __post_init__(self) -> None:
        if not isinstance(self.status, MeetingStatus):  # "upcoming" from JSON or a caller
            object.__setattr__(self, "status", MeetingStatus(self.status))

    @property
    def when(self) -> TimeValue | None:
        """The meeting's time as one value, or None when the text gives no (valid) date."""
        if value_range(self.start) is None:
            return None
        return TimeValue(self.start, self.end if value_range(self.end) else None, self.time, self.timezone)


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
class Story:
    """One event as the briefing tells it: the articles (one or more outlets) that cover it.

    ``entries`` are best source first; ``lead`` is one or two sentences of that source;
    ``rank`` is 1 for the day's most newsworthy story.
    """

    id: str
    headline: str
    lead: str
    entries: tuple[ArticleEntry, ...]
    rank: int = 0
    score: float = 0.0
    key_quote: DayQuote | None = None
    meetings: tuple[AgendaItem, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for entry in self.entries:
            host = re.sub(r"^www\.", "", re.sub(r"^[a-z]+://([^/]+).*$", r"\1", entry.article.url or ""))
            seen.setdefault(entry.article.source or host or entry.article.id, None)
        return tuple(seen)


@dataclass(frozen=True)
class Briefing:
    day: date
    articles: tuple[ArticleEntry, ...]
    key_quotes: tuple[DayQuote, ...] = ()
    upcoming_meetings: tuple[AgendaItem, ...] = ()
    stories: tuple[Story, ...] = ()  # ranked, most newsworthy first


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
    meetings: tuple[AgendaItem, ...] = ()  # meetings naming them among the participants


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs, assembled from articles and their extractions."""

    briefings: tuple[Briefing, ...]  # newest first
    entries: tuple[ArticleEntry, ...]
    speakers: tuple[Speaker, ...]
    agenda: tuple[AgendaItem, ...]  # every dated meeting, by start date (the calendar)
    undated: tuple[AgendaItem, ...]  # still to happen, date not given
    today: date
    upcoming: tuple[AgendaItem, ...] = ()  # dated, still to happen on ``today``, by date
    past: tuple[AgendaItem, ...] = ()  # dated, over by ``today``, newest first
    called_off: tuple[AgendaItem, ...] = ()  # postponed with no new date, or cancelled; not over


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


def value_precision(value: str | None) -> Precision | None:
    """The precision of a valid time value, else None."""
    span = value_range(value)
    if span is None:
        return None
    days = (span[1] - span[0]).days
    if days == 0:
        return Precision.DAY
    return Precision.WEEK if days == 6 else Precision.YEAR if days >= 364 else Precision.MONTH


@dataclass(frozen=True)
class Subscription:
    """A feed (RSS 2.0, Atom, JSON Feed) or a single page that `digest fetch` reads, from digest.toml."""

    url: str
    name: str | None = None
    full_text: bool = True  # get each entry's article page; False: the feed's own content is the article
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, whatever its format: links absolute, content still HTML."""

    key: str  # the entry's id (guid), else its link: what "fetched before" is decided by
    link: str | None
    title: str | None = None
    published: datetime | None = None  # timezone-aware
    author: str | None = None
    tags: tuple[str, ...] = ()
    content_html: str = ""  # the full content the feed carries (content:encoded, Atom content, content_html)
    summary_html: str = ""  # the description / summary
