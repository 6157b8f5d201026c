"""Step 5: merging. Mentions of one article are merged into meetings when nothing contradicts
(status, date, place, named parties) and something matches (names, date, place) or the mention
is anaphoric ("the talks") or bare (no date, place or names); one ``Meeting`` per group."""

from __future__ import annotations

import re
from datetime import timedelta

from digest.models import Meeting, MeetingStatus, TimeValue
from digest.nlp import meeting_lexicon as lex
from digest.nlp.meetings.candidates import visit_destination
from digest.nlp.meetings.kinds import MeetingKind
from digest.nlp.meetings.mention import Mention
from digest.nlp.meetings.syntax import ent_text, governor, is_country, subject
from digest.nlp.meetings.title import cap, title_score
from digest.nlp.meetings.when import rank
from digest.nlp.timex import covering

JOURNEY_DAYS = 4  # a meeting one travels to opens at most this many days after the journey


def _status_group(status: MeetingStatus) -> MeetingStatus:
    """Cancelled and postponed meetings were upcoming: they may merge with upcoming mentions."""
    return MeetingStatus.UPCOMING if status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED) else status


class Group:
    """Mentions of one meeting, with the facts merged so far kept up to date on every append."""

    def __init__(self, first: Mention):
        self.mentions: list[Mention] = []
        self.first_with_facts: Mention | None = None
        self.best_value: TimeValue | None = None
        self.hint: TimeValue | None = None
        self.names: set[str] = set()
        self.kinds: set = set()
        self.statuses: set[MeetingStatus] = set()
        self.all_bare = True
        self.borrowed_place: str | None = None  # a town told elsewhere (a series it is part of, an echo)
        self.append(first)

    def append(self, m: Mention) -> None:
        self.mentions.append(m)
        if self.first_with_facts is None and (m.value is not None or m.hint is not None or m.place):
            self.first_with_facts = m
        if (
            m.value is not None
            and not m.postponed_from
            and (self.best_value is None or rank(m.value) > rank(self.best_value))
        ):
            self.best_value = m.value
        self.hint = self.hint or m.hint
        self.names |= m.names
        self.kinds.add(m.kind)
        self.statuses.add(_status_group(m.status))
        self.all_bare = self.all_bare and m.bare

    def evidence(self) -> Mention:
        """The first mention giving a date or place, else the first mention."""
        return self.first_with_facts if self.first_with_facts is not None else self.mentions[0]

    def value(self) -> TimeValue | None:
        ev = self.evidence().value
        if ev and (self.best_value is None or rank(ev) >= rank(self.best_value)):
            return ev
        return self.best_value

    def dated(self) -> TimeValue | None:
        """The meeting's time: a mention's own, else what the day of a journey made for it says."""
        return self.value() or _after_journey_time(self.hint)

    def named_place(self) -> str | None:
        """The evidence's place, unless another mention names a city where it names a venue or a country."""
        ev = self.evidence()
        best = max((m for m in self.mentions if m.place), key=lambda m: (m.place_rank, m is ev), default=None)
        if best is None:
            return None
        return ev.place if ev.place and ev.place_rank == best.place_rank else best.place

    def place(self) -> str | None:
        """The place to show: never a country alone (it says no more than the parties do)."""
        found = self.named_place()
        return self.borrowed_place if found is None or is_country(found) else found

    def status(self) -> MeetingStatus:
        """The evidence's status, unless a later mention cancels or postpones it."""
        ev, val = self.evidence(), self.value()
        if val is not None and ev.value != val:
            ev = next((m for m in self.mentions if m.value == val), ev)
        later = self.mentions[next((i for i, m in enumerate(self.mentions) if m is ev), 0) :]
        if any(m.status is MeetingStatus.CANCELLED for m in later):
            return MeetingStatus.CANCELLED
        if ev.status is MeetingStatus.POSTPONED or any(
            m.status is MeetingStatus.POSTPONED and not m.postponed_from for m in later
        ):
            return MeetingStatus.POSTPONED
        return ev.status


def overlap(a: TimeValue, b: TimeValue) -> bool:
    """Whether two time values share a day."""
    if None in (a.first_day, a.last_day, b.first_day, b.last_day):
        return a.start == b.start
    return a.first_day <= b.last_day and b.first_day <= a.last_day


def _places_agree(m: Mention, g: Group) -> bool:
    """One name holds the other, or they are of different ranks (a country holds cities, a city venues)."""
    a, b = m.place.lower(), g.named_place().lower()
    if a in b or b in a:
        return True
    ranks = {x.place_rank for x in g.mentions if x.place and x.place.lower() == b}
    return m.place_rank not in ranks


def _after_journey_time(hint: TimeValue | None) -> TimeValue | None:
    """ "leaves on Tuesday to attend the meetings": the meeting opens within a few days of the
    journey, so the day says only the week (or month) that holds them all, never the day itself."""
    first = hint.first_day if hint is not None and hint.precision == "day" and not hint.end else None
    if first is None:
        return hint
    return covering(first, first + timedelta(days=JOURNEY_DAYS))


def _after_journey(hint: TimeValue | None, value: TimeValue | None) -> bool:
    """A meeting one travels to starts within a few days of the journey (true when either is unknown)."""
    if hint is None or value is None or None in (hint.first_day, hint.last_day, value.first_day, value.last_day):
        return True
    return value.last_day >= hint.first_day and value.first_day <= hint.last_day + timedelta(days=JOURNEY_DAYS)


def _within(a: TimeValue, b: TimeValue) -> bool:
    """A day-precise value inside a vaguer one ("begins tonight" … "this weekend's talks")."""
    if a.precision != "day" or b.precision == "day" or None in (a.first_day, b.first_day, b.last_day):
        return False
    return b.first_day <= a.first_day <= b.last_day


def _loose_name_match(a: set[str], b: set[str]) -> bool:
    wa = {w for n in a for w in re.findall(r"\w+", n) if len(w) > 2}
    wb = {w for n in b for w in re.findall(r"\w+", n) if len(w) > 2}
    return bool(wa & wb)


def _compatible(m: Mention, g: Group) -> bool:
    """Nothing about ``m`` contradicts the group: status, date, place, kind, named parties."""
    if any(other.trigger.i in m.apart or _conjoined(m, other) for other in g.mentions):
        return False  # "talks on the sidelines of the conference", "the OECD meeting and the summit": two meetings
    statuses = g.statuses | {_status_group(m.status)}
    if _status_group(m.status) not in g.statuses and not statuses <= {MeetingStatus.UPCOMING, MeetingStatus.ONGOING}:
        # a dateless mention may still name the same meeting ("referring to the talks in Brussels")
        strong = m.value is None and (
            (m.place and m.place == g.named_place())
            or (m.names and m.names & g.names)
            or (m.anaphoric and not m.place)
        )
        if not strong:
            return False
    gv, gp = g.value(), g.named_place()
    if m.value and gv and not overlap(m.value, gv):
        return False
    if not (_after_journey(g.hint, m.value) if gv is None else _after_journey(m.hint, gv)):
        return False
    if m.place and gp and not _places_agree(m, g):
        return False
    if _visits_elsewhere(m, g):
        return False
    same_place_or_day = (m.place and gp and m.place == gp) or (m.value and gv and m.value.start == gv.start)
    # "Nakasone will visit Washington next month" … "the week-long visit starting April 29": one visit
    told_by_verb = m.kind is MeetingKind.VISIT and m.anaphoric and MeetingKind.VISITS in g.kinds
    if m.kind.distinct and m.kind not in g.kinds and not m.weak and not same_place_or_day and not told_by_verb:
        return False
    if m.anaphoric:
        return True  # "Jules Wijdenbosch will open the meeting": the one just told, whoever opens it
    return not (m.names and g.names and not (m.names & g.names) and not _loose_name_match(m.names, g.names))


def _visits_elsewhere(m: Mention, g: Group) -> bool:
    """ "the premier's visit to Moscow" and "a visit to Jakarta next week": visits to two towns (or
    two countries) are two visits; a country and a town may be one ("a visit to the United States"
    … "his visit to Washington")."""
    dest = _destination(m)
    if dest is None:
        return False
    others = [d for d in map(_destination, g.mentions) if d is not None]
    return any(d.lower() != dest.lower() and is_country(d) == is_country(dest) for d in others)


def _destination(m: Mention) -> str | None:
    dest = visit_destination(m.trigger) if m.kind is MeetingKind.VISIT else None
    return (ent_text(dest) or dest.text) if dest is not None else None


def _has_holder(m: Mention) -> bool:
    """Whether the mention says who meets: a meeting verb's subject, or the subject of the verb
    holding the meeting noun ("farm ministers will hold talks")."""
    tok = m.trigger
    if m.kind.verbal:
        return subject(tok) is not None
    gov = governor(tok)
    return gov is not None and tok.dep_ == "dobj" and gov.lemma_.lower() in lex.HOSTING | lex.LIGHT and (
        subject(gov) is not None
    )


def _conjoined(a: Mention, b: Mention) -> bool:
    """Two meeting nouns joined by "and"/"or" in one sentence ("next month's OECD meeting and the
    meeting of G-7 leaders in Venice"): two meetings, each with its own facts."""
    ta, tb = a.trigger, b.trigger
    if a.kind.verbal or b.kind.verbal or ta.doc is not tb.doc:
        return False
    return (ta.dep_ == "conj" and ta.head.i == tb.i) or (tb.dep_ == "conj" and tb.head.i == ta.i)


def _place_names_party(m: Mention, g: Group) -> bool:
    """The place of one is a party named by the other ("talks with Washington" … "talks in
    Washington"): the same meeting, told from each side."""
    gp = g.named_place()
    return bool(
        (m.place and not g.named_place() and m.place.lower() in g.names)
        or (gp and not m.place and gp.lower() in m.names)
    )


def _score(m: Mention, g: Group) -> int:
    """How strongly ``m`` belongs with the group (0: not at all)."""
    s = 0
    gv = g.value()
    dates_agree = not (m.value and gv) or m.value.start == gv.start or _within(m.value, gv)
    if m.names and dates_agree and (m.names & g.names or _loose_name_match(m.names, g.names)):
        s += 3
    if m.value and not gv and not m.names and m.kind in g.kinds:
        s += 1
    if m.value and gv and m.value.start == gv.start:
        s += 2
    if m.place and g.named_place():
        s += 2
    if _place_names_party(m, g):
        s += 2  # "trade talks with Washington" … "tough talks in Washington"
    s += int(m.anaphoric) + int(m.bare)
    if m.place and m.value is None and not m.names and not _has_holder(m) and not g.named_place() and g.value():
        s += 1  # "the G-7, due to meet tomorrow" … "traders await the meetings in Washington": where it is
    if m.definite and m.names and not g.names and m.kind in g.kinds:
        s += 1  # "a meeting later this month between …" … "the Yeutter-de Clercq meeting will take place in London"
    if m.kind in g.kinds and s:
        s += 1
    if m.value and gv and not m.names and overlap(m.value, gv):
        s += 1
    hinted = (m.value, g.hint) if not gv else (m.hint, gv) if not m.value else (None, None)
    if None not in hinted and overlap(*hinted):
        s += 1  # "arrives tomorrow for talks" … "will meet the banks later this week"
    return s + int(g.all_bare)


def merge(mentions: list[Mention]) -> list[Group]:
    """Each mention joins the best compatible group among the last twelve, else starts one (weak ones never do)."""
    groups: list[Group] = []
    for m in mentions:
        best, best_score = None, 0
        for g in reversed(groups[-12:]):
            if _compatible(m, g):
                sc = _score(m, g)
                if sc > best_score:
                    best, best_score = g, sc
        if best is not None:
            best.append(m)
        elif not m.weak:
            groups.append(Group(m))
    return groups


SERIES_DAYS = 6  # a series of meetings told from its first day ("starting today") runs at most a week


def series_places(groups: list[Group]) -> None:
    """A meeting without a town, on a day of a series of meetings held in one town ("this week's
    meetings in Washington" … "Tomorrow's Group of Seven meeting"), is held there; not when two
    such series of different towns cover its day."""
    series = [(g.place(), _series_days(g)) for g in groups if _is_series(g)]
    series = [(town, days) for town, days in series if town and days]
    for g in groups:
        value = g.dated()
        if g.named_place() or value is None or value.first_day is None or _is_series(g):
            continue
        towns = {town for town, (first, last) in series if first <= value.first_day and value.last_day <= last}
        if len(towns) == 1:
            g.borrowed_place = towns.pop()


def echo_places(groups: list[Group], echoes: list[Mention]) -> None:
    """A meeting without a town takes the town of a later mention with "the" of its kind that does
    not announce it ("a meeting of coffee producers this weekend" … "were invited to the meeting in
    Managua"): the one told last before the echo, when the echo names no one it does not."""
    for e in echoes:
        before = [g for g in groups if g.mentions[0].trigger.i < e.trigger.i]
        kind = {e.kind, MeetingKind.MEET} if e.kind is MeetingKind.MEETING else {e.kind}
        same = [g for g in before if g.kinds & kind]
        if not same:
            continue
        g = max(same, key=lambda g: max(m.trigger.i for m in g.mentions if m.trigger.i < e.trigger.i))
        if g.place() is None and e.names <= g.names:
            g.borrowed_place = e.place


def _is_series(g: Group) -> bool:
    """A group told as several meetings in one town: "the meetings in Washington", "a series of talks"."""
    return any(m.place and m.place_rank == 2 and _several(m) for m in g.mentions)


def _several(m: Mention) -> bool:
    """ "meetings", "a series of talks", "gather … for meetings of the IMF" (titled "IMF meetings")."""
    plural_title = m.title.split()[-1].lower() in ("meetings", "sessions", "talks", "negotiations")
    return m.trigger.tag_ in ("NNS", "NNPS") or _of_a_series(m.trigger) or plural_title


def _of_a_series(tok) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("series", "round")


def _series_days(g: Group):
    """The days a series covers: its week, or a week from the day it starts."""
    value = g.dated()
    if value is None or value.first_day is None or value.precision not in ("day", "week"):
        return None
    last = value.last_day if value.end or value.precision == "week" else value.first_day + timedelta(days=SERIES_DAYS)
    return value.first_day, last


def to_meeting(g: Group) -> Meeting:
    """The meeting a group describes; the evidence is the sentence of its first mention with facts."""
    ev, value = g.evidence(), g.dated()
    text = ev.sent.text
    evidence = text.strip()
    start_char = ev.sent.start_char + len(text) - len(text.lstrip())
    # "the discussions" never name it, nor does "the meeting" named after whoever will open it
    named_by = [m for m in g.mentions if not m.weak and not (m.anaphoric and m.names)]
    named_by = named_by or [m for m in g.mentions if not m.weak] or g.mentions
    best_title = max((m.title for m in named_by), key=lambda t: (title_score(t), t == ev.title))
    participants = list(dict.fromkeys(p for m in g.mentions for p in m.participants))
    return Meeting(
        title=_named_title(best_title, participants),
        status=g.status(),
        start=value.start if value else None,
        end=_end(g, value),
        place=g.place(),
        participants=tuple(participants[:8]),
        evidence=evidence,
        mentions=tuple(dict.fromkeys(m.sent.text.strip() for m in g.mentions)),
        time=value.time if value else None,
        timezone=value.timezone if value else None,
        start_char=start_char,
        end_char=start_char + len(evidence),
    )


def _named_title(text: str, participants: list[str]) -> str:
    """A title that names nobody ("Meeting", "Talks", "Hearing") takes the parties' names."""
    if title_score(text) or not participants:
        return text or "Meeting"
    return cap(f"{' and '.join(participants[:2])} {text[:1].lower() + text[1:] if text[1:2].islower() else text}")


def _end(g: Group, value: TimeValue | None) -> str | None:
    """The end of a day-precise meeting: its own, else the latest "until …" day after the start."""
    if value is None or value.end or value.precision != "day":
        return value.end if value else None
    ends = [m.end_value.end or m.end_value.start for m in g.mentions if m.end_value is not None]
    ends = [e for e in ends if TimeValue(e).precision == "day" and e > value.start]
    return max(ends) if ends else None
