"""Time expressions: find them, then resolve them against the publication date.

Two steps, both pure functions:

1. :func:`find_expressions` / :func:`find_in_span` locate time expressions ("on Wednesday",
   "Jan. 20-21", "later this month", "next week", "the week of May 19" …) with regular
   expressions over the text.
2. :func:`resolve` turns one expression into a :class:`TimeValue` anchored on the
   publication date. Underspecified expressions (a weekday, a month-day without year, a
   bare month) are placed before or after the publication date according to the tense of
   the clause ("future", "past", "present"), which :func:`digest.nlp.tense.clause_tense`
   reads from the parse.

Values come at the precision the text supports: a day ``2022-01-12``, an ISO week
``2022-W02``, a month ``2022-01`` or a year ``2022``. A day outside the calendar resolves to
None; nothing else is caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from digest.models import TimeValue
from digest.nlp.tense import FUTURE, PAST, PRESENT

__all__ = [
    "FUTURE",
    "PAST",
    "PRESENT",
    "TimeValue",
    "as_week",
    "find_expressions",
    "find_in_span",
    "find_time_of_day",
    "find_time_of_day_at",
    "resolve",
]


@dataclass(frozen=True)
class TimeMention:
    """A time expression found in a text; offsets are in the text given (plus ``offset``)."""

    text: str
    start_char: int
    end_char: int
    kind: str  # date | range | weekday | relative | month | week | year | fuzzy


# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a": 1,
    "an": 1,
    "several": 0,
    "few": 0,
}

_INTRO = {
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "during",
    "before",
    "after",
    "from",
    "through",
    "throughout",
    "for",
    "to",
    "and",
    "or",
    "early",
    "late",
    "mid",
    "end",
    "last",
    "next",
    "this",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "'s",
    "’s",
}
# Month names must be capitalised (so the modal "may" and "march" the verb are not months).
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|Apr(?:il|\.)|May|June?|July?|Aug(?:ust|\.)"
    r"|Sept?(?:ember|\.)|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.)"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\s+\d))"  # "Jan 6" (newer wire style, no full stop)
)
# Full weekday names in any case (wire copy of the 1980s is often lower case: "on monday"), abbreviations
# capitalised only ("sat", "wed" are words).
_WEEKDAY = (
    r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
)
_DAYWORD = r"(?i:one|two|three|four|five|six|seven|eight|nine|ten)"
_DAY = rf"(?<![\d/.,])(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d,]\d)|{_DAYWORD}\b)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|through|until|till|and|thru)\s+)"
_PARTOFDAY = r"(?:\s+(?i:morning|afternoon|evening|night))"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_COUNT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|[1-9]\d?)"  # "in ten days", "in 10 days"

_PATTERNS: list[tuple[str, str]] = [
    # Explicit dates and ranges: "from April 30 to May 2", "Jan. 20-21, 2022", "Tuesday, November 19"
    (
        "range",
        rf"(?:{_WEEKDAY}\s?,?\s+)?{_MONTH}\s+{_DAY}{_TO}(?:{_WEEKDAY}\s?,?\s+)?{_MONTH}\s+{_DAY}"
        rf"(?:\s?,?\s+{_YEAR})?",
    ),
    ("range", rf"{_MONTH}\s+{_DAY}{_TO}{_DAY}\b(?:\s?,?\s+{_YEAR})?"),
    ("range", rf"{_DAY}{_TO}{_DAY}\s+{_MONTH}(?:\s?,?\s+{_YEAR})?"),
    ("range", rf"{_DAY}\s+{_MONTH}{_TO}{_DAY}\s+{_MONTH}(?:\s?,?\s+{_YEAR})?"),
    (
        "week",
        rf"(?i:the\s+)?(?i:week)\s+(?i:of|beginning|starting|commencing)\s+{_MONTH}\s+{_DAY}"
        rf"(?:\s?,?\s+{_YEAR})?",
    ),
    ("date", rf"(?:{_WEEKDAY}\s?,?\s+)?{_MONTH}\s+{_DAY}(?:\s?,?\s+{_YEAR})?{_PARTOFDAY}?"),
    ("date", rf"(?:{_WEEKDAY}\s?,?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:\s?,?\s+{_YEAR})?"),
    ("date", r"\b(?:1[89]\d\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"),
    # a day of the month alone: "will meet on the 15th", "on the 3rd and 4th" (not "the 15th floor")
    (
        "monthday",
        r"(?<=\b[Oo][Nn]\s)(?i:the\s+)(?:3[01]|[12]\d|0?[1-9])(?i:st|nd|rd|th)(?=\s*(?:[,.;:)]|$)|\s+(?:to|and|at|in|when)\b)",
    ),
    # Relative days
    ("relative", r"(?i:the\s+day\s+after\s+tomorrow|the\s+day\s+before\s+yesterday)"),
    ("relative", rf"(?i:today|tonight|tomorrow|yesterday){_PARTOFDAY}?"),
    ("relative", r"(?i:this\s+(?:morning|afternoon|evening))"),
    ("relative", r"(?i:(?:earlier|later)\s+(?:today|tonight|this\s+(?:morning|afternoon|evening)))"),
    (
        "ago",
        r"(?i:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
        r"(?:days?|weeks?|months?|years?)\s+ago)",
    ),
    ("week", rf"(?i:the\s+(?:first|second|third|fourth|last|final)\s+week\s+of\s+){_MONTH}(?:\s+{_YEAR})?"),
    ("week", r"(?i:the\s+week\s+after\s+next)"),
    # "… and meet the week after": a week counted from a time told before (meetings.when.in_sequence)
    ("fuzzy", r"(?i:the\s+week\s+after)(?=\s*[,;.]|\s+(?:and|or|but)\b|\s*$)"),
    # "Friday next week", "on Tuesday of this week": a weekday in a named week
    ("weekday", rf"{_WEEKDAY}\s+(?:(?i:of)\s+)?(?i:next|this|last)\s+(?i:week)(?![\w'’])"),
    # Fuzzy and relative weeks / months / years
    (
        "fuzzy",
        r"(?i:the\s+(?:first|start|beginning|middle|end)\s+of\s+(?:next|this|the\s+coming|last)\s+"
        r"(?:week|month|year))",
    ),
    ("fuzzy", rf"\b(?i:(?:the\s+)?(?:start|beginning|middle|end)\s+of\s+){_MONTH}(?:\s+{_YEAR})?"),
    (
        "fuzzy",
        r"(?i:(?:(?:later|earlier|early|late|mid)[-\s]+)?(?:this|next|last|the\s+coming|the\s+past|"
        r"the\s+following|the\s+previous)\s+(?:week(?:end)?|month|year)(?:'s)?)(?!\w)",
    ),
    ("fuzzy", r"\b(?i:(?:the\s+)?(?:end|start|beginning|middle|rest)\s+of\s+the\s+(?:week|month|year))(?!\w)"),
    # "later in the month": the current month's rest, as "later this month"
    ("fuzzy", r"\b(?i:(?:later|earlier|early|late)\s+in\s+the\s+(?:week|month|year))(?!\w)"),
    ("fuzzy", r"(?i:(?:this|the)\s+weekend)(?!\s+(?i:of)\b)"),  # "the weekend of March 16-17": the days
    ("fuzzy", rf"(?i:in\s+(?:a|{_COUNT})\s+(?:days?|weeks?|months?)(?:['’]?\s+time)?)"),
    ("fuzzy", rf"(?i:within\s+(?:the\s+next\s+)?(?:a|{_COUNT})\s+(?:days|weeks))"),
    # Seasons: "in the summer", "next autumn", "spring 1988" (never "the fall in prices")
    ("season", rf"(?i:(?:(?:early|late|mid)[-\s]+)?(?:this|next|last|the\s+coming|in\s+the)\s+{_SEASON})"
     rf"(?:\s+(?i:of\s+)?{_YEAR})?(?![\w-])"),
    ("season", rf"(?i:{_SEASON})\s+(?i:of\s+)?{_YEAR}(?![\d-])"),
    # Weekdays: "next Monday", "on Tuesday morning", "last Friday"
    ("weekday", rf"(?:(?i:next|last|this|coming|past)\s+)?{_WEEKDAY}{_PARTOFDAY}?"),
    # Months and years
    ("month", rf"{_MONTH}\s+(?i:of\s+(?:next|last|this)\s+year)"),
    ("month", rf"(?:(?i:early|mid|late|end\s+of|next|last|this)[-\s]+)?{_MONTH}\s+{_YEAR}"),
    ("month", rf"(?:(?i:last|next|this|early|mid|late)[-\s]+)?{_MONTH}(?![\w-])"),
    ("year", rf"(?:(?i:early|late|mid)[-\s]+)?{_YEAR}(?![\d-])"),
]
_FINDER = re.compile("|".join(f"(?P<{kind}{i}>{p})" for i, (kind, p) in enumerate(_PATTERNS)))

# Time zones a clock time is given in ("1500 GMT", "10 a.m. EST").
ZONES = "GMT|UTC|[ECMP][SD]T|CET|CEST|BST|EET|JST"
_TIME_OF_DAY = re.compile(
    r"(?i:\b(?:at\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?!\w)"
    r"|\b(?P<h2>[01]\d|2[0-3])(?P<m2>[0-5]\d)\s*(?P<z2>GMT|UTC|[ECMP][SD]T|CET|CEST|BST|hours|hrs)\b"
    r"|\b(?P<h3>[01]?\d|2[0-3]):(?P<m3>[0-5]\d)\b"
    rf"|\b(?P<h4>[01]?\d|2[0-3])\.(?P<m4>[0-5]\d)(?=\s*\(?\s*(?:{ZONES}|local\s+time)\b)"  # "10.00 local time"
    r"|\b(?P<noon>noon|midday|midnight)\b)"
    rf"(?:\s*\(?\s*(?P<zone>(?i:{ZONES}|local\s+time))\b)?"
)


# --------------------------------------------------------------------------- finding


# "May's annual general meeting": the month's event, not the modal or someone named May
_MONTHS_EVENT = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}(?:meeting|summit|session|talks|conference|election|vote|"
                           r"congress|convention|hearing|assembly)s?\b")


def find_expressions(text: str, offset: int = 0) -> list[TimeMention]:
    """Every time expression in ``text``, left to right, non-overlapping."""
    out: list[TimeMention] = []
    if not text:
        return out
    for m in _FINDER.finditer(text):
        kind = re.sub(r"\d+$", "", m.lastgroup or "")
        s, e = m.span()
        if kind == "year" and re.match(r"\s*(?i:hours|hrs|GMT|UTC)\b", text[e : e + 6]):
            continue  # "1900 hours", "1500 GMT": a clock time, not a year
        if kind == "fuzzy" and re.match(r"(?i)in\s", m.group()) and re.match(r"\s+of\b", text[e : e + 4]):
            continue  # "in five weeks of hearings": a duration, not a time
        if kind in ("month", "year") and not re.match(r"(?i:last|next|this|early|mid|late)\b", m.group()):
            # a bare "May" or "1988" counts only after a preposition ("in May", "by 1988") or a
            # possessive ("the company's 1988 meeting", "CTS' 1987 meeting")
            before = text[max(0, s - 12) : s].lower().split()
            bare = kind == "year" or (m.group().startswith("May") and not _MONTHS_EVENT.match(text, e))
            if bare and (
                not before or (before[-1] not in _INTRO and not before[-1].endswith(("'s", "’s", "s'", "s’")))
            ):
                continue
        out.append(TimeMention(text[s:e], s + offset, e + offset, kind))
    return out


def find_in_span(span) -> list[TimeMention]:
    """Time expressions of a spaCy ``Span`` (or ``Doc``), with offsets in ``doc.text``."""
    start = getattr(span, "start_char", 0)
    return find_expressions(span.text, start)


def _clock(text: str):
    """The match of the first clock time in ``text`` (the zoned one when two are given), or None."""
    m = _TIME_OF_DAY.search(text or "")
    if m and not m.group("zone") and not m.group("z2"):
        # "at 10 a.m. (0900 GMT)": the time with a zone, given right after, is the more useful one
        follow = _TIME_OF_DAY.match(text, m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip(" (")))
        if follow and (follow.group("z2") or follow.group("zone")):
            m = follow
    return m


def find_time_of_day(text: str) -> tuple[str | None, str | None]:
    """The first clock time in ``text`` as ``("HH:MM", zone)``; ``(None, None)`` if none."""
    clock, zone, _ = find_time_of_day_at(text)
    return clock, zone


def find_time_of_day_at(text: str) -> tuple[str | None, str | None, int | None]:
    """``find_time_of_day`` with where in ``text`` the clock time begins; ``(None, None, None)`` if none."""
    m = _clock(text)
    if not m:
        return None, None, None
    zone = m.group("zone")
    if m.group("h") is not None:
        h, mi = int(m.group("h")), int(m.group("m") or 0)
        ap = m.group("ap").lower().replace(".", "")
        if h > 12:
            return None, None, None
        if ap == "pm" and h != 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
    elif m.group("h2") is not None:
        h, mi = int(m.group("h2")), int(m.group("m2"))
        zone = m.group("z2") if m.group("z2").lower() not in ("hours", "hrs") else zone  # "1900 hours": local
    elif m.group("h3") is not None:
        h, mi = int(m.group("h3")), int(m.group("m3"))
    elif m.group("h4") is not None:
        h, mi = int(m.group("h4")), int(m.group("m4"))
    else:
        h, mi = (0, 0) if m.group("noon").lower() == "midnight" else (12, 0)
    if zone and zone.lower().startswith("local"):
        zone = "local"
    return f"{h:02d}:{mi:02d}", (zone.upper() if zone and zone != "local" else zone), m.start()


# --------------------------------------------------------------------------- resolving


def _day(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def as_week(value: TimeValue) -> TimeValue:
    """The ISO week a day-precise value starts in: what a text that names no day ("this weekend")
    supports, once the days have served to tell whether it is ahead."""
    first = value.first_day
    return TimeValue(_week(first)) if first is not None and value.precision == "day" else value


def covering(first: date, last: date) -> TimeValue | None:
    """The most precise value that holds every day from ``first`` to ``last``: the day, the ISO
    week, the month or the year they share (for a time known only to lie between two days); None
    when they share none."""
    if first == last:
        return TimeValue(_day(first))
    if first.isocalendar()[:2] == last.isocalendar()[:2]:
        return TimeValue(_week(first))
    if (first.year, first.month) == (last.year, last.month):
        return TimeValue(_month(first.year, first.month))
    return TimeValue(f"{first.year:04d}") if first.year == last.year else None


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_num(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


def _day_num(word: str) -> int | None:
    w = word.lower()
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w] or None
    m = re.match(r"\d+", w)
    return int(m.group()) if m else None


def _anchor_month_day(month: int, day: int, published: date, tense: str) -> date | None:
    """The year for a month-day without year: after the publication date in a future clause,
    before it in a past one, the nearest otherwise."""
    candidates = [d for d in (_safe_date(published.year + k, month, day) for k in range(-4, 5)) if d]
    if not candidates:
        return None
    # a little slack either way: the tense read from the parse is sometimes that of another verb
    if tense == FUTURE:
        after = [d for d in candidates if d >= published - timedelta(days=14)]
        return min(after) if after else None
    if tense == PAST:
        before = [d for d in candidates if d <= published + timedelta(days=45)]
        return max(before) if before else None
    return min(candidates, key=lambda d: abs((d - published).days))


def _anchor_month(month: int, published: date, tense: str) -> tuple[int, int]:
    y = published.year
    if tense == FUTURE and month < published.month:
        y += 1
    elif tense == PAST and month > published.month:
        y -= 1
    elif tense == PRESENT and abs(month - published.month) > 6:
        y += 1 if month < published.month else -1
    return y, month


def _anchor_weekday(wd: int, published: date, tense: str, modifier: str = "") -> date:
    """A weekday relative to the publication date. The article's own weekday is the publication
    day itself (wire copy names today by its weekday) unless ``next``/``last`` says otherwise."""
    delta = (wd - published.weekday()) % 7  # days ahead, 0..6
    if modifier == "next":
        return published + timedelta(days=delta or 7)
    if modifier in ("last", "past"):
        return published - timedelta(days=((published.weekday() - wd) % 7) or 7)
    if modifier in ("this", "coming"):
        return published + timedelta(days=delta)
    if delta == 0:
        return published
    if tense == FUTURE:
        return published + timedelta(days=delta)
    if tense == PAST:
        return published - timedelta(days=7 - delta)
    # present: the nearest one
    return published + timedelta(days=delta) if delta <= 3 else published - timedelta(days=7 - delta)


def _resolve_date_parts(
    month_word: str, day_word: str, year_word: str | None, published: date, tense: str
) -> date | None:
    month, day = _month_num(month_word), _day_num(day_word)
    if not month or not day:
        return None
    if year_word:
        return _safe_date(int(year_word), month, day)
    return _anchor_month_day(month, day, published, tense)


_RE_RANGE_MD_MD = re.compile(
    rf"(?:{_WEEKDAY}\s?,?\s+)?(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_TO}(?:{_WEEKDAY}\s?,?\s+)?(?P<m2>{_MONTH})\s+"
    rf"(?P<d2>{_DAY})(?:\s?,?\s+(?P<y>{_YEAR}))?"
)
_OPT_YEAR = rf"(?:\s?,?\s+(?P<y>{_YEAR}))?"
_RE_RANGE_MDD = re.compile(rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\b{_OPT_YEAR}")
_RE_RANGE_DDM = re.compile(rf"(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\s+(?P<m1>{_MONTH}){_OPT_YEAR}")
_RE_RANGE_DMDM = re.compile(
    rf"(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}){_TO}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:\s?,?\s+(?P<y>{_YEAR}))?"
)
_RE_WEEK_OF = re.compile(
    rf"(?i:the\s+)?(?i:week)\s+(?i:of|beginning|starting|commencing)\s+(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})"
    rf"(?:\s?,?\s+(?P<y>{_YEAR}))?"
)
_RE_MD = re.compile(rf"(?:{_WEEKDAY}\s?,?\s+)?(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:\s?,?\s+(?P<y>{_YEAR}))?")
_RE_DM = re.compile(
    rf"(?:{_WEEKDAY}\s?,?\s+)?(?:the\s+)?(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})"
    rf"(?:\s?,?\s+(?P<y>{_YEAR}))?"
)
_RE_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_RE_MONTH_YEAR = re.compile(
    rf"(?:(?i:early|mid|late|end\s+of|next|last|this)[-\s]+)?(?P<m1>{_MONTH})\s+"
    rf"(?P<y>{_YEAR})"
)
_RE_MONTH = re.compile(rf"(?:(?i:(?P<mod>[a-z]+(?:\s+of)?))[-\s]+)?(?P<m1>{_MONTH})")
_RE_YEAR = re.compile(rf"(?:(?i:[a-z]+)[-\s]+)?(?P<y>{_YEAR})")
_RE_WEEKDAY = re.compile(rf"(?:(?i:(?P<mod>next|last|this|coming|past|on))\s+)?(?P<wd>{_WEEKDAY})")
_RE_IN_N = re.compile(
    rf"(?i:(?:in|within)\s+(?:the\s+next\s+)?(?P<n>a|{_COUNT})\s+"
    r"(?P<unit>day|week|month)s?(?:['’]?\s+time)?)"
)
_RE_AGO = re.compile(
    r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago"
)
_RE_NTH_WEEK = re.compile(
    rf"(?i:the\s+(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+)"
    rf"(?P<m1>{_MONTH})(?:\s+(?P<y>{_YEAR}))?"
)
_RE_REL = re.compile(
    r"(?i:(?:the\s+)?(?:(?P<pos>later|earlier|early|late|mid|first|start|beginning|middle|end|rest)"
    r"(?:\s+of)?[-\s]+)?(?:(?P<rel>this|next|last|the\s+coming|the\s+past|the\s+following|the\s+previous"
    r"|the)\s+)?(?P<unit>weekend|week|month|year))"
)


def _pair(a: date | None, b: date | None) -> TimeValue | None:
    if a is None:
        return None
    if b is None or b < a:
        return TimeValue(_day(a))
    if b == a:
        return TimeValue(_day(a))
    return TimeValue(_day(a), _day(b))


_IN_THE_UNIT = re.compile(r"(?i)\b(later|earlier|early|late)\s+in\s+the\b(?=\s+(?:week|month|year)\b)")


def resolve(expression_text: str, published: date, tense: str = PRESENT) -> TimeValue | None:
    """Resolve one time expression against ``published`` using the clause ``tense``.

    Returns None when the expression gives no point in time (durations, unknown forms).
    """
    if isinstance(published, datetime):
        published = published.date()
    text = _IN_THE_UNIT.sub(r"\1 this", expression_text or "")  # "later in the month" = "later this month"
    try:
        return _resolve(text, published, tense)
    except (ValueError, OverflowError):  # a day outside the calendar ("February 30", year 10000)
        return None


_NO_MATCH = object()  # a form's handler did not recognise the text (None: recognised, no value)


def _resolve(text: str, published: date, tense: str) -> TimeValue | None:
    text = re.sub(r"\s+", " ", text.strip()).rstrip(",")
    if not _RE_IN_N.fullmatch(text):
        text = re.sub(r"^(?i:from|between|on|in|at)\s+", "", text)
    low = text.lower()
    for handler in _HANDLERS:
        found = handler(text, low, published, tense)
        if found is not _NO_MATCH:
            return found
    return None


def _date_range(text: str, low: str, published: date, tense: str):
    """Explicit ranges: "May 3-5", "3 to 5 May", "May 30 to June 2"."""
    # Explicit ranges
    m = _RE_RANGE_MD_MD.fullmatch(text)
    if m:
        y = m.group("y")
        a = _resolve_date_parts(m.group("m1"), m.group("d1"), y, published, tense)
        b = _resolve_date_parts(m.group("m2"), m.group("d2"), y, published, tense)
        if a and b and b < a and not y:
            b = _safe_date(b.year + 1, b.month, b.day)
        return _pair(a, b)
    for rx in (_RE_RANGE_MDD, _RE_RANGE_DDM):
        m = rx.fullmatch(text)
        if m:
            a = _resolve_date_parts(m.group("m1"), m.group("d1"), m.group("y"), published, tense)
            d2 = _day_num(m.group("d2"))
            b = _safe_date(a.year, a.month, d2) if a and d2 else None
            return _pair(a, b)
    m = _RE_RANGE_DMDM.fullmatch(text)
    if m:
        a = _resolve_date_parts(m.group("m1"), m.group("d1"), m.group("y"), published, tense)
        b = _resolve_date_parts(m.group("m2"), m.group("d2"), m.group("y"), published, tense)
        return _pair(a, b)
    return _NO_MATCH


def _explicit_day(text: str, low: str, published: date, tense: str):
    """"the week of May 19", "2022-05-03", "May 3", "3 May"."""
    m = _RE_WEEK_OF.fullmatch(text)
    if m:
        a = _resolve_date_parts(m.group("m1"), m.group("d1"), m.group("y"), published, tense)
        return TimeValue(_week(a)) if a else None
    m = _RE_ISO.fullmatch(text)
    if m:
        a = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        return TimeValue(_day(a)) if a else None
    for rx in (_RE_MD, _RE_DM):
        m = rx.fullmatch(re.sub(rf"{_PARTOFDAY}$", "", text))
        if m:
            a = _resolve_date_parts(m.group("m1"), m.group("d1"), m.group("y"), published, tense)
            return TimeValue(_day(a)) if a else None
    return _NO_MATCH


def _relative_day(text: str, low: str, published: date, tense: str):
    """"today", "tomorrow", "yesterday morning"."""
    # Relative days
    base = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", low)
    base = re.sub(r"^(?:earlier|later)\s+", "", base)
    rel_days = {
        "today": 0,
        "tonight": 0,
        "this": 0,
        "tomorrow": 1,
        "yesterday": -1,
        "the day after tomorrow": 2,
        "the day before yesterday": -2,
    }
    if base in rel_days:
        return TimeValue(_day(published + timedelta(days=rel_days[base])))
    return _NO_MATCH


def _weekday(text: str, low: str, published: date, tense: str):
    """"Wednesday", "next Friday"."""
    # Weekdays
    m = _RE_WEEKDAY.fullmatch(re.sub(rf"{_PARTOFDAY}$", "", text))
    if m:
        wd = _WEEKDAYS.get(m.group("wd").lower().rstrip("."))
        if wd is None:
            return None
        mod = (m.group("mod") or "").lower()
        return TimeValue(_day(_anchor_weekday(wd, published, tense, mod)))
    return _NO_MATCH


_RE_WEEKDAY_OF_WEEK = re.compile(rf"(?P<wd>{_WEEKDAY})\s+(?:(?i:of)\s+)?(?P<rel>(?i:next|this|last))\s+(?i:week)")


def _weekday_of_week(text: str, low: str, published: date, tense: str):
    """ "Friday next week", "Tuesday of this week", "the week after next"."""
    if low == "the week after next":
        return TimeValue(_week(published + timedelta(weeks=2)))
    m = _RE_WEEKDAY_OF_WEEK.fullmatch(text)
    if m is None:
        return _NO_MATCH
    wd = _WEEKDAYS.get(m.group("wd").lower().rstrip("."))
    if wd is None:
        return None
    monday = published - timedelta(days=published.weekday())
    k = {"next": 1, "this": 0, "last": -1}[m.group("rel").lower()]
    return TimeValue(_day(monday + timedelta(weeks=k, days=wd)))


_RE_MONTHDAY = re.compile(r"(?i:the\s+)(?P<d>3[01]|[12]\d|0?[1-9])(?i:st|nd|rd|th)")


def _day_of_month(text: str, low: str, published: date, tense: str):
    """ "the 15th": the day of this month or the next (or the last) by the tense."""
    m = _RE_MONTHDAY.fullmatch(text)
    if m is None:
        return _NO_MATCH
    day = int(m.group("d"))
    near = [d for d in (_safe_date(*_add_months(published.year, published.month, k), day) for k in (-2, -1, 0, 1)) if d]
    if tense == FUTURE:
        near = [d for d in near if d >= published]
    elif tense == PAST:
        near = [d for d in near if d <= published]
    best = min(near, key=lambda d: abs((d - published).days), default=None)
    return TimeValue(_day(best)) if best else None


def _month_forms(text: str, low: str, published: date, tense: str):
    """"March of next year", "March 2022", "next March", "until March"."""
    # Month + year, bare months
    m = re.fullmatch(rf"(?P<m1>{_MONTH})\s+(?i:of\s+(?P<rel>next|last|this)\s+year)", text)
    if m:
        month = _month_num(m.group("m1"))
        y = published.year + {"next": 1, "last": -1}.get(m.group("rel").lower(), 0)
        return TimeValue(_month(y, month)) if month else None
    m = _RE_MONTH_YEAR.fullmatch(text)
    if m:
        month = _month_num(m.group("m1"))
        return TimeValue(_month(int(m.group("y")), month)) if month else None
    m = _RE_MONTH.fullmatch(text)
    if m and not re.search(r"\d", text):
        month = _month_num(m.group("m1"))
        if not month:
            return None
        mod = (m.group("mod") or "").lower()
        t = {"next": FUTURE, "last": PAST, "since": PAST}.get(mod, tense)
        if mod == "this":
            t = PRESENT
        if mod in ("until", "till", "by", "before") and tense == PRESENT:
            t = FUTURE
        y, mo = _anchor_month(month, published, t)
        if mod == "next" and (y, mo) <= (published.year, published.month):
            y += 1
        if mod == "last" and (y, mo) >= (published.year, published.month):
            y -= 1
        return TimeValue(_month(y, mo))
    return _NO_MATCH


def _year_or_ago(text: str, low: str, published: date, tense: str):
    """"2022", "three weeks ago"."""
    m = _RE_YEAR.fullmatch(text)
    if m:
        return TimeValue(m.group("y"))
    m = _RE_AGO.fullmatch(low)
    if m:
        w = m.group("n")
        n = NUMBER_WORDS.get(w) or (int(w) if w.isdigit() else 0)
        unit = m.group("unit")
        if not n:
            return None
        if unit == "day" or (unit == "week" and n == 1):
            return TimeValue(_day(published - timedelta(days=n * (7 if unit == "week" else 1))))
        if unit == "week":
            return TimeValue(_week(published - timedelta(weeks=n)))
        if unit == "month":
            y, mo = _add_months(published.year, published.month, -n)
            return TimeValue(_month(y, mo))
        return TimeValue(f"{published.year - n:04d}")
    return _NO_MATCH


def _nth_week(text: str, low: str, published: date, tense: str):
    """"the second week of May"."""
    m = _RE_NTH_WEEK.fullmatch(text)
    if m:
        month = _month_num(m.group("m1"))
        if not month:
            return None
        y = int(m.group("y")) if m.group("y") else _anchor_month(month, published, tense)[0]
        nth = m.group("nth").lower()
        if nth in ("last", "final"):
            last = date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
            return TimeValue(_week(last - timedelta(days=3)))
        day = {"first": 4, "second": 11, "third": 18, "fourth": 25}[nth]
        return TimeValue(_week(date(y, month, day)))
    return _NO_MATCH


def _in_n(text: str, low: str, published: date, tense: str):
    """"in two weeks", "within three days" (an interval: no value)."""
    # "in two weeks", "within three days"
    m = _RE_IN_N.fullmatch(text)
    if m:
        n = NUMBER_WORDS.get(m.group("n").lower()) or (int(m.group("n")) if m.group("n").isdigit() else 0)
        if not n:
            return None
        unit = m.group("unit").lower()
        if low.startswith("within"):
            return None  # an interval, not a point
        if unit == "day":
            return TimeValue(_day(published + timedelta(days=n)))
        if unit == "week":
            return TimeValue(_week(published + timedelta(weeks=n)))
        y, mo = _add_months(published.year, published.month, n)
        return TimeValue(_month(y, mo))
    return _NO_MATCH


def _relative_unit(text: str, low: str, published: date, tense: str):
    """"this/next/last week/month/year", "later this month", "early next week"."""
    # this/next/last week/month/year, later this month, early next week, the end of the month …
    m = _RE_REL.fullmatch(low.replace("'s", ""))
    if m:
        pos, rel, unit = (m.group("pos") or ""), (m.group("rel") or "this"), m.group("unit")
        if rel == "the" and not pos:
            return None  # "the week" alone is no time
        k = {
            "this": 0,
            "the": 0,
            "next": 1,
            "the coming": 1,
            "the following": 1,
            "last": -1,
            "the past": -1,
            "the previous": -1,
        }.get(rel, 0)
        if unit in ("week", "weekend"):
            d = published + timedelta(weeks=k)
            if unit == "week" and rel == "this" and tense != PAST and published.weekday() >= 5:
                d = published + timedelta(days=7 - published.weekday())  # a weekend article's "this week" is ahead
            if unit == "weekend":
                prev_sat = published - timedelta(days=(published.weekday() - 5) % 7)
                in_weekend = published.weekday() >= 5
                if k > 0:
                    sat = prev_sat + timedelta(days=7)
                elif k < 0:
                    sat = prev_sat - timedelta(days=7) if in_weekend else prev_sat
                else:
                    sat = prev_sat if in_weekend or tense == PAST else prev_sat + timedelta(days=7)
                return TimeValue(_day(sat), _day(sat + timedelta(days=1)))
            return TimeValue(_week(d))
        if unit == "month":
            y, mo = _add_months(published.year, published.month, k)
            return TimeValue(_month(y, mo))
        y = published.year + k
        if pos == "first" and k:
            return TimeValue(_month(y, 1))  # "the first of next year"
        return TimeValue(f"{y:04d}")
    return _NO_MATCH


def _part_of_month(text: str, low: str, published: date, tense: str):
    """"the end of March", "the beginning of May 2022"."""
    m = re.fullmatch(
        rf"(?i:(?:the\s+)?(?P<pos>start|beginning|middle|end)\s+of\s+)(?P<m1>{_MONTH})"
        rf"(?:\s+(?P<y>{_YEAR}))?",
        text,
    )
    if m:
        month = _month_num(m.group("m1"))
        if not month:
            return None
        if m.group("y"):
            return TimeValue(_month(int(m.group("y")), month))
        y, mo = _anchor_month(month, published, tense)
        return TimeValue(_month(y, mo))
    return _NO_MATCH


_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_RE_SEASON = re.compile(
    rf"(?i:(?:(?:early|late|mid)[-\s]+)?(?P<rel>this|next|last|the\s+coming|the)\s+)?(?P<season>{_SEASON})"
    rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?",
    re.IGNORECASE,
)


def _season(text: str, low: str, published: date, tense: str):
    """"in the summer", "next autumn", "spring 1988": the year the season falls in (a season is no
    month). Winter, which runs into the next year, has a year only when the text gives one or the
    article is written in its January or February; "next spring" before this spring has begun
    could be either, and gives no value."""
    m = _RE_SEASON.fullmatch(low)
    if not m:
        return _NO_MATCH
    if m.group("y"):
        return TimeValue(m.group("y"))
    rel, season = re.sub(r"\s+", " ", m.group("rel") or "this"), m.group("season")
    if season == "winter":
        return TimeValue(f"{published.year:04d}") if published.month <= 2 and rel not in ("next", "last") else None
    first, last = _SEASON_MONTHS[season]
    month = published.month
    if rel == "next":
        return TimeValue(f"{published.year + 1:04d}") if month >= first else None
    if rel == "last":
        return TimeValue(f"{published.year - 1:04d}") if month <= last else None
    if tense == FUTURE or rel == "the coming":
        return TimeValue(f"{published.year + (month > last):04d}")
    if tense == PAST:
        return TimeValue(f"{published.year - (month < first):04d}")
    return TimeValue(f"{published.year:04d}")


_HANDLERS = (
    _date_range,
    _explicit_day,
    _relative_day,
    _weekday_of_week,
    _weekday,
    _day_of_month,
    _month_forms,
    _year_or_ago,
    _nth_week,
    _in_n,
    _relative_unit,
    _part_of_month,
    _season,
)
