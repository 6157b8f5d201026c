"""Small questions about a dependency parse that every step of the meeting engine asks."""

from __future__ import annotations

import re

from babel import Locale

from digest.nlp import naming
from digest.nlp.timex import ZONES

PLACE_LABELS = {"GPE", "FAC", "LOC"}
PARTY_LABELS = {"ORG", "GPE", "NORP", "PERSON"}
# Countries by their English names (CLDR, through Babel), and the older or shorter names news uses.
_COUNTRIES = (frozenset(name.lower() for code, name in Locale("en").territories.items() if code.isalpha()) | {
    "u.s.", "us", "usa", "america", "britain", "great britain", "holland", "soviet union", "ussr", "west germany",
    "east germany", "burma", "zaire", "czechoslovakia", "yugoslavia",
}) - {  # city-states and countries named like their capital: the name is the city too
    "luxembourg", "singapore", "monaco", "kuwait", "djibouti", "guatemala", "panama", "san marino", "vatican city",
}


def is_country(name: str | None) -> bool:
    """Whether a place name is a country ("France", "the United States"), which a city refines."""
    text = re.sub(r"^(?i:the)\s+", "", name or "").strip().lower()
    return text in _COUNTRIES


def governor(tok):
    """The first verb (or auxiliary) above ``tok``, or ``tok`` itself when it is a verb."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def subject(verb):
    """The subject of ``verb``, following xcomp/conj chains up ("X is due to meet", "X met and agreed")."""
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return verb  # a gapped clause: "the board meets March 30 but the full council not until September"
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
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ == "acomp":
            cur = cur.head
            continue
        return None
    return None


def head_path(tok, limit: int = 30) -> list:
    """``tok`` and its heads up to the root."""
    out = [tok]
    cur = tok
    for _ in range(limit):
        if cur.head == cur:
            break
        cur = cur.head
        out.append(cur)
    return out


def has_left_modifier(tok, words: set[str]) -> bool:
    """A word of ``words`` (form or lemma) before ``tok`` in its subtree."""
    return any(c.lower_ in words or c.lemma_.lower() in words for c in tok.subtree if c.i < tok.i)


def has_aux(verb, words: tuple[str, ...] | set[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


def is_negated(verb) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def when_clause_after(root, end_char: int):
    """The "when" that opens a clause right after a time expression ending at ``end_char``, of which
    ``root`` is a token ("on Monday, when the ministers meet"), or None."""
    doc, i = root.doc, root.i
    while i < len(doc) and (doc[i].idx < end_char or doc[i].is_space):
        i += 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
        while i < len(doc) and doc[i].is_space:
            i += 1
    when = doc[i] if i < len(doc) else None
    return when if when is not None and when.lower_ == "when" and when.dep_ == "advmod" else None


def clause_tells(when, tok) -> bool:
    """Whether the clause ``when`` opens tells the meeting ``tok`` ("until Monday, when the ministers
    meet", "the 25th of June, when our next meeting will take place"): its verb, or the verb's
    subject or object."""
    verb = when.head
    return tok.i == verb.i or (tok.head.i == verb.i and tok.dep_ in ("nsubj", "nsubjpass", "dobj"))


def doc_text(doc) -> str:
    """doc.text, built once per Doc (spaCy joins every token each time it is asked)."""
    return doc.user_data.setdefault("digest_text", doc.text)


def ent_text(tok) -> str | None:
    """The party-like named entity ``tok`` belongs to (without a leading "the"), or None."""
    if tok.ent_type_ not in PARTY_LABELS:
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
    if j < len(doc) and doc[j].text == "+" and not doc[j - 1].whitespace_:
        j += 1  # "OPEC+"
    text = without_possessive(re.sub(r"^(?i:the)\s+", "", doc[i:j].text).strip())
    return None if is_time_zone(text) else text or None


def without_possessive(text: str) -> str:
    """A name without the possessive ending it was written with ("Nakasone's" → "Nakasone")."""
    return re.sub(r"\s*['’]s?$", "", text)


_TIME_ZONE = re.compile(f"(?:{ZONES})")


def is_time_zone(text: str) -> bool:
    """ "GMT" of "around 1500 GMT": a clock's zone, which the tagger may label an organisation."""
    return bool(_TIME_ZONE.fullmatch(text))


# A dateline opening a paragraph: "WASHINGTON, March 3 (Reuters) -", "KUALA LUMPUR -", "BRUSSELS (AP) —".
DATELINE = re.compile(r"([A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3})(?:,[^\n,]{1,30}?)?(?:\s*\([^)\n]{1,25}\))?\s+[-–—]+\s")
DATELINE_TOKENS = 12  # a dateline is at most this many tokens long


def in_dateline(tok) -> bool:
    """Whether ``tok`` is in a dateline opening its paragraph (the desk's town, the day, the
    agency): words the parser hangs on the first clause, never a party to a meeting nor its name."""
    doc = tok.doc
    start = tok.i
    while start > 0 and tok.i - start < DATELINE_TOKENS and not _paragraph_break(doc[start - 1]):
        start -= 1
    if start > 0 and not _paragraph_break(doc[start - 1]):
        return False
    found = DATELINE.match(doc.text, doc[start].idx)
    return found is not None and tok.idx < found.end()


def _paragraph_break(tok) -> bool:
    """A token that ends a paragraph, or the blank line between two."""
    return "\n\n" in tok.text_with_ws or (tok.is_space and "\n" in tok.text)


def ents_in(tokens) -> list[str]:
    """The party entities among ``tokens``, in order, once each (places after "in"/"at" left out)."""
    out: list[str] = []
    for t in tokens:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "at") and t.ent_type_ in PLACE_LABELS:
            continue
        if describes_person(t) or _opens_a_title(t) or in_dateline(t):
            continue
        e = ent_text(t)
        if e and e not in out:
            out.append(e)
    return out


def _opens_a_title(tok) -> bool:
    """ "Finance" of "Finance Minister Dilson Funaro": the office's field, tagged as an organisation,
    in the title of the person who is the party."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and tok.ent_type_ in ("ORG", "NORP") and tok.ent_iob_ == "B" and nxt.ent_type_ == "" \
        and naming.is_role_word(nxt.text) and nxt.text[:1].isupper()


def describes_person(tok) -> bool:
    """A nationality word beside the person it describes ("Chinese President Li Wei", "the Russian
    leader, Ivan Petrov"): the person is the party, not the adjective."""
    if tok.ent_type_ != "NORP":
        return False
    head = tok
    for _ in range(3):
        if head.dep_ not in ("amod", "compound", "nmod") or head.head == head:
            return False
        head = head.head
        if head.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children):
            return True
    return False


def is_party(tok) -> bool:
    """A person, organisation, country or pronoun (or a phrase holding one)."""
    from digest.nlp import meeting_lexicon as lex

    return (
        tok.ent_type_ in PARTY_LABELS
        or tok.lemma_.lower() in lex.PEOPLE
        or tok.pos_ == "PRON"
        or any(c.ent_type_ in PARTY_LABELS for c in tok.subtree)
    )


def preps_of_its_verb(tok) -> list:
    """The prepositions hung on the verb a meeting noun is the subject of, and on that verb's
    infinitive ("Talks were expected to take place with the Algerians")."""
    gov = governor(tok)
    if gov is None or tok.dep_ not in ("nsubj", "nsubjpass"):
        return []
    return [c for verb in [gov] + [x for x in gov.children if x.dep_ == "xcomp"] for c in verb.children
            if c.dep_ == "prep"]


def person_before(tok) -> str | None:
    """The person last named before ``tok``, in its sentence or the one before."""
    doc = tok.doc
    start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
    people = [e for e in doc.ents if e.label_ == "PERSON" and start <= e.start and e.end <= tok.i]
    return without_possessive(people[-1].text) if people else None


def people_else_parties(tokens) -> list[str]:
    """The people named among ``tokens``, else every party entity among them."""
    tokens = list(tokens)
    return ents_in([t for t in tokens if t.ent_type_ == "PERSON"]) or ents_in(tokens)
