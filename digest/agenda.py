"""Assemble the agenda: meetings merged across the articles that report them, and the sections a
reader sees (upcoming by date, upcoming without a date, past; a briefing's next days).

Pure functions over plain objects; no I/O.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta

from digest.models import AgendaItem, ArticleEntry, Meeting, MeetingStatus, Source

_WORD = re.compile(r"\w+", re.UNICODE)
# Words every meeting title may hold: they tell the kind of event, not whose it is.
GENERIC_TITLE_WORDS = {
    "meeting", "meetings", "talks", "talk", "negotiations", "session", "sessions", "hearing", "hearings",
    "conference", "summit", "gathering", "consultations", "visit", "ministerial", "plenum", "congress",
    "convention", "parley", "testimony", "special", "annual", "extraordinary", "general", "public", "private",
    "formal", "informal", "new", "next", "high", "level", "closed", "door", "emergency", "preliminary",
    "first", "second", "third", "final", "full", "joint", "regular", "secret", "separate", "further", "fresh",
    "round", "of", "and", "the", "with", "between", "to", "on", "for", "in", "a", "an", "s",
    # an organisation's own meetings: whose they are is the organisation's name, not these words
    "all", "hands", "staff", "board", "shareholders", "shareholder", "stockholders", "employees", "town",
    "hall", "company", "directors",
}

CALLED_OFF = (MeetingStatus.POSTPONED, MeetingStatus.CANCELLED)


def title_words(title: str) -> frozenset[str]:
    """The words of a title that say whose meeting it is ("nato", "russia", "council")."""
    return frozenset(w for w in _WORD.findall(title.lower()) if w not in GENERIC_TITLE_WORDS and not w.isdigit())


def readable_title(title: str) -> bool:
    """A title a reader understands: it starts with a letter or digit and names more than the kind
    of event ("WeWork all-hands meeting", "Acme board meeting"; not "Meeting", "Public hearing", "- hands",
    nor an organisation's own meeting without the organisation: "All-hands meeting", "Board meeting")."""
    return title[:1].isalnum() and bool(title_words(title))


def _places_agree(a: Meeting, b: Meeting) -> bool:
    pa, pb = " ".join(_WORD.findall((a.place or "").lower())), " ".join(_WORD.findall((b.place or "").lower()))
    return not pa or not pb or pa in pb or pb in pa


def _dates_agree(a: Meeting, b: Meeting) -> bool:
    """Overlapping dates, or both undated; an undated report that a meeting is called off or put off
    ("the summit was cancelled") agrees with the dated meeting it speaks of."""
    wa, wb = a.when, b.when
    if wa is None or wb is None:
        undated = a if wa is None else b
        return (wa is None and wb is None) or undated.status in CALLED_OFF
    return wa.first_day <= wb.last_day and wb.first_day <= wa.last_day


def same_meeting(a: Meeting, b: Meeting) -> bool:
    """One event reported twice: compatible date and place, and the same body or parties (the
    names of one title within the other's, or a shared participant). A title that names nobody
    ("talks") joins a named one only on the same day at the same place."""
    if not (_dates_agree(a, b) and _places_agree(a, b)):
        return False
    wa, wb = title_words(a.title), title_words(b.title)
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    if _same_parties(a, b):
        return True
    same_day_and_place = bool(a.place and b.place) and a.start == b.start and len(a.start or "") == 10
    return same_day_and_place and not (wa and wb)


def _same_parties(a: Meeting, b: Meeting) -> bool:
    """The parties of one are all among the other's ("Iran" and "Iran, EU"), and the two are tied
    to a time or a place: one shared party ("U.S.") of two undated meetings says nothing of whether
    they are one."""
    pa, pb = {p.lower() for p in a.participants}, {p.lower() for p in b.participants}
    anchored = bool(a.start and b.start) or bool(a.place and b.place)
    return bool(pa and pb) and (pa <= pb or pb <= pa) and anchored


def _richness(m: Meeting) -> tuple:
    return (m.start is not None, m.place is not None, m.time is not None, readable_title(m.title), len(m.participants))


def _candidates(m: Meeting) -> list[tuple]:
    """Index keys under which a report of the same meeting would be filed."""
    keys = [("word", w) for w in title_words(m.title)] + [("who", p.lower()) for p in m.participants]
    if m.start and m.place:
        keys.append(("day", m.start))
    return keys


def source_of(entry: ArticleEntry) -> Source:
    """How the site cites an article."""
    return Source(entry.article.id, entry.article.title, entry.url, entry.article.source)


def merge_meetings(entries: list[ArticleEntry]) -> list[AgendaItem]:
    """Every meeting once, with the articles that report it (entries in publication order)."""
    merged: list[tuple[Meeting, list[Source], datetime]] = []
    first_report: list[Meeting] = []  # the uid comes from the first report, stable as more arrive
    index: dict[tuple, list[int]] = defaultdict(list)
    for entry in entries:
        for meeting in entry.meetings:
            keys = _candidates(meeting)
            seen = dict.fromkeys(i for k in keys for i in index.get(k, ()))
            # the earliest matching meeting, whatever order the index keys came in (a frozenset's
            # order changes with the process's hash seed: two builds must merge alike)
            found = next((i for i in sorted(seen) if same_meeting(merged[i][0], meeting)), None)
            if found is None:
                found = len(merged)
                merged.append((meeting, [source_of(entry)], entry.article.published))
                first_report.append(meeting)
            else:
                kept, sources, first = merged[found]
                if source_of(entry) not in sources:
                    sources.append(source_of(entry))
                # the richest report tells the facts; the newest tells the status (called off, held…)
                best = meeting if _richness(meeting) > _richness(kept) else kept
                merged[found] = (replace(best, status=meeting.status), sources, first)
            for k in keys:
                if found not in index[k]:
                    index[k].append(found)
    items = []
    for (meeting, sources, first), original in zip(merged, first_report, strict=True):
        seed = "|".join([sources[0].article_id, " ".join(_WORD.findall(original.title.lower())), original.start or ""])
        uid = hashlib.sha1(seed.encode()).hexdigest()[:20] + "@digest"
        items.append(AgendaItem(meeting, tuple(sources), uid, first))
    return items


def _ahead(item: AgendaItem, today: date) -> bool:
    """Still to come or still under way on ``today``: upcoming, or ongoing (under way on its
    article's day) with a last day not yet over."""
    when = item.meeting.when
    still_on = item.meeting.status in (MeetingStatus.UPCOMING, MeetingStatus.ONGOING)
    return when is not None and when.last_day >= today and still_on


def _called_off(item: AgendaItem, today: date) -> bool:
    """Postponed with no new date, or cancelled, and not over by ``today``."""
    when = item.meeting.when
    changed = item.meeting.status in CALLED_OFF
    return changed and (when is None or when.last_day >= today)


def agenda_sections(items: list[AgendaItem], today: date, reported_on: dict[str, date] | None = None,
                    fresh_days: int = 0) -> tuple[list, list, list, list]:
    """(upcoming by date, upcoming whose date is not given, postponed or called off, past newest
    first). The upcoming sections hold only meetings whose status is upcoming (or, dated, ongoing
    and not over: a conference under way); a postponed or
    cancelled meeting is shown apart; undated meetings that are past or ongoing are left out.

    With ``reported_on`` (article id -> the day it was published), an undated meeting is upcoming
    only while its latest report is at most ``fresh_days`` old: "his extradition hearing", reported
    years ago, says nothing of what is ahead today (it stays on its article's page and briefing)."""
    dated = sorted((it for it in items if it.meeting.when), key=_date_order)
    upcoming = [it for it in dated if _ahead(it, today)]
    called_off = [it for it in dated if _called_off(it, today)]
    called_off += [it for it in items if it.meeting.when is None and _called_off(it, today)]
    past = [it for it in reversed(dated) if not _ahead(it, today) and not _called_off(it, today)]
    undated = [it for it in items if it.meeting.when is None and it.meeting.status is MeetingStatus.UPCOMING]
    if reported_on is not None:
        undated = [it for it in undated if reported_since(it, reported_on, today - timedelta(days=fresh_days))]
    return upcoming, undated, called_off, past


def reported_since(item: AgendaItem, reported_on: dict[str, date], first_day: date) -> bool:
    """Whether an article reporting ``item`` was published on ``first_day`` or later."""
    return any(reported_on[source.article_id] >= first_day for source in item.sources)


def _date_order(item: AgendaItem) -> tuple:
    return (item.meeting.when.first_day, item.meeting.time or "", item.uid)


def upcoming_for_day(items: list[AgendaItem], day: date, days_ahead: int,
                     published_on: dict[str, date]) -> list[AgendaItem]:
    """A briefing's box: meetings still to happen, known on ``day`` (reported on or before it), in
    the next ``days_ahead`` days (or reported that day without a date), with a readable title."""
    horizon = day + timedelta(days=days_ahead)
    chosen = []
    for item in items:
        meeting = item.meeting
        if meeting.status is not MeetingStatus.UPCOMING or not readable_title(meeting.title):
            continue
        if min(published_on[s.article_id] for s in item.sources) > day:
            continue
        when = meeting.when
        if when is None:
            if day in {published_on[s.article_id] for s in item.sources}:
                chosen.append(item)
        elif when.last_day >= day and when.first_day <= horizon:
            chosen.append(item)
    chosen.sort(key=lambda it: it.meeting.when.first_day if it.meeting.when else date.max)
    return chosen
