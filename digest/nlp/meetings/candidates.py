"""Step 1: candidate mentions. Meeting nouns ("meeting", "talks", "summit", a body's "session" …)
and verbs ("meet", "convene", "gather", "confer"; "will hear/consider …" with a deliberative body
as subject), minus the uses that make the word something else ("news conference", "trading
session", "meet demands", "the teams meet")."""

from __future__ import annotations

import re

from digest.nlp import meeting_lexicon as lex
from digest.nlp.meetings.kinds import MeetingKind
from digest.nlp.meetings.syntax import PARTY_LABELS, governor, has_left_modifier, is_party, person_before, subject

_INSTITUTION_KINDS = (MeetingKind.CONGRESS, MeetingKind.CONVENTION, MeetingKind.VISIT, MeetingKind.PLENUM)
_EVENT_MODIFIERS = {"party", "national", "annual", "special", "extraordinary", "founding"}


def noun_kind(tok) -> MeetingKind | None:
    """The kind a meeting noun names, by its lemma or form ("talk" only as "talks"), else None."""
    name = lex.NOUN_LEMMAS.get(tok.lemma_.lower()) or lex.NOUN_LEMMAS.get(tok.lower_)
    if name is None or (name == "talks" and tok.lower_ != "talks"):
        return None
    return MeetingKind(name)


def noun_trigger(tok) -> MeetingKind | None:
    """The kind of meeting a noun names in this use, or None."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    kind = noun_kind(tok)
    if kind is None:
        return None
    if kind is MeetingKind.CONSULTATIONS and tok.tag_ not in ("NNS", "NNPS"):
        return None
    if tok.lower_ == "negotiation" and not any(c.dep_ in ("det", "poss") for c in tok.children):
        return None  # "through negotiation": the activity, not an event
    if tok.tag_ in ("NNS", "NNPS") and any(c.lower_ == "both" for c in tok.children):
        return MeetingKind.WEAK  # "will attend both conferences": the two told before, not a third
    if _names_something_else(tok, kind):
        return None
    if kind in (MeetingKind.CONGRESS, MeetingKind.CONVENTION) and not (
        has_left_modifier(tok, _EVENT_MODIFIERS) or any(_duration(c) for c in tok.children) or _opens(tok)
    ):
        return None  # not "Congress" or "the convention" (a treaty); "a four-day congress" is an event
    mods = {
        c.lower_
        for c in tok.children
        if c.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod") and not _duration(c)
    }
    blocking = mods & lex.NOT_MEETING_MODIFIERS.get(kind.value, set())
    if blocking and not (kind is MeetingKind.SESSION and blocking <= lex.ORDINALS and _bodys_session(tok)):
        return None  # "the first session" of a market is trading; "the committee's first session" is not
    if kind is MeetingKind.CONFERENCE and any(c.lower_ in ("news", "press") for c in tok.lefts):
        return None
    if _modifies_another_noun(tok):
        return None
    if kind is MeetingKind.SESSION and not _session_ok(tok):
        return None
    if kind is MeetingKind.VISIT and not _visit_ok(tok):
        return None
    if (
        kind is MeetingKind.HEARING
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and (tok.head.head.lower_ in ("hard", "loss"))
    ):
        return None  # "hard of hearing"
    return kind


def _duration(tok) -> bool:
    """ "a two-day session": how long the meeting lasts, not the part of a day a market trades in."""
    return tok.lower_ in ("day", "week") and any(c.dep_ == "nummod" for c in tok.children)


def _names_something_else(tok, kind: MeetingKind) -> bool:
    """A proper name that is a company, a place, a person, an organisation or an institution."""
    if tok.pos_ != "PROPN" and tok.ent_type_ not in ("ORG", "GPE", "PERSON", "FAC", "LOC"):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_.strip(".") in lex.CORPORATE_SUFFIX:
        return True
    if tok.ent_type_ in ("GPE", "LOC", "FAC", "PERSON"):
        return True
    if tok.ent_type_ == "ORG" and nxt is not None and nxt.ent_iob_ == "I":
        return True  # "the United Nations Conference on Trade and Development": an organisation
    # "Congress", "Convention" (a treaty); a lower-case "congress" tagged as a name is not one
    return kind in _INSTITUTION_KINDS and tok.pos_ == "PROPN" and tok.text[:1].isupper() and not _opens(tok)


def _opens(tok) -> bool:
    """ "The American Pork Congress kicks off tomorrow", "the party congress opens on Sunday": a
    congress or convention that opens is a gathering, not the institution."""
    verb = tok.head
    if tok.dep_ != "nsubj" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    return lemma in lex.OPENING_VERBS or (lemma == "kick" and any(c.lower_ == "off" for c in verb.children))


def _modifies_another_noun(tok) -> bool:
    """ "summit meeting" (the head carries it), "meeting room", "conference call"."""
    if tok.dep_ not in ("compound", "nmod", "amod") or tok.head.i <= tok.i:
        return False
    head = tok.head
    if is_meeting_noun(head):
        return True
    if head.dep_ == "ROOT" and head.i == tok.i + 1 and head.lower_ in lex.VERBS_READ_AS_NOUNS:
        return False  # "The negotiations resume in New York on Friday": the verb tagged as a noun
    return head.lower_ in lex.NOT_MEETING_HEADS or (
        head.pos_ in ("NOUN", "PROPN") and head.lower_ not in lex.OPENING_NOUNS
    )


def is_meeting_noun(tok) -> bool:
    """Whether the word is a meeting noun at all, whatever its use."""
    return noun_kind(tok) is not None


def visit_destination(tok):
    """The named place or party of "a visit to Jakarta", or None."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "to":
            dest = next((o for o in p.children if o.dep_ == "pobj"), None)
            if dest is not None and dest.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
                return dest
    return None


def _session_words(tok) -> set[str]:
    """The words of a session's phrase and of the subject of its verb."""
    words = {c.lower_ for c in tok.subtree} | {c.lemma_.lower() for c in tok.subtree}
    gov = governor(tok)
    if gov is not None:
        for c in gov.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                words |= {t.lemma_.lower() for t in c.subtree}
    return words


def _bodys_session(tok) -> bool:
    """A session tied to a deliberative body ("the committee will hold its first session")."""
    return bool(_session_words(tok) & lex.BODIES)


def _session_ok(tok) -> bool:
    words = _session_words(tok)
    gov = governor(tok)
    if words & {"trading", "stock", "stocks", "shares", "futures"}:
        return False
    return bool(words & lex.SESSION_OK) or _bodys_next_session(tok, gov) or _named_bodys_session(tok)


def _named_bodys_session(tok) -> bool:
    """ "a G-5 session", "the G7 session": a session named by a group of countries (an acronym
    with its number; a market's "NYSE session" is trading)."""
    return any(
        c.dep_ in ("compound", "nmod") and re.fullmatch(r"[A-Z]{1,3}-?\d{1,3}", c.text) is not None
        for c in tok.children
    )


def _bodys_next_session(tok, gov) -> bool:
    """"OPEC may meet before its June session": a named organisation acting before or after a
    session is that body's session (a market's session is never "before" what a body does)."""
    if gov is None or tok.dep_ != "pobj" or tok.head.lower_ not in ("before", "after", "until", "ahead"):
        return False
    actor = subject(gov)
    return actor is not None and any(t.ent_type_ == "ORG" for t in actor.subtree)


def _visit_ok(tok) -> bool:
    """A visit by someone named ("Lee's visit", "the visit of Prime Minister Lee", "a visit by
    Lee"), a state or official visit, or a visit to a named place or person, to where the article
    is written ("a visit here next week by Japanese trade officials") or to the town that names it
    ("a Washington visit")."""
    if visit_destination(tok) is not None or any(c.dep_ == "advmod" and c.lower_ == "here" for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ in ("poss", "compound") and c.ent_type_ == "PERSON":
            return True
        if c.dep_ == "compound" and c.ent_type_ == "GPE" and c.i == tok.i - 1:
            return True
        if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by") and any(
            o.dep_ == "pobj" and o.ent_type_ == "PERSON" for o in c.children
        ):
            return True
        if (c.dep_ == "amod" and c.lower_ in ("state", "official")) or (c.dep_ == "compound" and c.lower_ == "state"):
            return True
    return _the_visit_told_before(tok)


def _the_visit_told_before(tok) -> bool:
    """ "the week-long visit starting April 29": a visit the article has named, taken up again with
    the day it starts on."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)
    return definite and any(c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in lex.OPENING_VERBS
                            and any(d.ent_type_ == "DATE" for d in c.subtree) for c in tok.children)


def reporter_of_it(subj):
    """ "The commission said that on April 15 it will consider …": "it" in what a body says is that body."""
    if subj.lower_ != "it" or subj.head.dep_ != "ccomp":
        return subj
    said = subj.head.head
    reporter = next((c for c in said.children if c.dep_ == "nsubj"), None) if said.lemma_.lower() == "say" else None
    return reporter if reporter is not None else subj


def _a_body(tok) -> bool:
    """A body that sits: "the board", "the commission", "the Commodity Futures Trading Commission",
    and an acronym the article sets beside such a name ("the … Commission, CFTC,")."""
    if tok.lemma_.lower() in lex.BODIES or tok.lower_ in lex.BODIES:
        return True
    if tok.pos_ != "PROPN" or not tok.text.isupper() or len(tok.text) < 2:
        return False
    # "The Commodity Futures Trading Commission, CFTC, said …"
    return any(t.text == tok.text and t.dep_ == "appos" and t.head.lemma_.lower() in lex.BODIES for t in tok.doc)


def verb_trigger(tok) -> MeetingKind | None:
    """``MEET`` for "meet/convene/gather/confer" used of people meeting, ``BODY`` for a body's
    "hear/consider/decide …", else None."""
    if tok.pos_ != "VERB":
        if tok.lower_ in ("meet", "convene", "reconvene") and tok.i > 0 and tok.nbor(-1).lower_ == "to":
            return MeetingKind.MEET  # "the council is to reconvene Tuesday", tagged as a noun
        return None
    lemma = tok.lemma_.lower()
    if lemma in lex.VERB_TRIGGERS:
        return MeetingKind.MEET if _people_meet(tok, lemma) else None
    if lemma == "call" and _calls_on_someone(tok):
        return MeetingKind.MEET  # "he is to call on President Sarney": a visit paid to a person
    if lemma == "visit" and _visits_an_institution(tok):
        return MeetingKind.MEET  # "a delegation will visit the parliament on Monday": calling on a body
    if lemma in lex.TESTIFY_VERBS or (lemma in lex.APPEAR_VERBS and _before_a_body(tok)):
        return MeetingKind.TESTIFY
    subj = subject(tok)
    # "the board will consider …", "the committee will take up the bill"; not the passive "will be
    # approved by the board", more often a step a deal must pass than a session (newswire/clean)
    if (lemma in lex.BODY_VERBS or _takes_up(tok)) and subj is not None and _a_body(reporter_of_it(subj)):
        return MeetingKind.BODY
    talker = _agent(tok) if any(c.dep_ == "auxpass" for c in tok.children) else subj
    # "are due to discuss", "due to be discussed by farm ministers", "will discuss … in Rome"
    if lemma in lex.TALK_VERBS and talker is not None and is_party(talker) and (_scheduled_to(tok) or _somewhere(tok)):
        return MeetingKind.TALK
    return None


def _calls_on_someone(verb) -> bool:
    """ "will call on Prime Minister Gandhi": paying a visit to a named person. Not an appeal
    ("called on Reagan to veto the bill"), which asks someone to act."""
    on = next((c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ == "on"), None)
    if on is None:
        return False
    called = [o for o in on.children if o.dep_ == "pobj"]
    called += [c for c in verb.children if c.dep_ == "dobj" and c.i > on.i]
    if not any(o.ent_type_ == "PERSON" for o in called):
        return False
    return not any(
        t.i > on.i and t.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
        for t in verb.subtree
    )


def _takes_up(verb) -> bool:
    """ "will take up the bill": a body putting a matter on its agenda."""
    return verb.lemma_.lower() == "take" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def _visits_an_institution(verb) -> bool:
    """A party visiting a deliberative body or a ministry ("a delegation will visit the Dutch
    parliament", "the envoy visits the foreign ministry"): calling on it is meeting it."""
    visitor = subject(verb)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return visitor is not None and is_party(visitor) and obj is not None and obj.lemma_.lower() in lex.INSTITUTIONS


def _agent(verb):
    """The "by" agent of a passive verb: "to be discussed by EC farm ministers"."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None


def _somewhere(verb) -> bool:
    """A named city the talking happens in: "ministers would discuss these further in Luxembourg"."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and any(o.ent_type_ == "GPE" for o in c.children)
        for c in verb.children
    )


def _before_a_body(tok) -> bool:
    """ "appear before the committee / a judge / Congress", "appear in court" (not before the police)."""
    return any(
        p.dep_ == "prep"
        and (p.lower_ == "before" or (p.lower_ == "in" and any(o.lemma_.lower() == "court" for o in p.children)))
        and any(o.dep_ == "pobj" and {t.lemma_.lower() for t in o.subtree} & lex.HEARING_BODIES for o in p.children)
        for p in tok.children
    )


def _scheduled_to(tok) -> bool:
    """ "are scheduled / due / set to discuss": the talking is a fixed appointment."""
    head = tok.head
    return (
        tok.dep_ == "xcomp"
        and head.lemma_.lower() in lex.SCHEDULED_PREDICATES
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def gapped_meetings(triggers: list) -> list:
    """ "The board meets March 30 but the full council not until September": a second subject with
    its own time and no verb of its own meets too."""
    out = []
    for tok, kind in triggers:
        if kind is not MeetingKind.MEET or tok.pos_ != "VERB":
            continue
        for c in tok.children:
            if (
                c.dep_ == "conj"
                and c.pos_ in ("NOUN", "PROPN")
                and is_party(c)
                and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
            ):
                out.append((c, MeetingKind.MEET))
    return out


def _meets_a_thing(tok) -> bool:
    """ "meet demands", "no longer meets listing criteria", "met with criticism"."""
    in_pp = {t.i for c in tok.children if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree}
    right = [t for t in tok.subtree if tok.i < t.i < tok.i + 5 and t.i not in in_pp]
    if any(
        t.pos_ == "NOUN" and (t.lemma_.lower() in lex.MEET_NONPERSON or t.lower_ in lex.MEET_NONPERSON) for t in right
    ):
        return True
    for p in tok.children:
        if p.dep_ != "prep":
            continue
        for o in (o for o in p.children if o.dep_ == "pobj"):
            lemma = o.lemma_.lower()
            if p.lower_ == "with" and (lemma in lex.MEET_NONPERSON or lemma in lex.PRESS):
                return True  # "met with criticism", "will meet with reporters"
            contest = lemma in lex.CONTESTS or any(
                c.dep_ == "compound" and c.lemma_.lower() in lex.CONTESTS for c in o.children
            )
            if p.lower_ in ("in", "at", "for", "on") and contest:
                return True  # "the candidates meet in a televised debate", "… on the debate stage"
    return False


def _whole_of(obj):
    """ "some of the industry's concerns", "all of its targets": the whole a part is taken from."""
    if obj.lower_ not in ("some", "all", "most", "many", "part", "none", "each", "any", "much", "several"):
        return obj
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((o for o in of.children if o.dep_ == "pobj"), obj) if of is not None else obj


def _object_blocks(tok, lemma: str, objs: list) -> bool:
    """An object that makes the verb something else, or carries the meeting itself."""
    for o in map(_whole_of, objs):
        if o.ent_type_ in ("DATE", "TIME"):
            continue  # "the board meets March 30": a date parsed as the object
        if is_meeting_noun(o):
            return True  # "convene a meeting": the noun carries it
        if o.lemma_.lower() in lex.MEET_NONPERSON or o.lower_ in lex.MEET_NONPERSON:
            return True
        if lemma in ("gather", "confer") and o.ent_type_ not in PARTY_LABELS:
            return True
        if lemma == "meet" and not (o.ent_type_ in PARTY_LABELS or o.lemma_.lower() in lex.PEOPLE or o.pos_ == "PRON"):
            return True
        if o.lemma_.lower() in lex.PRESS:
            return True  # "meet reporters": a press briefing
    return False


def _people_meet(tok, lemma: str) -> bool:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
    if _object_blocks(tok, lemma, objs) or _meets_a_thing(tok):
        return False
    subj = subject(tok)
    if subj is None:
        subj = _described_by_schedule(tok)
    if lemma == "gather" and subj is None and not objs and not _has_setting(tok):
        return False
    if (
        lemma == "meet"
        and subj is None
        and not objs
        and (not list(tok.children) or tok.tag_ not in ("VBP", "VBZ", "VBD"))
    ):
        return False
    if lemma == "meet" and not objs and _gauged_by_adjective(tok):
        return False  # "targets that will be hard to meet": an elided object, a goal to reach
    if any(c.dep_ == "nsubjpass" for c in tok.children):
        return False  # "needs have been met", "he was met by officials"
    if subj is not None and lex.MEET_NONPERSON & {subj.lemma_.lower(), subj.lower_}:
        return False
    if subj is not None and lemma == "gather" and not is_party(subj):
        return False
    if subj is not None and _opponents(subj):
        return False
    return not _sports_context(tok.sent)


def _gauged_by_adjective(tok) -> bool:
    """"hard / easier / impossible to meet" with no one met: the infinitive of an adjective of
    difficulty, whose elided object is a target or a demand."""
    with_someone = any(c.dep_ == "prep" and c.lower_ in ("with", "in", "at", "on") for c in tok.children)
    return (
        not with_someone
        and tok.dep_ in ("xcomp", "advcl", "ccomp")
        and tok.head.pos_ == "ADJ"
        and tok.head.lemma_.lower() in lex.DIFFICULTY_ADJECTIVES
    )


def _opponents(subj) -> bool:
    """ "the two teams", "the club": sides of a contest, unless they negotiate or are a team of
    people named by what they are ("a team of Nigerian officials", "a team of experts")."""
    if subj.lemma_.lower() not in lex.SPORTS_SUBJECTS:
        return False
    if any(c.lower_ in lex.NEGOTIATING for c in subj.children):
        return False
    of_people = (
        c
        for c in subj.children
        if c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.dep_ == "pobj" and o.lemma_.lower() in lex.PEOPLE for o in c.children)
    )
    return next(of_people, None) is None


def _described_by_schedule(tok):
    """ "the ministers, scheduled to meet in Brussels on Monday, …", "the ministers, meeting in
    Brussels on Monday, …": the noun that a participle describes is who meets (the verb has no
    subject of its own)."""
    head = tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN") and is_party(head):
        return head
    scheduling = head.lemma_.lower() in lex.SCHEDULED_PREDICATES | {"expect"}
    if tok.dep_ != "xcomp" or head.dep_ not in ("acl", "amod") or not scheduling:
        return None
    noun = head.head
    return noun if noun.pos_ in ("NOUN", "PROPN", "PRON") and is_party(noun) else None


def _sports_context(sent) -> bool:
    """Words of sport in the sentence or the sentences beside it in its paragraph."""
    doc = sent.doc
    start, end = sent.start, sent.end
    if start > 0 and "\n\n" not in doc[start - 1].whitespace_ + doc[start - 1].text:
        start = doc[start - 1].sent.start
    if end < len(doc) and "\n\n" not in doc[end - 1].whitespace_ + doc[end].text:
        end = doc[end].sent.end
    return any(t.lower_ in lex.SPORTS_CONTEXT and t.pos_ in ("NOUN", "PROPN", "VERB") for t in doc[start:end])


def _has_setting(tok) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("with", "in", "at", "on") for c in tok.children)


def weak_trigger(tok) -> MeetingKind | None:
    """Words that only add facts to a meeting already found: "the discussions, from April 6 to 10";
    discussions that are held ("further discussions would be held in June") are talks."""
    if tok.pos_ == "NOUN" and tok.lower_ in lex.WEAK_NOUNS:
        return MeetingKind.TALKS if _held(tok) else MeetingKind.WEAK
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.WEAK_VERBS:
        subj = subject(tok)
        if tok.lemma_.lower() == "visit":
            kind = _visit_kind(tok, subj)
            if kind is not None:
                return kind
        if subj is not None and subj.ent_type_ == "PERSON":
            return MeetingKind.WEAK_VERB
    return None


def _visit_kind(verb, subj) -> MeetingKind | None:
    """What a "visit" told by its verb is, by what is visited: a named person's visit to a town or
    country ("Nakasone will visit Washington later this month", "when he visits …"); a party's visit
    to a named place to talk ("an IMF team would visit La Paz shortly to discuss terms", a town the
    tagger took for a building included); a meeting with the person visited ("Chung will visit
    Treasury Secretary James Baker next week"). None when it is none of these."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    someone = subj is not None and (subj.ent_type_ == "PERSON" or (
        subj.lower_ in ("he", "she") and person_before(verb) is not None))
    if someone and obj.ent_type_ == "GPE":
        return MeetingKind.VISITS
    party = _visitor(subj) and subj.pos_ != "PRON"
    if party and obj.ent_type_ in ("GPE", "FAC", "LOC") and obj.pos_ == "PROPN" and _to_talk(verb):
        return MeetingKind.VISITS
    if party and _seat_of_a_named_party(obj) and _to_talk(verb):
        return MeetingKind.VISITS  # "a Chinese group will visit Visa's San Francisco headquarters to discuss …"
    if obj.ent_type_ == "PERSON" and _visitor(subj):
        return MeetingKind.MEET
    return None


def _seat_of_a_named_party(noun) -> bool:
    """ "Visa's San Francisco headquarters", "the ministry's offices": where a named party works."""
    return noun.lemma_.lower() in ("headquarters", "office") and any(
        c.dep_ == "poss" and (c.ent_type_ in ("ORG", "GPE", "NORP") or c.pos_ == "PROPN") for c in noun.children)


def _to_talk(verb) -> bool:
    """A visit made to talk: "to discuss terms" ("for talks" is a meeting noun of its own)."""
    return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in lex.TALK_VERBS for c in verb.children)


def _visitor(subj) -> bool:
    """A subject that calls on someone: a person named in it, or a party ("the delegation")."""
    return subj is not None and (is_party(subj) or any(t.ent_type_ == "PERSON" for t in subj.subtree))


def _held(tok) -> bool:
    """ "discussions will be held / will take place / will begin", "will hold discussions"."""
    verb = tok.head
    if tok.dep_ == "nsubjpass":
        return verb.lemma_.lower() == "hold"
    if tok.dep_ == "nsubj":
        if verb.lemma_.lower() in lex.OPENING_VERBS:
            return True  # "discussions with the bankers will begin later this month"
        return verb.lemma_.lower() == "take" and any(c.lower_ == "place" for c in verb.children)
    return tok.dep_ == "dobj" and verb.lemma_.lower() == "hold"


def sentence_triggers(sent) -> list[tuple[object, MeetingKind]]:
    """The candidate triggers of one sentence, in order, with their kinds.

    A body verb whose subtree holds a meeting noun leaves it to the noun; a weak verb that is
    the governing verb of another trigger ("arrived for talks") leaves it to that trigger.
    """
    triggers = []
    for tok in sent:
        kind = noun_trigger(tok) or verb_trigger(tok) or weak_trigger(tok)
        if kind:
            triggers.append((tok, kind))
    nouns = {t.i for t, k in triggers if not k.verbal and k is not MeetingKind.WEAK}
    triggers = [
        (t, k)
        for t, k in triggers
        if not (k is MeetingKind.BODY and any(d.i in nouns for d in t.subtree if d.i != t.i))
    ]
    triggers = sorted(triggers + gapped_meetings(triggers), key=lambda tk: tk[0].i)
    govs = [governor(t) for t, k in triggers if not k.weak]
    governors = {g.i for g in govs if g is not None}
    return [(t, k) for t, k in triggers if not (k is MeetingKind.WEAK_VERB and t.i in governors)]
