"""Step 2 (time): the date of a mention, resolved with the tense of the trigger's clause."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from digest.models import Precision, TimeValue
from digest.nlp import meeting_lexicon as lex
from digest.nlp.meetings.syntax import clause_tells, doc_text, governor, head_path, when_clause_after
from digest.nlp.tense import FUTURE, PAST, PRESENT, clause_tense
from digest.nlp.timex import NUMBER_WORDS, as_week, find_in_span
from digest.nlp.timex import resolve as resolve_time


def rank(value: TimeValue | None) -> int:
    """How precise a value is: day 4, week 3, month 2, year 1, none 0."""
    return value.precision.rank if value is not None else 0


@dataclass(frozen=True)
class MentionTime:
    """The start a mention gives (its most precise time) and an end it gives on its own ("until …")."""

    value: TimeValue | None = None
    end: TimeValue | None = None
    tense: str = ""  # the tense the start was resolved with
    rescheduled: bool = False  # the start is a new date: "postponed from Tuesday to Friday"
    paused: bool = False  # a session under way broken off for a few days: "adjourned until Thursday"
    later: bool = False  # the rest of a period: "later this month", "the end of the week"
    weekend: bool = False  # "this weekend": days that tell the status, but no day named (shown as the week)


def mention_time(tok, own_times: list, published: date, tense: str, scheduled: bool) -> MentionTime:
    """The most precise time attached to the trigger; "until/through X" and "is scheduled to end X"
    give an end. A day that contradicts the clause tense belongs to another verb and is dropped."""
    value, end, value_tense, best, year, named_day, later = None, None, tense, -1, None, False, False
    weekend = False
    trig_gov = governor(tok)
    subtree = {t.i for t in tok.subtree}
    own_times, renewed = _new_arrangement(tok, trig_gov, own_times)
    for root, tm in own_times:
        moved = _moved(root, trig_gov, tok)
        moved = moved if moved == "from" or not renewed else "to"
        if moved == "from":
            continue  # the date it was moved from
        in_name = root.i < tok.i and tok.is_ancestor(root)  # "its May 13 annual meeting": the meeting's own date
        # "as a result of talks yesterday with Baker": a date on the noun itself is the meeting's,
        # whatever the tense of the clause around
        own = in_name or (tok.pos_ in ("NOUN", "PROPN") and _modifies_noun(root, tok))
        t_tense = _own_day_direction(tok, _day_kind(tm), tense, in_name, own)
        t_gov = governor(root)
        if t_gov is not None and trig_gov is not None and t_gov.i not in (trig_gov.i, tok.i) and t_gov.i in subtree:
            # "the summit, scheduled for Thursday, was cancelled"; a meeting "called for April 27" is
            # dated by its call, told in the meeting's own tense
            t_tense = tense if _scheduling_participle(t_gov) else clause_tense(root)
            if t_tense == PRESENT and t_gov.tag_ in ("VBZ", "VBP") and t_gov.lemma_.lower() in lex.TAKING_PLACE:
                t_tense = FUTURE  # "the session that starts in January": a timetable
        if tm.kind in ("date", "range") and _participle_beside(tok, t_gov):
            t_tense = PRESENT  # "said the talks, starting on April 14, would …": the nearest April 14
        v = resolve_time(tm.text, published, FUTURE if moved else t_tense)
        v = in_sequence(tok, tm, v, FUTURE if moved else t_tense, published)
        if v is None:
            continue
        if _paused(root, trig_gov, v, published):
            return MentionTime(None, None, tense, paused=True)  # the day it resumes, not the day it opened
        if moved:
            return MentionTime(v, end, FUTURE, rescheduled=True)  # the new date
        # a day in the meeting's own name ("ahead of tomorrow's talks") is its start, whatever
        # verb of ending stands above ("the dollar ended lower ahead of …")
        ending_verb = not in_name and t_gov is not None and (
            t_gov.lemma_.lower() in lex.ENDING_DATE or (t_gov.lemma_.lower() in lex.ENDING and _deadline(root)))
        if (_until(root.doc, tm.start_char) and not _told_in_when_clause(tok, root, tm.end_char)) or ending_verb:
            end = v  # "the talks, which are scheduled to end Wednesday"
        elif v.precision.rank > best:
            value, best, value_tense, named_day = v, v.precision.rank, t_tense, own
            later = bool(re.match(r"(?i)(?:later|late|the\s+end|end|the\s+rest|rest)\b", tm.text))
            weekend = bool(re.search(r"(?i)\bweekend\b", tm.text))
        if v.precision is Precision.YEAR and root.dep_ in ("nummod", "compound", "amod") and root.head == tok:
            year = v.start  # "their 2025 session that starts in January"
    if value is not None and value.precision == "day" and not value.end and not scheduled and not named_day:
        first = value.first_day
        contradicts = (value_tense == FUTURE and first < published and not _future_in_past(tok)) or (
            value_tense == PAST and first > published
        )
        if first and contradicts:
            value = None  # the date belongs to another verb ("Delors said yesterday the summit will …")
    if year and value is not None and value.precision in (Precision.MONTH, Precision.DAY) and not value.end:
        value = TimeValue(year + value.start[4:], None, value.time, value.timezone)
    return MentionTime(value, end, value_tense, later=later, weekend=weekend)


_BARE_WEEKDAY = re.compile(r"(?i)(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day")
_WEEK_AFTER = re.compile(r"(?i)the\s+(?:following\s+week|week\s+after)")


def in_sequence(tok, tm, value: TimeValue | None, tense: str, published: date) -> TimeValue | None:
    """A time told after another in one look-ahead sentence counts on from it: "the council meets
    next Thursday and the committee on Friday" is the Friday after; "Japan will ask next week for
    talks and the two sides will meet the week after" is the week after that."""
    week_after = _WEEK_AFTER.fullmatch(tm.text)
    if tense != FUTURE or not (week_after or _BARE_WEEKDAY.fullmatch(tm.text)):
        return value
    anchor = _earlier_day(tok, tm, published)
    if anchor is None:
        return value
    if week_after:
        later = anchor + timedelta(days=7)
        return as_week(TimeValue(later.isoformat())) if later > published + timedelta(days=7) else value
    first = value.first_day if value is not None and value.precision == Precision.DAY and not value.end else None
    if first is None or not 0 < (anchor - first).days < 7:
        return value
    return TimeValue((first + timedelta(days=7)).isoformat(), None, value.time, value.timezone)


def _earlier_day(tok, tm, published: date) -> date | None:
    """The first day of the time told just before ``tm`` in its sentence, read as ahead."""
    earlier = [x for x in find_in_span(tok.sent) if x.end_char <= tm.start_char]
    span = tok.doc.char_span(earlier[-1].start_char, earlier[-1].end_char, alignment_mode="expand") if earlier else None
    if span is None or not len(span) or clause_tense(span.root) == PAST:
        return None  # "a spokesman said on Wednesday the talks would be on Friday": no sequence
    gov = governor(tok)
    if tok.is_ancestor(span.root) or (gov is not None and gov.lemma_.lower() in lex.MOVE_WORDS | lex.POSTPONE_WORDS):
        return None  # "the hearing, planned for Tuesday, will now be on Friday": the meeting's old day
    value = resolve_time(earlier[-1].text, published, FUTURE)
    return value.first_day if value is not None and value.first_day > published else None


def _day_kind(tm) -> str:
    """The kind of a time for its direction: a weekend is told like a weekday ("at the weekend
    meeting" follows the clause: the one just past in a past clause, the coming one ahead)."""
    return "weekday" if re.search(r"(?i)\bweekend\b", tm.text) else tm.kind


def _deadline(root) -> bool:
    """ "complete the negotiations before the end of the month", "by Friday": a time the end comes by."""
    return root.head.dep_ == "prep" and root.head.lower_ in ("before", "by")


def _scheduling_participle(verb) -> bool:
    """ "a meeting called for April 27", "talks set for Monday": a participle that fixes the
    meeting's day, which is no past of its own."""
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_.lower() in lex.SCHEDULE_VERBS


def _own_day_direction(tok, kind: str, tense: str, in_name: bool, own: bool) -> str:
    """The tense a time on the meeting's own noun is resolved with. A weekday of a meeting one
    waits for is the next one ("stocks fell ahead of Monday's meeting"); a weekday in the name
    follows the clause ("agreed at Friday's meeting", "will decide at Monday's meeting"); any
    other time in the name is the nearest ("the February meeting")."""
    if kind == "weekday" and own and (_ahead_of(tok) or _awaited(tok)):
        return FUTURE
    if not in_name:
        return tense
    return tense if kind == "weekday" and tense in (FUTURE, PAST) else PRESENT


def _ahead_of(tok) -> bool:
    """ "ahead of Monday's meeting"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "ahead"


_AWAITING = {"await", "anticipate"}


def _awaited(tok) -> bool:
    """ "dealers awaited Tuesday's talks", "investors were waiting for Monday's meeting": what one
    waits for lies ahead of the waiting, whatever its tense."""
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in _AWAITING
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_.lower() == "wait"


def split_travel_times(tok, own_times: list) -> tuple[list, list]:
    """The times of the meeting itself, and those of a journey made for it ("leaves on Tuesday
    for talks", "arrives tomorrow to attend the summit"): the day one travels is only a hint of
    the meeting's day, which another mention may give."""
    direct, travel = [], []
    for root, tm in own_times:
        (travel if _via_travel(root, tok) else direct).append((root, tm))
    return direct, travel


# a visit is a stay, not a journey: "will visit Kenya tomorrow for talks" holds them from that day
_JOURNEYS = lex.TRAVEL - {"visit"}


def _via_travel(root, tok) -> bool:
    """Whether ``root`` dates a travel verb that the trigger hangs on through "for/to" or a purpose clause."""
    verb = governor(root)
    if verb is None or verb.i == tok.i or tok.is_ancestor(root) or verb.lemma_.lower() not in _JOURNEYS:
        return False
    below = next((t for t in head_path(tok) if t.head.i == verb.i and t.i != verb.i), None)
    if below is None:
        return False
    return (below.dep_ == "prep" and below.lower_ in ("for", "to")) or (
        below.dep_ in ("advcl", "xcomp") and below.pos_ == "VERB"
    )


def _participle_beside(tok, verb) -> bool:
    """ "the talks, starting on April 14, …", "the summit, scheduled for May 3, …": a bare participle
    right after the meeting noun describes it, whatever the parser attached it to (a month and day
    there are the meeting's own, not dated by the tense of a verb the noun was misread as the object of)."""
    if tok.pos_ not in ("NOUN", "PROPN") or verb is None or verb.tag_ not in ("VBG", "VBN"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False
    gap = verb.i - tok.right_edge.i
    return gap == 1 or (gap == 2 and tok.doc[verb.i - 1].text == ",")


def _modifies_noun(root, tok) -> bool:
    """ "talks yesterday", "the meeting on Monday": a time hanging on the meeting noun itself."""
    head = root.head
    if head.dep_ == "prep" and head.lower_ in ("on", "in", "at"):
        head = head.head
    return head == tok and root.i > tok.i and root.dep_ in ("npadvmod", "pobj", "nmod", "appos")


def _future_in_past(tok) -> bool:
    """ "He was due to meet X yesterday": a plan told in the past, which may lie in the past."""
    cur = governor(tok)
    for _ in range(4):
        if cur is None:
            return False
        told_past = cur.tag_ == "VBD" or (cur.dep_ == "acomp" and cur.head.tag_ == "VBD")  # "was due"
        told_past = told_past or any(c.tag_ == "VBD" for c in cur.children if c.dep_ in ("aux", "auxpass"))
        if cur.lemma_.lower() in ("due", "schedule", "set", "expect", "plan") and told_past:
            return True
        if cur.dep_ not in ("xcomp", "acomp") or cur.head == cur:
            return False
        cur = cur.head
    return False


def _new_arrangement(tok, trig_gov, own_times: list) -> tuple[list, bool]:
    """The times that say when the meeting now is, and whether they are a new date. Dropped: the
    day a change was made ("the talks, postponed last week, …", "cancelled on Monday") and, when
    the sentence gives the new time, the old arrangement ("the meeting, which had been planned
    for Tuesday, will now take place on Friday"). Kept as a new date: the time of the verb that
    holds a moved meeting ("… postponed last week, will now be held on March 20")."""
    kept = [
        (root, tm)
        for root, tm in own_times
        if not _time_of_change(root, tok, trig_gov) and not _time_of_request(root, tok)
    ]
    current = [(root, tm) for root, tm in kept if not _old_arrangement(root, tok)]
    renewed = len(current) < len(kept) and bool(current)
    moving = trig_gov is not None and trig_gov.lemma_.lower() in lex.MOVE_WORDS | lex.CANCEL_WORDS
    for root, _tm in current if moving else []:
        verb = governor(root)
        held = verb is not None and verb.lemma_.lower() in lex.GOING_AHEAD
        renewed = renewed or (held and verb.dep_ == "conj" and verb.head == trig_gov)
    return (current or kept), renewed


def _time_of_change(root, tok, trig_gov) -> bool:
    """ "postponed last week", "was cancelled on Monday": the day a meeting was moved or called off,
    not its own (the old and new dates come through "from" and "to/until/for")."""
    head = root.head
    if head.dep_ == "prep" and head.lower_ in ("on", "in", "at"):
        head = head.head
    elif root.dep_ not in ("npadvmod", "tmod", "advmod"):
        return False
    if head.pos_ != "VERB" or head.lemma_.lower() not in lex.MOVE_WORDS | lex.CANCEL_WORDS | lex.POSTPONE_WORDS:
        return False
    moved_object = head == trig_gov and tok.head == head and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
    return moved_object or (head.head == tok and head.dep_ in ("acl", "relcl"))  # the meeting is what is moved


_REQUESTS = {"request", "call", "demand", "appeal", "bid", "plea", "proposal", "invitation", "push"}


def _time_of_request(root, tok) -> bool:
    """ "Japan will make a formal request next week for talks": a time outside the phrase of a
    meeting asked for, in "a request / call / proposal for talks", is when the asking is made."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "for" or tok.is_ancestor(root) or root.i == tok.i:
        return False
    holder = prep.head  # the request itself, or the verb that makes it ("made a request … for talks")
    nouns = [holder] + [c for c in holder.children if c.dep_ == "dobj"] if holder.pos_ == "VERB" else [holder]
    return any(n.pos_ == "NOUN" and n.lemma_.lower() in _REQUESTS for n in nouns)


def _old_arrangement(root, tok) -> bool:
    """A time in a clause on the meeting that tells what had been planned: "which had been planned
    for Tuesday", "originally set for May 3"."""
    clause = next(
        (c for c in tok.children if c.dep_ in ("relcl", "acl") and c.is_ancestor(root) and c.pos_ == "VERB"), None
    )
    if clause is None or clause.lemma_.lower() not in lex.SCHEDULE_VERBS | lex.SCHEDULED_PREDICATES:
        return False
    return any(
        (c.dep_ == "aux" and c.lower_ == "had") or (c.dep_ == "advmod" and c.lower_ in ("originally", "initially"))
        for c in clause.children
    )


def _told_in_when_clause(tok, root, end_char: int) -> bool:
    """ "until Monday, when the ministers meet": the day is when the meeting happens, not when something ends."""
    when = when_clause_after(root, end_char)
    return when is not None and clause_tells(when, tok)


def _until(doc, start_char: int) -> bool:
    """ "until/through X" ends what is under way ("not until X" is when it starts)."""
    before = doc_text(doc)[max(0, start_char - 12) : start_char].rstrip().lower()
    return before.endswith(("until", "till", "through")) and not before.endswith(("not until", "not till"))


PAUSE_DAYS = 7  # a break in a session lasts at most this long; a longer one is a new session


def _paused(root, trig_gov, value: TimeValue, published: date) -> bool:
    """ "The council meeting has been adjourned until Thursday": a session broken off until a day a
    few days ahead is under way; the day is when it resumes (a longer adjournment is a new sitting)."""
    prep = root.head
    if trig_gov is None or prep.dep_ != "prep" or prep.head != trig_gov or prep.lower_ not in ("until", "till", "to"):
        return False
    last = value.last_day
    return (
        trig_gov.lemma_.lower() in lex.PAUSE_WORDS
        and last is not None
        and published <= last <= published + timedelta(days=PAUSE_DAYS)
    )


def _moved(root, trig_gov, tok) -> str | None:
    """ "from" for the old date and "to" for the new one of a meeting moved: "postponed from Tuesday
    to Friday", "pushed back until next week", "the postponement of the meeting until tomorrow";
    None for any other date (or when what is moved is not the meeting: "a meeting at which the
    issue was put off until June")."""
    prep = root.head
    holder = prep.head
    if holder.dep_ in ("advmod", "prt") and holder.lower_ in lex.MOVE_PARTICLES:
        holder = holder.head  # "put back to Friday", "brought forward to Monday"
    if prep.dep_ != "prep":
        return None
    moving = holder.lemma_.lower() in lex.MOVE_WORDS and (holder == trig_gov or moved_again(holder) == trig_gov)
    if not moving and not _move_of(holder, root, tok):
        return None
    if prep.lower_ == "from":
        return "from"
    return "to" if prep.lower_ in ("to", "until", "till", "for") else None


def moved_again(verb):
    """ "adjourned the meeting and rescheduled it for March 11": the verb whose object the "it" of a
    joined verb of moving stands for, or None."""
    if verb.dep_ != "conj" or not any(c.dep_ == "dobj" and c.lower_ in ("it", "them") for c in verb.children):
        return None
    return verb.head


def _move_of(holder, root, tok) -> bool:
    """A noun of moving whose "of" is the meeting, with the time on it ("the postponement of the
    meeting until tomorrow") or, as the parser may read it, on the verb that brings it about with the
    meeting after the time ("forced postponement until tomorrow of a scheduled meeting")."""
    if holder.pos_ in ("VERB", "AUX"):
        holder = next((c for c in holder.children if c.dep_ == "dobj"), holder)
    of = tok.head
    if of.lower_ != "of" or of.head.i not in (holder.i, root.i):
        return False
    return holder.pos_ == "NOUN" and holder.lemma_.lower() in lex.MOVE_NOUNS


def with_duration(tok, value: TimeValue) -> TimeValue:
    """ "a three-day meeting opening tomorrow": an end date from the duration."""
    if value.precision != "day" or value.end:
        return value
    left = tok.doc[tok.left_edge.i : tok.i].text.lower()
    for m in re.finditer(r"\b(\w+)\s?-\s?day\b", left):
        n = NUMBER_WORDS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else 0)
        if 1 < n < 32:
            try:
                start = date.fromisoformat(value.start)
            except ValueError:
                return value
            return TimeValue(value.start, (start + timedelta(days=n - 1)).isoformat(), value.time, value.timezone)
    return value
