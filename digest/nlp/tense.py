"""Clause tense: whether a token's clause tells of the future, the past or the present.

Read from spaCy tags and auxiliaries by climbing from any token of the clause to the first
tensed verb: "will/would/is to" and "due/set/scheduled to" are future, a past tag is past.
Time expressions (digest.nlp.timex) are resolved in that direction.
"""

from __future__ import annotations

from enum import Enum


class Tense(str, Enum):
    FUTURE = "future"
    PAST = "past"
    PRESENT = "present"

    def __str__(self) -> str:
        return self.value


FUTURE, PAST, PRESENT = Tense.FUTURE, Tense.PAST, Tense.PRESENT


_FUTURE_AUX = {"will", "'ll", "wo", "shall", "would", "'d", "ll"}
_MODAL_FUTURE = {"should", "may", "might", "could", "can", "must", "ought"}
# Heads of a "to"-infinitive (or predicates) that put what follows in the future.
_FUTURE_GOVERNORS = {
    "be",
    "due",
    "schedule",
    "set",
    "expect",
    "plan",
    "slate",
    "intend",
    "aim",
    "agree",
    "decide",
    "go",
    "prepare",
    "want",
    "hope",
    "seek",
    "propose",
    "arrange",
    "likely",
    "poised",
    "ready",
    "call",
    "invite",
    "try",
    "promise",
    "pledge",
    "vow",
    "wish",
    "offer",
    "threaten",
    "unlikely",
    "able",
    "need",
    "have",
    "ask",
    "urge",
    "sure",
    "certain",
    "about",
    "tentatively",
}
_TELLING = {"say", "tell", "add"}
_APPEAR = {
    "go",
    "appear",
    "come",
    "bring",
    "take",
    "testify",
    "put",
    "present",
    "stand",
    "lay",
    "argue",
    "plead",
    "speak",
    "submit",
    "place",
}
# "groundwork for the talks", "prepare for the summit": what follows is ahead.
_PREPARING = {
    "groundwork",
    "preparation",
    "prepare",
    "ready",
    "plan",
    "agenda",
    "run-up",
    "way",
    "stage",
    "date",
    "proposal",
    "brief",
    "briefing",
    "position",
    "due",
}
# "is due on Friday", "is set for Monday": a present copula with these looks ahead ("are likely to be
# tough" does not tell whether talks have begun).
_AHEAD_ADJECTIVES = {"due", "set", "slated"}
# Predicates whose own tense does not matter: "talks were scheduled for March 23" is still ahead.
_SCHEDULING = {"schedule", "slate", "set", "due", "plan", "expect", "fix", "arrange", "earmark", "pencil"}


def head_path(tok, stop) -> list:
    """``tok`` and its heads below ``stop`` (the path up the tree, ``stop`` excluded)."""
    out = []
    cur = tok
    for _ in range(20):  # a guard against a malformed tree
        if cur == stop or cur.head == cur:
            break
        out.append(cur)
        cur = cur.head
    return out


# Past forms of phrasal verbs that are also present forms of other verbs ("wound up").
_PAST_OF_PHRASAL = frozenset({"wound"})


def verb_tense(verb) -> Tense | None:
    """Tense of one verb or auxiliary token from its tag and auxiliaries, None if untensed."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    if aux_words & _FUTURE_AUX or (verb.tag_ == "MD" and verb.lower_ in _FUTURE_AUX):
        return FUTURE
    if aux_words & _MODAL_FUTURE or (verb.tag_ == "MD" and verb.lower_ in _MODAL_FUTURE):
        return FUTURE
    if verb.lemma_.lower() in _SCHEDULING and verb.tag_ in ("VBN", "JJ") and auxes:
        return FUTURE
    if verb.lemma_.lower() in ("call", "convene") and verb.tag_ == "VBN" and auxes and any(
            c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return FUTURE  # "a meeting has been called for tomorrow": convened for a time ahead
    if verb.lemma_.lower() == "due" and any(c.dep_ in ("xcomp", "prep") for c in verb.children):
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() == "be" and any(
        c.dep_ == "acomp"
        and c.lemma_.lower() in _AHEAD_ADJECTIVES
        and any(d.dep_ in ("prep", "npadvmod", "xcomp") for d in c.children)
        for c in verb.children
    ):
        return FUTURE  # "the meeting is due on Friday"
    if (
        verb.tag_ == "VBN"
        and not auxes
        and verb.lemma_.lower() in _SCHEDULING
        and verb.dep_ in ("acl", "amod", "advcl")
        and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    ):
        return FUTURE  # "the summit, scheduled for Thursday, …"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ == "acl" and verb.lemma_.lower() in _SCHEDULING:
        return FUTURE  # "a meeting expected in Washington tomorrow"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ == "acl":
        return PAST  # "decisions made last year"
    if verb.tag_ == "VBN" and not auxes and any(c.dep_ == "nsubj" for c in verb.children):
        return PAST  # a past tense tagged as a participle: "the ceiling that the government set in June"
    if verb.lower_ in _PAST_OF_PHRASAL and any(c.dep_ == "prt" for c in verb.children):
        return PAST  # "wound up the talks": the past of "wind up", which the tagger reads as a present
    tagged = [verb] + auxes
    for t in tagged:
        if t.lower_ in ("going",) and any(c.lower_ == "to" for c in verb.children):
            return FUTURE
    for t in auxes:
        if t.lower_ in ("had", "has", "have", "'ve", "'s") and verb.tag_ == "VBN" and t.dep_ == "aux":
            return PAST
    for t in auxes + [verb]:
        if t.tag_ == "VBD":
            return PAST
        if t.tag_ in ("VBZ", "VBP"):
            return PRESENT
    return None


def clause_tense(token, prep_cues: bool = False) -> Tense:
    """The tense governing ``token``: climb the dependency tree to the first tensed verb.

    "to"-infinitives under "is/due/scheduled/expected/plan …" are future; with
    ``prep_cues`` a path through "ahead of"/"before" reads as future and "after"/"following"
    as past (for nouns like "ahead of the G7 talks").
    """
    cur = token
    for _ in range(16):
        if prep_cues and cur != token and _cue_reaches(token, cur):
            cue = _preposition_cue(cur)
            if cue is not None:
                return cue
        if cur.tag_ == "VBG" and cur.dep_ == "acl" and cur.lemma_.lower() in ("start", "begin", "open", "run"):
            return PRESENT  # "the meeting starting April 27": the date is not anchored by the outer verb
        if cur.pos_ in ("VERB", "AUX") or cur.tag_ == "MD" or (cur.lemma_.lower() == "due" and cur != token):
            found = _tense_of_verb(cur)
            if found == PRESENT and _temporal_clause_under_future(cur):
                return FUTURE
            if found is not None:
                return found
        if cur.head == cur:
            break
        cur = cur.head
    return PRESENT


_TEMPORAL_MARKS = {"when", "once", "after", "before", "until", "while"}


def _temporal_clause_under_future(verb) -> bool:
    """ "will be explained when the minister visits Washington for the meeting": English tells the
    future in the present inside a clause of time under a future verb."""
    if verb.dep_ != "advcl" or verb.head == verb:
        return False
    mark = next((c for c in verb.children if c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS), None)
    if mark is None:
        return False
    if any(t.lower_ == "if" for t in verb.doc[max(mark.i - 2, 0) : mark.i]):
        return False  # "if and when a final position comes out of the talks": a condition, not a time
    return verb_tense(verb.head) == FUTURE


_EARLIER = {"before", "ahead", "prior"}


def after_earlier_verb(token) -> bool:
    """Whether ``token`` lies in a gerund clause after "before/ahead of/prior to" ("was speaking
    before hosting talks this weekend"): what the gerund tells comes after the moment of the verb
    above, so that verb's past tense does not date it."""
    cur = token
    for _ in range(8):
        if cur.tag_ == "VBG" and cur.dep_ == "pcomp":
            prep = cur.head
            if prep.lower_ in ("of", "to") and prep.head.lower_ in ("ahead", "prior"):
                prep = prep.head
            return prep.lower_ in _EARLIER and prep.head.pos_ in ("VERB", "AUX")
        if cur.head == cur or (cur != token and cur.pos_ in ("VERB", "AUX") and verb_tense(cur) is not None):
            return False
        cur = cur.head
    return False


def _cue_reaches(token, prep) -> bool:
    """Whether a preposition above ``token`` governs it with no verb or other noun between, save
    nouns it reaches through "of" ("ahead of the group of seven meeting")."""
    below = token
    for t in head_path(token.head, prep):  # strictly between the two
        if t.pos_ in ("VERB", "AUX", "PRON"):
            return False
        if t.pos_ in ("NOUN", "PROPN") and not (below.dep_ == "prep" and below.lower_ == "of"):
            return False
        below = t
    return True


def _preposition_cue(prep) -> Tense | None:
    """ "ahead of/before/until X" → future, "after/following/since X" → past, "during X" → X's clause."""
    w = prep.lower_
    appearing = w == "before" and prep.head.lemma_.lower() in _APPEAR  # "testified before the committee"
    if w == "before" and prep.head.tag_ == "VBD" and prep.head.lemma_.lower() in _TELLING:
        return PRESENT  # "the chairman said before the annual meeting": words of that day, before it opened
    if not appearing and (
        w in ("ahead", "before", "pending", "awaiting", "until", "till", "prior")
        or (w == "to" and prep.head.lower_ in ("run", "up", "run-up", "lead"))
    ):
        return FUTURE
    if w == "for" and prep.head.lemma_.lower() in _PREPARING:
        return FUTURE
    if w == "of" and (prep.head.lemma_.lower() in ("eve", "run-up", "runup") or in_advance(prep.head)):
        return FUTURE  # "on the eve of the semi-annual meetings", "in advance of the talks"
    if w in ("after", "following") and prep.dep_ in ("prep", "mark"):
        # "will vote after a meeting with the unions": before a coming act is not before now
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        known = obj is not None and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
                                        or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in obj.children)
        # not a generic step ("will be ruled upon after a formal hearing")
        ahead = known and prep.head.pos_ in ("VERB", "AUX") and clause_tense(prep.head) == FUTURE
        return FUTURE if ahead else PAST
    if w in ("since", "during") and prep.dep_ in ("prep", "mark"):
        return PAST if w != "during" else clause_tense(prep.head)
    return None


def in_advance(tok) -> bool:
    """The "advance" of "in advance of" (beforehand), not an advance made ("an advance of 2 pct")."""
    return tok.lower_ == "advance" and tok.dep_ == "pobj" and tok.head.lower_ == "in"


def _tense_of_verb(cur) -> Tense | None:
    """The tense a verb on the path gives, or None to keep climbing (an untensed participle)."""
    if cur.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
        head = cur.head
        if head == cur or not (head.lemma_.lower() in _FUTURE_GOVERNORS or head.tag_ == "MD"):
            return None
        if head.lemma_.lower() == "be" and any(
            (c.dep_ == "prep" and c.lower_ in ("in", "at")) or c.lower_ in ("here", "there") for c in head.children
        ):
            return verb_tense(head) or PRESENT  # "who was in Los Angeles to address …", "is here to meet …"
        if head.lemma_.lower() in {"be", "go", "due", "likely", "unlikely", "poised", "about"} | _SCHEDULING:
            return FUTURE
        # "agrees to meet" is ahead; "agreed/tried to …" is ahead of a past moment: no direction
        return PRESENT if verb_tense(head) == PAST else FUTURE
    if _future_in_the_past(cur):
        return FUTURE
    t = verb_tense(cur)
    if t is None:
        return PAST if cur.tag_ == "VBD" else None
    participle = (
        t == PRESENT and cur.tag_ == "VBG" and cur.dep_ != "ROOT" and not any(c.dep_ == "aux" for c in cur.children)
    )
    return None if participle else t


_TIME_CLAUSE_MARKS = {"when", "once", "until", "till", "as"}
_LOOKING_AHEAD = {"expect", "predict", "forecast", "anticipate", "foresee", "hope", "fear", "plan", "likely"}


def _future_in_the_past(verb) -> bool:
    """ "expects sparks to fly when the governors met on Tuesday": a past tense in a time clause
    under a verb looking ahead is that verb's future, shifted back by the reporting tense."""
    if verb.tag_ != "VBD" or verb.dep_ != "advcl":
        return False
    if not any(c.dep_ in ("advmod", "mark") and c.lower_ in _TIME_CLAUSE_MARKS for c in verb.children):
        return False
    cur = verb.head
    for _ in range(4):
        if cur.lemma_.lower() in _LOOKING_AHEAD:
            return True
        if cur.tag_ in ("VBD", "VBZ", "VBP", "MD") or cur.head == cur:
            return False
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in cur.children):
            return False  # "would not be able to recall when he appeared": a finite verb group of its own
        cur = cur.head
    return False
