"""Clean the metadata readers find on saved pages: author, outlet name and publication day.

Pages carry bylines such as "Phil Helsel is a reporter", "Detroit News wire services
Published", "STEVE PEOPLES, AP National Political Writer" or "Jeff Foust Monday, November";
a site name that is a raw URL or missing; and a UTC timestamp that falls on the day before
the publisher's own date (the one in the article's URL). Pure functions; no I/O.
"""

from __future__ import annotations

import datetime as dt
import re

_IS_A = re.compile(r"\s+(?:is|was)\s+(?:a|an|the)\b.*$", re.I | re.S)
_TRAILING = re.compile(
    r"(?:[\s,|·-]+(?:published|updated|posted|by|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"news reporter|reporter|correspondent))+\s*$", re.I)
_LEADING = re.compile(r"^(?:by|text|written by|posted by)[\s:]+", re.I)
_JOB = re.compile(r"\b(writer|reporter|correspondent|editor|columnist|contributor|staff|wire services|"
                  r"editorial|newsroom|desk|admin|administrator|webmaster)\b", re.I)
_PLACEHOLDER = re.compile(r"^(?:admin|jdadmin|webmaster|staff|staff reports?|editor|editors|guest|anonymous|"
                          r"the associated press|associated press|ap|reuters|afp)$", re.I)
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)$")
_URL_DAY = re.compile(r"/(20\d\d|19\d\d)[/-](\d\d)[/-](\d\d)(?:/|\b)")
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?([^/:?#\s]+\.[a-z]{2,})(?:[/:?#]|$)", re.I)


def _name_case(name: str) -> str:
    """ "STEVE PEOPLES" → "Steve Peoples"; mixed-case names are kept as written."""
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        return " ".join(w.capitalize() for w in name.split())
    return name


def clean_author(author: str | None, outlet: str | None = None) -> str | None:
    """The people a byline names, comma-separated; None when it names nobody.

    Job titles, outlet names, dates and words such as "Published" are removed; a part that is
    only a job title or a placeholder ("Admin", "Staff Reports") is dropped.
    """
    if not author:
        return None
    outlet_key = re.sub(r"\W", "", (outlet or "").lower())
    names: list[str] = []
    author = _TRAILING.sub("", _IS_A.sub("", author.strip()))
    for part in re.split(r"\s*(?:,|;|\band\b|&|\|)\s*", author):
        part = _LEADING.sub("", _IS_A.sub("", part.strip()))
        part = _TRAILING.sub("", part).strip(" ,.-|·")
        key = re.sub(r"\W", "", part.lower())
        if not part or _PLACEHOLDER.match(part) or _JOB.search(part) or _CREDENTIAL.match(part):
            continue
        if outlet_key and (key in outlet_key or key.startswith(outlet_key)):
            continue
        if part.split()[-1].lower() in ("com", "org", "net") or not any(c.isalpha() for c in part):
            continue  # a host name with its dots lost: "Cleveland com"
        name = _name_case(part)
        if name not in names:
            names.append(name)
    return ", ".join(names) or None


def host_name(url: str | None) -> str | None:
    """The host of ``url`` without "www.": "https://www.bbc.co.uk/news/x" → "bbc.co.uk"."""
    if not url:
        return None
    m = _HOST.match(url.strip())
    return m.group(1).lower() if m else None


def clean_outlet(source: str | None, url: str | None) -> str | None:
    """The outlet's name: the site name unless it is a URL (then its host), else the URL's host."""
    source = (source or "").strip()
    if re.match(r"^[a-z][a-z0-9+.-]*:", source, re.I) or source.lower() in ("http", "https", "www"):
        return host_name(source) or host_name(url)
    return source or host_name(url)


def url_day(url: str | None) -> dt.date | None:
    """The day written in an article URL ("/2019/11/19/…"), if any."""
    m = _URL_DAY.search(url or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def publisher_time(published: dt.datetime | None, url: str | None, tz: dt.tzinfo) -> dt.datetime | None:
    """``published``, moved to the URL's day when it is a UTC timestamp that falls on the day before.

    An evening story of a publisher west of Greenwich is stamped the next day in UTC, and one
    of a publisher east of it early in the morning the day before; the day in the article's
    own URL is the publisher's. Only a difference of exactly one day is corrected.
    """
    day = url_day(url)
    if published is None or day is None:
        return published
    local = published.astimezone(tz).date() if published.tzinfo else published.date()
    if local == day or abs((day - local).days) != 1:
        return published
    if published.tzinfo is not None and published.utcoffset() not in (dt.timedelta(0), None):
        return published  # a stamp with the publisher's own offset is its local day already
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=tz)
