"""Step 4: the title of a mention: the body or parties and the kind ("OPEC ministerial meeting",
"Putin and Biden meeting", "Board of Governors meeting")."""

from __future__ import annotations

import re

from digest.nlp import meeting_lexicon as lex
from digest.nlp.meetings.candidates import is_meeting_noun
from digest.nlp.meetings.kinds import MeetingKind
from digest.nlp.meetings.syntax import ancestors_until, ents_in, governor, is_party, subject

_ZONES = ("GMT", "UTC", "EST", "EDT", "CET", "BST")


def title(tok, kind: MeetingKind) -> str:
    """A short title for the mention whose trigger is ``tok``."""
    if kind.formal:
        return _verb_title(tok, kind)
    return _noun_title(tok, kind)


def clean_words(tokens) -> list[str]:
    """Words of a title: no determiners, dates or dropped words, punctuation only inside names."""
    words = []
    for t in tokens:
        if t.dep_ == "det" or t.lower_ in lex.TITLE_DROP or t.ent_type_ in ("DATE", "TIME"):
            continue
        if t.is_punct and t.text not in ("-", "/", "'s", "&"):
            continue
        words.append(t.text)
    return words


def _join(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r"\s+(['’]s)\b", r"\1", text).replace(" - ", "-").replace(" / ", "/").strip()


def np_text(head, limit: int = 8) -> str:
    """The noun phrase of ``head`` without its relative clauses and appositions, at most ``limit`` words."""
    toks = [
        t
        for t in head.subtree
        if not (
            t.dep_ in ("relcl", "acl")
            or any(a.dep_ in ("relcl", "acl", "appos") and a != head for a in ancestors_until(t, head))
        )
    ]
    return _join(clean_words(toks)[:limit])


def cap(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:] if text else "Meeting"


def title_score(text: str) -> int:
    """How much a title names: capitalised words after the first, and more than one word."""
    return sum(1 for w in text.split()[1:] if w[:1].isupper()) + (
        1 if text[:1].isupper() and len(text.split()) > 1 else 0
    )


def _who(subj, limit: int = 3) -> str:
    """The subject of a meeting verb as a title: its people, else its named parties, else its words."""
    ents = ents_in(subj.subtree)
    people = ents_in([t for t in subj.subtree if t.ent_type_ == "PERSON"])
    if not people and subj.pos_ == "PROPN" and len(ents) > 1:
        return np_text(subj, 6)  # "European Central Bank's Governing Council"
    ents = people or ents
    return " and ".join(ents[:limit]) if ents else np_text(subj, 6)


def _verb_title(tok, kind: MeetingKind) -> str:
    """ "Putin and Biden meeting", "Security Council session", "Baker meeting with Shevardnadze"."""
    subj = subject(tok)
    who = _who(subj) if subj is not None and subj.pos_ != "PRON" else ""
    text = f"{who} {'session' if kind is MeetingKind.BODY else 'meeting'}".strip()
    others = [c for c in tok.children if c.dep_ == "dobj"] + [
        o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"
    ]
    others = [
        o
        for o in others
        if is_party(o) and o.ent_type_ not in ("TIME", "DATE", "CARDINAL") and o.text.upper() not in _ZONES
    ]
    if others:
        ents = ents_in(others[0].subtree)
        other = ents[0] if ents else np_text(others[0], 5)
        if other:
            text = f"{text} with {other}"
    return cap(text)


def _modifier_tokens(tok) -> list:
    """The trigger's left modifiers without dates or dropped words, in text order."""
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
    return sorted((t for c in left for t in c.subtree), key=lambda t: t.i)


def _noun_title(tok, kind: MeetingKind) -> str:
    left_tokens = _modifier_tokens(tok)
    mods = clean_words(left_tokens)
    base = _join(mods + [tok.text if tok.pos_ == "PROPN" else tok.lower_])
    acronym = next((c.text for c in tok.children if c.dep_ == "appos" and c.text.isupper() and len(c.text) <= 8), None)
    of_title = _of_title(tok, base, acronym)
    if of_title is not None:
        return of_title
    if acronym and acronym not in base:
        return cap(f"{acronym} {base}")
    gov = governor(tok)
    if (
        gov is not None
        and tok.dep_ == "dobj"
        and gov.lemma_.lower() in lex.LIGHT | {"pay", "make"}
        and (not mods or kind is MeetingKind.VISIT)
        and not any(t.ent_type_ == "PERSON" for t in left_tokens)
    ):
        subj = subject(gov)
        if subj is not None and subj.pos_ != "PRON":
            ents = ents_in([t for t in subj.subtree if t.ent_type_ == "PERSON"]) or ents_in(subj.subtree)
            who = " and ".join(ents[:2]) if ents else np_text(subj, 5)
            if who:
                return cap(f"{who} {base}")
    return cap(base)


def _of_title(tok, base: str, acronym: str | None) -> str | None:
    """ "meeting of OPEC oil ministers" → "OPEC meeting"; "talks between X and Y" → "X-Y talks"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "between"):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if not objs:
                return None
            obj = objs[0]
            if c.lower_ == "between":
                names = ents_in(obj.subtree)
                return (
                    cap(f"{'-'.join(names[:3])} {base}")
                    if len(names) >= 2
                    else cap(f"{base} between {np_text(obj, 6)}")
                )
            if is_meeting_noun(obj):
                return cap(np_text(obj, 6))  # "the meeting tomorrow of the G-7 meeting"
            ents = ents_in(obj.subtree)
            if acronym or ents:
                return cap(f"{acronym or (np_text(obj, 6) if obj.pos_ == 'PROPN' else ents[0])} {base}")
            return cap(f"{base} of {np_text(obj, 5)}")
    return None
