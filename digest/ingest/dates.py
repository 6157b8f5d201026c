"""Publication dates: parsing metadata values and finding a dateline in the first lines of a text."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|2\d)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_TIME = (
    r"(?:(?:,|\s)\s*(?:at\s+)?(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?P<tz>UTC|GMT|Z))?)?"
)

# A date with a year, in the common written forms (no numeric d/m/y: too ambiguous).
_FULL_DATES = (
    _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR,  # January 11, 2022
    _WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR,  # 11 January 2022
    r"(?P<iso>" + _YEAR.replace("year", "iyear") + r"[-/](?P<imonth>[01]?\d)[-/](?P<iday>[0-3]?\d))",
)
# Named groups must be unique across alternatives, so each alternative gets its own pattern.
_FULL_RX = tuple(re.compile(p + _TIME, re.IGNORECASE) for p in _FULL_DATES)


def localize(value: dt.datetime | dt.date, tz: dt.tzinfo) -> dt.datetime:
    """Date → midnight in ``tz``; naive datetime → interpreted in ``tz``; aware → unchanged."""
    if isinstance(value, dt.datetime):
        return (
            value if value.tzinfo is not None and value.utcoffset() is not None else value.replace(tzinfo=tz)
        )
    return dt.datetime(value.year, value.month, value.day, tzinfo=tz)


# The years of the days digest places articles on. Counting days, weeks and years around a day
# (meetings, feeds, time zones) must never leave the calendar's years 1..9999 (OverflowError).
FIRST_YEAR, LAST_YEAR = 1000, 8999
NOT_A_DATE = f"is not a date in the years {FIRST_YEAR}-{LAST_YEAR}"  # what a reader says of an unusable date
# A numeric date is in seconds up to the last second of year 9999 (253402300799, a common "no
# date" sentinel, is then refused, not read as milliseconds in 1978); beyond it, milliseconds
# (from 1978-01-12 on).
MS_TIMESTAMP = 253_402_300_800


def placeable_day(day: dt.date) -> bool:
    """Whether digest can place an article on ``day``."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def on_calendar(value: dt.datetime | None) -> dt.datetime | None:
    """``value`` when its day, local and in UTC, is a day digest can place an article on, else None."""
    if value is None:
        return None
    try:
        utc = value.astimezone(dt.timezone.utc)
    except (OverflowError, ValueError):
        return None
    return value if placeable_day(value) and placeable_day(utc) else None


def parse_date(value: object, tz: dt.tzinfo) -> dt.datetime | None:
    """Parse a metadata date value (string, date, datetime or Unix timestamp); None if unusable
    (not a date, or a date at the calendar's edges that digest cannot place on a day)."""
    try:
        return on_calendar(_parse_date(value, tz))
    except (OverflowError, ValueError):
        return None


def _parse_date(value: object, tz: dt.tzinfo) -> dt.datetime | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return localize(value, tz)
    if isinstance(value, (int, float)):
        seconds = value / 1000 if abs(value) >= MS_TIMESTAMP else value
        if not 0 < seconds < 4102444800:  # 1970 .. 2100
            return None
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return localize(dt.date.fromisoformat(text), tz)
        if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", text):
            return localize(dt.datetime.fromisoformat(_iso_for_python(text)), tz)
    except ValueError:
        return None
    if re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2}", text):
        y, m, d = (int(x) for x in text.split("/"))
        return _safe(y, m, d, tz)
    if "," in text or re.search(r"\d\d:\d\d:\d\d [+-]\d{4}$", text):
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            parsed = None
        if parsed is not None and 1800 <= parsed.year <= 2200:
            return localize(parsed, tz)
    for rx in _FULL_RX:
        m = rx.fullmatch(text.rstrip("."))
        if m:
            return _from_match(m, tz)
    return None


def _iso_for_python(text: str) -> str:
    """ISO 8601 variants that ``datetime.fromisoformat`` only accepts from Python 3.11 on:
    "Z", "+0000" offsets and fractions of other than 3 or 6 digits."""
    text = re.sub(r"[Zz]$", "+00:00", text)
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)
    return re.sub(r"\.(\d+)", lambda m: "." + (m.group(1) + "000000")[:6], text, count=1)


def _safe(
    year: int, month: int, day: int, tz: dt.tzinfo, hour: int = 0, minute: int = 0, naive_time: bool = False
) -> dt.datetime | None:
    try:
        if naive_time:
            return dt.datetime(year, month, day, hour, minute, tzinfo=tz)
        return dt.datetime(year, month, day, tzinfo=tz)
    except ValueError:
        return None


def _from_match(m: re.Match[str], tz: dt.tzinfo, year: int | None = None) -> dt.datetime | None:
    groups = m.groupdict()
    if groups.get("iso"):
        return _safe(int(groups["iyear"]), int(groups["imonth"]), int(groups["iday"]), tz)
    month = MONTHS[groups["month"].lower().rstrip(".")]
    y = int(groups["year"]) if groups.get("year") else year
    if y is None:
        return None
    day = int(groups["day"])
    if groups.get("hour") is not None:
        hour, minute = int(groups["hour"]), int(groups["minute"])
        ampm = (groups.get("ampm") or "").lower().replace(".", "")
        if ampm and not 1 <= hour <= 12:
            return _safe(y, month, day, tz)
        if ampm == "pm" and hour != 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23:
            return _safe(y, month, day, tz)
        zone = dt.timezone.utc if groups.get("tz") else tz
        return _safe(y, month, day, zone, hour, minute, naive_time=True)
    return _safe(y, month, day, tz)


# A dateline at the start of a paragraph: "WASHINGTON, March 3 (Reuters) -", "BAHIA, Feb 26 -",
# "LONDON, Jan. 11, 2022 (AP) —", "Jan 11, 2022 -" ...
_PLACE = (
    r"(?-i:(?:[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,4}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,25}?)?"
    r"(?:\s*\([A-Za-z.&' ]{1,25}\))?,?\s+)?)"
)
_AFTER = r"\s*(?:\([A-Za-z.&' ]{1,25}\)\s*)?(?:[-–—:|]|$)"
_LABEL = r"(?:(?:first\s+)?(?:published|posted|updated|last updated|date|dated)(?:\s+on)?\s*:?\s*)?"
_BYLINE = r"(?:by\s+[^|•·\n]{1,60}\s*[|•·,–—-]\s*)?"


def _dateline_rx(date_pattern: str) -> re.Pattern[str]:
    return re.compile(r"^" + _PLACE + date_pattern + _AFTER, re.IGNORECASE)


def _standalone_rx(date_pattern: str) -> re.Pattern[str]:
    return re.compile(r"^" + _BYLINE + _LABEL + date_pattern + _TIME + r"\.?\s*$", re.IGNORECASE)


_DATELINE_FULL = tuple(_dateline_rx(p + _TIME) for p in _FULL_DATES)
_STANDALONE_FULL = tuple(_standalone_rx(p) for p in _FULL_DATES)
_DATELINE_YEARLESS = (
    _dateline_rx(_MONTH + r"\s+" + _DAY),
    _dateline_rx(_DAY + r"\s+" + _MONTH),
)


YEARLESS_WINDOW = 180  # days before the build date a year-less dateline may point to


def find_dateline(paragraphs: list[str], tz: dt.tzinfo, today: dt.date | None = None) -> dt.datetime | None:
    """A publication date stated in the first lines of a text.

    Looks at the first four paragraphs for a date line ("Jan 11, 2022", "Published: 11 January
    2022", "By Jane Doe | 2022-01-11") or a dateline opening a paragraph ("WASHINGTON, Jan. 11,
    2022 (Reuters) -"). A year-less dateline ("WASHINGTON, March 3 (Reuters) -") takes its year
    from the build date ``today`` only when that is unambiguous: the day falls within the
    :data:`YEARLESS_WINDOW` days up to ``today`` (a recent wire story). Otherwise it is skipped
    (a year mentioned in the text is not used: "the record set in November 1978" is no
    publication year).
    """
    head = [p[:300] for p in paragraphs[:4]]
    for para in head:
        for rx in (*_STANDALONE_FULL, *_DATELINE_FULL):
            m = rx.match(para)
            if m:
                found = _from_match(m, tz)
                if found is not None:
                    return found
    if today is None:
        return None
    for para in head:
        for rx in _DATELINE_YEARLESS:
            m = rx.match(para)
            if not m:
                continue
            for year in (today.year, today.year - 1):
                found = _from_match(m, tz, year=year)
                if found is not None and 0 <= (today - found.date()).days <= YEARLESS_WINDOW:
                    return found
            return None
    return None
