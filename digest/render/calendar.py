"""Meetings as iCalendar (RFC 5545): the whole agenda and one file per meeting.

Day-precision meetings are all-day events; a week or month is an all-day span whose
summary says "(date approximate)"; a meeting with a time of day and zone gets a timed
event and its VTIMEZONE. Undated meetings are never given an invented date: they are
left out of the calendar (the agenda page lists them as undated). DTSTAMP is the time the
first report was published, so identical input gives identical bytes.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event

from digest.config import Config
from digest.models import AgendaItem, MeetingStatus, Precision


def meeting_ics_name(item: AgendaItem) -> str:
    return item.uid.split("@")[0] + ".ics"


def _timed_start(item: AgendaItem) -> datetime | None:
    when = item.meeting.when
    if when is None or not when.time or when.precision is not Precision.DAY:
        return None
    try:
        zone = ZoneInfo(when.timezone) if when.timezone else None
        hour, minute = (int(x) for x in when.time.split(":")[:2])
        return datetime.combine(when.first_day, time(hour, minute), zone) if zone else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def meeting_event(item: AgendaItem, config: Config) -> Event | None:
    meeting = item.meeting
    when = meeting.when
    if when is None:
        return None
    event = Event()
    event.add("uid", item.uid)
    stamp = (item.reported or datetime(1970, 1, 1, tzinfo=timezone.utc)).astimezone(timezone.utc)
    event.add("dtstamp", stamp)
    summary = meeting.title
    if when.precision is not Precision.DAY:
        summary += " (date approximate)"
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        summary += f" [{meeting.status}]"
        event.add("status", "CANCELLED" if meeting.status is MeetingStatus.CANCELLED else "TENTATIVE")
    event.add("summary", summary)
    timed = _timed_start(item)
    if timed and not when.end:
        event.add("dtstart", timed)
        event.add("duration", timedelta(hours=1))
    else:
        event.add("dtstart", when.first_day)
        event.add("dtend", when.last_day + timedelta(days=1))
    if meeting.place:
        event.add("location", meeting.place)
    lines = [meeting.evidence] if meeting.evidence else []
    if meeting.participants:
        lines.append("Participants: " + ", ".join(meeting.participants))
    lines += [f"Source: {s.title} {config.base_url}{s.url}" for s in item.sources]
    event.add("description", "\n".join(lines))
    event.add("url", config.base_url + item.sources[0].url)
    return event


def calendar_ics(items: list[AgendaItem] | tuple[AgendaItem, ...], config: Config) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//digest//daily briefing meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{config.title}: meetings")
    for item in items:
        event = meeting_event(item, config)
        if event is not None:
            cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
