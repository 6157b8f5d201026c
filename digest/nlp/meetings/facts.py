"""Step 2: facts. Time expressions (digest.nlp.timex) and places (GPE/FAC/LOC after "in"/"at",
or a city modifying the noun: "the Venice summit") of a sentence are attached to the trigger
whose subtree holds them, else to the trigger whose governing verb they modify; participants
come from the subject, objects and modifiers of the trigger."""

from __future__ import annotations

import re

from spacy.tokens import Span

from digest.nlp import meeting_lexicon as lex
from digest.nlp.meetings.candidates import is_meeting_noun
from digest.nlp.meetings.kinds import MeetingKind
from digest.nlp.meetings.syntax import (
    DATELINE,
    PLACE_LABELS,
    clause_tells,
    ents_in,
    governor,
    head_path,
    is_country,
    preps_of_its_verb,
    subject,
    when_clause_after,
)
from digest.nlp.meetings.when import moved_again
from digest.nlp.timex import find_in_span


def sentence_times(doc, sent) -> list[tuple[object, object]]:
    """(root token, TimeMention) for every time expression of the sentence."""
    times = []
    for tm in find_in_span(sent):
        span = doc.char_span(tm.start_char, tm.end_char, alignment_mode="expand")
        if span is not None and len(span):
            times.append((time_root(span), tm))
    return times


def time_root(span):
    """The token the time expression hangs by: the span's root, unless a part of a broken parse
    hangs on a meeting noun ("the producers' meeting April 14 to 16", with "to 16" parsed onto
    the verb before): that part says whose day it is."""
    on_meeting = [t for t in span if not (span.start <= t.head.i < span.end) and t.head.pos_ == "NOUN"
                  and is_meeting_noun(t.head) and t.dep_ in ("npadvmod", "nmod", "compound", "appos")]
    return on_meeting[0] if on_meeting else span.root


def sentence_places(sent_places, sent=None) -> list[tuple[object, object]]:
    """(root token, entity) for the place entities shaped like a meeting's place, and the venues
    named without one ("at the foreign ministry")."""
    places = [ent for ent in sent_places if ent.label_ in PLACE_LABELS and place_shape(ent)]
    if sent is not None:
        taken = {t.i for ent in places for t in ent}
        places += [v for v in venue_spans(sent) if not any(t.i in taken for t in v)]
    return [(ent.root, ent) for ent in sorted(places, key=lambda e: e.start)]


def venue_spans(sent) -> list:
    """ "at the foreign ministry", "at the Hilton hotel": a building after "at" (or an institution
    visited), as a FAC span."""
    out = []
    for tok in sent:
        town = _named_town(tok)
        if town is not None:
            out.append(town)
            continue
        seat = _seat_named_as_body(tok)
        if seat is not None:
            out.append(seat)
            continue
        at_venue = tok.dep_ == "pobj" and tok.head.lower_ == "at" and tok.lemma_.lower() in lex.VENUE_NOUNS
        # "will visit the Dutch parliament": the institution called on is where one meets
        visited = tok.dep_ == "dobj" and tok.head.lemma_.lower() == "visit" and tok.lemma_.lower() in lex.INSTITUTIONS
        if not (at_venue or visited):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "at the end of", "at the house of": not a building named on its own
        if any(c.dep_ == "det" and c.lower_ != "the" for c in tok.children):
            continue  # "at a hotel", "at this coastal resort": a building not named
        # "the foreign ministry", "OPEC's headquarters"; not "his office", "the company's offices"
        left = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "case")
                and not (t.dep_ == "poss" and t.pos_ != "PROPN")]
        start = min((t.i for t in left), default=tok.i)
        if start < tok.i:  # a named building ("the foreign ministry"), not "his office"
            out.append(Span(tok.doc, start, tok.i + 1, label="FAC"))
    return out


def _seat_named_as_body(tok):
    """ "at the State Department", "at the Kremlin": a seat the tagger took for the body it houses
    (an organisation's name right after "at"), as a FAC span."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "at" or tok.ent_type_ != "ORG" or tok.ent_iob_ == "":
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    after_the = tok.head.i + (2 if tok.doc[tok.head.i + 1].lower_ == "the" else 1)
    if ent is None or ent.root != tok or ent.start not in (tok.head.i + 1, after_the):
        return None  # "at 1100 GMT": a clock time, not a building
    if any(is_meeting_noun(t) for t in ent):
        return None  # "at the Acme Investor Conference": the meeting itself
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    if not _building_name(tok.doc[start : ent.end]):
        return None  # "talks will continue at the OECD": a forum, not a building
    return Span(tok.doc, start, ent.end, label="FAC") if start < ent.end else None


def _building_name(name) -> bool:
    """A name shaped like a building's: one that ends in a building's noun ("the State Department",
    "the Foreign Ministry") or one plain word ("the Kremlin"), not an acronym or an organisation
    given with one ("the OECD", "the Organisation for … (OECD)")."""
    last = name[-1]
    if last.lemma_.lower() in lex.VENUE_NOUNS | {"department"}:
        return True
    nxt = name.doc[name.end + 1] if name.end + 1 < len(name.doc) else None
    with_acronym = nxt is not None and name.doc[name.end].text == "(" and nxt.text.isupper()
    return len(name) == 1 and not last.text.isupper() and not with_acronym


def _named_town(tok):
    """ "at the Belgian resort of Knokke", "in the town of Tartu": the name after "of", whatever the
    tagger made of it, as a GPE span."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "in") or tok.lemma_.lower() not in lex.TOWN_NOUNS:
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    name = next((o for o in of.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None) if of is not None else None
    if name is None:
        return None
    words = [t for t in name.subtree if t.pos_ == "PROPN"]
    return Span(tok.doc, words[0].i, words[-1].i + 1, label="GPE") if words else None


def place_rank(ent) -> int:
    """How well a place says where a meeting is: a city 2, a venue or region 1, a country 0."""
    if is_country(ent.text):
        return 0
    return 2 if ent.label_ == "GPE" else 1


def place_shape(ent) -> bool:
    """ "in Geneva", "at the Elysee Palace", "fly to Moscow", "the Venice summit"."""
    root = ent.root
    head = root.head
    if root.dep_ in ("compound", "nmod", "amod") and head.pos_ in ("NOUN", "PROPN"):
        return is_meeting_noun(head) and not re.search(r"[-/]\s*$", ent.doc[ent.end : ent.end + 1].text)
    cur = root
    for _ in range(4):
        h = cur.head
        if h == cur:
            return False
        if cur.dep_ == "pobj" and h.lower_ in ("in", "at", "near"):
            return True
        if cur.dep_ == "pobj" and h.lower_ in ("to", "for") and h.head.lemma_.lower() in lex.TRAVEL:
            return True
        if cur.dep_ == "dobj" and h.lemma_.lower() == "visit" and h.pos_ == "VERB":
            return True  # "will visit Paris … for talks"
        if cur.dep_ == "pobj" and h.lower_ == "of" and h.head.pos_ == "NOUN":
            cur = h.head
            continue
        if cur.dep_ not in ("appos", "conj", "compound"):
            return False
        cur = h
    return False


def dated_by_when_clause(times: list, triggers: list) -> dict[int, int]:
    """Time index -> trigger index for a day that a "when" clause right after it gives to a
    meeting ("before the 25th of June, when our next meeting will take place", "until Monday,
    when the ministers meet"): the clause tells what happens on that day, however it was parsed."""
    out = {}
    for k, (root, tm) in enumerate(times):
        when = when_clause_after(root, tm.end_char)
        hit = next((t.i for t, _kind in triggers if clause_tells(when, t)), None) if when is not None else None
        if hit is not None:
            out[k] = hit
    return out


def assign(roots: list, triggers: list, place: bool = False) -> dict[int, int]:
    """Item index -> trigger token index. An item goes to the deepest trigger whose subtree holds it,
    else to a trigger whose governing verb it modifies directly (preferring triggers without items)."""
    trig_ids = {t.i for t, _k in triggers}
    out: dict[int, int] = {}
    pending = []
    # "a three-day meeting opening tomorrow" (parsed as a compound): the head noun speaks for the trigger
    comp_heads = {t.head.i: t.i for t, _k in triggers if t.dep_ == "compound" and t.head.i > t.i}
    verbal = {t.i for t, k in triggers if k.verbal}
    for k, root in enumerate(roots):
        named = None if place else _named_after_the_day(root, triggers)
        if named is not None:
            out[k] = named  # "Tomorrow's Group of Seven meeting", however the name was parsed
            continue
        if not place and _dates_another_noun(root, trig_ids):
            continue  # "before the April 17 deadline", "ahead of next week's vote"
        moved = None if place else _moved_by_pronoun(root, trig_ids)
        if moved is not None:
            out[k] = moved  # "adjourned the meeting and rescheduled it for March 11": the meeting's new day
            continue
        if not place and _dates_its_report(root, trig_ids):
            continue  # "… for talks with Nabi, the agency APS said today": the day it was said
        word = _modified_word(root, trig_ids)
        beside = _described_beside(root, word, triggers)
        if beside is not None:
            out[k] = beside  # "the talks starting in July", "the meeting in Washington, expected in May"
            continue
        hit = next((t for t in head_path(root)[1:] if t.i in trig_ids or t.i in comp_heads), None)
        if hit is not None and _inside_another_object(root, hit):
            hit = None  # "meeting to draft the outlines of next year's budget": the budget's year
        if hit is not None and hit.i in verbal and _through_a_clause(root, hit):
            hit = None  # "as the charges were unsealed in New York, she testified …": the clause's place
        if not place and hit is not None and hit.i in verbal and _in_a_conjoined_act(root, hit):
            hit = None  # "were meeting in Geneva and would vote on it next week": the vote's week
        if not place and hit is not None and hit.i not in verbal and _in_its_purpose(root, hit):
            continue  # "negotiations to delay shipments to next year": the year the shipments go to
        if not place and hit is not None and hit.i not in verbal and _in_a_clause_of_its_outcome(root, hit):
            continue  # "talks with Japan that would lead to membership next year": the outcome's year
        if hit is not None and hit.i not in trig_ids:
            hit = hit.doc[comp_heads[hit.i]]
        if hit is None and root.i in trig_ids and not place:
            hit = root
        if hit is not None:
            out[k] = hit.i
        else:
            pending.append((k, root))
    taken = set(out.values())
    for k, root in pending:
        hit = _trigger_of_word(root, triggers, trig_ids, taken, place)
        if hit is not None:
            out[k] = hit
            taken.add(hit)
    return out


def _trigger_of_word(root, triggers: list, trig_ids: set[int], taken: set[int], place: bool) -> int | None:
    """The trigger of an item no trigger holds, by the word the item modifies."""
    hit = _of_trigger(root, trig_ids)  # "postponement until tomorrow of a scheduled meeting", as parsed
    if hit is not None:
        return hit
    verb = _modified_word(root, trig_ids)
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
        verb = verb.head  # "the meeting is due on Friday"
    if verb.pos_ == "ADJ" and verb.lower_ in ("open", "close"):
        return next((c.i for c in verb.children if c.dep_ == "nsubj" and c.i in trig_ids), None)
    if verb.pos_ in ("NOUN", "PROPN"):
        hit = _of_trigger(verb, trig_ids)  # "seven hours of negotiations … on Monday"
        return hit if hit is not None else _part_in_trigger(verb, trig_ids)
    if verb.pos_ in ("VERB", "AUX"):
        hit = _contact_clause_trigger(verb, triggers)
        return hit if hit is not None else _nearest_trigger_of_verb(verb, root, triggers, taken, place)
    return None


def _named_after_the_day(root, triggers: list) -> int | None:
    """The meeting noun closing the name a possessive day opens ("Monday's EC farm ministers'
    meeting", "Tomorrow's Group of Seven meeting"): the first noun trigger within seven words, with
    only the words of a name between (not "Tuesday's vote on the talks")."""
    if root.dep_ != "poss":
        return None
    nouns = {t.i for t, k in triggers if not k.verbal}
    for tok in root.doc[root.i + 1 : min(root.i + 8, root.sent.end)]:
        if tok.i in nouns:
            return tok.i
        naming = tok.pos_ in ("PROPN", "NUM", "ADJ", "PART") or tok.lower_ == "of" or tok.text in ("'", "’")
        if not (naming or (tok.pos_ == "NOUN" and tok.dep_ in ("compound", "amod", "nmod", "poss"))):
            return None
    return None


def _moved_by_pronoun(root, trig_ids: set[int]) -> int | None:
    """The trigger a verb of moving, joined to the trigger's verb, takes again as "it"."""
    verb = _modified_word(root, trig_ids)
    first = moved_again(verb) if verb.lemma_.lower() in lex.MOVE_WORDS else None
    if first is None:
        return None
    return next((c.i for c in first.children if c.dep_ in ("dobj", "nsubjpass") and c.i in trig_ids), None)


def _dates_its_report(root, trig_ids: set[int]) -> bool:
    """A time on a verb that reports ("the agency said today", "officials said on Monday"): the
    day the words were said, never a meeting's, wherever the parser hung the report."""
    verb = root.head.head if root.head.dep_ == "prep" and root.dep_ == "pobj" else root.head
    if verb.i in trig_ids or verb.lemma_.lower() not in lex.REPORTING or verb.tag_ not in ("VBD", "VBZ") \
            or root.dep_ not in ("npadvmod", "pobj", "advmod"):
        return False
    # "told a meeting today", "said on Tuesday during a town hall meeting": the meeting it was said at
    if any(t.i in trig_ids for c in verb.children if c.dep_ in ("dobj", "dative", "prep") for t in c.subtree):
        return False
    # right after the verb, or after whom it was told to ("said today", "told reporters on Monday"),
    # not after a meeting a misparse hung it on ("said ministers meeting next week would …")
    gap = verb.doc[verb.i + 1 : root.left_edge.i]
    inside = {t.i for t in gap} | {verb.i}
    return len(gap) <= 3 and all(t.i not in trig_ids and t.head.i in inside for t in gap)


def _dates_another_noun(root, trig_ids: set[int]) -> bool:
    """A time that modifies a noun other than a meeting (its deadline, an election, a vote): the
    noun's time, not the meeting's; a noun phrase that ends in a trigger ("the April 5 G7 meeting")
    or a part of one ("the March 3 opening") keeps it."""
    if root.dep_ not in ("compound", "nmod", "poss", "amod", "nummod"):  # nummod: "talks on the 2025 budget"
        return False
    head = root.head
    while head.dep_ in ("compound", "nmod", "amod") and head.head.i > head.i and head.i not in trig_ids:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.i in trig_ids or head.ent_type_ in ("DATE", "TIME"):
        return False
    return not (is_meeting_noun(head) or head.lemma_.lower() in lex.EVENT_PARTS | lex.OPENING_NOUNS)


def _inside_another_object(root, trigger) -> bool:
    """Whether ``root`` modifies a noun that is the object of another verb below the trigger."""
    noun_seen = False
    for t in head_path(root)[1:]:
        if t == trigger:
            return False
        if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME"):
            noun_seen = True
        elif t.pos_ == "VERB" and noun_seen:
            return True
    return False


def _step_below(root, trigger):
    """The word on the way up from ``root`` that hangs directly on ``trigger``, or None when the way
    up does not pass through the trigger."""
    return next((t for t in head_path(root)[1:] if t.head == trigger and t != trigger), None)


def _in_a_clause_of_its_outcome(root, trigger) -> bool:
    """Whether ``root`` hangs on a relative clause of the meeting noun that tells what the meeting
    will lead to."""
    t = _step_below(root, trigger)
    return t is not None and t.dep_ == "relcl" and t.lemma_.lower() in lex.CONSEQUENCE_VERBS


def _in_its_purpose(root, trigger) -> bool:
    """Whether ``root`` is the time an act the meeting is for moves something to ("negotiations to
    delay shipments to next year", "talks to extend the accord until 1990"): the act's, not the
    meeting's."""
    if root.head.dep_ != "prep" or root.head.lower_ not in ("to", "until", "till", "into", "beyond"):
        return False
    t = _step_below(root, trigger)
    return (t is not None and t.dep_ == "acl" and t.pos_ == "VERB"
            and t.lemma_.lower() not in lex.HOLDING | lex.TAKING_PLACE
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            and any(c.dep_ == "dobj" for c in t.children))


def _in_a_conjoined_act(root, trigger) -> bool:
    """Whether ``root`` hangs on a verb joined to the meeting's verb with an auxiliary of its own
    ("were meeting … and would vote next week"): another act, told in another tense."""
    t = _step_below(root, trigger)
    if t is None or t.dep_ != "conj" or t.pos_ not in ("VERB", "AUX"):
        return False
    own = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
    return bool(own - {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")})


def _through_a_clause(root, trigger) -> bool:
    """Whether ``root`` hangs on ``trigger`` through a clause of its own (a verb with a subject)."""
    for t in head_path(root)[1:]:
        if t == trigger:
            return False
        if (
            t.pos_ in ("VERB", "AUX")
            and t.dep_ in ("advcl", "ccomp", "relcl", "parataxis")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        ):
            return True
    return False


def _described_beside(root, word, triggers: list) -> int | None:
    """The noun trigger a phrase right after it describes, whatever the parser hung the phrase on."""
    for found in (_after_comma_participle(word, triggers), _due_after_comma(word, triggers),
                  _infinitive_after_noun(word, triggers), _set_off_after_noun(root, triggers)):
        if found is not None:
            return found
    return None


def _after_comma_participle(verb, triggers: list) -> int | None:
    """The noun trigger a bare participle right after its phrase describes, whatever the parser
    attached it to: "…, expected in May", "talks starting in July", "…, starting on April 13"."""
    doc = verb.doc
    scheduling = verb.tag_ == "VBN" and verb.lemma_.lower() in lex.SCHEDULED_PREDICATES | {"expect"}
    starting = verb.tag_ == "VBG" and verb.lemma_.lower() in lex.TAKING_PLACE
    if not (scheduling or starting) or verb.i < 2:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    comma = doc[verb.i - 1].text == ","
    if not comma and not starting:
        return None  # "a meeting expected …" without a comma is the parser's to attach
    # the comma itself may hang on the noun ("said the talks, starting on April 14, would …")
    ends = (verb.i - 2, verb.i - 1) if comma else (verb.i - 1,)
    return next((t.i for t, k in triggers if not k.verbal and t.right_edge.i in ends), None)


def _due_after_comma(verb, triggers: list) -> int | None:
    """The noun trigger that ", due to be held in Cairo in June" or ", due to open on Monday" right
    after its phrase describes, whatever the parser hung "due" on."""
    due = verb.head
    if verb.dep_ != "xcomp" or due.lower_ != "due" or due.i < 2 or verb.lemma_.lower() not in lex.TAKING_PLACE:
        return None
    if due.doc[due.i - 1].text != "," or any(c.dep_ in ("nsubj", "nsubjpass") for c in due.children):
        return None
    return next((t.i for t, k in triggers if not k.verbal and t.right_edge.i == due.i - 2), None)


def _infinitive_after_noun(verb, triggers: list) -> int | None:
    """The noun trigger that "to be held in mid-June" or "to take place on Monday" right after it
    describes, whatever the parser hung the infinitive on ("set at its board meeting to be held in
    mid-June")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.TAKING_PLACE or verb.i < 3:
        return None
    words = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if [c.lower_ for c in words] not in (["to"], ["to", "be"]) or words[0].i != verb.i - len(words):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    before = words[0].i - 1
    return next((t.i for t, k in triggers if not k.verbal and t.right_edge.i == before), None)


def _set_off_after_noun(root, triggers: list) -> int | None:
    """The noun trigger whose phrase a time or place set off by commas right after it belongs to,
    whatever verb the parser hung it on: "his annual meeting, on April 5-6 in Ottawa, with …"."""
    path = head_path(root)
    prep = next((t for t in path if t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX")), None)
    if prep is None or prep.lower_ not in ("on", "in", "at"):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in path[: path.index(prep)]):
        return None
    doc = prep.doc
    closing = prep.right_edge.i + 1
    if prep.i < 2 or doc[prep.i - 1].text != "," or closing >= len(doc) or doc[closing].text != ",":
        return None
    return next((t.i for t, k in triggers if not k.verbal and t.right_edge.i == prep.i - 2), None)


def _modified_word(root, trig_ids: set[int]):
    """The word an item modifies, through prepositions, time nouns and prepositional phrases
    ("set for 9 a.m. Thursday", "in court in Manhattan")."""
    verb = root.head
    # "talks … starting today": a participle the parser calls a preposition is still the verb dated
    if (verb.dep_ in ("prep", "agent") and verb.pos_ != "VERB") or verb.pos_ == "ADP":
        verb = verb.head
    if verb.lower_ in ("here", "there") and verb.dep_ == "advmod":
        verb = verb.head  # "is expected here on Friday for talks": the day of the verb "here" is on
    moving = verb.head.lemma_.lower() in lex.MOVE_WORDS
    if moving and verb.dep_ in ("advmod", "prt") and verb.lower_ in lex.MOVE_PARTICLES:
        verb = verb.head  # "put back to Friday": the day of the move's verb
    for _ in range(4):
        timeish = verb.ent_type_ in ("DATE", "TIME") and verb.pos_ in ("NOUN", "PROPN", "NUM")
        if not (
            verb.pos_ in ("NOUN", "PROPN")
            and (timeish or (verb.dep_ == "pobj" and verb.i not in trig_ids and _of_trigger(verb, trig_ids) is None))
        ):
            break
        nxt = verb.head
        if nxt.dep_ in ("prep", "agent") or nxt.pos_ == "ADP":
            nxt = nxt.head
        if nxt == verb:
            break
        verb = nxt
    return verb


def _contact_clause_trigger(verb, triggers: list) -> int | None:
    """ "a state visit he will make … later this month", "the talks they hold on Monday": a relative
    clause without "that" whose verb takes the meeting noun before it as its missing object."""
    if verb.lemma_.lower() not in lex.LIGHT | {"make", "pay"} or any(c.dep_ == "dobj" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.left_edge.i == 0:
        return None
    before = subj.doc[subj.left_edge.i - 1]
    return next((t.i for t, k in triggers if t.i == before.i and not k.verbal), None)


def _of_trigger(noun, trig_ids: set[int]) -> int | None:
    """The trigger in "<noun> of <trigger>": "a round of talks"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            hit = next((o.i for o in c.children if o.dep_ == "pobj" and o.i in trig_ids), None)
            if hit is not None:
                return hit
    return None


PART_PREPOSITIONS = ("to", "at", "before")  # "testimony to the hearing", "a speech at the conference"


def _part_in_trigger(noun, trig_ids: set[int]) -> int | None:
    """The trigger in "<act> to/at/before <trigger>": one's part in a meeting is told with the
    meeting's day ("Smith's testimony to the hearing tomorrow")."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in PART_PREPOSITIONS:
            hit = next((o.i for o in c.children if o.dep_ == "pobj" and o.i in trig_ids), None)
            if hit is not None:
                return hit
    return None


def _nearest_trigger_of_verb(verb, root, triggers: list, taken: set[int], place: bool = False) -> int | None:
    cands = []
    for tok, kind in triggers:
        gov = governor(tok)
        if gov is None or not _near_argument(tok, gov):
            continue
        chain = {g.i for g in head_path(gov, 3)} if tok.dep_ != "ROOT" else {gov.i}
        # "talks are expected to begin in July": the date of the meeting's own beginning
        # "the summit is due to take place on Monday": through the adjective that says it is planned
        planned = verb.head.dep_ == "acomp" and verb.head.head.i == gov.i
        # "the meeting is scheduled to end on March 27", "… to run until Friday": its end
        begins = verb.dep_ == "xcomp" and (verb.head.i == gov.i or planned) and verb.lemma_.lower() in (
            lex.TAKING_PLACE | lex.ENDING_DATE | lex.LASTING)
        # "who is in Washington to attend the meetings": where one is, to take part
        # "flew to Oslo to hold talks": where one travels, to meet
        travelling = verb.lemma_.lower() in lex.TRAVEL  # its day is a hint (when.split_travel_times)
        purpose = travelling or (place and gov.lemma_.lower() in lex.PARTICIPATING)
        attending = gov.dep_ in ("advcl", "xcomp") and gov.head.i == verb.i and purpose
        # "The talks, postponed …, will take place in Oslo": a second verb of the meeting as subject
        # "The talks, postponed last week, will now be held on March 20": the new date of a moved meeting
        moved = gov.lemma_.lower() in lex.MOVE_WORDS and verb.lemma_.lower() in lex.GOING_AHEAD
        attending = attending or ((place or moved) and _shares_subject(verb, gov, tok))
        # "will begin talks as soon as they return to London": where one meets on arriving
        attending = attending or (place and _arrival_clause(verb) == gov)
        if not place and verb.i == gov.i and _after_the_act(tok, gov, root):
            continue  # "would spend the weekend considering it before a second round of consultations"
        if verb.i == gov.i or begins or attending or (verb.i in chain and gov.dep_ in ("xcomp", "aux", "auxpass")):
            cands.append((kind.weak, tok.i in taken, abs(tok.i - root.i), tok.i))
    return min(cands)[-1] if cands else None


_SEQUENCE_PREPS = ("before", "after", "ahead", "prior", "following")


def _after_the_act(tok, gov, root) -> bool:
    """The meeting hangs on "before/after …" under the verb, and the time is the verb's own object
    or stands outside that phrase: the time of the act done before or after it, not the meeting's."""
    node = tok
    while node.i != gov.i and node.head.i != node.i:
        if node.dep_ == "pobj" and node.head.lower_ in _SEQUENCE_PREPS and node.head.head.i == gov.i:
            return not node.head.is_ancestor(root)
        node = node.head
    return False


def _arrival_clause(verb):
    """The verb a clause of arriving somewhere is the time of ("when they arrive in Lisbon", "after
    arriving in Hanoi", "as soon as he returns to Nairobi"), else None; not a clause of leaving
    ("before he leaves for Oslo": the meeting is before the journey)."""
    if verb.lemma_.lower() not in lex.ARRIVING:
        return None
    if verb.dep_ == "advcl" and verb.head.lower_ == "soon" and verb.head.dep_ == "advmod":
        return verb.head.head  # "as soon as he returns"
    if verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in lex.ON_ARRIVAL for c in verb.children):
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ in lex.ON_ARRIVAL and verb.head.dep_ == "prep":
        return verb.head.head
    return None


def _shares_subject(verb, gov, tok) -> bool:
    """``verb`` is a conjunct of the trigger's verb with no subject of its own, the trigger being the subject."""
    return (
        verb.dep_ == "conj"
        and verb.lemma_.lower() not in lex.OPENING  # "ended on Wednesday and will resume in Geneva": another round
        and verb.head.i == gov.i
        and tok.dep_ in ("nsubj", "nsubjpass")
        and tok.head.i == gov.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _near_argument(tok, gov) -> bool:
    """``tok`` hangs on ``gov`` directly or through function words ("ahead of the talks")."""
    cur = tok
    for _ in range(4):
        if cur == gov:
            return True
        if cur != tok and cur.lemma_.lower() in lex.DATE_NOUNS:
            return False  # "the record date for the meeting remains April 10"
        if cur.head == cur:
            return False
        cur = cur.head
    return cur == gov


def choose_place(tok, kind: MeetingKind, own_places: list, doc_places: frozenset[str]) -> tuple[str | None, int]:
    """The meeting's own place and its rank (``place_rank``): the first city "in/at", else a venue
    or region, else a country; else a city modifying the noun."""
    own = sorted(
        (e for e in own_places if not re.search(r"\d", e.text)),
        key=lambda e: (-place_rank(e), e.root.dep_ in ("compound", "nmod", "amod"), e.start),
    )
    if own:
        return re.sub(r"^(?i:the)\s+", "", own[0].text).strip(), place_rank(own[0])
    if kind.verbal:
        posted = _posted_in(tok)
        return posted, 0 if is_country(posted) else 2
    for c in tok.children:
        if c.dep_ in ("compound", "nmod") and c.i < tok.i and c.pos_ == "PROPN" and c.text in doc_places:
            return c.text, 0 if is_country(c.text) else 2
    return None, 0


def where_clause_place(tok, kind: MeetingKind) -> str | None:
    """ "all eyes were on Washington, where the ministers will meet tomorrow": the place a "where"
    clause of the meeting's verb hangs on."""
    verb = tok if kind.verbal else governor(tok)
    for _ in range(3):
        if verb is None or verb.dep_ != "relcl":
            verb = verb.head if verb is not None and verb.dep_ in ("xcomp", "conj") else None
            continue
        place = verb.head
        if any(c.lower_ == "where" for c in verb.children) and place.ent_type_ in PLACE_LABELS:
            text = " ".join(t.text for t in place.subtree if t.ent_type_ == place.ent_type_ and t.i <= place.i)
            return None if is_country(text) else text
        return None
    return None


def here_place(tok, kind: MeetingKind) -> str | None:
    """ "the ministers will meet here next week" under a dateline: the dateline's town. "here" is
    taken in the meeting's own clause (the trigger, or the verb it hangs on, and the words below
    them that open no clause with a subject of its own)."""
    verb = tok if kind.verbal else governor(tok)
    top = verb if verb is not None else tok
    for here in top.subtree:
        if here.lower_ == "here" and here.dep_ == "advmod" and _in_own_clause(here, top):
            return dateline_town(tok.doc, tok.idx)
    return None


def _in_own_clause(word, top) -> bool:
    """Whether the path from ``word`` up to ``top`` passes no verb with a subject of its own."""
    cur = word.head
    while cur != top and cur.head != cur:
        if cur.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            return False
        cur = cur.head
    return True


def dateline_town(doc, at: int) -> str | None:
    """The town of the dateline opening the paragraph holding character ``at`` of ``doc``; else that
    of the article's first paragraph, when no other paragraph opens with a dateline of its own (a
    round-up of briefs has one per paragraph, and a paragraph without one is not the first's)."""
    text = doc.text
    start = text.rfind("\n\n", 0, at)
    own = DATELINE.match(text, start + 2 if start >= 0 else 0)
    if own is not None:
        return own.group(1).title()
    starts = [0] + [m.end() for m in re.finditer(r"\n\n+", text)]
    datelines = [m for m in (DATELINE.match(text, s) for s in starts) if m is not None]
    only = datelines[0] if len(datelines) == 1 else None
    return only.group(1).title() if only is not None and only.start() == 0 else None


def host_town(tok, kind: MeetingKind) -> str | None:
    """ "Vienna will host the talks", "talks hosted by Lima": the town (never a country) that hosts."""
    if kind.verbal:
        return None
    hosted = next((c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() == "host"), None)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() == "host":
        host = subject(tok.head)
    elif hosted is not None or (tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() == "host"):
        verb = hosted if hosted is not None else tok.head  # "talks hosted by Geneva", "… will be hosted by"
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        host = next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None
    else:
        host = None
    if host is None or host.ent_type_ != "GPE":
        return None
    text = " ".join(t.text for t in host.subtree if t.ent_type_ == "GPE" and t.i <= host.i)
    return None if is_country(text) else text


def seat_of_body(tok, kind: MeetingKind) -> str | None:
    """ "The Dublin court will sit again on April 2": a court or council meets in the town that names
    it, here or where "the court" was last named with its town, in the sentence or the one before."""
    body = _meeting_body(tok, kind)
    if body is None or body.lemma_.lower() not in lex.SEATED_BODIES:
        return None
    town = _town_naming(body)
    if town is not None or not any(c.dep_ == "det" and c.lower_ == "the" for c in body.children):
        return town
    doc = tok.doc
    start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
    named = [_town_naming(t) for t in doc[start : body.i] if t.lemma_.lower() == body.lemma_.lower()]
    return next((n for n in reversed(named) if n), None)


def _meeting_body(tok, kind: MeetingKind):
    """The body that meets: the subject of a meeting verb or of the verb holding the meeting noun
    ("the court will hold a hearing"), else the noun's owner ("the council's session")."""
    if kind.verbal:
        return subject(tok)
    owner = next((c for c in tok.children if c.dep_ in ("poss", "compound") and c.lemma_.lower() in lex.SEATED_BODIES),
                 None)
    if owner is not None:
        return owner
    held_in = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "before")
                    for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in lex.SEATED_BODIES), None)
    if held_in is not None:
        return held_in  # "hearings in a New York state court"
    gov = governor(tok)
    if gov is not None and tok.dep_ == "dobj" and tok.head == gov and gov.lemma_.lower() in lex.HOSTING:
        return subject(gov)
    if gov is not None and kind is MeetingKind.HEARING:
        court = subject(gov)  # "A Manila court issued an injunction until hearings on April 21": its own
        return court if court is not None and court.lemma_.lower() in lex.SEATED_BODIES else None
    return None


def _town_naming(body) -> str | None:
    """The town (never a country) modifying a body's noun: "the Dublin court", "a Lyon council"."""
    for c in body.children:
        if c.dep_ in ("compound", "nmod", "amod") and c.i < body.i and c.ent_type_ == "GPE":
            text = " ".join(t.text for t in c.subtree if t.ent_type_ == "GPE")
            return None if is_country(text) else text
    return None


def journey_place(tok, kind: MeetingKind) -> str | None:
    """Where the one who meets travels, told before in the sentence or the one before it in the
    paragraph ("The minister arrived in Geneva on Sunday. He will meet …"), else in a coming trip
    of the same named person earlier in the article ("Kuroda leaves for Washington today. … He said
    if he fails in talks tomorrow …"), unless two coming trips go to different towns (the city,
    never a country alone)."""
    verb = tok if kind.verbal else governor(tok)
    if verb is not None and verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_.lower() in lex.TRAVEL:
        verb = verb.head  # "leaves on April 7 to attend the meetings": the one who travels
    who = subject(verb) if verb is not None else None
    if who is None:
        return None
    doc = tok.doc
    start = tok.sent.start
    if start > 0 and "\n\n" not in doc[start - 1].whitespace_:
        start = doc[start - 1].sent.start
    for travel in reversed(_travels(doc[start : tok.i])):
        traveller = subject(travel)
        if traveller is None or not _same_party(traveller, who):
            continue
        found = _destinations(travel)
        if found:
            return next((d for d in found if not is_country(d)), None)
    return _coming_trip(doc[: tok.i], who)


def _travels(span) -> list:
    """The verbs of going somewhere, and of being somewhere ahead ("will be in Washington next week")."""
    return [t for t in span if (t.pos_ == "VERB" and t.lemma_.lower() in lex.TRAVEL) or _staying(t)]


def _staying(tok) -> bool:
    """ "will be in Washington", "is in Geneva": being in a town, told in the present or future."""
    if tok.lemma_ != "be" or tok.tag_ in ("VBD", "VBN"):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "VBD" for c in tok.children):
        return False  # "would be in Geneva": a wish or a report
    ins = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"]
    return any(o.dep_ == "pobj" and o.ent_type_ == "GPE" for c in ins for o in c.children)


def _coming_trip(span, who) -> str | None:
    """The one town the named person (or the group: "EC farm ministers" … "the ministers") ``who``
    is told to be going to in ``span``: not to have gone to, unless just arrived ("arrived in
    Washington yesterday")."""
    party = person_named(who) or _group_named(who)
    if party is None:
        return None
    towns = set()
    for travel in _travels(span):
        traveller = subject(travel)
        if traveller is None or (person_named(traveller) or traveller.lemma_.lower()) != party:
            continue
        if travel.tag_ == "VBD" and not _just_arrived(travel):
            continue  # a journey made is no sign of where one will be
        towns |= {d for d in _destinations(travel) if not is_country(d)}
    return towns.pop() if len(towns) == 1 else None


def _group_named(tok) -> str | None:
    """ "the ministers", "the delegates": a group of people named again by its noun."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    plural = tok.tag_ == "NNS" and tok.lemma_.lower() in lex.PEOPLE
    return tok.lemma_.lower() if definite and plural else None


RECENT_DAYS = {"yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
               "sunday"}


def _just_arrived(travel) -> bool:
    """ "arrived in Washington yesterday", "flew to Oslo on Sunday": a journey of the last days."""
    if travel.lemma_.lower() not in lex.ARRIVING - {"return", "get", "go"}:
        return False
    return any(t.lower_ in RECENT_DAYS for c in travel.children if c.dep_ in ("npadvmod", "prep") for t in c.subtree)


def person_named(tok) -> str | None:
    """The surname of the person ``tok`` names: a name ("Kuroda"), "he"/"she" (the person last
    named as a subject before it), or a title ("the finance minister": the person last named with
    that title, "Finance Minister Kiichi Miyazawa")."""
    doc = tok.doc
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    surnames = {e[-1].lower_ for e in people}
    if _a_name(tok, surnames):
        return _surname(tok)
    if tok.lower_ in ("he", "she"):
        named = [t for t in doc[: tok.i] if t.dep_ in ("nsubj", "nsubjpass") and _a_name(t, surnames)]
        return _surname(named[-1]) if named else None
    if tok.lemma_.lower() in lex.PEOPLE and any(c.lower_ == "the" for c in tok.children):
        role = tok.lemma_.lower()
        titled = [e for e in people if e.end <= tok.i
                  and any(t.lemma_.lower() == role for t in doc[max(0, e.start - 3) : e.start])]
        return titled[-1][-1].lower_ if titled else None
    return None


def _a_name(tok, surnames: set[str]) -> bool:
    """A proper noun that names a person: tagged so, a surname of one, or untagged and not an acronym."""
    if tok.pos_ != "PROPN" or tok.lemma_.lower() in lex.PEOPLE:
        return False  # "the Finance Minister": a title, not a name
    return tok.ent_type_ == "PERSON" or tok.lower_ in surnames or (tok.ent_type_ == "" and not tok.text.isupper())


def _surname(tok) -> str:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ == "PERSON"), None)
    return ent[-1].lower_ if ent is not None else tok.lower_


def _same_party(before, after) -> bool:
    """ "The minister … He …", "The minister … the minister …": the same one, as far as words tell."""
    if after.lower_ in ("he", "she"):
        return before.ent_type_ == "PERSON" or before.lemma_.lower() in lex.PEOPLE
    if after.lower_ == "they":
        return before.tag_ in ("NNS", "NNPS")
    return after.pos_ != "PRON" and after.lemma_.lower() == before.lemma_.lower()


def _destinations(travel) -> list[str]:
    """The named places a travel verb goes to: "arrived in Geneva", "flew to Oslo", "visit Paris"."""
    out = []
    for c in travel.children:
        objs = [c] if c.dep_ == "dobj" and travel.lemma_.lower() == "visit" else []
        leaving = c.lower_ == "for" and travel.lemma_.lower() in ("leave", "depart", "head")  # "leaves for Oslo"
        if c.dep_ == "prep" and (c.lower_ in ("to", "in", "at") or leaving):
            objs = [o for o in c.children if o.dep_ == "pobj"]
        out += [" ".join(t.text for t in o.subtree if t.ent_type_ == "GPE") for o in objs if o.ent_type_ == "GPE"]
    return [d for d in out if d]


def _posted_in(verb) -> str | None:
    """"The ambassador in Athens will meet the prime minister": a diplomat meets where posted."""
    envoys = [subject(verb)] + [c for c in verb.children if c.dep_ == "dobj"]
    for envoy in envoys:
        if envoy is None or envoy.lemma_.lower() not in lex.ENVOYS:
            continue
        for prep in envoy.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for place in prep.children:
                if place.dep_ == "pobj" and place.ent_type_ == "GPE":
                    return " ".join(t.text for t in place.subtree if t.ent_type_ == "GPE")
    return None


def _party_sources(tok, kind: MeetingKind) -> tuple[list[list], set[str]]:
    """Token lists that may name the parties, and name words taken along the way."""
    sources, names = [], set()
    if kind.verbal:
        subj = subject(tok)
        if subj is not None:
            sources.append(list(subj.subtree))
            if subj.lemma_.lower() in lex.BODIES or subj.lower_ in lex.BODIES:
                names.add(subj.lemma_.lower())
        for c in tok.children:
            called_on = c.lower_ == "on" and tok.lemma_.lower() == "call"  # "to call on President Sarney"
            if c.dep_ == "dobj" or (c.dep_ == "prep" and (c.lower_ in ("with", "between", "among") or called_on)):
                sources.append(list(c.subtree))
        return sources, names
    for c in tok.children:
        if c.dep_ in ("compound", "nmod", "amod", "poss") and c.i < tok.i:
            sources.append(list(c.subtree))
            names |= {t.lower_ for t in c.subtree if t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")}
        if c.dep_ == "prep" and c.lower_ in ("of", "between", "with", "among", "involving"):
            sources.append(list(c.subtree))
        if c.dep_ == "prep" and c.lower_ == "by" and kind is MeetingKind.VISIT:  # "a visit by X"
            sources.append(_without_other_meetings(c))
        if c.dep_ == "appos":
            sources.append(list(c.subtree))
            names |= {t.lower_ for t in c.subtree if t.pos_ == "PROPN"}
    between = _between_after(tok)
    if between is not None:
        sources.append(list(between.subtree))
    gov = governor(tok)
    if gov is not None and gov.lemma_.lower() in lex.LIGHT and tok.dep_ == "dobj":
        subj = subject(gov)
        if subj is not None:
            sources.append(list(subj.subtree))
    # "Talks were expected to take place with the Algerians", "talks will open with Japan"
    sources += [list(p.subtree) for p in preps_of_its_verb(tok) if p.lower_ in ("with", "between", "among")]
    return sources, names


def _traveller(tok) -> str | None:
    """Who travels for the meeting: "Kuranari was expected to fly to Washington tomorrow for
    talks" (the named subject of the journey the meeting is the purpose of)."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "for":
        return None
    verb = tok.head.head
    # "Aqazadeh is expected here on Friday for talks": who is expected comes for them
    expected = verb.lemma_.lower() == "expect" and any(c.dep_ == "auxpass" for c in verb.children)
    if verb.lemma_.lower() not in lex.TRAVEL - {"send", "dispatch"} and not expected:
        return None
    subj = subject(verb)
    if subj is None or subj.pos_ != "PROPN":
        return None
    ents = ents_in([t for t in subj.subtree if t.i <= subj.i])
    return ents[0] if ents else subj.text


def _without_other_meetings(phrase) -> list:
    """The words of ``phrase`` less another meeting joined to it ("by Japanese officials and a
    visit to Tokyo by …": the second visit is not who makes the first)."""
    cut = {t.i for c in phrase.subtree if c.dep_ == "conj" and is_meeting_noun(c) for t in c.subtree}
    return [t for t in phrase.subtree if t.i not in cut]


def _between_after(tok):
    """ "a meeting later today between Funaro and Stoltenberg", with "between" parsed onto the verb
    above: a "between" right after the meeting noun and its time words, hung on one of its heads."""
    k = max(t.i for t in tok.subtree) + 1
    doc = tok.doc
    while k < tok.sent.end and k - tok.i <= 6 and (doc[k].ent_type_ in ("DATE", "TIME") or doc[k].lower_ in (
            "later", "earlier", "today", "tomorrow", "tonight")):
        k += 1
    if k >= tok.sent.end or doc[k].lower_ != "between" or doc[k].dep_ != "prep" or not doc[k].head.is_ancestor(tok):
        return None
    return doc[k]


def parties(tok, kind: MeetingKind, place: str | None) -> tuple[list[str], set[str]]:
    """The named parties of a mention, and the lower-case names (and acronyms) it can be matched by."""
    sources, names = _party_sources(tok, kind)
    traveller = _traveller(tok)
    found: list[str] = [traveller] if traveller else []
    for src in sources:
        for e in ents_in(src):
            if not (place and e == place) and e not in found:
                found.append(e)
    names |= {p.lower() for p in found}
    names = {n for n in names if not re.search(r"\d", n) and n not in lex.CALENDAR_WORDS | lex.WHOLE_LEGISLATURE}
    for p in found:
        words = [w for w in re.findall(r"[A-Za-z]+", p) if w[0].isupper() and w.lower() not in ("of", "and", "the")]
        if len(words) >= 2:
            names.add("".join(w[0] for w in words).lower())
    return found[:8], names
