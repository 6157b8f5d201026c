"""Step 3: decision. Is a candidate a specific meeting (not habitual, hypothetical, negated,
generic or a mere proposal), in which tense is it told, and what is its status."""

from __future__ import annotations

import re
from datetime import date

from digest.models import MeetingStatus, TimeValue
from digest.nlp import meeting_lexicon as lex
from digest.nlp.meetings.candidates import is_meeting_noun
from digest.nlp.meetings.kinds import MeetingKind
from digest.nlp.meetings.syntax import governor, has_aux, is_negated, subject
from digest.nlp.tense import FUTURE, PAST, PRESENT, after_earlier_verb, clause_tense, in_advance, verb_tense
from digest.nlp.timex import find_time_of_day

_RECURRING = re.compile(
    r"(?i)\b(?:first|second|third|fourth|last)\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|week)\s+of\s+(?:the|each|every)\s+(?:month|year|quarter)\b"
    r"|\b(?:every|each)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"week|month|year|quarter)\b"
)
_TO_BE = ("be", "due", "schedule", "expect", "set", "plan", "likely")


def inside_another_noun(tok, kind: MeetingKind) -> bool:
    """ "progress in the talks", "their clout in trade talks", "the outcome of the negotiations",
    "announcements about the talks": the meeting noun is the setting or the topic of another noun,
    whose verb and date are not the meeting's."""
    if kind.verbal or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "of") + _TOPIC_PREPS:
        return False
    holder = tok.head.head
    if tok.head.lower_ == "of":
        return holder.lemma_.lower() in lex.RESULT_NOUNS
    return holder.pos_ == "NOUN" and not is_meeting_noun(holder) and holder.lemma_.lower() not in lex.EVENT_PARTS


# "announcements about the talks", "a report on the meeting": the meeting is what another noun is about
_TOPIC_PREPS = ("about", "on", "regarding", "concerning")


def forecast_by_others(tok, kind: MeetingKind) -> bool:
    """ "Analysts expect OPEC to meet before June", "dealers expect a meeting of the six": a forecast
    by people who do not meet (an active "expect/predict/believe" whose subject is not a party)."""
    if kind.verbal:
        head = tok.head if tok.dep_ in ("xcomp", "ccomp") else None
    else:
        head = tok.head if tok.dep_ == "dobj" else None
    if head is None or head.pos_ != "VERB" or head.lemma_.lower() not in lex.FORECASTING:
        return False
    forecaster = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if forecaster is None or forecaster.pos_ == "PRON" and forecaster.lower_ in ("we", "i"):
        return False
    meeting_subject = subject(tok) if kind.verbal else None
    return meeting_subject is None or meeting_subject != forecaster


def as_a_means(tok, kind: MeetingKind) -> bool:
    """ "to be set through negotiations", "settled by negotiation": talking as a means, not an event."""
    return (
        not kind.verbal
        and tok.dep_ == "pobj"
        and tok.head.lower_ in ("through", "via", "by")
        and not any(c.dep_ in ("det", "poss") for c in tok.children)
    )


def acted_upon(tok, kind: MeetingKind) -> bool:
    """ "last Friday's trade action would help U.S. negotiations", "the cuts could complicate the
    talks": talks something else helps or harms, a process under way, not a meeting announced."""
    if kind.verbal or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in lex.AFFECTING:
        return False
    actor = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return actor is not None and actor.pos_ in ("NOUN", "PROPN") \
        and actor.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP")  # a thing, not a party


def mention_tense(tok, kind: MeetingKind) -> str:
    """The tense the mention is told in: its clause's, or "the next/recent meeting" when the verb is silent."""
    if kind.verbal:
        if tok.pos_ != "VERB" and tok.i > 1 and tok.nbor(-2).lemma_.lower() in _TO_BE:
            return FUTURE  # "is to meet", tagged as a noun
        return clause_tense(tok)
    clause = clause_tense(tok, prep_cues=True)
    if _coming_up(tok) or (clause == PAST and _next_in_reported_speech(tok)):
        return FUTURE
    if clause != FUTURE and _told_as_recent(tok):
        return PAST
    if any(c.dep_ == "amod" and c.lower_ in lex.GONE_AMODS for c in tok.children):
        return PAST  # "a treaty would be ready … following the latest talks in Geneva": the latest is behind
    tense = clause
    if clause == PRESENT:
        for c in tok.children:
            if c.dep_ in ("amod", "advmod", "compound") and c.lower_ in lex.FUTURE_AMODS - {"new"}:
                tense = FUTURE
            if c.dep_ in ("amod", "advmod") and c.lower_ in lex.PAST_AMODS:
                tense = PAST
    return tense


_TIME_UNITS = {"day", "week", "month", "year"}


def _told_as_recent(tok) -> bool:
    """ "follows several visits … in recent months", "meetings held over the past two weeks",
    "talks recently": the time just gone holds them. The verb's phrase counts only when the
    meeting is not its subject ("the talks follow meetings in recent weeks" says nothing of the talks)."""
    gov = governor(tok)
    holders = [tok] + ([gov] if gov is not None and gov.i != tok.i and tok.dep_ not in ("nsubj", "nsubjpass") else [])
    return any(_recent_phrase(c) for h in holders for c in h.children)


def _recent_phrase(c) -> bool:
    """ "recently", "lately", "in recent months", "over the past two weeks", "within the last year"."""
    if c.dep_ == "advmod":
        return c.lower_ in ("recently", "lately")
    if c.dep_ != "prep" or c.lower_ not in ("in", "over", "during", "within"):
        return False
    return any(o.dep_ == "pobj" and o.lemma_.lower() in _TIME_UNITS
               and any(a.dep_ == "amod" and a.lower_ in ("recent", "past", "last") for a in o.children)
               for o in c.children)


def _coming_up(tok) -> bool:
    """ "with the summit coming up", "the talks coming up next week": the meeting told as approaching."""
    verbs = [c for c in tok.children if c.dep_ == "acl"] + ([tok.head] if tok.dep_ == "nsubj" else [])
    return any(
        v.lemma_.lower() == "come" and v.tag_ == "VBG" and any(p.dep_ == "prt" and p.lower_ == "up" for p in v.children)
        for v in verbs
    )


def _next_in_reported_speech(tok) -> bool:
    """ "He said at the group's next meeting in June, members will …": a phrase the parser hangs
    on the verb of saying belongs to what was said, and "next" counts from the speaker's day."""
    if tok.dep_ != "pobj" or not any(c.dep_ == "amod" and c.lower_ in lex.AHEAD_AMODS for c in tok.children):
        return False
    verb = tok.head.head
    return tok.head.dep_ == "prep" and verb.lemma_.lower() in lex.REPORTING and any(
        c.dep_ == "ccomp" for c in verb.children
    )


def is_scheduled(tok, kind: MeetingKind) -> bool:
    """ "scheduled/set/called a meeting": the object of a scheduling verb is ahead whatever its tense."""
    gov = governor(tok)
    return (
        not kind.verbal
        and tok.dep_ == "dobj"
        and gov is not None
        and gov.lemma_.lower() in lex.SCHEDULE_VERBS
        and not any(c.dep_ == "neg" for c in gov.children)
    )


def set_for(tok) -> bool:
    """ "a meeting was set / scheduled for …": the meeting is what is fixed."""
    gov = governor(tok)
    if any(c.dep_ == "acl" and c.lemma_.lower() in lex.SCHEDULE_VERBS for c in tok.children):
        return True  # "at a meeting scheduled for 10 a.m."
    return gov is not None and tok.dep_ == "nsubjpass" and gov.lemma_.lower() in lex.SCHEDULE_VERBS


def opened_at_a_clock_time(tok) -> bool:
    """ "The ministers will resume talks at 10.00 local time": the verb that holds or opens the
    meeting is given a clock time, which tells the day is the article's own."""
    gov = governor(tok)
    if gov is None or gov == tok or gov.lemma_.lower() not in lex.TAKING_PLACE or tok.dep_ not in (
            "dobj", "nsubj", "nsubjpass"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("at", "around") and find_time_of_day(
        gov.doc[c.i:c.right_edge.i + 1].text)[0] is not None for c in gov.children)


def tense_for_dates(tok, kind: MeetingKind, tense: str) -> str:
    """The direction dates are resolved in ("just before the February meeting" in a past clause: none)."""
    if tense == FUTURE and not kind.verbal and _cue_over_past(tok):
        return PRESENT
    if tense == PAST and after_earlier_verb(tok):
        return PRESENT  # "was speaking before hosting talks this weekend": the nearest weekend
    gov = governor(tok)
    if (
        tense == PRESENT
        and gov is not None
        and gov.tag_ in ("VBZ", "VBP")
        and gov.lemma_.lower() not in lex.STATIVE
        and (kind.verbal or tok.dep_ in ("nsubj", "nsubjpass"))
    ):
        return FUTURE  # "when the ICO meets in London in September": a scheduled event
    if tense == PRESENT and _on_timetable(tok):
        return FUTURE
    return tense


_TIMETABLE_VERBS = lex.OPENING_VERBS | {"convene", "end", "close"}


def _on_timetable(tok) -> bool:
    """ "The talks open on Monday", "Talks resume on Monday": a meeting said in the present to
    open, resume or end is on a timetable, however the parser tagged the verb (an adjective
    "open", a noun "Talks" compounded onto "resume")."""
    head = tok.head
    if head == tok or tok.dep_ not in ("nsubj", "nsubjpass", "compound") or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return head.tag_ in ("VBZ", "VBP", "JJ") and head.lemma_.lower() in _TIMETABLE_VERBS


def _cue_over_past(tok) -> bool:
    """The trigger hangs on "before/ahead of/prior to" whose verb is in the past tense."""
    return _past_vantage(tok) is not None


def _past_vantage(tok, words: tuple[str, ...] = ("before", "ahead", "prior")):
    """The cue word ("before", "on the eve of" …) the trigger hangs on and the past-tense verb it
    tells the meeting from, or None."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head == cur:
            return None
        if head.lower_ in words or in_advance(head):
            gov = governor(head)
            return (head, gov) if gov is not None and clause_tense(gov) == PAST else None
        cur = head
    return None


def vantage_passed(tok, value: TimeValue | None, published: date) -> bool:
    """A meeting told from a past moment just before it ("made it clear before the start of today's
    talks", "talking to journalists before a meeting here", "talking yesterday on the eve of a
    meeting") has begun by publication: the moment the story was told from lies behind it."""
    found = _past_vantage(tok, ("before", "prior", "eve"))
    if found is None:
        return False
    cue, gov = found
    if value is not None:
        return value.precision == "day" and value.first_day == published
    if _hours_before(cue):
        return True  # "several hours before a board meeting, the company disclosed …": it has met since
    if cue.lower_ == "eve":
        return any(c.lower_ == "yesterday" for c in gov.children)  # the eve was yesterday: it opens today
    return _doorstep(gov)


_SHORT_SPANS = {"hour", "minute", "moment"}


def _hours_before(cue) -> bool:
    """ "Several hours before …", "minutes before …": a measure of hours, not of days."""
    measures = [c for c in cue.children if c.dep_ == "npadvmod"] + ([cue.head] if cue.head.dep_ == "npadvmod" else [])
    return any(m.lemma_.lower() in _SHORT_SPANS for m in measures)


_DOORSTEP_VERBS = {"talk", "speak", "brief"}
_PRESS = {"reporter", "journalist", "newsman", "newsmen", "press", "correspondent"}


def _doorstep(verb) -> bool:
    """ "Talking to journalists before a meeting of …", "told reporters before the opening of the
    House session": remarks to the press at the door of an undated meeting; not an act done some
    time before it ("announced tariff cuts shortly before trade talks")."""
    if verb.tag_ == "VBG" and verb.lemma_.lower() in _DOORSTEP_VERBS:
        return True
    if verb.lemma_.lower() not in _DOORSTEP_VERBS | {"tell"}:
        return False
    heard = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    heard += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return any(h.lemma_.lower() in _PRESS for h in heard)


def plan_overridden(tok, value: TimeValue | None, published: date) -> bool:
    """ "Consideration of the petition was scheduled for a board meeting today, but directors first
    wanted …": a plan for the day told in the past and then contradicted is no meeting still to come."""
    if value is None or value.precision != "day" or value.first_day != published:
        return False
    gov = governor(tok)
    if gov is None or gov.lemma_.lower() not in lex.SCHEDULE_VERBS or not _told_as_was(gov):
        return False
    has_but = any(c.dep_ == "cc" and c.lower_ == "but" for c in gov.children)
    return has_but and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in gov.children)


def _told_as_was(verb) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were") for c in verb.children)


def excluded_use(trigger, kind: MeetingKind, has_day: bool) -> bool:
    """Habitual ("meets every month"), hypothetical ("if they meet"), negated or generic uses."""
    gov = governor(trigger)
    if gov is not None and _recurring_clause(gov):
        return True  # "meets on the first Monday of the month", "every week"
    if not kind.formal and any(c.dep_ in ("det", "amod") and c.lower_ in lex.NEGATIVE_DETS for c in trigger.children):
        return True
    if gov is None:
        return False
    if not has_day and _subject_of_a_condition(trigger, gov):
        return True  # "if negotiations fail, we will act": what the talks may do, not a meeting set
    if not has_day and _indefinite(trigger) and _generic_infinitive(gov) and not _landmark(trigger):
        return True  # "it is depressing to attend a large gathering of executives": no one gathering
    conditional_ok = kind.formal or gov.lemma_.lower() in lex.HOLDING
    chain = _verb_chain(gov)
    if kind.formal and _negated_subject(chain):
        return True  # "neither his staff nor the whistleblower will testify", "nobody will meet them"
    if any(_excluding_child(c, trigger, kind, has_day, conditional_ok) for v in chain for c in v.children):
        return True
    return conditional_ok and not _landmark(trigger) and _conditional_above(chain[-1])


NO_ONE = {"nobody", "none", "neither", "no-one"}


def _negated_subject(chain: list) -> bool:
    """The meeting's verb has a subject that denies anyone does it: "nobody", "no one", "neither X nor Y"."""
    for verb in chain:
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subj.lower_ in NO_ONE:
                return True
            if any(c.dep_ in ("preconj", "det") and c.lower_ in ("no", "neither") for c in subj.children):
                return True
    return False


def _indefinite(trigger) -> bool:
    """ "a gathering", "talks": no determiner or possessive that points at one known meeting."""
    return not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in trigger.children)


def _generic_infinitive(gov) -> bool:
    """The meeting's verb is an infinitive a judgement is passed on, with "it" standing for it:
    "it is useful to hold talks", "it's depressing to attend a gathering" (what such events are like)."""
    if gov.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in gov.children):
        return False
    head = gov.head.head if gov.head.dep_ in ("acomp", "attr") else gov.head  # "it is tiring to attend"
    copulas = [c for c in head.children if c.dep_ == "aux" and _is_be(c)]  # "it's depressing"
    if not (_is_be(head) or copulas):
        return False
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for v in [head, *copulas] for c in v.children)


def _is_be(tok) -> bool:
    return tok.lemma_.lower() == "be" or tok.lower_ in ("'s", "’s")


def _subject_of_a_condition(trigger, gov) -> bool:
    """The meeting noun is the subject of an "if/unless" clause ("if the talks do not produce a result")."""
    return trigger.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in gov.children
    )


def _recurring_clause(gov) -> bool:
    skip = {t.i for c in gov.children if c.dep_ in ("relcl", "acl", "ccomp") for t in c.subtree}
    return bool(_RECURRING.search(" ".join(t.text for t in gov.subtree if t.i not in skip)))


def _verb_chain(gov) -> list:
    """``gov`` and the verbs it hangs on through xcomp/conj/aux/acomp ("wants to meet", "met and agreed")."""
    chain = [gov]
    cur = gov
    for _ in range(6):
        if cur.dep_ not in ("xcomp", "conj", "aux", "acomp") or cur.head == cur:
            break
        cur = cur.head
        chain.append(cur)
    return chain


def _excluding_child(c, trigger, kind: MeetingKind, has_day: bool, conditional_ok: bool) -> bool:
    """A dependent of the meeting's verb that makes it negated, conditional or habitual."""
    if c.dep_ == "neg" and (kind.formal or trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")):
        if trigger.dep_ == "nsubj" and not kind.verbal and _judged(c.head):
            return False  # "the talks will not be easy / will not focus on prices": they still take place
        if c.head.lemma_.lower() in _CHANGES | lex.MOVE_WORDS:
            return False  # "the talks were not cancelled", "they have not rescheduled the summit": it stands as it was
        # "X will not attend the meeting": it still meets ("the talks will not go ahead": they do not)
        return trigger.dep_ == "nsubj" or c.head.lemma_.lower() not in lex.PARTICIPATING
    if c.dep_ == "mark" and c.lower_ in lex.HYPOTHETICAL_MARKS and conditional_ok:
        return True
    if (
        conditional_ok
        and c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
    ):
        return True
    if (
        c.dep_ in ("advmod", "npadvmod")
        and c.lower_ in lex.HABITUAL
        and (not has_day or c.lower_ in lex.HABITUAL_STRONG)
    ):
        return True
    return not has_day and c.dep_ in ("npadvmod", "prep") and any(d.lower_ in ("every", "each") for d in c.subtree)


def _judged(verb) -> bool:
    """A predicate that says what a meeting will be like or do, not whether it takes place."""
    lemma = verb.lemma_.lower()
    if lemma == "be":
        return any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() not in lex.SCHEDULE_VERBS for c in verb.children)
    return lemma not in lex.OCCURRING


def _conditional_above(cur) -> bool:
    """A clause introduced by "if/unless/whether" higher up."""
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in cur.children):
            return True
        if cur.dep_ not in ("advcl", "ccomp", "xcomp", "conj") or cur.head == cur:
            return False
        cur = cur.head
    return False


def speculative(tok, value: TimeValue | None, kind: MeetingKind) -> bool:
    """Proposals, options and "may/might/could" meetings without a precise date."""
    if value is not None and value.precision == "day":
        return False
    if _landmark(tok):
        return False  # "they may have to meet before the scheduled June session": the session stands
    gov = governor(tok)
    # "proposing to change its name at the next annual meeting": what is asked for is done there
    held_at = tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during") and tok.head.head == gov
    if gov is not None and not held_at and (_open_question(gov) or _asked_for(gov)):
        return True
    # a modal only makes the meeting itself uncertain when it governs the meeting's own verb
    modal_ok = kind.formal or (gov is not None and gov.lemma_.lower() in lex.HOLDING)
    setting = via_prep = False
    finite_seen = 0
    cur = tok
    for _ in range(8):
        if cur != tok:
            if cur.dep_ == "prep" and cur.lower_ in ("at", "during", "before", "after", "in"):
                setting = True  # "will ask shareholders at the annual meeting": the meeting is the setting
            if is_meeting_noun(cur) and cur.pos_ == "NOUN" and via_prep:
                return False  # the rest is another meeting's: "might hold a meeting before its June session"
            if _uncertain_word(cur, tok, setting):
                return True
        if cur.pos_ in ("VERB", "AUX"):
            if modal_ok and any(c.dep_ == "aux" and c.lower_ in lex.SPECULATIVE_MODALS for c in cur.children):
                return True
            finite = ("MD", "VBD", "VBZ", "VBP")
            tensed = cur.tag_ in finite or any(c.dep_ == "aux" and c.tag_ in finite for c in cur.children)
            if tensed and cur.dep_ == "conj" and cur.head.dep_ == "ROOT" and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                return False  # "… asking it to reconsider, and a meeting has been called": a clause of its own
            if tensed:
                finite_seen += 1
                if finite_seen >= 3 or cur.lemma_.lower() in ("say", "tell", "add", "report"):
                    return False
        if cur != tok and cur.lemma_.lower() in lex.SCHEDULED_PREDICATES and cur.pos_ in ("ADJ", "VERB"):
            return False  # "a package, due to be discussed by farm ministers": what is fixed stands
        if cur.head == cur:
            return False
        via_prep = via_prep or cur.dep_ == "prep"
        cur = cur.head
    return False


def _asked_for(verb) -> bool:
    """ "renewed calls for the two neighbours, along with Uganda, to hold talks": an infinitive that
    follows the phrase of a call or a plea (however the parser attached it) is what is asked for."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0:
        return False
    prev = verb.doc[to.i - 1]
    while prev.is_punct and prev.i > 0:
        prev = prev.doc[prev.i - 1]
    for word in (prev, *prev.ancestors):
        if word.lemma_.lower() in lex.PROPOSAL and word.pos_ in ("NOUN", "VERB"):
            return not (word.lemma_.lower() == "call" and _phoned(word))
        if word.pos_ in ("VERB", "AUX") or word.i > verb.i:
            return False
    return False


def _open_question(verb) -> bool:
    """"He did not know when the envoy would meet the rebels": the meeting's verb in a question
    ("when / whether / if") that someone cannot or will not answer is not a meeting set."""
    if verb.dep_ != "ccomp" or not any(c.lower_ in ("when", "whether", "if") for c in verb.children):
        return False
    asker = verb.head
    return asker.lemma_.lower() in lex.KNOWING and is_negated(asker)


def _landmark(tok) -> bool:
    """A meeting named as the time something else happens before, after or during ("before its
    next session", "ahead of the summit", "before the two countries open talks in late April",
    "could come up during the visit"): it is taken as set, whatever is uncertain about the rest."""
    gov = governor(tok)
    if gov is not None and gov.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "before" for c in gov.children
    ):
        return tok.dep_ in ("dobj", "nsubj", "nsubjpass") or gov == tok
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    while prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.pos_ in ("NOUN", "PROPN") and (
            prep.head.head.lower_ in ("before", "after", "during", "of")):
        prep = prep.head.head  # "ahead of an EC heads of government meeting", parsed as the heads' meeting
    word = prep.lower_
    if word == "of" and (prep.head.lower_ == "ahead" or in_advance(prep.head)):
        word = "ahead"
    if word == "to" and prep.head.lower_ == "prior":
        word = "prior"
    hedged = any(c.lower_ in lex.LANDMARK_HEDGES for c in tok.children if c.dep_ in ("amod", "compound"))
    if prep.dep_ == "conj" and prep.head.lower_ in ("before", "after"):
        word = "during"  # "could be resolved before or during a visit": the visit is taken as set
    return word in ("before", "after", "ahead", "prior", "until", "during") and not hedged


def _uncertain_word(cur, tok, setting: bool) -> bool:
    """A word above the trigger that makes it a proposal, an option or a denial."""
    lemma = cur.lemma_.lower()
    # "called a meeting", "a meeting has been called for tomorrow": convened, not asked for
    direct = tok.head == cur and cur.pos_ == "VERB" and (tok.dep_ == "dobj" or (tok.dep_ == "nsubjpass" and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in cur.children)))
    if lemma in lex.PROPOSAL and not setting and not (lemma == "call" and (direct or _phoned(cur))):
        return True
    if lemma in lex.DOUBT:
        return True  # "analysts were uncertain that even an emergency meeting would help"
    if lemma in lex.ADVOCACY_NOUNS and cur.pos_ == "NOUN" and not setting and _indefinite(tok):
        return True  # "its support for an international peace conference": one argued for, not set
    if not setting and cur.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in cur.children):
        return True  # "there can be no assurance that … talks"; not "discuss any matter at the meeting"
    if cur.pos_ not in ("VERB", "AUX"):
        return False
    if not setting and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex.OPTIONS for c in cur.children):
        return True  # "the alternatives are between a London conference or …" (not "proposals put at a meeting")
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in cur.children
    )  # "no date has been set for a new meeting"


def _phoned(verb) -> bool:
    """ "Baker called Miyazawa to warn him next week's talks …": calling a person is a telephone
    call, not a call for the meeting."""
    return any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") for c in verb.children)


def not_an_event(tok, kind: MeetingKind, value: TimeValue | None, has_place: bool, tense: str) -> bool:
    """Words that do not announce one event: a headline "Favourites meet", generic plurals
    ("secret meetings"), "meetings like this", "in conference", background "the Congress that
    convenes in January"."""
    if (
        kind is MeetingKind.MEET
        and value is None
        and not has_place
        and tense == PRESENT
        and not any(c.dep_ in ("dobj", "prep", "aux", "auxpass", "advmod", "npadvmod") for c in tok.children)
    ):
        return True
    countable = kind.value in lex.COUNTABLE or tok.lemma_.lower() in lex.COUNTABLE
    bare = value is None and not has_place
    if (
        countable
        and tok.tag_ in ("NNS", "NNPS")
        and bare
        and not any(
            c.dep_ in ("det", "poss", "prep") or (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN")
            for c in tok.children
        )
    ):
        return True
    if countable and any(c.dep_ == "prep" and c.lower_ == "like" for c in tok.children):
        return True
    if countable and tok.tag_ == "NN" and bare and not list(tok.children):
        return True
    if value is None and _open_ended_parties(tok):
        return True
    # "the Congress that convenes in January": background; not "the G-7 nations, which are meeting
    # this week", a progressive that tells one meeting
    progressive = tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in tok.children)
    return (
        kind is MeetingKind.MEET
        and tok.dep_ == "relcl"
        and (value is None or value.precision != "day")
        and not (progressive and value is not None)
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which", "who") for c in tok.children)
    )


def _open_ended_parties(tok) -> bool:
    """ "trade negotiations with Japan and other countries": talks with an open class of parties
    are a kind of dealing, not one meeting."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"):
        for t in prep.subtree:
            if t.lower_ == "other" and t.dep_ == "amod" and t.head.tag_ in ("NNS", "NNPS"):
                return True
    return False


def status(
    tok, tense: str, value: TimeValue | None, published: date, rescheduled: bool = False
) -> tuple[MeetingStatus, bool]:
    """The status of a mention and whether it only gives the date it was moved from ("postponed from X").

    A meeting moved to a new day ("postponed from Tuesday to Friday") stands by that day; one moved
    to a vaguer time ("until next month") is postponed."""
    gov = governor(tok)
    if rescheduled and value is not None and value.precision != "day":
        return MeetingStatus.POSTPONED, False
    changed = None if rescheduled else _cancelled_or_postponed(tok, gov, tense, value)
    if changed is not None:
        return changed
    if value is None and _where_someone_spoke(tok):
        return MeetingStatus.ONGOING, False
    if gov is not None and _hoped_end(gov):
        return MeetingStatus.ONGOING, False  # "hoped to complete negotiations before the end of the month"
    progressive = _progressive(tok, gov)
    stative = gov is not None and gov.lemma_.lower() in lex.STATIVE
    if value is not None and tense != PAST and _told_as_current(tok):
        return MeetingStatus.ONGOING, False  # "the current meeting, which is due to end Tuesday"
    if tense == FUTURE and vantage_passed(tok, value, published):
        return MeetingStatus.ONGOING, False
    if plan_overridden(tok, value, published):
        return MeetingStatus.PAST, False
    if value is not None:
        found = _status_from_date(value, published, tense, progressive, stative)
        if found is not None:
            return found, False
    return _status_from_words(tok, gov, tense, progressive, stative), False


def _where_someone_spoke(tok) -> bool:
    """ "…, a U.S. delegate at the bank's annual meeting said": someone at the meeting has spoken
    there, so it is under way (or over), not ahead, however the parser hung the phrase."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "at" or tok.head.head.pos_ not in ("NOUN", "PROPN"):
        return False
    after = tok.right_edge.i + 1
    return after < len(tok.doc) and tok.doc[after].tag_ == "VBD" and tok.doc[after].lemma_.lower() in lex.REPORTING


_BE_FORMS = ("is", "are", "am", "'s", "'re", "been", "was", "were")


def _progressive(tok, gov) -> bool:
    """The meeting told as under way: "are meeting", "the talks are continuing", "are holding talks";
    not a meeting others are doing something about ("investors are waiting for the talks")."""
    if gov is None or gov.tag_ != "VBG" or not has_aux(gov, _BE_FORMS):
        return False
    if gov == tok or tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    return gov.lemma_.lower() in lex.HOLDING | lex.PARTICIPATING | lex.OPENING | lex.ENDING


def _cancelled_or_postponed(tok, gov, tense: str, value: TimeValue | None) -> tuple[MeetingStatus, bool] | None:
    # the meeting must be what is cancelled ("the talks were called off"), not what delays something
    heads = [gov] if gov is not None and tok.dep_ in ("dobj", "nsubjpass") else []
    if gov is not None and tok.dep_ == "nsubj" and _reduced_passive(gov):
        heads.append(gov)  # "Meeting postponed", "the meeting, postponed indefinitely, was to …"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        heads.append(tok.head.head)
    heads += _change_told_beside(tok, gov)
    for h in heads:
        if _change_not_asserted(h):
            continue  # "the meeting could be postponed", "talks will not be called off": no change made
        lemma = h.lemma_.lower()
        prt = {c.lower_ for c in h.children if c.dep_ == "prt"}
        if lemma in lex.CANCEL_WORDS and (lemma not in ("call", "drop") or "off" in prt):
            return MeetingStatus.CANCELLED, False
        if lemma in lex.POSTPONE_WORDS and (lemma not in ("put", "push") or prt & {"off", "back"}):
            if any(c.dep_ == "prep" and c.lower_ == "from" for c in h.children):
                return (MeetingStatus.UPCOMING if tense != PAST or value is None else MeetingStatus.PAST), True
            return MeetingStatus.POSTPONED, False
    return None


def _reduced_passive(verb) -> bool:
    """A verb of calling off with the meeting as its subject and nothing done to an object: a
    passive told without 'was' ("Summit postponed"); not "the session adjourned" (it ended)."""
    return (
        verb.tag_ in ("VBN", "VBD")
        and verb.lemma_.lower() != "adjourn"
        and not has_aux(verb, _BE_FORMS + ("has", "have", "had"))
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


def _change_told_beside(tok, gov) -> list:
    """A cancellation or postponement told in a clause on the meeting's noun ("the talks, which were
    cancelled last week, were to resume …", "the summit, cancelled after the floods, had been
    planned for …"); not when the sentence says the meeting takes place after all ("the talks
    postponed in January were held last week", "… will resume on Friday", "… will go ahead")."""
    if gov is not None and gov.lemma_.lower() in lex.GOING_AHEAD and not _not_done(gov):
        return []
    # a participle after the noun is sometimes tagged as a past tense ("the meeting, called off yesterday, …")
    found = [c for c in tok.children if (c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")))]
    # a change told on the noun of an "of" that names the meeting's parties: "the summit of Baltic
    # leaders, which was cancelled …" (the leaders are not what is cancelled)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            found += [c for c in obj.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _CHANGES]
    return found


_CHANGES = lex.CANCEL_WORDS | lex.POSTPONE_WORDS


def _change_not_asserted(verb) -> bool:
    """A change of date or a cancellation told as a possibility, a denial or a wish, not as done;
    or as an attempt that failed or is still to come ("unable to reschedule it", "failed to
    reschedule the talks", "has yet to be rescheduled"): the meeting stays as it was left."""
    return has_aux(verb, lex.SPECULATIVE_MODALS | {"would", "should", "must"}) or _not_done(verb)


def _not_done(verb) -> bool:
    """A verb told as not done: denied, failed or still to come."""
    if is_negated(verb):
        return True
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    return (
        head.lemma_.lower() in _NOT_DONE_HEADS
        or is_negated(head)
        or any(c.lower_ in ("yet", "vain") for c in head.subtree if c.i < verb.i)
    )


# Heads of an infinitive that tell the change was not made: "failed to reschedule", "unable to".
_NOT_DONE_HEADS = {"fail", "unable", "try", "attempt", "seek", "struggle", "hope", "want", "wish", "refuse"}


def _status_from_date(
    value: TimeValue, published: date, tense: str, progressive: bool, stative: bool
) -> MeetingStatus | None:
    first, last = value.first_day, value.last_day
    if first is None or last is None:
        return None
    if first > published:
        return MeetingStatus.UPCOMING
    if last < published:
        return MeetingStatus.PAST
    if first < published <= last and value.precision == "day":
        return MeetingStatus.ONGOING
    if progressive and value.precision == "day":
        return MeetingStatus.ONGOING  # "Shultz was holding talks with Shevardnadze today"
    if tense == FUTURE:
        return MeetingStatus.UPCOMING
    if tense == PAST:
        return MeetingStatus.PAST
    coarse = value.precision in ("week", "month", "year")
    return MeetingStatus.ONGOING if progressive or stative or first < published or coarse else MeetingStatus.UPCOMING


def _hoped_end(verb) -> bool:
    """ "hoped to complete negotiations", "expects to conclude the talks": an end looked forward to,
    of a meeting under way."""
    return (verb.lemma_.lower() in lex.ENDING and verb.dep_ == "xcomp" and has_aux(verb, ("to",))
            and verb.head.lemma_.lower() in lex.HOPING)


def _told_as_current(tok) -> bool:
    """ "the current meeting", "the ongoing round of negotiations": under way, whatever date is near."""
    holders = [tok] + ([tok.head.head] if tok.dep_ == "pobj" and tok.head.lower_ == "of" else [])
    return any(
        c.dep_ == "amod" and c.lower_ in ("current", "ongoing", "continuing", "present")
        for h in holders
        for c in h.children
    )


def _status_from_words(tok, gov, tense: str, progressive: bool, stative: bool) -> MeetingStatus:
    after = tok.doc[tok.i + 1 : min(tok.i + 5, tok.sent.end)].text.lower()
    if "underway" in after or "under way" in after:
        return MeetingStatus.ONGOING  # "negotiations now underway"
    if tense != PAST and _told_as_current(tok):
        return MeetingStatus.ONGOING  # "the current round of trade negotiations"
    ending = gov is not None and gov.lemma_.lower() in lex.ENDING and has_aux(gov, ("would", "could", "may", "might"))
    if ending and tense != PAST:
        return MeetingStatus.ONGOING  # "when negotiations would be completed": already under way
    if progressive and any(c.dep_ == "advmod" and c.lower_ == "currently" for c in gov.children):
        return MeetingStatus.ONGOING  # "officials said they were currently meeting": told in reported speech
    if tense == FUTURE:
        return MeetingStatus.UPCOMING
    if tense == PAST:
        return MeetingStatus.PAST
    if (
        gov is not None
        and gov.tag_ == "VB"
        and gov.lemma_.lower() in lex.HOLDING
        and tok.dep_ == "dobj"
        and has_aux(gov, ("to",))
    ):
        return MeetingStatus.UPCOMING  # "agreed to hold talks"
    if progressive or stative or gov is None:
        return MeetingStatus.ONGOING
    present = gov.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in gov.children if c.dep_ == "aux")
    if present and (
        gov == tok or tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "dobj" and gov.lemma_.lower() in lex.HOLDING)
    ):
        return MeetingStatus.UPCOMING  # "the talks begin", "the committee holds a meeting Thursday": scheduled
    return MeetingStatus.ONGOING


def _opening_verb(tok):
    """The verb by which the meeting opens: "the talks began", "opened the session", "which opened"."""
    gov = governor(tok)
    if gov is not None and gov.lemma_.lower() in lex.OPENING and tok.dep_ in ("nsubj", "dobj"):
        return gov
    return next((c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in lex.OPENING), None)


def come_back_from(tok) -> bool:
    """ "returns from a visit to Brazil", "back from talks in Geneva": a meeting one comes back from
    is under way or over, never still to come."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "from":
        return False
    verb = tok.head.head
    back = verb.lower_ == "back" or any(c.lower_ == "back" and c.dep_ in ("advmod", "prt") for c in verb.children)
    return verb.lemma_.lower() in ("return", "arrive") or (back and verb.lemma_.lower() in lex.ARRIVING)


def under_way(
    tok, status_now: MeetingStatus, value: TimeValue | None, end: TimeValue | None, published: date
) -> MeetingStatus:
    """ "The conference, which began Monday, …": an event opened within ten days and not ended is
    ongoing; an event told only by its end ("until Friday") is past or ongoing by that end."""
    opener = _opening_verb(tok)
    opened = opener is not None
    first = value.first_day if value is not None else None
    if status_now is MeetingStatus.UPCOMING and opened and first == published and verb_tense(opener) == PAST:
        return MeetingStatus.ONGOING  # "the conference, which opened today, …": under way today
    if status_now is MeetingStatus.PAST and opened and end is None and (value is None or value.end is None):
        first = value.first_day if value is not None else None
        if first is None or (published - first).days <= 10:
            status_now = MeetingStatus.ONGOING
    if value is None and end is not None and status_now not in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        last = end.last_day
        if last is not None:
            return MeetingStatus.PAST if last < published or _told_ended(tok) else MeetingStatus.ONGOING
    return status_now


def _told_ended(tok) -> bool:
    """ "ended his first round of consultations today": the end it is told by has come."""
    gov = governor(tok)
    return gov is not None and gov.lemma_.lower() in lex.ENDING and verb_tense(gov) == PAST
