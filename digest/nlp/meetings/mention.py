"""One sentence's meeting mentions: candidates (step 1) with their facts (step 2) and the
decision (step 3) applied; nested mentions ("talks at the summit") folded into one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from digest.models import MeetingStatus, Precision, TimeValue
from digest.nlp.meetings import decision
from digest.nlp.meetings.candidates import sentence_triggers
from digest.nlp.meetings.facts import (
    assign,
    choose_place,
    dated_by_when_clause,
    here_place,
    host_town,
    journey_place,
    parties,
    seat_of_body,
    sentence_places,
    sentence_times,
    where_clause_place,
)
from digest.nlp.meetings.kinds import MeetingKind
from digest.nlp.meetings.syntax import head_path
from digest.nlp.meetings.title import names_someone, title, title_score
from digest.nlp.meetings.when import MentionTime, mention_time, split_travel_times, with_duration
from digest.nlp.tense import PRESENT
from digest.nlp.timex import as_week, find_time_of_day, find_time_of_day_at

_ANAPHORIC_DETS = ("the", "this", "that", "these", "its", "their")
# the only words of a meeting noun that is an anaphor: "the meeting, which …"
_ANAPHOR_DEPS = {"det", "relcl", "acl", "punct"}


@dataclass
class Mention:
    """One mention of a meeting in a sentence, with the facts found for it."""

    sent: object
    trigger: object
    kind: MeetingKind
    tense: str = PRESENT
    status: MeetingStatus = MeetingStatus.ONGOING
    value: TimeValue | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    title: str = ""
    anaphoric: bool = False
    postponed_from: bool = False
    end_value: TimeValue | None = None
    apart: set[int] = field(default_factory=set)  # triggers of meetings this one is not
    place_rank: int = 0  # a city 2, a venue 1, a country 0 (facts.place_rank)
    definite: bool = False  # "the Yeutter-de Clercq meeting": one the reader already knows of
    hint: TimeValue | None = None  # the day of a journey made for the meeting: its date if no mention gives one
    echo: bool = False  # "were invited to the meeting in Managua": only the place of a meeting told before

    @property
    def weak(self) -> bool:
        return self.kind.weak

    @property
    def bare(self) -> bool:
        return self.value is None and self.place is None and not self.names

    def take_place(self, other: Mention) -> None:
        """The other mention's place when this one has none, or only a vaguer one (a country)."""
        if other.place and (not self.place or other.place_rank > self.place_rank):
            self.place, self.place_rank = other.place, other.place_rank

    def absorb(self, other: Mention) -> None:
        """Take the facts ``other`` has and this mention lacks."""
        self.value = self.value or other.value
        self.take_place(other)
        self.names |= other.names
        self.participants = list(dict.fromkeys(self.participants + other.participants))


def sentence_mentions(doc, sent, published: date, doc_places: frozenset[str], sent_places) -> list[Mention]:
    """The meeting mentions of one sentence."""
    triggers = sentence_triggers(sent)
    if not triggers:
        return []
    times = sentence_times(doc, sent)
    places = sentence_places(sent_places, sent)
    time_of = dated_by_when_clause(times, triggers) | assign([r for r, _ in times], triggers)
    place_of = assign([r for r, _ in places], triggers, place=True)
    out, echoes = [], []
    for tok, kind in triggers:
        own_times = [times[k] for k, t in time_of.items() if t == _umbrella(tok, time_of)]
        own_places = [places[k][1] for k, t in place_of.items() if t == tok.i]
        m = mention(sent, tok, kind, own_times, own_places, published, doc_places)
        if m is not None:
            out.append(m)
        elif not own_times:
            echoes.append(echo(sent, tok, kind, own_places))
    return _set_apart(fold_nested(out)) + [e for e in echoes if e is not None]


def echo(sent, tok, kind: MeetingKind, own_places) -> Mention | None:
    """ "… were invited to the meeting in Managua": a meeting named again with "the" and a town
    but in words that do not announce it (another tense, a proposal) still tells where it is."""
    if kind.verbal or kind.weak or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    place, place_rank = choose_place(tok, kind, own_places, frozenset())
    if place is None or place_rank < 2:
        return None
    _, names = parties(tok, kind, place)
    return Mention(sent, tok, kind, place=place, place_rank=place_rank, names=names, echo=True)


def _umbrella(tok, time_of: dict[int, int]) -> int:
    """The trigger whose times are ``tok``'s: its own, or, when it has none, those of the meetings
    it is one of ("conferences including the IMF meetings in early April")."""
    if tok.i in time_of.values() or tok.dep_ != "pobj" or tok.head.lower_ not in ("including", "like"):
        return tok.i
    return tok.head.head.i if tok.head.head.i in time_of.values() else tok.i


def _set_apart(mentions: list[Mention]) -> list[Mention]:
    """Two meetings of one sentence, each with its own day ("talks started yesterday, while
    discussions with another supplier will be held later this month"), are not one."""
    dated = [m for m in mentions if m.value is not None]
    for a in dated:
        for b in dated:
            if a is not b and a.value.start != b.value.start and a.status != b.status:
                a.apart.add(b.trigger.i)
    introduced = [m for m in mentions if _introduced(m.trigger)]
    for a in introduced:  # "a visit here next week by … and a visit to Tokyo by …": two visits
        a.apart.update(b.trigger.i for b in introduced if b is not a and b.kind is a.kind)
    return mentions


def _introduced(tok) -> bool:
    """A meeting noun brought in as a new one: "a visit", "another meeting"."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children)


def mention(sent, tok, kind: MeetingKind, own_times, own_places, published: date, doc_places) -> Mention | None:
    """The mention a trigger makes, or None when it does not announce one specific meeting."""
    if decision.as_a_means(tok, kind) or decision.forecast_by_others(tok, kind) or decision.acted_upon(tok, kind):
        return None
    if decision.inside_another_noun(tok, kind):
        own_times = [(root, tm) for root, tm in own_times if root.is_ancestor(tok) or tok.is_ancestor(root)]
        own_places = [ent for ent in own_places if tok.is_ancestor(ent.root)]
        if not own_times and not own_places:
            return None  # "progress in the talks was expected this year": the date is the progress's
    tense = decision.mention_tense(tok, kind)
    scheduled = decision.is_scheduled(tok, kind)
    if scheduled:
        tense = decision.FUTURE
    when, hinted = _when(tok, kind, tense, own_times, published, scheduled)
    value = when.value
    has_day = value is not None and value.precision == "day"
    if kind.needs_date and (value is None or value.precision is Precision.YEAR):
        return None  # "his panel would consider changes this year": a year holds a process, not a session
    if decision.excluded_use(tok, kind, has_day) or decision.speculative(tok, value, kind):
        return None
    if decision.not_an_event(tok, kind, value, bool(own_places), tense):
        return None
    if value is not None:
        value = _with_time_of_day(sent, with_duration(tok, value))
    elif tense == decision.FUTURE and (
            kind.formal or scheduled or decision.set_for(tok) or decision.opened_at_a_clock_time(tok)):
        value = _same_day_clock(sent, tok, published)  # "the council is scheduled to meet around 1500 GMT"
    place, place_rank = choose_place(tok, kind, own_places, doc_places)
    if place is None:
        # "… arrived in Geneva. He will meet …"; "the Dublin court will sit again on April 2"
        place = where_clause_place(tok, kind) or here_place(tok, kind) or journey_place(tok, kind)
        place = place or seat_of_body(tok, kind)
        place = place or host_town(tok, kind)  # "Vienna will host the talks"
        place_rank = 2 if place else 0
    participants, names = parties(tok, kind, place)
    status, postponed_from, value, hinted = _status(tok, tense, when, value, hinted, published)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETS for c in tok.children)
    # "the meeting": named by nothing of its own (who opens or attends it does not make it another one)
    anaphoric = definite and (not names or all(c.dep_ in _ANAPHOR_DEPS for c in tok.children))
    return Mention(
        sent,
        tok,
        kind,
        tense,
        status,
        None if hinted else value,
        place,
        participants,
        names,
        title(tok, kind),
        anaphoric,
        postponed_from,
        when.end,
        hint=value if hinted else None,
        place_rank=place_rank,
        definite=definite,
    )


def _status(
    tok, tense: str, when: MentionTime, value: TimeValue | None, hinted: bool, published: date
) -> tuple[MeetingStatus, bool, TimeValue | None, bool]:
    """The mention's status, whether it only gives the date a meeting was moved from, and its time
    as shown (with whether it is only a journey's day)."""
    if when.paused:
        return MeetingStatus.ONGOING, False, value, hinted  # "adjourned until Thursday": a session under way
    if decision.come_back_from(tok):  # "who returns from a visit to Brazil on Sunday": under way until then
        over = tense == decision.PAST or (value is not None and value.last_day is not None
                                          and value.last_day < published)
        return (MeetingStatus.PAST if over else MeetingStatus.ONGOING), False, None, False  # the day is the return's
    # a journey already made says nothing of whether the meeting it was for is over
    past_journey = hinted and value is not None and value.last_day is not None and value.last_day < published
    # "the ministers meet this week": a present told as a timetable (its dates were read as ahead) is ahead
    timetable = decision.FUTURE if tense == PRESENT and when.tense == decision.FUTURE else tense
    known = None if past_journey else value
    status, postponed_from = decision.status(tok, timetable, known, published, when.rescheduled)
    if past_journey and status is not MeetingStatus.PAST:
        hinted, value = False, None  # "arrived yesterday to attend talks that open next week": not the talks' day
    status = decision.under_way(tok, status, value, when.end, published)
    if _later_in_period(status, when, value, published):
        status = MeetingStatus.UPCOMING  # "when the two firms meet again later this month"
    if when.weekend and value is not None:
        value = as_week(value)  # its days told the status; the text names no day
    return status, postponed_from, value, hinted


def _later_in_period(status: MeetingStatus, when: MentionTime, value: TimeValue | None, published: date) -> bool:
    """ "later this week" counts from the reporter's day, even in reported speech told in the past
    ("said he was summoning the negotiators home for consultations later this week")."""
    if status not in (MeetingStatus.ONGOING, MeetingStatus.PAST) or not when.later or value is None:
        return False
    return value.last_day is not None and value.last_day > published


def _when(tok, kind: MeetingKind, tense, own_times, published: date, scheduled: bool) -> tuple[MentionTime, bool]:
    """The mention's time, and whether it is only the day of a journey made for the meeting."""
    own_times, travel_times = split_travel_times(tok, own_times)
    date_tense = decision.tense_for_dates(tok, kind, tense)
    when = mention_time(tok, own_times, published, date_tense, scheduled)
    if when.value is not None or not travel_times:
        return when, False
    # "leaves on Monday to attend …": a journey told in the present is a timetable
    travel_tense = decision.FUTURE if date_tense == PRESENT else date_tense
    journey = mention_time(tok, travel_times, published, travel_tense, scheduled)
    return (journey, True) if journey.value is not None else (when, False)


def _same_day_clock(sent, tok, published: date) -> TimeValue | None:
    """A clock time with no day, in a future clause: the article's own day; not a time told in a
    clause of its own ("the council will meet, and the meeting will be followed by a news
    conference at 1030 GMT")."""
    clock, zone, start = find_time_of_day_at(sent.text)
    if not clock or _in_another_clause(sent, tok, start):
        return None
    return TimeValue(published.isoformat(), None, clock, zone)


def _in_another_clause(sent, tok, start: int) -> bool:
    """Whether the clock time at character ``start`` of the sentence hangs on a verb with a subject
    of its own that is neither the trigger's nor above it."""
    at = sent.char_span(start, start + 1, alignment_mode="expand")
    if not at:
        return False
    own = {t.i for t in head_path(tok)}
    for t in head_path(at[0])[1:]:
        if t.i in own:
            return False
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return True
    return False


def _with_time_of_day(sent, value: TimeValue) -> TimeValue:
    clock, zone = find_time_of_day(sent.text)
    return TimeValue(value.start, value.end, clock, zone) if clock and value.precision == "day" else value


def fold_nested(mentions: list[Mention]) -> list[Mention]:
    """One mention for what the sentence tells as one event."""
    if len(mentions) < 2:
        return mentions
    dropped: set[int] = set()
    _fold_settings(mentions, dropped)
    _fold_names(mentions, dropped)
    _fold_visit_and_talks(mentions, dropped)
    _fold_gathering_for(mentions, dropped)
    return [m for m in mentions if m.trigger.i not in dropped]


def _fold_gathering_for(mentions: list[Mention], dropped: set[int]) -> None:
    """ "EU leaders gather in Brussels on Thursday for a two-day summit": the meeting the verb
    announces is the one it is for; the verb's mention keeps its status and takes the noun's facts."""
    by_i = {m.trigger.i: m for m in mentions}
    for m in mentions:
        head = m.trigger.head
        if m.kind.verbal or m.trigger.i in dropped or head.dep_ != "prep" or head.lower_ != "for":
            continue
        outer = by_i.get(head.head.i)
        if outer is None or outer.kind is not MeetingKind.MEET or outer.trigger.i in dropped:
            continue
        if m.value and outer.value and m.value.start != outer.value.start:
            continue
        outer.absorb(m)
        if outer.status is MeetingStatus.ONGOING and m.status is MeetingStatus.UPCOMING and m.value is not None:
            outer.status = m.status  # "leaders are gathering in Rome for Friday's summit": the summit is ahead
        if outer.value is not None:
            outer.value = with_duration(m.trigger, outer.value)  # "… on Thursday for a two-day summit"
        noun_better = not names_someone(outer.title, outer.sent) and title_score(m.title) > title_score(outer.title)
        if names_someone(m.title, m.sent) or noun_better:
            outer.title = m.title  # "G20 summit" rather than "Leaders meeting"
        elif outer.title.endswith(" meeting") and len(m.title.split()) <= 2:
            outer.title = f"{outer.title[: -len('meeting')]}{m.title.lower()}"  # "EU summit"
        dropped.add(m.trigger.i)


def _fold_settings(mentions: list[Mention], dropped: set[int]) -> None:
    """ "Talks at the ICO council session": the inner trigger is the setting of the outer one; keep
    the outer one with the facts of both. "Talks on the sidelines of the IMF conference": two
    meetings at one place and time; each takes the facts the other gives."""
    by_i = {m.trigger.i: m for m in mentions}
    for m in mentions:
        head = m.trigger.head
        if not m.kind.verbal and _sidelines_of(head):
            outer = by_i.get(head.head.head.head.i)
            if outer is not None and not outer.kind.weak and outer.status == m.status:
                outer.value, m.value = outer.value or m.value, m.value or outer.value
                outer.take_place(m)
                m.take_place(outer)
                outer.apart.add(m.trigger.i)
                m.apart.add(outer.trigger.i)
            continue
        if m.kind.verbal or head.dep_ != "prep" or head.lower_ not in ("at", "during"):
            continue
        outer = None
        cur = head.head
        for _ in range(4):
            outer = by_i.get(cur.i)
            if outer is not None or cur.head == cur or cur.pos_ in ("VERB", "AUX"):
                break
            cur = cur.head
        if outer is None or outer.kind.weak or outer.status != m.status:
            continue
        outer.absorb(m)
        if len(outer.title.split()) == 1:
            outer.title = m.title
        dropped.add(m.trigger.i)


def _sidelines_of(prep) -> bool:
    """ "on the sidelines / fringes / margins of" a meeting."""
    holder = prep.head
    return (
        prep.lower_ == "of"
        and holder.lemma_.lower() in ("sideline", "sidelines", "fringe", "margin")
        and holder.dep_ == "pobj"
        and holder.head.lower_ in ("on", "at")
    )


def _fold_names(mentions: list[Mention], dropped: set[int]) -> None:
    """ "the United Nations Conference on Trade and Development meeting": a name around the meeting."""
    from digest.nlp.meetings.title import cap

    by_i = {m.trigger.i: m for m in mentions}
    for m in mentions:
        head = m.trigger.head
        if m.trigger.i in dropped or head.dep_ != "prep" or head.lower_ not in ("on", "of", "for"):
            continue
        outer = by_i.get(head.head.i)
        if outer is None or outer.trigger.pos_ != "PROPN" or outer.trigger.i in dropped:
            continue
        m.value = m.value or outer.value
        m.take_place(outer)
        m.names |= outer.names
        doc = m.trigger.doc
        words = [
            t.text
            for t in doc[outer.trigger.left_edge.i : m.trigger.i + 1]
            if t.ent_type_ not in ("DATE", "TIME") and t.dep_ != "det"
        ]
        m.title = cap(" ".join(words[:10]))
        dropped.add(outer.trigger.i)


def _fold_visit_and_talks(mentions: list[Mention], dropped: set[int]) -> None:
    """ "will pay a state visit to France and hold talks with Macron on Monday": one event."""
    from digest.nlp import meeting_lexicon as lex

    nouns = [m for m in mentions if not m.kind.verbal and m.trigger.i not in dropped and m.trigger.dep_ == "dobj"]
    for a in nouns:
        for b in nouns:
            if a is b or b.trigger.i in dropped or a.trigger.i in dropped or b.trigger.i < a.trigger.i:
                continue
            ga, gb = a.trigger.head, b.trigger.head
            linked = gb.dep_ == "conj" and gb.head == ga and ga.lemma_.lower() in lex.LIGHT | {"pay", "make"}
            if not linked or a.status != b.status or MeetingKind.VISIT not in (a.kind, b.kind):
                continue
            if a.value and b.value and a.value.start != b.value.start:
                continue
            a.absorb(b)
            dropped.add(b.trigger.i)
