"""Step 4: the title of a mention: the body or parties and the kind ("OPEC ministerial meeting",
"Putin and Biden meeting", "Board of Governors meeting")."""

from __future__ import annotations

import re

from digest.nlp import meeting_lexicon as lex
from digest.nlp.meetings.candidates import is_meeting_noun, reporter_of_it, visit_destination
from digest.nlp.meetings.kinds import MeetingKind
from digest.nlp.meetings.syntax import (
    PARTY_LABELS,
    ents_in,
    governor,
    in_dateline,
    is_party,
    is_time_zone,
    people_else_parties,
    person_before,
    preps_of_its_verb,
    subject,
    without_possessive,
)
from digest.nlp.naming import fuller_name, is_position_word
from digest.nlp.tense import head_path

_STATUS = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in lex.STATUS_TITLE_WORDS) + r")\b")
_DANGLING = re.compile(r"(?i)(?:\s+(?:and|or|of|between|with|to|for|the|in|at|on|from|&))+$")
# Words the tagger takes for dates that tell the kind of a meeting: "the annual meeting".
_KIND_NOT_DATE = {"annual", "biannual", "semiannual"}
# A name by its shape: capitals inside ("WeWork") or an acronym ("OPEC+", "IBM").
_NAME_SHAPE = re.compile(r"[A-Z][a-z]+[A-Z][\w+]*|[A-Z]{2,}[0-9]*\+?")


def title(tok, kind: MeetingKind) -> str:
    """A short title for the mention whose trigger is ``tok``: the body or parties and the kind."""
    if kind.formal:
        return _verb_title(tok, kind)
    text = _noun_title(tok, kind)
    if not names_someone(text, tok.sent):
        namer = _namer(tok) or _his_or_her(tok) or _its(tok)
        if namer and namer.lower() not in text.lower():
            text = cap(f"{namer} {text[:1].lower() + text[1:] if text[1:2].islower() else text}")
    if not names_someone(text, tok.sent):
        text = _own_meeting_title(tok, text)
    if not names_someone(text, tok.sent):
        partner = _with_whom(tok)
        if partner and partner.lower() not in text.lower():
            text = cap(f"{text} with {partner}")  # "talks with commercial banks"
    return text


OWN_MEETING_KINDS = {"meeting", "meetings", "session", "hall", "gathering"}


def _own_meeting_title(tok, text: str) -> str:
    """An organisation's own meeting (all-hands, staff, board, shareholders', annual) takes the
    organisation's name: "the company's all-hands meeting" → "Acme all-hands meeting". Unchanged
    when the title is no such meeting or no organisation is known."""
    words = {re.sub(r"['’]s?$", "", w.strip("'’").lower()) for w in re.split(r"[\s/]+", text)}
    if not words & lex.INTERNAL_MEETING_WORDS:
        return text
    if words - lex.INTERNAL_MEETING_WORDS - lex.ORGANISATION_NOUNS - OWN_MEETING_KINDS:
        return text  # another word says whose meeting it is: "school board meeting", "city staff meeting"
    org = own_org(tok)
    if not org:
        return text
    # "Company's all-hands meeting": the organisation's name stands for the noun that stood for it
    owner = "|".join(sorted(lex.ORGANISATION_NOUNS))
    text = re.sub(rf"(?i)^(?:{owner})['’]s?\s+", "", text)
    return cap(f"{org} {text[:1].lower() + text[1:] if text[1:2].islower() else text}")


def own_org(tok) -> str | None:
    """The organisation whose own meeting ``tok`` is: the one organisation its sentence names, else
    the organisation the article names most often (the first of equals); None when none is named."""
    in_sentence = list(dict.fromkeys(organisations(tok.sent.ents, tok.doc)))
    if len(in_sentence) == 1:
        return in_sentence[0]
    if in_sentence:
        return None  # two organisations in the sentence: whose meeting it is is not known
    names = organisations(tok.doc.ents, tok.doc)
    if not names:
        return None
    counts = {n: names.count(n) for n in dict.fromkeys(names)}
    return max(counts, key=lambda n: counts[n])


def organisations(ents, doc) -> list[str]:
    """The names of the organisations among ``ents``, in order, without "the" or a possessive; a
    name the article gives elsewhere as a person's ("Olaf Kern … Kern said", the tagger taking
    the surname for a company) is a person's, not an organisation's."""
    people = _person_names(doc)
    names = [re.sub(r"^(?i:the)\s+|\s*['’]s?$", "", _whole_name(e).text) for e in ents if e.label_ == "ORG"]
    return [n for n in names if n and n.lower() not in people]


def _whole_name(ent):
    """The organisation's name with the proper nouns the tagger left out before it ("Brantwell"
    of "Brantwell Media chairman …" when only "Media" is tagged)."""
    doc, start = ent.doc, ent.start
    while start > 0:
        prev = doc[start - 1]
        if not (prev.is_title and prev.pos_ in ("PROPN", "NOUN") and prev.dep_ == "compound") or prev.ent_type_:
            break
        start -= 1
    return doc[start : ent.end]


def _person_names(doc) -> set[str]:
    """Every person's name in ``doc`` and the surname of each full one, lower-case: the tagger's
    people, and names of two or more words written after a person's title ("chair Marcelo Claure",
    "Mr. Lee Kuan Yew"), whatever label the tagger gave them."""
    names = set()
    for e in doc.ents:
        titled = e.start > 0 and len(e) >= 2 and is_position_word(doc[e.start - 1].text) \
            and not is_position_word(e[0].text)
        if e.label_ == "PERSON" or (titled and e.label_ == "ORG"):
            words = without_possessive(e.text).split()
            names |= {" ".join(words).lower(), words[-1].lower()} if words else set()
    return names


def _with_whom(tok) -> str | None:
    """The party a meeting noun is held with: "talks with the rebels", "a meeting with Reagan",
    "talks were expected to take place with the Algerians"."""
    for p in list(tok.children) + preps_of_its_verb(tok):
        if p.dep_ == "prep" and p.lower_ == "with":
            obj = next((o for o in p.children if o.dep_ == "pobj"), None)
            if obj is not None and is_party(obj):
                ents = [] if _nationals(obj) else ents_in(obj.subtree)
                head = [t for t in obj.subtree if t.i <= obj.i]  # "commercial banks", not "… of major exporting"
                return ents[0] if ents else _join(clean_words(head)[-4:]) or None
    return None


def _nationals(obj) -> bool:
    """People named only by a nationality ("Japanese officials", "Canadian trade negotiators"): the
    phrase, not the adjective alone, says who they are."""
    if obj.pos_ != "NOUN" or obj.ent_type_:
        return False
    named = [t for t in obj.subtree if t.ent_type_ in PARTY_LABELS]
    return bool(named) and all(t.ent_type_ == "NORP" and t.i < obj.i for t in named)


def _his_or_her(tok) -> str | None:
    """ "his sentencing": the person last named before, within the sentence or the one before it."""
    if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.children):
        return None
    return person_before(tok) or _named_subject_before(tok)


def _named_subject_before(tok) -> str | None:
    """The proper-noun subject of the clause ``tok`` is in, named before it: "Smith will remain in
    custody until his hearing" (the tagger may take a lone surname for a company; "his" says a person)."""
    cur = tok
    for _ in range(8):
        if cur.dep_ == "ROOT" or cur.head == cur:
            break
        cur = cur.head
        subj = next((c for c in cur.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is not None:
            if subj.pos_ != "PROPN" or subj.ent_type_ in ("GPE", "NORP", "LOC", "FAC"):
                return None
            return " ".join(t.text for t in subj.subtree if t.pos_ == "PROPN" and t.i <= subj.i) or None
    return None


def _its(tok) -> str | None:
    """ "its annual meeting": the organisation last named before, in the sentence or the one before."""
    if not any(c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
        return None
    return org_before(tok)


def org_before(tok) -> str | None:
    """The organisation last named before ``tok``, in its sentence or the one before."""
    doc = tok.doc
    start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
    orgs = organisations([e for e in doc.ents if start <= e.start and e.end <= tok.i], doc)
    return orgs[-1] if orgs else None


def names_someone(text: str, sent) -> bool:
    """Whether a title holds a name: a capital after its first letter ("G-7 meeting", "Board of
    Governors meeting") or a first word the sentence gives as a name."""
    words = text.split()
    if not words:
        return False
    if any(c.isupper() for w in words[1:] for c in w) or any(c.isupper() for c in words[0][1:]):
        return True
    if any(t.text == words[0].lower() and t.pos_ != "PROPN" for t in sent):
        return False  # "Public hearing" from "a public hearing", whatever "California Public Utilities" holds
    return any(t.text == words[0] and (t.pos_ == "PROPN" or t.ent_type_ in PARTY_LABELS) for t in sent)


def _namer(tok) -> str | None:
    """Who holds an unnamed meeting: the named (or body) subject of the verb that holds it
    ("WeWork will hold an all-hands meeting", "the utilities commission will hold a public
    hearing"), or for "the company" the one organisation the sentence names ("…, WeWork said")."""
    gov = governor(tok)
    owned = any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in tok.children)  # "their session"
    hosted = tok.dep_ == "dobj" and tok.head == gov and gov.lemma_.lower() in lex.HOSTING
    if gov is None or not (hosted or owned):
        return None
    subj = subject(gov)
    if subj is None or subj.pos_ == "PRON":
        return None
    if owned and not hosted:  # "legislators … their session"
        left = [t for t in subj.subtree if t.i <= subj.i]
        ents, words = ents_in(left), clean_words(left)
        if ents:
            return ents[0]
        return _join(words) if subj.lemma_.lower() in lex.PEOPLE and 0 < len(words) <= 3 else None
    ents = ents_in(subj.subtree)
    if ents:
        return ents[0]
    if _NAME_SHAPE.fullmatch(subj.text):
        return subj.text  # "WeWork", "OPEC+": a name the tagger missed
    if subj.lemma_.lower() in lex.BODIES:
        return np_text(subj, 4)
    if subj.lemma_.lower() in lex.ORGANISATION_NOUNS:
        orgs = list(dict.fromkeys(organisations(tok.sent.ents, tok.doc)))
        return orgs[0] if len(orgs) == 1 else None
    return None


def clean_words(tokens) -> list[str]:
    """Words of a title: no determiners, dates or dropped words, punctuation only inside names."""
    words = []
    for t in tokens:
        glued = not t.whitespace_ and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("-", "+")
        glued = glued and t.ent_type_ not in ("DATE", "TIME", "CARDINAL")
        if glued:
            words.append(t.text)  # "all-hands", "OPEC+": one word
            continue
        dated = t.ent_type_ in ("DATE", "TIME") and t.lower_ not in _KIND_NOT_DATE
        if t.dep_ == "det" or t.lower_ in lex.TITLE_DROP or dated or in_dateline(t):
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
    return _join(clean_words(core_tokens(head))[:limit])


def core_tokens(head) -> list:
    """The tokens of ``head``'s phrase without its relative clauses and appositions ("countries
    scheduled to meet in Lima, Ana Ruiz, a delegate, said": the clause and what hangs on it left out)."""
    return [
        t
        for t in head.subtree
        if not (
            t.dep_ in ("relcl", "acl")
            or any(a.dep_ in ("relcl", "acl", "appos") and a != head for a in head_path(t, head))
        )
    ]


def cap(text: str) -> str:
    """The title with a capital first letter, no leading punctuation and no status words
    ("… meeting postponed") or dangling last word ("… and"), "Meeting" when empty."""
    text = re.sub(r"\s+", " ", _STATUS.sub(" ", text)).strip().lstrip("-–—/&,.;: ").rstrip(",;: ")
    text = _DANGLING.sub("", text)  # "Negotiations between London side and": a phrase cut short
    return text[:1].upper() + text[1:] if text else "Meeting"


def title_score(text: str) -> int:
    """How much a title names: capitalised words after the first, and more than one word."""
    return sum(1 for w in text.split()[1:] if w[:1].isupper()) + (
        1 if text[:1].isupper() and len(text.split()) > 1 else 0
    )


def _who(subj, limit: int = 3) -> str:
    """The subject of a meeting verb as a title: its people, else its named parties, else its words;
    an organisation's people meet as the organisation ("employees of Acme" → "Acme")."""
    if subj.lemma_.lower() in lex.MEMBER_NOUNS:
        for p in subj.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                obj = next((o for o in p.children if o.dep_ == "pobj"), None)
                owner = ents_in(obj.subtree) if obj is not None else []
                if owner or (obj is not None and obj.pos_ == "PROPN"):
                    return owner[0] if owner else np_text(obj, 5)  # a name the tagger missed
    ents = ents_in(subj.subtree)
    people = ents_in([t for t in subj.subtree if t.ent_type_ == "PERSON"])
    if ents and _placed_body(subj):
        return np_text(subj, 6)  # "the French parliament", "the Ohio legislature": not "French" alone
    if not people and subj.pos_ == "PROPN" and len(ents) > 1:
        return np_text(subj, 6)  # "European Central Bank's Governing Council"
    ents = [_fullest_person(e, subj.doc) for e in people or ents]
    return " and ".join(ents[:limit]) if ents else _fullest_person(np_text(subj, 6), subj.doc)


def _fullest_person(name: str, doc) -> str:
    """ "Fiona Hill" for a "Hill" the article names in full elsewhere (the one person of that surname)."""
    if " " in name:
        return name
    return fuller_name(name, [e.text for e in doc.ents if e.label_ == "PERSON"]) or name


def _stranded_subject(verb):
    """The subject the parser did not attach to a meeting verb: "the council is expected to agree to
    reconvene" (the verb taken for the object of "to"), "Amid new worries, finance ministers and
    central bankers meet next week" (the subject taken into the phrase before)."""
    if verb.dep_ == "pobj" and verb.head.lower_ == "to" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head.head)
    if verb.dep_ != "ROOT" or verb.i == 0 or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.tag_ not in ("NNS", "NNPS") or not is_party(before):
        return None
    while before.dep_ == "conj" and before.head.tag_ in ("NNS", "NNPS") and is_party(before.head):
        before = before.head  # "finance ministers and central bankers": from the first of them
    return before


def _antecedent(verb):
    """The noun a relative clause holding ``verb`` describes: "the Group of Seven countries, which
    are due to meet tomorrow" → "countries"."""
    cur = verb
    for _ in range(4):
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ not in ("xcomp", "conj", "acomp") or cur.head == cur:
            return None
        cur = cur.head
    return None


def _named_just_before(tok):
    """The root of the name that ends right before ``tok`` (punctuation between), else None."""
    doc = tok.doc
    i = tok.i - 1
    while i > 0 and doc[i].is_punct:
        i -= 1
    ent = next((e for e in doc.ents if e.end == i + 1 and e.label_ in PARTY_LABELS), None)
    return ent.root if ent is not None else None


def _they_before(tok) -> str:
    """Who "they" are when they meet: the nearest people, body or parties named before in the
    sentence ("… from 16 creditor countries when they meet"), else the subject of the sentence
    before ("The ministers will fly to Oslo. They will meet …"), else nobody."""
    for t in reversed(tok.sent[: tok.i - tok.sent.start]):
        if t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj") and is_party(t):
            return np_text(t, 5)
    if tok.sent.start == 0:
        return ""
    before = tok.doc[tok.sent.start - 1].sent
    subj = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head == before.root), None)
    ok = subj is not None and subj.tag_ in ("NNS", "NNPS") and is_party(subj)
    return np_text(subj, 5) if ok else ""


def _placed_body(subj) -> bool:
    """A body named by the country, people or town it belongs to and nothing else: "the French
    parliament", "the Ohio legislature"."""
    if subj.ent_type_ or not {subj.lemma_.lower(), subj.lower_} & lex.BODIES:
        return False
    named = [t for t in subj.subtree if t.ent_type_]
    return bool(named) and all(t.ent_type_ in ("NORP", "GPE") and t.i < subj.i for t in named)


def _verb_title(tok, kind: MeetingKind) -> str:
    """ "Putin and Biden meeting", "Security Council session", "Baker meeting with Shevardnadze"."""
    if kind is MeetingKind.TESTIFY:
        return _hearing_title(tok)
    if kind is MeetingKind.VISITS:
        where = next((c for c in tok.children if c.dep_ == "dobj"), None)
        subj = subject(tok)
        who = _who(subj) if subj is not None and subj.pos_ != "PRON" else (person_before(tok) or "")
        town = " ".join(t.text for t in where.subtree if t.pos_ == "PROPN") if where is not None else ""
        if where is not None and where.pos_ == "NOUN":  # "Visa's San Francisco headquarters"
            town = where.doc[where.left_edge.i + (where.left_edge.dep_ == "det") : where.i + 1].text
        return cap(f"{who} visit to {town or where.text}" if where is not None else f"{who} visit")
    subj = subject(tok) or _stranded_subject(tok)
    if subj is not None and subj.lower_ in ("which", "who", "that"):
        subj = _antecedent(tok) or _named_just_before(subj)  # "the OECD, which meets …"
    if any(c.dep_ == "auxpass" for c in tok.children):  # "due to be discussed by EC farm ministers"
        by = next((c for c in tok.children if c.dep_ == "agent"), None)
        subj = next((o for o in by.children if o.dep_ == "pobj"), subj) if by is not None else subj
    if subj is tok:  # a gapped clause: "… but the full council not until September"
        who = _join(clean_words(t for t in tok.subtree if t.i <= tok.i))
    elif subj is not None and subj.lower_ in ("he", "she"):
        who = person_before(tok) or ""  # "He was due to meet …": the person last named
    elif subj is not None and subj.lower_ == "it" and (reporter := reporter_of_it(subj)) != subj:
        who = _who(reporter)  # "the board said it will consider the offer on Friday"
    elif subj is not None and subj.lower_ == "it":
        who = org_before(tok) or ""  # "… expected OPEC to raise prices when it meets"
    elif subj is not None and subj.lower_ == "they":
        who = _they_before(tok)  # "… the six nations will review the pact when they meet in April"
    else:
        who = _who(subj) if subj is not None and subj.pos_ != "PRON" else ""
    text = f"{who} {'session' if kind is MeetingKind.BODY else 'meeting'}".strip()
    others = [c for c in tok.children if c.dep_ == "dobj"] + [
        o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"
    ]
    others = [
        o
        for o in others
        if is_party(o) and o.ent_type_ not in ("TIME", "DATE", "CARDINAL") and not is_time_zone(o.text.upper())
    ]
    if others:
        subtree = list(others[0].subtree)
        person = others[0].ent_type_ == "PERSON"  # "Canada's General John de Chastelain": the person
        ents = (person and ents_in([t for t in subtree if t.ent_type_ == "PERSON"])) or ents_in(subtree)
        if _nationals(others[0]):
            ents = []  # "Japanese officials", not "Japanese"
        other = ents[0] if ents else _join(clean_words(t for t in subtree if t.i <= others[0].i)[-4:])
        if other:
            text = f"{text} with {other}"
    return cap(text)


def _hearing_title(tok) -> str:
    """ "Senate Banking Committee hearing" (before whom), else "Smith testimony" (who testifies)."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "before":
            body = next((o for o in p.children if o.dep_ == "pobj"), None)
            if body is not None:
                ents = ents_in(body.subtree)
                return cap(f"{ents[0] if ents else np_text(body, 6)} hearing")
    subj = subject(tok)
    if subj is not None and subj.lower_ in ("who", "that"):
        subj = _antecedent(tok)  # "Hill, who will testify Thursday" → "Hill testimony"
        if subj is not None and subj.dep_ == "appos":
            subj = subj.head  # "Fiona Hill, a former adviser who will testify": the person, not the post
    who = _who(subj) if subj is not None and subj.pos_ != "PRON" else ""
    return cap(f"{who} testimony" if who else "Hearing")


def _modifier_tokens(tok) -> list:
    """The trigger's left modifiers without dates or dropped words, in text order."""
    left = [
        c
        for c in tok.children
        if c.i < tok.i
        and c.dep_ in ("compound", "amod", "nmod", "poss", "nummod")
        and not any(
            (t.ent_type_ in ("DATE", "TIME") and t.lower_ not in _KIND_NOT_DATE) or t.lower_ in lex.TITLE_DROP
            for t in c.subtree
            if t.dep_ != "case" and t.pos_ != "DET"
        )
    ]
    return sorted((t for c in left for t in c.subtree), key=lambda t: t.i)


def _noun_title(tok, kind: MeetingKind) -> str:
    left_tokens = _modifier_tokens(tok)
    mods = clean_words(left_tokens)
    base = _join(mods + [tok.text if tok.pos_ == "PROPN" else tok.lower_])
    if tok.lemma_.lower() in lex.HEARING_NOUNS:
        base += " hearing"  # "sentencing hearing"
    acronym = next((c.text for c in tok.children if c.dep_ == "appos" and c.text.isupper() and len(c.text) <= 8), None)
    of_title = _of_title(tok, base, acronym)
    if of_title is not None:
        return of_title
    if kind is MeetingKind.VISIT and visit_destination(tok) is not None:
        return _visit_title(tok, base, left_tokens)
    visitor = _visitor_by(tok) if kind is MeetingKind.VISIT else None
    if visitor is not None:  # "a visit here next week by Japanese trade officials"
        return cap(f"{base} by {_visitor_words(visitor)}")
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
            ents = people_else_parties(subj.subtree)
            who = " and ".join(ents[:2]) if ents else np_text(subj, 5)
            if who:
                return cap(f"{who} {base}")
    return cap(base)


def _visit_title(tok, base: str, left_tokens: list) -> str:
    """ "Blinken visit to Beijing": the visitor (the clause's named subject) and where to."""
    dest = visit_destination(tok)
    aside = {d.i for c in dest.children if c.dep_ in ("relcl", "acl", "appos") for d in c.subtree}
    where = " ".join(clean_words(t for t in dest.subtree if t.i not in aside))  # not ", which ends today"
    who = ""
    gov = governor(tok)
    subj = subject(gov) if gov is not None and not any(t.ent_type_ == "PERSON" for t in left_tokens) else None
    visitor = _visitor_by(tok)
    if visitor is not None:  # "a visit to Tokyo by a senior State Department official"
        ents = people_else_parties(visitor.subtree)
        if not ents or ents[0] in where or visitor.pos_ != "PROPN":  # "by the Japanese trade minister"
            return cap(f"{base} to {where} by {_visitor_words(visitor)}")
        who = ents[0]
    elif subj is not None and subj.i != tok.i and subj.pos_ != "PRON" and not tok.is_ancestor(subj):  # not the visit
        ents = people_else_parties(subj.subtree)
        who = ents[0] if ents else ""
    return cap(f"{who} {base} to {where}")


def _visitor_by(tok):
    """Who a visit is "by", if the phrase says ("by train" says how, not who)."""
    return next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                 for o in c.children if o.dep_ == "pobj" and is_party(o)), None)


def _visitor_words(visitor) -> str:
    """The visitor's noun phrase up to its head, without its article: "senior State Department official"."""
    return " ".join(t.text for t in visitor.subtree if t.i <= visitor.i and t.dep_ != "det")


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
            ents = ents_in(core_tokens(obj))
            vague = base.split()[-1].lower() in OWN_MEETING_KINDS | {"talks"}  # a summit says who meets
            if ents and not acronym and vague and _nationals(obj):
                return cap(f"{np_text(obj, 5)} {base}")  # "Andean trade ministers meeting", not "Andean meeting"
            if acronym or ents or (obj.pos_ == "PROPN" and obj.ent_type_):  # "the General Agreement on …" (LAW)
                return cap(f"{acronym or (np_text(obj, 6) if obj.pos_ == 'PROPN' else ents[0])} {base}")
            return cap(f"{base} of {np_text(obj, 7)}")
    return None
