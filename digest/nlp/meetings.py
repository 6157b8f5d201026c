"""Meetings an article mentions, as pure functions over a spaCy ``Doc``.

Design, in four steps per article:

1. **Triggers.** Every sentence is scanned for meeting nouns ("meeting", "talks", "summit",
   "session" of a body …) and verbs ("meet", "convene", "gather", "confer"; and "will hear /
   consider …" with a deliberative body as subject and a date). Modifiers that make the word
   something else ("news conference", "trading session", "meet demands"), habitual ("meets
   monthly"), hypothetical ("if they meet"), negated and generic ("no talks", "any meeting")
   uses are dropped.
2. **Facts.** Time expressions (digest.nlp.timex) and places (GPE/FAC/LOC after "in"/"at", or a
   city modifying the noun: "the Venice summit") of the sentence are attached to the trigger
   whose subtree holds them, else to the trigger whose governing verb they modify. Dates are
   resolved with the tense of the trigger's clause (auxiliaries "will/would/is to", "due/set/
   scheduled to", "ahead of"/"after" …); status comes from the resolved date and that tense;
   cancelled/postponed from the verb governing the trigger.
3. **Merging.** Mentions are merged into meetings when nothing contradicts (status, date,
   place, named parties) and something matches (names, date, place) or the mention is
   anaphoric ("the talks") or bare (no date, place or names).
4. **Output.** One ``Meeting`` per merged group; the evidence is the first mention giving a
   date or place, facts are merged over all mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from digest.models import Meeting, value_range
from digest.nlp import meeting_lexicon as lex
from digest.nlp.timex import (
    FUTURE,
    NUMBER_WORDS,
    PAST,
    PRESENT,
    TimeValue,
    clause_tense,
    find_in_span,
    find_time_of_day,
    precision_of,
)
from digest.nlp.timex import resolve as resolve_time

UPCOMING, ONGOING, PASTS, CANCELLED, POSTPONED = "upcoming", "ongoing", "past", "cancelled", "postponed"
_PLACE_LABELS = {"GPE", "FAC", "LOC"}
_PARTY_LABELS = {"ORG", "GPE", "NORP", "PERSON"}
_TRAVEL = {"fly", "travel", "go", "head", "come", "arrive", "leave", "return", "visit", "depart"}
_LIGHT = {
    "hold",
    "have",
    "begin",
    "start",
    "open",
    "resume",
    "attend",
    "host",
    "chair",
    "join",
    "convene",
    "call",
    "conduct",
    "continue",
    "reopen",
    "plan",
    "schedule",
    "set",
    "seek",
    "arrange",
    "enter",
}
_SPORTS = {
    "final",
    "semi-final",
    "semifinal",
    "quarter-final",
    "quarterfinal",
    "match",
    "game",
    "tournament",
    "championship",
    "cup",
    "league",
    "play-off",
    "playoff",
    "fixture",
    "seed",
    "round-robin",
    "bout",
}
_MAX_SENT_TOKENS = 300
_DATE_NOUNS = {
    "date",
    "deadline",
    "time",
    "day",
    "record",
    "cutoff",
    "cut-off",
    "eve",
    "timetable",
    "schedule",
}
_VERBAL = ("meet", "body", "weakverb")
_RECURRING = re.compile(
    r"(?i)\b(?:first|second|third|fourth|last)\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|week)\s+of\s+(?:the|each|every)\s+(?:month|year|quarter)\b"
    r"|\b(?:every|each)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"week|month|year|quarter)\b"
)
_OPENING_NOUNS = {"opening", "start", "starting", "beginning", "ending", "close", "closing", "opener"}
_OPENING = {"begin", "open", "start", "commence", "reconvene", "resume", "launch"}
_ENDING_DATE = {"end", "conclude", "close", "finish", "wrap", "last"}
_ENDING = {"complete", "conclude", "end", "finish", "wrap", "close", "break", "adjourn", "stall", "collapse"}
_SCHEDULE_VERBS = {"schedule", "set", "slate", "fix", "arrange", "call", "convene", "reschedule", "plan"}
_CREATING = {
    "order",
    "request",
    "demand",
    "grant",
    "organise",
    "organize",
    "arrange",
    "propose",
    "require",
    "hold",
    "call",
    "schedule",
    "set",
    "convene",
    "seek",
}
_HOLDING = _LIGHT | _CREATING | {"take", "be", "involve", "participate", "engage", "enter", "meet", "agree"}
_DISTINCT = {"summit", "conference", "hearing", "visit", "congress", "convention"}
_MONTH_NAMES = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}


@dataclass
class _Mention:
    sent: object
    trigger: object
    kind: str
    tense: str = PRESENT
    status: str = ONGOING
    value: TimeValue | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    title: str = ""
    anaphoric: bool = False
    postponed_from: bool = False
    weak: bool = False
    end_value: TimeValue | None = None

    @property
    def bare(self) -> bool:
        return self.value is None and self.place is None and not self.names


_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "none": 0}


class _Group:
    """Mentions of one meeting, with the facts merged so far kept up to date on every append."""

    def __init__(self, first: _Mention):
        self.mentions: list[_Mention] = []
        self._ev: _Mention | None = None
        self._best: TimeValue | None = None
        self._first_place: str | None = None
        self._names: set[str] = set()
        self.kinds: set[str] = set()
        self.statuses: set[str] = set()
        self.all_bare = True
        self.append(first)

    def append(self, m: _Mention) -> None:
        self.mentions.append(m)
        if self._ev is None and (m.value is not None or m.place):
            self._ev = m
        if (
            m.value is not None
            and not m.postponed_from
            and (self._best is None or _RANK[m.value.precision] > _RANK[self._best.precision])
        ):
            self._best = m.value
        if self._first_place is None and m.place:
            self._first_place = m.place
        self._names |= m.names
        self.kinds.add(m.kind)
        self.statuses.add(_group_of(m.status))
        self.all_bare = self.all_bare and m.bare

    def value(self) -> TimeValue | None:
        ev = self.evidence().value
        if ev and (self._best is None or _RANK[ev.precision] >= _RANK[self._best.precision]):
            return ev
        return self._best

    def place(self) -> str | None:
        return self.evidence().place or self._first_place

    def names(self) -> set[str]:
        return self._names

    def status(self) -> str:
        ev = self.evidence()
        val = self.value()
        if val is not None and ev.value != val:
            ev = next((m for m in self.mentions if m.value == val), ev)
        pos = next((i for i, m in enumerate(self.mentions) if m is ev), 0)
        later = self.mentions[pos:]
        if any(m.status == CANCELLED for m in later):
            return CANCELLED
        if ev.status == POSTPONED or any(m.status == POSTPONED and not m.postponed_from for m in later):
            return POSTPONED
        return ev.status

    def evidence(self) -> _Mention:
        return self._ev if self._ev is not None else self.mentions[0]


# --------------------------------------------------------------------------- public


def extract_meetings(doc, published: date) -> list[Meeting]:
    """Every distinct meeting in ``doc`` with status, dates, place and participants, in text order.

    Never raises: a sentence the rules cannot handle is skipped (``extract_strict`` raises instead).
    """
    return _extract(doc, published, strict=False)


def extract_strict(doc, published: date) -> list[Meeting]:
    """:func:`extract_meetings` that lets errors through (for tests)."""
    return _extract(doc, published, strict=True)


def _extract(doc, published: date, strict: bool) -> list[Meeting]:
    if isinstance(published, datetime):
        published = published.date()
    try:
        mentions: list[_Mention] = []
        # one-word place names found anywhere in the article ("Venice" in "the Venice Economic Summit")
        ents = [e for e in doc.ents if e.label_ in _PLACE_LABELS]
        doc_places = frozenset(e.text for e in ents if len(e) == 1)
        k = 0
        for sent in doc.sents:
            sent_places = []
            while k < len(ents) and ents[k].start < sent.end:
                if ents[k].start >= sent.start:
                    sent_places.append(ents[k])
                k += 1
            if len(sent) > _MAX_SENT_TOKENS or not sent.text.strip():
                continue
            try:
                mentions.extend(_sentence_mentions(doc, sent, published, doc_places, sent_places))
            except Exception:
                if strict:
                    raise
        return _build(_merge(mentions), doc)
    except Exception:
        if strict:
            raise
        return []


# --------------------------------------------------------------------------- triggers


def _is_noun_trigger(tok) -> str | None:
    low = tok.lower_
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    kind = lex.NOUN_LEMMAS.get(lemma) or lex.NOUN_LEMMAS.get(low)
    if kind is None:
        return None
    if kind == "talks" and low not in ("talks",):
        return None
    if kind == "consultations" and tok.tag_ not in ("NNS", "NNPS"):
        return None
    if low == "negotiation" and not any(c.dep_ in ("det", "poss") for c in tok.children):
        return None  # "through negotiation": the activity, not an event
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "PERSON", "FAC", "LOC"):
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_.strip(".") in lex.CORPORATE_SUFFIX:
            return None
        if tok.ent_type_ in ("GPE", "LOC", "FAC", "PERSON"):
            return None
        if tok.ent_type_ == "ORG" and tok.i + 1 < len(tok.doc) and tok.nbor(1).ent_iob_ == "I":
            return None  # "the United Nations Conference on Trade and Development": an organisation
        if kind in ("congress", "convention", "visit", "plenum") and tok.pos_ == "PROPN":
            return None  # "Congress" the institution, "Convention" a treaty
    if kind in ("congress", "convention") and not _has_mod(
        tok, {"party", "national", "annual", "special", "extraordinary", "founding"}
    ):
        return None
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod")}
    if mods & lex.NOT_MEETING_MODIFIERS.get(kind, set()):
        return None
    if kind == "conference" and any(c.lower_ in ("news", "press") for c in tok.lefts):
        return None
    if tok.dep_ in ("compound", "nmod", "amod") and tok.head.i > tok.i:
        head = tok.head
        if _is_noun_trigger_word(head):
            return None  # "summit meeting": the head carries it
        if head.lower_ in lex.NOT_MEETING_HEADS or (
            head.pos_ in ("NOUN", "PROPN") and head.lower_ not in _OPENING_NOUNS
        ):
            return None
    if kind == "session" and not _session_ok(tok):
        return None
    if kind == "visit" and not _visit_ok(tok):
        return None
    if (
        kind == "hearing"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lower_ in ("hard", "loss")
    ):
        return None  # "hard of hearing"
    return kind


def _is_noun_trigger_word(tok) -> bool:
    lemma = tok.lemma_.lower()
    kind = lex.NOUN_LEMMAS.get(lemma) or lex.NOUN_LEMMAS.get(tok.lower_)
    return kind is not None and (kind != "talks" or tok.lower_ == "talks")


def _has_mod(tok, words: set[str]) -> bool:
    return any(c.lower_ in words or c.lemma_.lower() in words for c in tok.subtree if c.i < tok.i)


def _session_ok(tok) -> bool:
    words = {c.lower_ for c in tok.subtree}
    words |= {c.lemma_.lower() for c in tok.subtree}
    gov = _governor(tok)
    if gov is not None:
        for c in gov.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                words |= {t.lemma_.lower() for t in c.subtree}
    return bool(words & lex.SESSION_OK) and not (words & {"trading", "stock", "stocks", "shares", "futures"})


def _visit_ok(tok) -> bool:
    for c in tok.children:
        if c.dep_ in ("poss", "compound") and c.ent_type_ == "PERSON":
            return True
        if c.dep_ == "amod" and c.lower_ in ("state", "official"):
            return True
        if c.dep_ == "compound" and c.lower_ == "state":
            return True
    return False


def _is_verb_trigger(tok) -> str | None:
    if tok.pos_ != "VERB":
        if tok.lower_ in ("meet", "convene", "reconvene") and tok.i > 0 and tok.nbor(-1).lower_ == "to":
            return "meet"  # "the council is to reconvene Tuesday", tagged as a noun
        return None
    lemma = tok.lemma_.lower()
    if lemma in lex.VERB_TRIGGERS:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
        for o in objs:
            if _is_noun_trigger_word(o):
                return None  # "convene a meeting": the noun carries it
            if o.lemma_.lower() in lex.MEET_NONPERSON or o.lower_ in lex.MEET_NONPERSON:
                return None
            if lemma in ("gather", "confer") and o.ent_type_ not in _PARTY_LABELS:
                return None
            if lemma == "meet" and not (
                o.ent_type_ in _PARTY_LABELS or o.lemma_.lower() in lex.PEOPLE or o.pos_ == "PRON"
            ):
                return None
        in_pp = {t.i for c in tok.children if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree}
        right = [t for t in tok.subtree if tok.i < t.i < tok.i + 5 and t.i not in in_pp]
        if any(
            t.lemma_.lower() in lex.MEET_NONPERSON or t.lower_ in lex.MEET_NONPERSON
            for t in right
            if t.pos_ == "NOUN"
        ):
            return None  # "no longer meets listing criteria"
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "with":
                objs2 = [c for c in p.children if c.dep_ == "pobj"]
                if any(o.lemma_.lower() in lex.MEET_NONPERSON for o in objs2):
                    return None
        subj = _subject(tok)
        if lemma == "gather" and subj is None and not objs and not _has_with(tok):
            return None
        if (
            lemma == "meet"
            and subj is None
            and not objs
            and (not list(tok.children) or tok.tag_ not in ("VBP", "VBZ", "VBD"))
        ):
            return None
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None  # "needs have been met", "he was met by officials"
        if subj is not None and lex.MEET_NONPERSON & {subj.lemma_.lower(), subj.lower_}:
            return None
        if subj is not None and lemma == "gather" and not _is_party(subj):
            return None
        if any(t.lower_ in _SPORTS and t.pos_ in ("NOUN", "PROPN") for t in tok.sent):
            return None
        return "meet"
    if lemma in lex.BODY_VERBS:
        subj = _subject(tok)
        if subj is not None and (subj.lemma_.lower() in lex.BODIES or subj.lower_ in lex.BODIES):
            return "body"
    return None


def _is_weak_trigger(tok) -> str | None:
    """Words that only add facts to a meeting already found: "the discussions, from April 6 to 10"."""
    if tok.pos_ == "NOUN" and tok.lower_ in lex.WEAK_NOUNS:
        return "weak"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.WEAK_VERBS:
        subj = _subject(tok)
        if subj is not None and subj.ent_type_ == "PERSON":
            return "weakverb"
    return None


def _has_with(tok) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("with", "in", "at", "on") for c in tok.children)


def _is_party(tok) -> bool:
    return (
        tok.ent_type_ in _PARTY_LABELS
        or tok.lemma_.lower() in lex.PEOPLE
        or tok.pos_ == "PRON"
        or any(c.ent_type_ in _PARTY_LABELS for c in tok.subtree)
    )


def _subject(verb):
    """The subject of ``verb``, following xcomp/conj chains up ("X is due to meet", "X met and agreed")."""
    cur = verb
    if verb.pos_ != "VERB" and verb.dep_ == "pobj" and verb.head.lower_ == "to":
        cur = verb.head.head
    for _ in range(5):
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if cur.dep_ in ("xcomp", "conj", "ccomp", "advcl") and cur.head != cur:
            if cur.dep_ in ("ccomp", "advcl") and cur.head.pos_ == "VERB":
                return None
            cur = cur.head
            continue
        if cur.dep_ == "acomp" or (cur.dep_ == "relcl"):
            if cur.dep_ == "relcl":
                return cur.head
            cur = cur.head
            continue
        return None
    return None


def _governor(tok):
    """The first verb (or auxiliary) above ``tok``, or ``tok`` itself when it is a verb."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def _excluded_use(trigger, kind: str, has_day: bool) -> bool:
    """Habitual, hypothetical, negated or generic uses."""
    gov = _governor(trigger)
    if gov is not None:
        skip = {t.i for c in gov.children if c.dep_ in ("relcl", "acl", "ccomp") for t in c.subtree}
        clause = " ".join(t.text for t in gov.subtree if t.i not in skip)
        if _RECURRING.search(clause):
            return True  # "meets on the first Monday of the month", "every week"
    if kind not in ("meet", "body"):
        for c in trigger.children:
            if c.dep_ in ("det", "amod") and c.lower_ in lex.NEGATIVE_DETS:
                return True
    conditional_ok = kind in ("meet", "body") or (
        gov is not None and (gov.lemma_.lower() in _HOLDING or gov.lemma_.lower() in ("take", "be", "hold"))
    )
    if gov is not None:
        chain = [gov]
        cur = gov
        for _ in range(6):
            if cur.dep_ in ("xcomp", "conj", "aux", "acomp") and cur.head != cur:
                cur = cur.head
                chain.append(cur)
            else:
                break
        for v in chain:
            for c in v.children:
                if c.dep_ == "neg" and (
                    kind in ("meet", "body") or trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
                ):
                    return True
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
                if (
                    not has_day
                    and c.dep_ in ("npadvmod", "prep")
                    and any(d.lower_ in ("every", "each") for d in c.subtree)
                ):
                    return True
        # a clause introduced by "if"/"whether" higher up
        cur = chain[-1]
        for _ in range(4):
            if conditional_ok and any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in cur.children
            ):
                return True
            if cur.dep_ not in ("advcl", "ccomp", "xcomp", "conj") or cur.head == cur:
                break
            cur = cur.head
    return False


# --------------------------------------------------------------------------- per sentence


def _sentence_mentions(
    doc, sent, published: date, doc_places: frozenset[str] = frozenset(), sent_places=None
) -> list[_Mention]:
    triggers: list[tuple[object, str]] = []
    for tok in sent:
        kind = _is_noun_trigger(tok) or _is_verb_trigger(tok) or _is_weak_trigger(tok)
        if kind:
            triggers.append((tok, kind))
    if not triggers:
        return []
    nouns = {t.i for t, k in triggers if k not in _VERBAL and k != "weak"}
    triggers = [
        (t, k)
        for t, k in triggers
        if not (k == "body" and any(d.i in nouns for d in t.subtree if d.i != t.i))
    ]
    if not triggers:
        return []
    govs = [_governor(t) for t, k in triggers if k not in ("weak", "weakverb")]
    governors = {g.i for g in govs if g is not None}
    triggers = [(t, k) for t, k in triggers if not (k == "weakverb" and t.i in governors)]
    trig_ids = {t.i: k for t, k in triggers}

    # time expressions
    times = []
    for tm in find_in_span(sent):
        span = doc.char_span(tm.start_char, tm.end_char, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        times.append((span.root, tm))
    # places
    places = []
    if sent_places is None:
        sent_places = [e for e in sent.ents if e.label_ in _PLACE_LABELS]
    for ent in sent_places:
        if ent.label_ in _PLACE_LABELS and _place_shape(ent):
            places.append((ent.root, ent))

    time_of = _assign([r for r, _ in times], triggers, trig_ids)
    place_of = _assign([r for r, _ in places], triggers, trig_ids, place=True)

    out = []
    for tok, kind in triggers:
        own_times = [times[k] for k, t in time_of.items() if t == tok.i]
        own_places = [places[k][1] for k, t in place_of.items() if t == tok.i]
        m = _mention(doc, sent, tok, kind, own_times, own_places, published, doc_places)
        if m is not None:
            out.append(m)
    return _fold_nested(out)


def _fold_nested(mentions: list[_Mention]) -> list[_Mention]:
    """ "Talks at the ICO council session", "a meeting on the fringes of the IMF meeting": the inner
    trigger is the setting of the outer one; keep one mention with the facts of both."""
    if len(mentions) < 2:
        return mentions
    by_i = {m.trigger.i: m for m in mentions}
    dropped: set[int] = set()
    for m in mentions:
        head = m.trigger.head
        if m.kind in _VERBAL or head.dep_ != "prep" or head.lower_ not in ("at", "during"):
            continue
        outer = None
        cur = head.head
        for _ in range(4):
            outer = by_i.get(cur.i)
            if outer is not None or cur.head == cur or cur.pos_ in ("VERB", "AUX"):
                break
            cur = cur.head
        if outer is None or outer.kind in ("weak", "weakverb") or outer.status != m.status:
            continue
        outer.value = outer.value or m.value
        outer.place = outer.place or m.place
        outer.names |= m.names
        if len(outer.title.split()) == 1:
            outer.title = m.title
        outer.participants = list(dict.fromkeys(outer.participants + m.participants))
        dropped.add(m.trigger.i)
    # "the United Nations Conference on Trade and Development meeting": a name around the meeting
    for m in mentions:
        head = m.trigger.head
        if m.trigger.i in dropped or head.dep_ != "prep" or head.lower_ not in ("on", "of", "for"):
            continue
        outer = by_i.get(head.head.i)
        if outer is None or outer.trigger.pos_ != "PROPN" or outer.trigger.i in dropped:
            continue
        m.value = m.value or outer.value
        m.place = m.place or outer.place
        m.names |= outer.names
        doc = m.trigger.doc
        words = [
            t.text
            for t in doc[outer.trigger.left_edge.i : m.trigger.i + 1]
            if t.ent_type_ not in ("DATE", "TIME") and t.dep_ != "det"
        ]
        m.title = _cap(" ".join(words[:10]))
        dropped.add(outer.trigger.i)
    # "will pay a state visit to France and hold talks with Macron on Monday": one event
    nouns = [
        m
        for m in mentions
        if m.kind not in _VERBAL and m.trigger.i not in dropped and m.trigger.dep_ == "dobj"
    ]
    for a in nouns:
        for b in nouns:
            if a is b or b.trigger.i in dropped or a.trigger.i in dropped or b.trigger.i < a.trigger.i:
                continue
            ga, gb = a.trigger.head, b.trigger.head
            linked = gb.dep_ == "conj" and gb.head == ga and ga.lemma_.lower() in _LIGHT | {"pay", "make"}
            if not linked or a.status != b.status or "visit" not in (a.kind, b.kind):
                continue
            if a.value and b.value and a.value.start != b.value.start:
                continue
            a.value = a.value or b.value
            a.place = a.place or b.place
            a.names |= b.names
            a.participants = list(dict.fromkeys(a.participants + b.participants))
            dropped.add(b.trigger.i)
    return [m for m in mentions if m.trigger.i not in dropped]


def _place_shape(ent) -> bool:
    root = ent.root
    head = root.head
    if root.dep_ in ("compound", "nmod", "amod") and head.pos_ in ("NOUN", "PROPN"):
        return _is_noun_trigger_word(head) and not re.search(r"[-/]\s*$", ent.doc[ent.end : ent.end + 1].text)
    cur = root
    for _ in range(4):
        h = cur.head
        if h == cur:
            return False
        if cur.dep_ == "pobj" and h.lower_ in ("in", "at"):
            return True
        if cur.dep_ == "pobj" and h.lower_ in ("to", "for") and h.head.lemma_.lower() in _TRAVEL:
            return True
        if cur.dep_ == "pobj" and h.lower_ == "of" and h.head.pos_ == "NOUN":
            cur = h.head
            continue
        if cur.dep_ in ("appos", "conj", "compound"):
            cur = h
            continue
        return False
    return False


def _path(tok, limit: int = 30) -> list:
    out = [tok]
    cur = tok
    for _ in range(limit):
        if cur.head == cur:
            break
        cur = cur.head
        out.append(cur)
    return out


def _assign(roots: list, triggers: list, trig_ids: dict, place: bool = False) -> dict[int, int]:
    """Item index -> trigger token index. An item goes to the deepest trigger whose subtree holds it,
    else to a trigger whose governing verb it modifies directly (preferring triggers without items)."""
    out: dict[int, int] = {}
    pending = []
    # "a three-day meeting opening tomorrow" (parsed as a compound): the head noun speaks for the trigger
    comp_heads = {t.head.i: t.i for t, _k in triggers if t.dep_ == "compound" and t.head.i > t.i}
    for k, root in enumerate(roots):
        path = _path(root)
        hit = next((t for t in path[1:] if t.i in trig_ids or t.i in comp_heads), None)
        if hit is not None and hit.i not in trig_ids:
            hit = hit.doc[comp_heads[hit.i]]
        if hit is None and root.i in trig_ids and not place:
            hit = root
        if hit is not None:
            out[k] = hit.i
        else:
            pending.append((k, root, path))
    taken = set(out.values())
    for k, root, _p in pending:
        # the item must modify a verb directly (optionally through one preposition)
        verb = root.head
        if verb.dep_ in ("prep", "agent") or verb.pos_ == "ADP":
            verb = verb.head
        for _ in range(4):
            # through time nouns and prepositional phrases: "set for 9 a.m. Thursday", "in court in Manhattan"
            timeish = verb.ent_type_ in ("DATE", "TIME") and verb.pos_ in ("NOUN", "PROPN", "NUM")
            if verb.pos_ in ("NOUN", "PROPN") and (
                timeish
                or (verb.dep_ == "pobj" and verb.i not in trig_ids and not _has_of_trigger(verb, trig_ids))
            ):
                nxt = verb.head
                if nxt.dep_ in ("prep", "agent") or nxt.pos_ == "ADP":
                    nxt = nxt.head
                if nxt == verb:
                    break
                verb = nxt
            else:
                break
        if verb.pos_ in ("NOUN", "PROPN"):
            # "seven hours of negotiations … on Monday", "a round of talks in Geneva"
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    hit = next((o for o in c.children if o.dep_ == "pobj" and o.i in trig_ids), None)
                    if hit is not None:
                        out[k] = hit.i
                        taken.add(hit.i)
                        break
            continue
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        cands = []
        for tok, _kind in triggers:
            gov = _governor(tok)
            if gov is None or not _near_argument(tok, gov):
                continue
            chain = {g.i for g in _path(gov, 3)} if tok.dep_ != "ROOT" else {gov.i}
            if verb.i == gov.i or (verb.i in chain and gov.dep_ in ("xcomp", "aux", "auxpass")):
                cands.append((_kind in ("weak", "weakverb"), (tok.i in taken), abs(tok.i - root.i), tok.i))
        if cands:
            cands.sort()
            out[k] = cands[0][-1]
            taken.add(cands[0][-1])
    return out


def _has_of_trigger(noun, trig_ids: dict) -> bool:
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.i in trig_ids for o in c.children)
        for c in noun.children
    )


def _near_argument(tok, gov) -> bool:
    """``tok`` hangs on ``gov`` directly or through function words ("ahead of the talks")."""
    cur = tok
    for _ in range(4):
        if cur == gov:
            return True
        if cur != tok and cur.lemma_.lower() in _DATE_NOUNS:
            return False  # "the record date for the meeting remains April 10"
        if cur.head == cur:
            return False
        cur = cur.head
    return cur == gov


def _mention(
    doc, sent, tok, kind, own_times, own_places, published: date, doc_places: frozenset[str] = frozenset()
) -> _Mention | None:
    # tense
    if kind in ("meet", "body", "weakverb") and tok.pos_ != "VERB":
        tense = (
            FUTURE
            if tok.i > 1
            and tok.nbor(-2).lemma_.lower() in ("be", "due", "schedule", "expect", "set", "plan", "likely")
            else clause_tense(tok)
        )
    elif kind in ("meet", "body", "weakverb"):
        tense = clause_tense(tok)
    else:
        tense = clause_tense(tok, prep_cues=True)
        clause = tense
        for c in tok.children:
            # "the next meeting", "the recent talks" decide only when the verb does not
            if (
                clause == PRESENT
                and c.dep_ in ("amod", "advmod", "compound")
                and c.lower_ in lex.FUTURE_AMODS - {"new"}
            ):
                tense = FUTURE
            if clause == PRESENT and c.dep_ in ("amod", "advmod") and c.lower_ in lex.PAST_AMODS:
                tense = PAST
    gov_s = _governor(tok)
    scheduled = (
        kind not in _VERBAL
        and tok.dep_ == "dobj"
        and gov_s is not None
        and gov_s.lemma_.lower() in _SCHEDULE_VERBS
        and not any(c.dep_ == "neg" for c in gov_s.children)
    )
    if scheduled:
        tense = FUTURE
    # "just before the February meeting" in a past clause: resolve dates without a direction
    tense_for_dates = PRESENT if tense == FUTURE and kind not in _VERBAL and _cue_over_past(tok) else tense
    gov0 = _governor(tok)
    if (
        tense == PRESENT
        and gov0 is not None
        and gov0.tag_ in ("VBZ", "VBP")
        and gov0.lemma_.lower() not in lex.STATIVE
        and (kind in _VERBAL or tok.dep_ in ("nsubj", "nsubjpass"))
    ):
        tense_for_dates = FUTURE  # "when the ICO meets in London in September": a scheduled event
    # time
    value = None
    best_rank = -1
    rank = {"day": 4, "week": 3, "month": 2, "year": 1, "none": 0}
    trig_gov = _governor(tok)
    value_tense = tense_for_dates
    end_value = None
    for root, tm in own_times:
        t_tense = tense_for_dates
        t_gov = _governor(root)
        if (
            t_gov is not None
            and trig_gov is not None
            and t_gov.i not in (trig_gov.i, tok.i)
            and t_gov.i in {t.i for t in tok.subtree}
        ):
            t_tense = clause_tense(root)  # "the summit, scheduled for Thursday, was cancelled"
        v = resolve_time(tm.text, published, t_tense)
        until = (
            _doc_text(root.doc)[max(0, tm.start_char - 8) : tm.start_char]
            .rstrip()
            .lower()
            .endswith(("until", "till", "through"))
        )
        if v is not None and (until or (t_gov is not None and t_gov.lemma_.lower() in _ENDING_DATE)):
            end_value = v  # "the talks, which are scheduled to end Wednesday"
            continue
        if v is not None and rank[v.precision] > best_rank:
            value, best_rank, value_tense = v, rank[v.precision], t_tense
    if value is not None and value.precision == "day" and not value.end:
        d = _bounds(value.start)
        vt = value_tense
        if d and not scheduled and ((vt == FUTURE and d[0] < published) or (vt == PAST and d[0] > published)):
            value = None  # the date belongs to another verb ("Delors said yesterday the summit will …")
    has_day = value is not None and value.precision == "day"
    if kind == "body" and value is None:
        return None
    if _excluded_use(tok, kind, has_day):
        return None
    if _speculative(tok, value, kind):
        return None
    if (
        kind == "meet"
        and value is None
        and not own_places
        and tense == PRESENT
        and not any(c.dep_ in ("dobj", "prep", "aux", "auxpass", "advmod", "npadvmod") for c in tok.children)
    ):
        return None  # "Favourites meet": a headline, no event
    countable = kind in lex.COUNTABLE or tok.lemma_.lower() in lex.COUNTABLE
    if (
        countable
        and tok.tag_ in ("NNS", "NNPS")
        and value is None
        and not own_places
        and not any(
            c.dep_ in ("det", "poss", "prep") or (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN")
            for c in tok.children
        )
    ):
        return None  # a generic plural: "secret meetings", "conferences"
    if countable and any(c.dep_ == "prep" and c.lower_ == "like" for c in tok.children):
        return None  # "meetings like this"
    if countable and tok.tag_ == "NN" and value is None and not own_places and not list(tok.children):
        return None  # "in conference", "by meeting"
    if (
        kind == "meet"
        and tok.dep_ == "relcl"
        and (value is None or value.precision != "day")
        and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which", "who") for c in tok.children
        )
    ):
        return None  # background description: "the Congress that convenes in January"
    if value is not None:
        value = _with_duration(tok, value)
        t, z = find_time_of_day(sent.text)
        if t and value.precision == "day":
            value = TimeValue(value.start, value.end, t, z)
    place = None
    own_places = sorted(
        (e for e in own_places if not re.search(r"\d", e.text)),
        key=lambda e: (e.root.dep_ in ("compound", "nmod", "amod"), e.start),
    )
    if own_places:
        ent = own_places[0]
        place = re.sub(r"^(?i:the)\s+", "", ent.text).strip()
    elif kind not in ("meet", "body", "weakverb"):
        for c in tok.children:
            if c.dep_ in ("compound", "nmod") and c.i < tok.i and c.pos_ == "PROPN" and c.text in doc_places:
                place = c.text
                break
    participants, names = _parties(tok, kind, place)
    status, postponed_from = _status(tok, tense, value, published)
    gov = _governor(tok)
    opened = (gov is not None and gov.lemma_.lower() in _OPENING and tok.dep_ in ("nsubj", "dobj")) or any(
        c.dep_ == "relcl" and c.lemma_.lower() in _OPENING for c in tok.children
    )
    if status == PASTS and opened and end_value is None and (value is None or value.end is None):
        b = _bounds(value.start) if value is not None else None
        if b is None or (published - b[0]).days <= 10:
            status = ONGOING  # "the conference, which began Monday, …": under way

    if value is None and end_value is not None and status not in (CANCELLED, POSTPONED):
        b = _bounds(end_value.end or end_value.start)
        if b is not None:
            status = PASTS if b[1] < published else ONGOING
    anaphoric = (
        any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "its", "their")
            for c in tok.children
        )
        and not names
    )
    title = _title(tok, kind, participants)
    return _Mention(
        sent,
        tok,
        kind,
        tense,
        status,
        value,
        place,
        participants,
        names,
        title,
        anaphoric,
        postponed_from,
        weak=kind in ("weak", "weakverb"),
        end_value=end_value,
    )


def _cue_over_past(tok) -> bool:
    """The trigger hangs on "before/ahead of/prior to" whose verb is in the past tense."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head == cur:
            return False
        if head.lower_ in ("before", "ahead", "prior"):
            gov = _governor(head)
            return gov is not None and clause_tense(gov) == PAST
        cur = head
    return False


def _speculative(tok, value: TimeValue | None, kind: str = "") -> bool:
    """Proposals, options and "may/might/could" meetings without a precise date."""
    if value is not None and value.precision == "day":
        return False
    gov = _governor(tok)
    # a modal only makes the meeting itself uncertain when it governs the meeting's own verb
    modal_ok = kind in ("meet", "body") or (gov is not None and gov.lemma_.lower() in _HOLDING)
    setting = False
    cur = tok
    via_prep = False
    finite_seen = 0
    for _ in range(8):
        lemma = cur.lemma_.lower()
        if cur != tok and cur.dep_ == "prep" and cur.lower_ in ("at", "during", "before", "after", "in"):
            setting = True  # "will ask shareholders at the annual meeting": the meeting is the setting
        if cur != tok and _is_noun_trigger_word(cur) and cur.pos_ == "NOUN" and via_prep:
            return False  # the rest is another meeting's: "might hold a meeting before its June session"
        direct = tok.dep_ == "dobj" and tok.head == cur and cur.pos_ == "VERB"
        if cur != tok and lemma in lex.PROPOSAL and not setting and not (lemma == "call" and direct):
            return True
        if (
            cur != tok
            and cur.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in cur.children)
        ):
            return True  # "there can be no assurance that … talks"
        if (
            cur != tok
            and cur.pos_ in ("VERB", "AUX")
            and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex.OPTIONS for c in cur.children
            )
        ):
            return True  # "the alternatives are between a London conference or …"
        if (
            cur != tok
            and cur.pos_ in ("VERB", "AUX")
            and any(
                c.dep_ in ("nsubj", "nsubjpass", "dobj")
                and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                for c in cur.children
            )
        ):
            return True  # "no date has been set for a new meeting"
        if cur.pos_ in ("VERB", "AUX"):
            if modal_ok and any(c.dep_ == "aux" and c.lower_ in lex.SPECULATIVE_MODALS for c in cur.children):
                return True
            finite = ("MD", "VBD", "VBZ", "VBP")
            if cur.tag_ in finite or any(c.dep_ == "aux" and c.tag_ in finite for c in cur.children):
                finite_seen += 1
                if finite_seen >= 3 or lemma in ("say", "tell", "add", "report"):
                    break
        if cur.head == cur:
            break
        via_prep = via_prep or cur.dep_ == "prep"
        cur = cur.head
    return False


def _with_duration(tok, value: TimeValue) -> TimeValue:
    """ "a three-day meeting opening tomorrow": an end date from the duration."""
    if value.precision != "day" or value.end:
        return value
    left = tok.doc[tok.left_edge.i : tok.i].text.lower()
    for m in re.finditer(r"\b(\w+)\s?-\s?day\b", left):
        if m:
            n = NUMBER_WORDS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else 0)
            if 1 < n < 32:
                try:
                    start = date.fromisoformat(value.start)
                except ValueError:
                    return value
                return TimeValue(
                    value.start, (start + timedelta(days=n - 1)).isoformat(), value.time, value.timezone
                )
    return value


def _doc_text(doc) -> str:
    """doc.text, built once per Doc (spaCy joins every token each time it is asked)."""
    return doc.user_data.setdefault("digest_text", doc.text)


_bounds = value_range  # the first and last day of a time value


def _status(tok, tense: str, value: TimeValue | None, published: date) -> tuple[str, bool]:
    gov = _governor(tok)
    # cancelled / postponed
    # the meeting must be what is cancelled ("the talks were called off"), not what delays something
    heads = [gov] if gov is not None and tok.dep_ in ("dobj", "nsubjpass") else []
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        heads.append(tok.head.head)
    for h in heads:
        lemma = h.lemma_.lower()
        prt = {c.lower_ for c in h.children if c.dep_ == "prt"}
        if lemma in lex.CANCEL_WORDS and (lemma not in ("call", "drop") or "off" in prt):
            return CANCELLED, False
        if lemma in lex.POSTPONE_WORDS and (lemma not in ("put", "push") or prt & {"off", "back"}):
            from_date = any(c.dep_ == "prep" and c.lower_ == "from" for c in h.children)
            if from_date:
                return (UPCOMING if tense != PAST or value is None else PASTS), True
            return POSTPONED, False
    progressive = (
        gov is not None
        and gov.tag_ == "VBG"
        and any(
            c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re", "been", "was", "were")
            for c in gov.children
        )
    )
    ending = (
        gov is not None
        and gov.lemma_.lower() in _ENDING
        and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "may", "might") for c in gov.children)
    )
    stative = gov is not None and gov.lemma_.lower() in lex.STATIVE
    if value is not None:
        b = _bounds(value.start)
        e = _bounds(value.end) if value.end else b
        if b is not None and e is not None:
            first, last = b[0], e[1]
            if first > published:
                return UPCOMING, False
            if last < published:
                return PASTS, False
            if first < published <= last and value.precision == "day":
                return ONGOING, False
            if progressive and value.precision == "day":
                return ONGOING, False  # "Shultz was holding talks with Shevardnadze today"
            if tense == FUTURE:
                return UPCOMING, False
            if tense == PAST:
                return PASTS, False
            coarse = value.precision in ("week", "month", "year")
            return (ONGOING if progressive or stative or first < published or coarse else UPCOMING), False
    after = tok.doc[tok.i + 1 : min(tok.i + 5, tok.sent.end)].text.lower()
    if "underway" in after or "under way" in after:
        return ONGOING, False  # "negotiations now underway"
    holders = [tok] + ([tok.head.head] if tok.dep_ == "pobj" and tok.head.lower_ == "of" else [])
    if tense != PAST and any(
        c.dep_ == "amod" and c.lower_ in ("current", "ongoing", "continuing", "present")
        for h in holders
        for c in h.children
    ):
        return ONGOING, False  # "the current round of trade negotiations"
    if ending and tense != PAST:
        return ONGOING, False  # "when negotiations would be completed": already under way
    if tense == FUTURE:
        return UPCOMING, False
    if tense == PAST:
        return PASTS, False
    if (
        gov is not None
        and gov.tag_ == "VB"
        and gov.lemma_.lower() in _HOLDING
        and tok.dep_ == "dobj"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in gov.children)
    ):
        return UPCOMING, False  # "agreed to hold talks"
    if progressive or stative or gov is None:
        return ONGOING, False
    present = gov.tag_ in ("VBZ", "VBP") or any(
        c.tag_ in ("VBZ", "VBP") for c in gov.children if c.dep_ == "aux"
    )
    if present and (
        gov == tok
        or tok.dep_ in ("nsubj", "nsubjpass")
        or (tok.dep_ == "dobj" and gov.lemma_.lower() in _HOLDING)
    ):
        return UPCOMING, False  # "the talks begin", "the committee holds a meeting Thursday": scheduled
    return ONGOING, False


# --------------------------------------------------------------------------- parties and titles


def _ent_text(tok) -> str | None:
    """The named entity ``tok`` belongs to (without a leading "the"), or None."""
    if not tok.ent_type_:
        return None
    if tok.ent_type_ not in _PARTY_LABELS:
        return None
    doc = tok.doc
    # the entity's bounds from the IOB tags: local, no scan over doc.ents
    i = tok.i
    while i > 0 and doc[i].ent_iob_ == "I" and i > tok.i - 30:
        i -= 1
    j = tok.i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I" and j < tok.i + 30:
        j += 1
    if j < len(doc) and doc[j - 1].lower_ == "of" and not doc[j].is_punct:
        j += 1  # "Group of" + "Seven" (tagged CARDINAL)
    text = re.sub(r"^(?i:the)\s+", "", doc[i:j].text).strip()
    return re.sub(r"\s*['’]s?$", "", text) or None


def _ents_in(tokens) -> list[str]:
    out: list[str] = []
    for t in tokens:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "at") and t.ent_type_ in _PLACE_LABELS:
            continue
        e = _ent_text(t)
        if e and e not in out:
            out.append(e)
    return out


def _parties(tok, kind: str, place: str | None) -> tuple[list[str], set[str]]:
    parties: list[str] = []
    names: set[str] = set()
    sources = []
    if kind in _VERBAL:
        subj = _subject(tok)
        if subj is not None:
            sources.append(list(subj.subtree))
            if subj.lemma_.lower() in lex.BODIES or subj.lower_ in lex.BODIES:
                names.add(subj.lemma_.lower())
        for c in tok.children:
            if c.dep_ == "dobj":
                sources.append(list(c.subtree))
            if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
                sources.append(list(c.subtree))
    else:
        for c in tok.children:
            if c.dep_ in ("compound", "nmod", "amod", "poss") and c.i < tok.i:
                sources.append(list(c.subtree))
                names |= {
                    t.lower_ for t in c.subtree if t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")
                }
            if c.dep_ == "prep" and c.lower_ in ("of", "between", "with", "among", "involving"):
                sources.append(list(c.subtree))
            if c.dep_ == "appos":
                sources.append(list(c.subtree))
                names |= {t.lower_ for t in c.subtree if t.pos_ == "PROPN"}
        gov = _governor(tok)
        if gov is not None and gov.lemma_.lower() in _LIGHT and tok.dep_ in ("dobj",):
            subj = _subject(gov)
            if subj is not None:
                sources.append(list(subj.subtree))
    for src in sources:
        for e in _ents_in(src):
            if place and e == place:
                continue
            if e not in parties:
                parties.append(e)
    names |= {p.lower() for p in parties}
    names = {n for n in names if not re.search(r"\d", n) and n not in _MONTH_NAMES}
    for p in parties:
        words = [
            w for w in re.findall(r"[A-Za-z]+", p) if w[0].isupper() and w.lower() not in ("of", "and", "the")
        ]
        if len(words) >= 2:
            names.add("".join(w[0] for w in words).lower())
    return parties[:8], names


def _clean_words(tokens) -> list[str]:
    words = []
    for t in tokens:
        if t.dep_ == "det" or t.lower_ in lex.TITLE_DROP or t.ent_type_ in ("DATE", "TIME"):
            continue
        if t.is_punct and t.text not in ("-", "/", "'s", "&"):
            continue
        words.append(t.text)
    return words


def _np_text(head, limit: int = 8) -> str:
    toks = [
        t
        for t in head.subtree
        if not (
            t.dep_ in ("relcl", "acl")
            or any(a.dep_ in ("relcl", "acl", "appos") and a != head for a in _ancestors_until(t, head))
        )
    ]
    words = _clean_words(toks)
    text = " ".join(words[:limit])
    return re.sub(r"\s+(['’]s)\b", r"\1", text).replace(" - ", "-").replace(" / ", "/").strip()


def _ancestors_until(tok, stop) -> list:
    out = []
    cur = tok
    for _ in range(20):
        if cur == stop or cur.head == cur:
            break
        out.append(cur)
        cur = cur.head
    return out


def _title(tok, kind: str, parties: list[str]) -> str:
    if kind in ("meet", "body"):
        subj = _subject(tok)
        who = ""
        if subj is not None and subj.pos_ != "PRON":
            ents = _ents_in(subj.subtree)
            people = _ents_in([t for t in subj.subtree if t.ent_type_ == "PERSON"])
            ents = people or ents
            if not people and subj.pos_ == "PROPN" and len(ents) > 1:
                who = _np_text(subj, 6)  # "European Central Bank's Governing Council"
            else:
                who = " and ".join(ents[:3]) if ents else _np_text(subj, 6)
        noun = "session" if kind == "body" else "meeting"
        title = f"{who} {noun}".strip()
        with_obj = [c for c in tok.children if c.dep_ == "dobj"] + [
            o
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        with_obj = [
            o
            for o in with_obj
            if _is_party(o)
            and o.ent_type_ not in ("TIME", "DATE", "CARDINAL")
            and o.text.upper() not in ("GMT", "UTC", "EST", "EDT", "CET", "BST")
        ]
        if with_obj:
            ents = _ents_in(with_obj[0].subtree)
            other = ents[0] if ents else _np_text(with_obj[0], 5)
            if other:
                title = f"{title} with {other}"
        return _cap(title)
    left = [
        c
        for c in tok.children
        if c.i < tok.i
        and c.dep_ in ("compound", "amod", "nmod", "poss", "nummod")
        and not any(
            t.ent_type_ in ("DATE", "TIME") or t.lower_ in lex.TITLE_DROP
            for t in c.subtree
            if t.dep_ != "case" and t.pos_ != "DET"
        )
    ]
    left_tokens = sorted((t for c in left for t in c.subtree), key=lambda t: t.i)
    mods = _clean_words(left_tokens)
    head_word = tok.text if tok.pos_ == "PROPN" else tok.lower_
    of_obj = None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "between"):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                of_obj = (c.lower_, objs[0])
            break
    acronym = next(
        (c.text for c in tok.children if c.dep_ == "appos" and c.text.isupper() and len(c.text) <= 8), None
    )
    base = " ".join(mods + [head_word])
    base = re.sub(r"\s+(['’]s)\b", r"\1", base).replace(" - ", "-").replace(" / ", "/")
    if of_obj is not None:
        prep, obj = of_obj
        if prep == "of":
            ents = _ents_in(obj.subtree)
            if _is_noun_trigger_word(obj):
                return _cap(_np_text(obj, 6))  # "the meeting tomorrow of the G-7 meeting"
            if acronym or ents:
                name = acronym or (_np_text(obj, 6) if obj.pos_ == "PROPN" else ents[0])
                return _cap(f"{name} {base}")
            return _cap(f"{base} of {_np_text(obj, 5)}")
        names = _ents_in(obj.subtree)
        if len(names) >= 2:
            return _cap(f"{'-'.join(names[:3])} {base}")
        return _cap(f"{base} between {_np_text(obj, 6)}")
    if acronym and acronym not in base:
        return _cap(f"{acronym} {base}")
    gov = _governor(tok)
    light = _LIGHT | {"pay", "make"}
    if (
        gov is not None
        and tok.dep_ == "dobj"
        and gov.lemma_.lower() in light
        and (not mods or kind == "visit")
        and not any(t.ent_type_ == "PERSON" for t in left_tokens)
    ):
        subj = _subject(gov)
        if subj is not None and subj.pos_ != "PRON":
            ents = _ents_in([t for t in subj.subtree if t.ent_type_ == "PERSON"]) or _ents_in(subj.subtree)
            who = " and ".join(ents[:2]) if ents else _np_text(subj, 5)
            if who:
                return _cap(f"{who} {base}")
    return _cap(base)


def _cap(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:] if text else "Meeting"


# --------------------------------------------------------------------------- merging and output


def _group_of(status: str) -> str:
    return {CANCELLED: UPCOMING, POSTPONED: UPCOMING}.get(status, status)


def _overlap(a: TimeValue, b: TimeValue) -> bool:
    ab, ae = _bounds(a.start), _bounds(a.end or a.start)
    bb, be = _bounds(b.start), _bounds(b.end or b.start)
    if not (ab and ae and bb and be):
        return a.start == b.start
    return ab[0] <= be[1] and bb[0] <= ae[1]


def _compatible(m: _Mention, g: _Group) -> bool:
    gs = g.statuses
    if _group_of(m.status) not in gs and not ({_group_of(m.status)} | gs) <= {UPCOMING, ONGOING}:
        # a dateless mention may still name the same meeting ("referring to the talks in Brussels")
        strong = m.value is None and (
            (m.place and g.place() and m.place == g.place())
            or (m.names and m.names & g.names())
            or (m.anaphoric and not m.place)
        )
        if not strong:
            return False
    gv = g.value()
    if m.value and gv and not _overlap(m.value, gv):
        return False
    gp = g.place()
    if m.place and gp and m.place.lower() not in gp.lower() and gp.lower() not in m.place.lower():
        return False
    if m.kind in _DISTINCT and m.kind not in g.kinds and not m.weak:
        same_place = m.place and gp and m.place == gp
        same_day = m.value and gv and m.value.start == gv.start
        if not (same_place or same_day):
            return False
    gn = g.names()
    return not (m.names and gn and not (m.names & gn) and not _loose_name_match(m.names, gn))


def _loose_name_match(a: set[str], b: set[str]) -> bool:
    wa = {w for n in a for w in re.findall(r"\w+", n) if len(w) > 2}
    wb = {w for n in b for w in re.findall(r"\w+", n) if len(w) > 2}
    return bool(wa & wb)


def _score(m: _Mention, g: _Group) -> int:
    s = 0
    gv = g.value()
    dates_agree = not (m.value and gv) or m.value.start == gv.start
    if m.names and dates_agree and (m.names & g.names() or _loose_name_match(m.names, g.names())):
        s += 3
    if m.value and not gv and not m.names and m.kind in g.kinds:
        s += 1
    if m.value and gv and m.value.start == gv.start:
        s += 2
    gp = g.place()
    if m.place and gp:
        s += 2
    if m.anaphoric:
        s += 1
    if m.bare:
        s += 1
    if m.kind in g.kinds and s:
        s += 1
    if m.value and gv and not m.names and _overlap(m.value, gv):
        s += 1
    if g.all_bare:
        s += 1
    return s


def _merge(mentions: list[_Mention]) -> list[_Group]:
    groups: list[_Group] = []
    for m in mentions:
        best, best_score = None, 0
        for g in reversed(groups[-12:]):
            if not _compatible(m, g):
                continue
            sc = _score(m, g)
            if sc > best_score:
                best, best_score = g, sc
        if best is not None:
            best.append(m)
        elif not m.weak:
            groups.append(_Group(m))
    return groups


def _build(groups: list[_Group], doc) -> list[Meeting]:
    out = []
    for g in groups:
        ev = g.evidence()
        value = g.value()
        sent = ev.sent
        text = sent.text
        lead = len(text) - len(text.lstrip())
        evidence = text.strip()
        start_char = sent.start_char + lead
        mentions = list(dict.fromkeys(m.sent.text.strip() for m in g.mentions))
        title = max((m.title for m in g.mentions), key=lambda t: (_title_score(t), t == ev.title))
        parties = list(dict.fromkeys(p for m in g.mentions for p in m.participants))
        end = value.end if value else None
        if value is not None and not end and value.precision == "day":
            ends = [m.end_value.end or m.end_value.start for m in g.mentions if m.end_value is not None]
            ends = [e for e in ends if precision_of(e) == "day" and e > value.start]
            end = max(ends) if ends else None
        out.append(
            (
                start_char,
                Meeting(
                    title=title or "Meeting",
                    status=g.status(),
                    start=value.start if value else None,
                    end=end,
                    place=g.place(),
                    participants=tuple(parties[:8]),
                    evidence=evidence,
                    mentions=tuple(mentions),
                    time=value.time if value else None,
                    timezone=value.timezone if value else None,
                    start_char=start_char,
                    end_char=start_char + len(evidence),
                ),
            )
        )
    out.sort(key=lambda x: x[0])
    return [m for _, m in out]


def _title_score(title: str) -> int:
    return sum(1 for w in title.split()[1:] if w[:1].isupper()) + (
        1 if title[:1].isupper() and len(title.split()) > 1 else 0
    )
