"""Direct quotations and their speakers, as pure functions over a spaCy ``Doc``.

Pipeline: ``quote_spans.find_spans`` pairs the quotation marks (string code, no parse).
One walk over the parse gives every speech verb its speaker and records, in text order,
who spoke or acted ("events"): pronouns ("he said"), anaphoric nouns ("the official") and
documents ("said the letter") resolve to the latest fitting event. Each span then gets a
*frame* — the words of its sentence outside any quotation — where the nearest speech verb
decides the speaker; a span with none takes the speaker of a colon or dash lead-in, of a
name heading, of the attributed quote it continues, or of the reported speech just before
it. Fragments need a speech verb in the frame; names, titles, coined terms and scare quotes
are dropped. Every speaker keeps its evidence (``models.Attribution``); a last step
(``_Context.settle``) moves titles into the role (``naming.split_name``) and leaves the
speaker out where the words found name nobody (a determiner, a place, a product, a common
noun) or, in a story about a threat, where only indirect evidence names the speaker. A
score ranks what is left and marks the best attributed full quotes as key.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.tokens import Doc, Token

from digest.models import Attribution, Quote
from digest.nlp import naming
from digest.nlp.evidence import Evidence
from digest.nlp.naming import is_position_word, split_name
from digest.nlp.quote_spans import Span, find_spans, paragraphs
from digest.nlp.speakers import (
    PERSON_NOUNS,
    PRONOUNS,
    TITLE_WORDS,
    Names,
    _words,
    build_names,
    strip_titles,
)

SPEECH_VERBS = _words(
    """
    say tell add state declare announce explain write note comment continue insist warn argue
    claim ask reply respond answer quote tweet post observe remark acknowledge admit concede
    assert contend emphasize emphasise stress suggest predict recall conclude urge pledge promise
    vow complain maintain confirm deny report repeat reiterate shout joke quip testify boast
    charge counter mention indicate caution lament muse scoff retort exclaim whisper yell reason
    agree disagree concur allege proclaim affirm recount describe summarize summarise tout
    brag cry sigh begin opine interject thunder fume rail blast slam demand plead wonder chant
    """
)
# Verbs and nouns that introduce a name or a term, not speech: a "non-market economy" status.
_DESIGNATION = _words(
    """
    called call calls calling so-called dubbed dub named name titled entitled nicknamed termed
    term terms word words phrase slogan headline motto label labeled labelled branded known
    billed hashtag definition defined define meaning
    """
)
_FUNCTION_WORDS = _words("a an the of and or for to in on at by with from as is be de du la le van von der og & s")
_PLEASANTRIES = re.compile(
    r"\b(thank|thanks|congratulat|pleased|delighted|welcome|happy to|honou?red|good (morning|evening))",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_DASHES = "—–-―‒"
_SENT_END = frozenset({".", "?", "!", "…"})
_MAX_KEY = 3
_MAX_FRAME = 120  # tokens looked at on each side of a quote: keeps huge paragraphs linear
# Nouns for a written statement: "said the letter" speaks for its author.
_DOCUMENTS = _words(
    "letter statement communique report filing release memo email note message document voicemail tweet post text"
)
# Nouns for an organisation: "the company said" may stand for its spokesperson named just before.
_ORGANISATIONS = _words(
    """
    automaker carmaker insurer retailer lender exporter importer producer manufacturer operator
    developer publisher maker supplier distributor refiner miner carrier utility brokerage
    company firm group ministry department agency government bank office committee council party
    organisation organization union club team commission board court police embassy administration
    corporation airline authority institute university hospital network newspaper broadcaster studio
    league campaign association federation foundation army military regime cabinet parliament utility
    """
)
# Nouns for people met in the news who are described, not named: "residents said", "one
# commuter said", "another onlooker told reporters". Never resolved to someone named before.
_GROUPS = _words(
    """
    people resident protester demonstrator critic supporter opponent witness voter fan student worker
    teacher parent doctor investor observer lawmaker legislator member commuter onlooker bystander
    shopper customer passenger traveller traveler neighbour neighbor villager tourist visitor spectator
    eyewitness arbitrageur employee staffer patient farmer driver user commenter viewer reader listener
    survivor relative participant attendee delegate mourner worshipper pilgrim refugee migrant
    """
)
# Verbs whose subject hears, receives or suffers words, never says them ("Jones received a voicemail:").
_RECEIVING = _words("receive get hear read find see listen watch obtain face suffer endure")
# Verbs whose object is the target of the words ("threatened Jones"), never their speaker.
_TARGETING = _words("threaten insult accuse harass abuse taunt curse menace intimidate stalk slur")
# What a target receives: "Jones received threats", "threats against Jones", "a voicemail to Jones".
_HOSTILE_WORDS = _words(
    "threat insult accusation abuse slur warning message voicemail letter email call text note attack"
)
# Words of a threat story: indirect attributions are not trusted next to them.
_THREATS = _words("threaten threat harass harassment stalk menace intimidate intimidation")
_TARGET_NOUNS = _words("target victim recipient")
_MODALS = _words("can could may might should must")
_SPOKES = ("spokesman", "spokeswoman", "spokesperson", "representative", "press")
# Words that never name a speaker on their own.
_NOT_SPEAKERS = _words(
    """
    another one ones other others some someone somebody anyone anybody everyone everybody nobody none
    all both each either neither many few several most this that these those it they them we us
    there here what which who whom whose
    """
)
_NOT_SPEAKER_ENTITIES = frozenset({"GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE",
                                   "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


class _Who(NamedTuple):
    """Who a mention or speech verb points to, and the evidence for it."""

    speaker: str | None
    role: str | None
    person: bool
    how: Attribution | None


_NOBODY = _Who(None, None, False, None)


@dataclass
class _Cand:
    span: Span
    words: int
    statement: bool = False  # stands as its own sentence or clause (not a fragment)
    keep: bool = True
    speaker: str | None = None
    role: str | None = None
    how: Attribution | None = None
    attributed: bool = False  # speaker found in its own frame
    has_verb: bool = False
    quote_only: bool = False  # its paragraph is nothing but quotation
    speaks_for_itself: bool = False  # its own speech verb has a subject that names nobody
    mid_sentence: bool = False  # would stand as a sentence but starts in lower case: kept, as partial


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every direct quotation in ``doc`` with speaker, role, partial flag and key score."""
    found, names = _attributed(doc)
    quotes = [q for q, _ in found]
    return _mark_key(quotes, names) if names is not None else quotes


def quote_evidence(doc: Doc) -> list[tuple[Quote, Evidence | None]]:
    """Every direct quotation in ``doc`` with the facts behind its speaker (None for no
    speaker), no key marks: what bench/abstention.py tabulates."""
    return _attributed(doc)[0]


def _attributed(doc: Doc) -> tuple[list[tuple[Quote, Evidence | None]], Names | None]:
    text = doc.text
    if not text or len(doc) == 0:
        return [], None
    spans = find_spans(text)
    if not spans:
        return [], None
    ctx = _Context(doc, spans)
    cands = [_Cand(s, len(_WORD_RE.findall(text[s.start:s.end]))) for s in spans]
    for i, cand in enumerate(cands):
        try:
            ctx.analyse(i, cand)
        except (IndexError, KeyError, ValueError):  # an odd parse must not fail the article
            cand.keep = False
    ctx.inherit(cands)
    out = []
    for qi, cand in enumerate(cands):
        if not cand.keep:
            continue
        ctx.settle(cand)
        role = cand.role
        if cand.speaker and not role:
            role = ctx.names.roles.get(cand.speaker)
        quote = Quote(
            text=text[cand.span.start:cand.span.end],
            speaker=cand.speaker,
            role=role,
            partial=not cand.statement,
            start=cand.span.start,
            end=cand.span.end,
            attribution=cand.how if cand.speaker else None,
        )
        out.append((quote, ctx.evidence(qi, cand) if cand.speaker and cand.how else None))
    return out, ctx.names


class _Context:
    """Per-document lookups: token positions, which tokens are quoted, names, paragraphs."""

    def __init__(self, doc: Doc, spans: list[Span]) -> None:
        self.doc = doc
        self.text = doc.text
        self.spans = spans
        self.starts = [t.idx for t in doc]
        self.paras = paragraphs(self.text)
        self.para_starts = [lo for lo, _ in self.paras]
        self.sent_starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
        # quote id of every token inside marks (marks included), -1 outside
        self.quoted = [-1] * len(doc)
        for qi, s in enumerate(spans):
            hi = s.close_mark if s.close_mark >= 0 else s.end
            for t in range(self.token_at(s.open_mark), len(doc)):
                if doc[t].idx > hi:
                    break
                if doc[t].idx + len(doc[t]) > s.open_mark:
                    self.quoted[t] = qi
        self.names: Names = build_names(doc)
        self._outside_cache: dict[tuple[int, int], int] = {}
        self.verb_speaker: dict[int, _Who] = {}
        self.event_chars: list[int] = []
        self.events: list[tuple[str, bool, str | None]] = []
        self.event_main: list[bool] = []  # the event's verb heads its sentence (not a clause inside it)
        self.event_sent: list[int] = []  # first token of the event's sentence
        self.speech_chars: list[int] = []  # speech verbs with a speaker, in text order
        self.speech_events: list[_Who] = []
        self.speech_main: list[bool] = []  # the speech verb heads its sentence
        self.speech_sent: list[int] = []  # first token of its sentence
        self.build_events()
        self.targets: dict[str, list[int]] = {}
        self.threat_chars: list[int] = []  # threat and harassment words outside quotes, in text order
        self.find_targets()

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    # -- frame -------------------------------------------------------------------------

    def frame(self, qi: int) -> tuple[int, int]:
        """Token range of the sentence around quote ``qi``, sentence ends inside quotes ignored."""
        s = self.spans[qi]
        lo_char, hi_char = self.paras[s.paragraph]
        first = self.token_at(lo_char)
        last = self.token_at(max(lo_char, hi_char - 1))
        a = self.token_at(s.open_mark)
        b = self.token_at(s.close_mark if s.close_mark >= 0 else s.end - 1)
        doc = self.doc
        i = a - 1
        first = max(first, a - _MAX_FRAME)
        last = min(last, b + _MAX_FRAME)
        while i >= first:
            t = doc[i]
            if self.quoted[i] < 0 and (t.text in _SENT_END or "\n" in t.text):
                break
            if self.quoted[i] >= 0 and self.quoted[i] != qi and self.ends_sentence(self.quoted[i]):
                break  # an earlier quote that ends its own sentence: "… done." "Next," he said
            i -= 1
        start = i + 1
        j = b + 1
        while j <= last:
            t = doc[j]
            if self.quoted[j] < 0 and (t.text in _SENT_END or "\n" in t.text):
                break
            j += 1
        end = min(j + 1, last + 1)
        if self.ends_sentence(qi):
            # "… the show “The Apprentice.” The group also …": the sentence ends inside the marks;
            # what follows belongs to the frame only if it is a short attribution ("Trump said.")
            rest = [t for t in doc[b + 1:end] if not t.is_space]
            if rest and rest[0].text[:1].isupper() and not rest[0].is_punct and not any(
                self.is_speech_verb(t) for t in rest[:5]
            ):
                end = b + 1
        return start, end

    def ends_sentence(self, qi: int) -> bool:
        """Quote ``qi`` is closed and its words end with sentence punctuation."""
        s = self.spans[qi]
        return s.close_mark >= 0 and self.text[s.start:s.end].rstrip()[-1:] in ".?!"

    # -- analysis ----------------------------------------------------------------------

    def analyse(self, qi: int, cand: _Cand) -> None:
        doc, text, s = self.doc, self.text, self.spans[qi]
        start, end = self.frame(qi)
        outside = [t for t in doc[start:end] if self.quoted[t.i] < 0 and not t.is_space]
        a = self.token_at(s.open_mark)
        b = self.token_at(s.close_mark if s.close_mark >= 0 else s.end - 1)
        before = [t for t in outside if t.i < a]
        lo_char, hi_char = self.paras[s.paragraph]
        para_outside = self.outside_words(lo_char, hi_char)
        cand.quote_only = para_outside == 0
        content = text[s.start:s.end]
        # what stands right before the opening mark (skipping other quotes? no: this frame only)
        prev_tok = before[-1] if before else None
        begins = not before or (prev_tok is not None and prev_tok.text in (":", ",", ";", "—", "–", "-", "(")) \
            or (prev_tok is not None and prev_tok.lemma_ in SPEECH_VERBS) \
            or (len(before) <= 2 and all(t.pos_ in ("CCONJ", "ADV", "INTJ", "PUNCT") for t in before))
        first_alpha = next((c for c in content if c.isalpha()), "")
        ends_punct = content.rstrip()[-1:] in ".,?!…" if content.strip() else False
        verb = self.speech_verb(outside, a, b) or self.tag_verb(b, content)
        tagged = self.tag_name(b, content) if verb is None else None
        cand.has_verb = verb is not None
        if self.is_designation(before, content, cand.words):
            cand.keep = False
            return
        # a fragment that starts in lower case starts mid-sentence: partial unless a whole clause
        lower_start = content.lstrip(" .…-–—([")[:1].islower()
        sentence_like = begins and (first_alpha.isupper() or ends_punct or cand.words >= 4)
        opens_sentence = sentence_like and not lower_start
        cand.mid_sentence = sentence_like and lower_start
        clause = verb is not None and cand.words >= 5 and ends_punct and self.is_clause(a, b)
        cand.statement = opens_sentence or clause
        # speaker
        if verb is not None:
            who = self.speaker_of(verb)
            if who.speaker:
                cand.speaker, cand.role, cand.how, cand.attributed = who.speaker, who.role, who.how, True
            else:  # "“…,” the voicemail said": the sentence says what spoke, and it names nobody
                subj = self.subject(verb) if verb.lower_ != "according" else None
                cand.speaks_for_itself = subj is not None and subj.pos_ in ("NOUN", "PROPN") and \
                    abs(subj.i - verb.i) <= 6
        if tagged:
            self.lead_in(cand, tagged)
        if not cand.attributed and prev_tok is not None and prev_tok.text == ":":
            self.lead_in(cand, self.colon_speaker(before))
        if not cand.attributed:
            self.lead_in(cand, self.dash_speaker(s, hi_char))
        if not cand.attributed and not before and s.paragraph > 0:
            self.lead_in(cand, self.colon_lead(s.paragraph))
        # keep or drop
        if not cand.statement:
            fragment_ok = (cand.has_verb or cand.mid_sentence) and not self.is_title_like(content) \
                and not self.modifies_noun(a, b)
            if not fragment_ok or (cand.words < 2 and not self.single_word_ok(before, a, b)):
                cand.keep = False
        elif (self.is_title_like(content) and not self.attribution_adjacent(a, b)) or cand.words < 2:
            cand.keep = False  # one quoted word standing alone says nothing worth a quote

    @staticmethod
    def lead_in(cand: _Cand, speaker: str | None) -> None:
        """A speaker found by a colon or dash lead-in or a name heading."""
        if speaker:
            cand.speaker, cand.how, cand.attributed, cand.has_verb = speaker, Attribution.LEAD_IN, True, True

    def settle(self, cand: _Cand) -> None:
        """The speaker shown: titles moved into the role, or no speaker at all where the words
        found are no speaker (a determiner, a place, a product) or, found only through a pronoun,
        a description, a lead-in or a continuation, are the target of the quote."""
        speaker = (cand.speaker or "").strip()
        named_here = cand.how in (Attribution.SPEECH_VERB, Attribution.ACCORDING_TO)
        if not speaker or not self.could_be_speaker(speaker) or (not named_here and (
                self.is_target(speaker, cand.span, cand.quote_only) or self.in_threat_story(cand.span))):
            cand.speaker, cand.how = None, None
            return
        name, position = split_name(speaker)
        if position:
            speaker, cand.role = name, cand.role or position
        if cand.how in (Attribution.SPEECH_VERB, Attribution.ACCORDING_TO, Attribution.LEAD_IN) \
                and self.names.is_org(speaker):
            cand.how = Attribution.ORGANISATION
        cand.speaker = speaker

    def evidence(self, qi: int, cand: _Cand) -> Evidence:
        """The facts behind quote ``qi``'s speaker (``evidence.Evidence``)."""
        speaker, span = cand.speaker or "", cand.span
        names, para = self.names, span.paragraph
        quote_sent = self.sentence_of(self.token_at(span.open_mark))
        mentions = [m for m in names.mentions if speaker in (m.name, names.resolve(m.name))]
        outside = [m for m in mentions if self.quoted[m.start] < 0 and self.paragraph_of(m.char) <= para]
        back = sentences = None
        if outside:
            nearest = min(outside, key=lambda m: (para - self.paragraph_of(m.char), abs(span.start - m.char)))
            back = para - self.paragraph_of(nearest.char)
            sentences = abs(quote_sent - self.sentence_of(nearest.start))
        lo, hi = self.paras[max(0, para - 1)][0], self.paras[para][1]
        rivals = {names.resolve(m.name) for m in names.mentions
                  if lo <= m.char < hi and self.quoted[m.start] < 0 and names.is_person(m.name)} - {speaker}
        near = {names.resolve(m.name) for m in names.mentions
                if 0 <= quote_sent - self.sentence_of(m.start) <= 1 and self.quoted[m.start] < 0
                and names.is_person(m.name)} - {speaker}
        p_lo, p_hi = self.paras[para]
        body = self.text[p_lo:p_hi].strip()
        return Evidence(
            how=cand.how or Attribution.UNNAMED,
            paragraphs_back=back,
            sentences_back=sentences,
            rivals=len(rivals),
            near_rivals=len(near),
            mentions=sum(1 for m in mentions if self.quoted[m.start] < 0),
            quote_only=cand.quote_only,
            named_in_quote=any(self.quoted[m.start] == qi for m in mentions),
            short_paragraph=len(_WORD_RE.findall(body)) < 12 and body[-1:] not in ".?!\"”’",
            one_word=len(speaker.split()) == 1,
            person=names.is_person(speaker),
        )

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def sentence_of(self, token: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, token) - 1)

    def could_be_speaker(self, speaker: str) -> bool:
        """A person or organisation, named or described; not "Another", "old", "Brussels"."""
        words = speaker.split()
        low = speaker.lower()
        if low in _NOT_SPEAKERS:
            return False
        if words[0].lower() in ("another", "other", "others"):  # "another diplomat", never "Another" alone
            return len(words) > 1 and (naming.describes_person(" ".join(words[1:])) or words[-1].lower() in _GROUPS)
        if not any(len(w.strip(".")) > 1 for w in words):
            return False  # "X." heading a section, a lone initial
        if len(words) == 1 and speaker[:1].islower():
            noun = low[:-1] if low.endswith("s") else low
            return low in PERSON_NOUNS or noun in PERSON_NOUNS or noun in _GROUPS
        return not self.names.is_non_speaker(speaker)

    def is_target(self, speaker: str, span: Span, quote_only: bool) -> bool:
        """``speaker`` is threatened, insulted or accused in the quote's paragraph (or the one
        before, for a paragraph of quotation only): the words are said to or about her."""
        lo = self.paras[max(0, span.paragraph - (1 if quote_only else 0))][0]
        hi = self.paras[span.paragraph][1]
        return any(lo <= char < hi for char in self.targets.get(speaker, ()))

    def main_speech_before(self, char: int) -> int:
        """Index of the speech event nearest before ``char``, or of the main verb of its sentence
        ("Byrd said he was glad that Reagan had acknowledged his mistakes": Byrd, not Reagan)."""
        k = bisect.bisect_left(self.speech_chars, char) - 1
        j = k
        while j >= 0 and not self.speech_main[j] and j - 1 >= 0 and self.speech_sent[j - 1] == self.speech_sent[k]:
            j -= 1
        return j if j >= 0 and self.speech_main[j] and self.speech_sent[j] == self.speech_sent[k] else k

    def in_threat_story(self, span: Span) -> bool:
        """Someone is threatened or harassed in the quote's paragraph or the one before: who said
        the words is then only trusted when the sentence itself names them."""
        lo = self.paras[max(0, span.paragraph - 1)][0]
        hi = self.paras[span.paragraph][1]
        k = bisect.bisect_left(self.threat_chars, lo)
        return k < len(self.threat_chars) and self.threat_chars[k] < hi

    def find_targets(self) -> None:
        """Who is threatened, insulted or accused, and where: "threatened Rep. Jones", "Jones was
        threatened", "Jones received a voicemail", "threats against Jones"."""
        for t in self.doc:
            if self.quoted[t.i] < 0 and t.lemma_.lower() in _THREATS and t.pos_ in ("VERB", "NOUN"):
                self.threat_chars.append(t.idx)
            if self.quoted[t.i] >= 0 or t.i not in self.names.run_of:
                continue
            verb = t.head
            lemma = verb.lemma_.lower()
            target = (t.dep_ in ("dobj", "nsubjpass", "dative") and lemma in _TARGETING) or (
                t.dep_ == "nsubj" and lemma in _RECEIVING and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _HOSTILE_WORDS for c in verb.children)) or (
                t.dep_ == "pobj" and verb.lower_ in ("against", "at", "to")
                and verb.head.lemma_.lower() in _HOSTILE_WORDS)
            if target:
                name = self.name_at(t.i)
                if name:
                    self.targets.setdefault(name, []).append(t.idx)

    def outside_words(self, lo: int, hi: int) -> int:
        """Number (up to 3) of word tokens of paragraph ``lo``..``hi`` outside quotation marks."""
        if (lo, hi) not in self._outside_cache:
            self._outside_cache[(lo, hi)] = self._count_outside(lo, hi)
        return self._outside_cache[(lo, hi)]

    def _count_outside(self, lo: int, hi: int) -> int:
        n = 0
        for i in range(self.token_at(lo), len(self.doc)):
            t = self.doc[i]
            if t.idx >= hi:
                break
            if self.quoted[i] < 0 and t.is_alpha:
                n += 1
                if n > 2:
                    break
        return n

    def speech_verb(self, outside: list[Token], a: int, b: int) -> Token | None:
        """The speech verb of the frame nearest to the quote (or "according" of "according to")."""
        best, best_d = None, 1 << 30
        for t in outside:
            ok = (t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")) or (
                t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to"
            ) or (t.lemma_.lower() == "quote" and t.tag_ == "VBN")
            if not ok:
                continue
            d = a - t.i if t.i < a else t.i - b
            if t.dep_ in ("advcl", "relcl", "acl", "pcomp") and t.lemma_.lower() not in ("say", "quote"):
                d += 40  # "…," Trump said, after news outlets declared him the victor; "…," which indicate …, X said
            if d < best_d:
                best, best_d = t, d
        return best

    def tag_verb(self, b: int, content: str) -> Token | None:
        """``"…," he assures himself``: a verb outside the speech lexicon whose subject, a name or
        he/she, stands right after a quote that ends in a comma, or in "?" or "!" when the tag ends
        there ("…?" Vitter demanded.) — after "?" or "!" a new sentence may start ("No!" Jackson
        joined the fight)."""
        ending = content.rstrip()[-1:]
        if ending not in (",", "?", "!"):
            return None
        doc = self.doc
        j = b + 1
        while j < len(doc) and j - b <= 2 and (doc[j].is_punct or doc[j].is_space) and self.quoted[j] < 0:
            j += 1
        if j >= len(doc) or self.quoted[j] >= 0:
            return None
        subject = doc[j]
        k = self.names.run_of[j][1] if j in self.names.run_of else j + 1 if subject.lower_ in ("he", "she") else -1
        if k < 0 or k >= len(doc):
            return None
        verb = doc[k]
        if not (verb.pos_ == "VERB" and self.quoted[k] < 0 and doc[k - 1].head.i == k and doc[k - 1].dep_ == "nsubj"):
            return None
        end = k + 1
        while end < len(doc) and doc[end].pos_ == "ADV":
            end += 1
        closes = end >= len(doc) or doc[end].text in (".", ",", ";")
        return verb if ending == "," or closes else None  # after "?" or "!" only a tag that ends there

    def tag_name(self, b: int, content: str) -> str | None:
        """``"…," Rep. Martin Frost (D-Tex.).``: a person's name right after a quote that ends in a
        comma, the speech verb lost to a broken sentence."""
        if content.rstrip()[-1:] != ",":
            return None
        j = b + 1
        while j < len(self.doc) and j - b <= 2 and self.doc[j].is_punct and self.quoted[j] < 0:
            j += 1
        if j >= len(self.doc) or j not in self.names.run_of or self.quoted[j] >= 0:
            return None
        name = self.name_at(j)
        return name if name and self.names.is_person(name) else None

    # -- speakers ----------------------------------------------------------------------

    def build_events(self) -> None:
        """Walk the text once: every speech verb gets its speaker, every subject that is a
        person (or an organisation that speaks) becomes an antecedent for later pronouns."""
        doc = self.doc
        for t in doc:
            if self.quoted[t.i] >= 0:
                continue
            if t.text == ":" and t.i + 1 < len(doc) and self.quoted[t.i + 1] >= 0:
                # "Madonna's introduction began: "…"" — a lead-in speaker is an antecedent too
                k = t.i - 1
                while k >= 0 and t.i - k < 40 and self.quoted[k] < 0 and doc[k].text not in _SENT_END \
                        and "\n" not in doc[k].text:
                    k -= 1
                who = self.colon_speaker([x for x in doc[k + 1:t.i + 1] if not x.is_space])
                if who:
                    self.add_event(t.idx, who, self.names.is_person(who), None)
            elif self.is_speech_verb(t):
                spk = self.resolve_verb(t)
                self.verb_speaker[t.i] = spk
                if spk.speaker:
                    self.add_event(t.idx, spk.speaker, spk.person, spk.role, t)
                    self.speech_chars.append(t.idx)
                    self.speech_events.append(spk)
                    self.speech_main.append(_heads_sentence(t))
                    self.speech_sent.append(t.sent.start)
            elif t.dep_ in ("nsubj", "nsubjpass") and not self.is_speech_verb(t.head):
                if t.lower_ in PRONOUNS or t.lower_ == "it":
                    continue  # a pronoun repeats its antecedent: no new information
                owner = self.owner(t) if t.head.dep_ in ("ROOT", "conj") else None
                if owner:  # "Madonna's introduction began", "Grushko's remarks followed"
                    self.add_event(t.idx, owner, True, None, t.head)
                elif t.i in self.names.run_of or (t.text.lower() in self.names.fullest and self.missed_name(t)):
                    name = self.name_at(t.i) if t.i in self.names.run_of else self.names.resolve(t.text)
                    if name and self.names.is_person(name):
                        self.add_event(t.idx, name, True, None, t.head)
                elif t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS:
                    det = next((c for c in t.children if c.dep_ == "det"), None)
                    if det is None or det.lower_ in ("a", "an"):
                        text = self.descriptor(t)
                        if text:
                            self.add_event(t.idx, text, True, None, t.head)

    def owner(self, t: Token) -> str | None:
        """The person named as possessor of noun ``t`` ("Madonna's introduction")."""
        for c in t.children:
            if c.dep_ == "poss" and c.i in self.names.run_of and self.quoted[c.i] < 0:
                name = self.name_at(c.i)
                if name and self.names.is_person(name):
                    return name
        return None

    def add_event(self, char: int, speaker: str, person: bool, role: str | None, verb: Token | None = None) -> None:
        if self.event_chars and char < self.event_chars[-1]:
            char = self.event_chars[-1]
        self.event_chars.append(char)
        self.events.append((speaker, person, role))
        self.event_main.append(verb is None or _heads_sentence(verb))
        tok = verb if verb is not None else self.doc[self.token_at(char)]
        self.event_sent.append(tok.sent.start)

    def is_speech_verb(self, t: Token) -> bool:
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS:
            return True
        return t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to"

    def name_at(self, i: int) -> str | None:
        r = self.names.run_of[i]
        _, words = strip_titles(self.doc[r[0]:r[1]].text.split())
        return self.names.resolve(" ".join(words)) if words else None

    def speaker_of(self, verb: Token) -> _Who:
        spk = self.verb_speaker.get(verb.i)
        return spk if spk is not None else self.resolve_verb(verb)

    def resolve_verb(self, verb: Token) -> _Who:
        """Speaker, role and person flag for speech verb ``verb`` (or "according" of "according to")."""
        doc = self.doc
        if verb.lower_ == "according":
            to = doc[verb.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if not objs and verb.i + 2 < len(doc):
                objs = [doc[verb.i + 2]]
            if not objs:
                return _NOBODY
            who = self.mention(objs[0])
            return who._replace(how=Attribution.ACCORDING_TO) if who.how is Attribution.SPEECH_VERB else who
        if self.is_hypothetical(verb):
            return _NOBODY  # "users can say “Hey Siri”": what anyone could say, not what someone said
        subj = self.subject(verb)
        if subj is None:
            return _NOBODY
        return self.mention(subj)

    def subject(self, verb: Token) -> Token | None:
        node = verb
        for _ in range(4):
            if node.lemma_.lower() == "quote" and node.tag_ != "VBN":
                objs = [c for c in node.children if c.dep_ == "dobj" and self.quoted[c.i] < 0]
                if objs:  # the official quoted Garn as saying
                    return objs[0]
            subs = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and self.quoted[c.i] < 0]
            if subs:
                return subs[0]
            if node.dep_ in ("conj", "advcl", "xcomp", "ccomp", "pcomp", "prep") and node.head is not node:
                if node.dep_ == "ccomp" and node.head.lemma_.lower() not in SPEECH_VERBS:
                    break
                node = node.head
            else:
                break
        # parser failures: "…," said Kremlin spokesman Dmitry Peskov / Linda Greenfield, told …
        doc = self.doc
        i = verb.i - 1
        while i >= 0 and self.quoted[i] < 0 and doc[i].text == ",":
            i -= 1
        if i >= 0 and self.quoted[i] < 0 and self.could_speak(doc[i]):
            return self.apposition_owner(doc[i])
        if i >= 0 and (self.quoted[i] >= 0 or doc[i].is_punct):
            nxt = verb.i + 1
            capitalised = nxt < len(doc) and doc[nxt].is_alpha and doc[nxt].text[:1].isupper()
            if nxt < len(doc) and self.quoted[nxt] < 0 and (
                doc[nxt].pos_ in ("PROPN", "NOUN", "PRON", "DET", "NUM") or capitalised
            ):
                t = doc[nxt]
                while t.head.i > t.i and t.head.i - t.i < 6 and self.quoted[t.head.i] < 0:
                    t = t.head
                return t
        # "…," Trump, the frontrunner after winning the primaries, said: the first name after the quote
        k = verb.i - 1
        while k >= 0 and self.quoted[k] < 0 and doc[k].text not in _SENT_END and verb.i - k < 40:
            k -= 1
        if k >= 0 and self.quoted[k] >= 0:
            for j in range(k + 1, verb.i):
                if doc[j].is_punct or doc[j].is_space:
                    continue
                if self.could_speak(doc[j]):
                    return doc[j]
                break
        for k in range(verb.i - 1, max(-1, verb.i - 12), -1):
            if self.quoted[k] >= 0 or doc[k].text in _SENT_END:
                break
            if k in self.names.run_of and self.names.is_person(self.name_at(k) or ""):
                return doc[k]
        return None

    def apposition_owner(self, t: Token) -> Token:
        """The person whose apposition ``t`` ends: "Jorge Cadenas, manager of the Coffee
        Growers' Federation, said" → Cadenas, not the federation."""
        node = t
        for _ in range(6):
            if node.dep_ not in ("pobj", "prep", "appos", "poss", "compound") or node.head.i >= node.i:
                break
            node = node.head
            name = self.name_at(node.i) if node.i in self.names.run_of else None
            if node.dep_ != "appos" and name and self.names.is_person(name):
                return node
        return t

    def could_speak(self, t: Token) -> bool:
        """A name, a pronoun or a person noun ("trader", "spokesman")."""
        return t.i in self.names.run_of or t.lower_ in PRONOUNS or (
            t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS
        )

    def mention(self, head: Token) -> _Who:
        """Speaker, role, person flag and evidence for the noun phrase headed by ``head``."""
        names = self.names
        low = head.lower_
        if low in ("who", "which", "that", "whom"):
            if head.head.dep_ != "relcl" or head.head.head.i == head.i:
                return _NOBODY
            head = head.head.head  # "Smith, who said …": the noun the clause belongs to
            low = head.lower_
        if low in PRONOUNS or low == "it":
            if low in ("i", "we"):
                return _NOBODY
            gender = "m" if low in ("he", "him") else "f" if low in ("she", "her") else None
            who = self.antecedent(head.idx, person=low in ("he", "she", "him", "her"), gender=gender)
            return _Who(who, None, low in ("he", "she", "him", "her"), Attribution.PRONOUN) if who else _NOBODY
        run = names.run_of.get(head.i)
        if run is not None and is_position_word(self.doc[run[1] - 1].text) and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
            run = None  # "the Texas Democrat": a description, not a name
        if run is not None and naming.is_role_word(self.doc[run[1] - 1].text):
            for child in head.children:  # "National Security Adviser, Frank Carlucci, added"
                if child.dep_ == "appos" and child.i in names.run_of and names.run_of[child.i] != run:
                    name = self.name_at(child.i)
                    if name:
                        names.add_person(name)
                        return _Who(name, None, True, Attribution.SPEECH_VERB)
        if run is not None:
            titles, words = strip_titles(self.doc[run[0]:run[1]].text.split())
            only_titles = all(w.lower().strip(".") in TITLE_WORDS for w in self.doc[run[0]:run[1]].text.split())
            if words and not only_titles:
                name = names.resolve(" ".join(words))
                # "Laurie Milbank and Co assistant manager Machiko Suzuki": the titled name is the person
                for c in head.subtree:
                    if c.i >= run[1] and c.i in names.run_of and self.quoted[c.i] < 0 and c.i > 0:
                        r2 = names.run_of[c.i]
                        prev = self.doc[r2[0] - 1]
                        between = self.doc[run[1]:r2[0]]
                        if r2[0] - run[1] > 6 or any(t.is_punct or t.pos_ == "ADP" for t in between):
                            continue
                        if prev.lower_ in PERSON_NOUNS or prev.lower_ in TITLE_WORDS:
                            later = self.name_at(c.i)
                            if later:
                                names.add_person(later)
                                return _Who(later, None, True, Attribution.SPEECH_VERB)
                if titles or head.ent_type_ == "PERSON":
                    names.add_person(name)
                org = self.organisation_of(run)
                if org and not names.is_person(name):  # "the University of Chicago", not "University"
                    return _Who(org, None, False, Attribution.ORGANISATION)
                return _Who(name, None, names.is_person(name), Attribution.SPEECH_VERB)
            if only_titles and not any(c.dep_ in ("prep", "relcl", "acl") for c in head.children):
                noun = self.doc[run[1] - 1].lower_  # "the Treasury Secretary", not "the General Manager of …"
                who = self.antecedent(head.idx, person=True, noun=noun)
                if who:
                    return _Who(who, None, True, Attribution.DESCRIPTOR)
        if run is None and self.missed_name(head):
            name = names.resolve(head.text)  # a name the tagger missed: "said Skelly" (ADV), "Sosnoff said" (NOUN)
            return _Who(name, None, names.is_person(name), Attribution.SPEECH_VERB)
        # "US ambassador …, Linda Thomas-Greenfield": a name in apposition
        for child in head.children:
            if child.dep_ == "appos" and child.i in names.run_of:
                if naming.is_role_word(child.text):  # "the president's Security Adviser, Frank Carter"
                    child = next((c for c in child.children if c.dep_ == "appos" and c.i in names.run_of), child)
                name = self.name_at(child.i)
                if name:
                    names.add_person(name)
                    return _Who(name, None, True, Attribution.SPEECH_VERB)
        # a name after the noun: "spokesman Dmitry Peskov" parsed with spokesman as head
        for child in head.children:
            if child.dep_ in ("compound", "flat", "nmod") and child.i in names.run_of and child.i > head.i:
                name = self.name_at(child.i)
                if name:
                    return _Who(name, None, True, Attribution.SPEECH_VERB)
        text = self.descriptor(head)
        if text:
            name, position = split_name(text)  # "envoy to Ukraine Kurt Volker" parsed with envoy as head
            if position:
                name = names.resolve(name)
                names.add_person(name)
                return _Who(name, position, True, Attribution.SPEECH_VERB)
        det = next((c for c in head.children if c.dep_ == "det"), None)
        lemma = head.lemma_.lower()
        definite = det is not None and det.lower_ in ("the", "this", "that")
        describes_person = lemma in PERSON_NOUNS or naming.describes_person(text)
        # "the regional manager for an oil company": a description with its own qualifier brings
        # someone new, unless it repeats the role of someone named before
        qualified = any(c.dep_ in ("prep", "relcl", "acl") for c in head.children)
        owned = any(c.dep_ == "poss" and c.i not in names.run_of for c in head.children)
        if owned and describes_person:  # "the group's president", "its chairman": that officer, if named
            who = self.antecedent(head.idx, person=True, noun=lemma)
            return _Who(who, None, True, Attribution.DESCRIPTOR) if who else _Who(text, None, True, Attribution.UNNAMED)
        if definite and describes_person and qualified and not any(self.restricts(c) for c in head.children):
            # "the King, who is here on a visit, replied": an aside about someone named before,
            # taken only where that person's role holds the noun
            who = self.antecedent(head.idx, person=True, noun=lemma)
            return _Who(who, None, True, Attribution.DESCRIPTOR) if who else _Who(text, None, True, Attribution.UNNAMED)
        if definite and describes_person and qualified:
            return _Who(text, None, True, Attribution.UNNAMED)
        if definite and describes_person:  # "the official", "the Texas Democrat", "the 43-year-old"
            who = self.antecedent(head.idx, person=True, noun=lemma)
            if who is None:  # "the presidential candidate": the person who spoke just before
                who = self.last_speaker(head.idx, window=1500)
            if who is None and lemma not in PERSON_NOUNS:
                who = self.names.recent_person(head.idx, window=1500)
            if who:
                return _Who(who, None, True, Attribution.DESCRIPTOR)
            if lemma not in PERSON_NOUNS:
                return _NOBODY  # a description nobody named before: no name rather than a wrong one
        if lemma in _ORGANISATIONS and definite:
            who = self.spokesperson(head.idx)  # "spokeswoman Ann Lee said … the company said"
            if who:
                return _Who(who, None, True, Attribution.DESCRIPTOR)
            org = None if qualified else self.recent_organisation(head.idx, lemma)
            if org:  # "The SOMC, a group of economists, said … The group said"
                return _Who(org, None, False, Attribution.ORGANISATION)
        if lemma in _DOCUMENTS:
            return self.author(head)
        if describes_person or lemma in _ORGANISATIONS or lemma in _GROUPS:
            return _Who(text, None, lemma in PERSON_NOUNS, Attribution.UNNAMED)
        if head.pos_ == "PROPN" and head.text[:1].isupper() and text:  # "the Treasury", "the Pentagon"
            return _Who(text, None, False, Attribution.ORGANISATION)
        return _NOBODY  # "the meeting", "users", "one percent": nobody who speaks

    def organisation_of(self, run: tuple[int, int]) -> str | None:
        """The whole name of an organisation whose name goes on with "of", "for" or "on" after the run: the
        entity "University of Chicago" around the run "University"."""
        doc = self.doc
        if run[1] >= len(doc) or doc[run[1]].lower_ not in ("of", "for", "on") or doc[run[0]].ent_type_ != "ORG":
            return None
        ent = next((e for e in doc.ents if e.start <= run[0] < e.end), None)
        if ent is None or ent.label_ != "ORG" or ent.end <= run[1] + 1 or any(self.quoted[i] >= 0 for i in
                                                                             range(ent.start, ent.end)):
            return None
        words = ent.text.split()
        return " ".join(words[1:] if words[0].lower() == "the" else words)

    def restricts(self, child: Token) -> bool:
        """``child`` is a qualifier that picks someone out ("the manager for an oil company", "the
        man who called"); a relative clause set off by a comma is only an aside."""
        if child.dep_ not in ("prep", "relcl", "acl"):
            return False
        edge = child.left_edge.i
        return not (child.dep_ == "relcl" and edge > 0 and self.doc[edge - 1].text == ",")

    def missed_name(self, head: Token) -> bool:
        """A capitalised word the tagger did not take for a name, standing where a name stands."""
        if not (head.is_alpha and head.text[:1].isupper()) or head.is_stop or head.pos_ in ("DET", "PRON", "NUM") \
                or is_position_word(head.text):
            return False
        # a capitalised common noun ("Pause", "Aides") only when the article names someone so
        return head.pos_ != "NOUN" or head.text.lower() in self.names.fullest

    def last_speaker(self, char: int, window: int) -> str | None:
        """The speaker of the nearest speech verb before ``char`` if it is a named person."""
        k = bisect.bisect_left(self.speech_chars, char) - 1
        if k >= 0 and char - self.speech_chars[k] <= window:
            name = self.speech_events[k].speaker
            if self.names.is_person(name):
                return name
        return None

    def antecedent(self, char: int, person: bool | None, noun: str | None = None,
                   gender: str | None = None) -> str | None:
        """The speaker or subject most recently before ``char`` (a person when ``person``).

        With ``noun`` ("minister"), only one whose role or description contains it. Within
        the sentence of the latest fit, the subject of the sentence's main verb wins over a
        subject inside a clause ("Figgins declined to say whether Thomas slept …; he said").
        """
        k = bisect.bisect_left(self.event_chars, char)
        lo = max(0, k - 60)
        found = -1
        for j in range(k - 1, lo - 1, -1):
            if char - self.event_chars[j] > 4000:
                break
            if found >= 0 and self.event_sent[j] != self.event_sent[found]:
                break
            speaker, is_person, role = self.events[j]
            if person is not None and is_person != person:
                continue
            if gender and self.names.gender.get(speaker, gender) != gender:
                continue  # "she said" never goes back to a "Mr." or a spokesman
            if gender and _plural_description(speaker):
                continue  # "he said" is one person, never "officers"
            if noun:
                desc = " ".join((speaker, role or "", self.names.roles.get(speaker) or "")).lower()
                if noun not in desc.split():
                    continue
            if found < 0:
                found = j
                if self.event_main[j] or noun:
                    break
            elif self.event_main[j]:
                found = j
                break
        if found >= 0:
            return self.events[found][0]
        if person and not noun:
            return self.names.recent_person(char, prefer_subject=False)
        if noun:
            return self.names.recent_person(char, noun=noun)
        return None

    def recent_organisation(self, char: int, noun: str) -> str | None:
        """The organisation named last before ``char`` as a subject, or by a name that holds
        ``noun`` ("the committee" → "Shadow Open Market Committee")."""
        for m in reversed(self.names.mentions):
            if m.char >= char:
                continue
            if char - m.char > 1500:
                break
            name = self.names.resolve(m.name)
            if self.quoted[m.start] < 0 and self.names.is_org(name) and (
                    m.subject or noun in name.lower().split()):
                return name
        return None

    def spokesperson(self, char: int) -> str | None:
        """A spokesperson who spoke in this or the previous paragraph ("the company said" after
        "spokeswoman Ann Lee said")."""
        k = bisect.bisect_left(self.speech_chars, char) - 1
        while k >= 0 and char - self.speech_chars[k] <= 600:
            who = self.speech_events[k]
            role = " ".join((who.role or "", self.names.roles.get(who.speaker or "") or "")).lower()
            if who.person and any(w in role for w in _SPOKES):
                return who.speaker
            k -= 1
        return None

    def author(self, head: Token) -> _Who:
        """The named writer of a document: "his letter", "Smith's letter", "a letter from Smith",
        or the named person who spoke or wrote just before."""
        for c in head.children:
            holder = None
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.i in self.names.run_of):
                holder = c  # "Smith's letter", "the Sophos report"
            elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
                holder = next((o for o in c.children if o.dep_ == "pobj"), None)
            elif c.dep_ == "acl":  # "a letter signed by Smith"
                agent = next((o for o in c.children if o.dep_ == "agent"), None)
                holder = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent else None
            if holder is not None and self.quoted[holder.i] < 0:
                who = self.mention(holder)
                if who.speaker and who.how is not Attribution.UNNAMED:
                    return who._replace(how=Attribution.DESCRIPTOR)
        # "In a letter …, the engineer told residents …, the company said" then "…," the letter
        # said: the writer is who spoke in that letter, not who reported it
        writer = self.writer_of_earlier(head)
        if writer is not None:
            return writer
        # "In a letter …, Kagame wrote that …" then "…," said the letter: its writer just spoke;
        # "The Bank said in a statement …" then "…," the statement added
        k = bisect.bisect_left(self.speech_chars, head.idx) - 1
        if k >= 0 and head.idx - self.speech_chars[k] <= 600 and self.speech_events[k].speaker:
            who = self.speech_events[k]
            return who if who.how is Attribution.UNNAMED else who._replace(how=Attribution.DESCRIPTOR)
        return _NOBODY

    def writer_of_earlier(self, head: Token) -> _Who | None:
        """The speaker of the speech verb that governs the last earlier mention of the same
        document ("In a letter …, X told …"), within 600 characters."""
        lemma = head.lemma_.lower()
        for i in range(head.i - 1, -1, -1):
            t = self.doc[i]
            if head.idx - t.idx > 600:
                break
            if self.quoted[i] >= 0 or t.lemma_.lower() != lemma:
                continue
            node = t
            for _ in range(8):
                if node.head is node:
                    return None
                node = node.head
                if self.is_speech_verb(node) and node.i < head.i:
                    who = self.speaker_of(node)
                    if not who.speaker:
                        return None
                    return who if who.how is Attribution.UNNAMED else who._replace(how=Attribution.DESCRIPTOR)
            return None
        return None

    def is_hypothetical(self, verb: Token) -> bool:
        """"Users can say …", "you might tell": what anyone could say, not what was said."""
        return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)

    def is_receiver(self, verb: Token, subj: Token) -> bool:
        """The subject receives, hears or suffers the words ("Jones received a voicemail:",
        "Jones was threatened:") rather than saying them."""
        return subj.dep_ == "nsubjpass" or verb.lemma_.lower() in _RECEIVING or (
            verb.lemma_.lower() == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in _TARGET_NOUNS
                                                for c in verb.children))

    def descriptor(self, head: Token) -> str | None:
        """The noun phrase of ``head`` cut before clauses and long modifiers: "a Citicorp spokesman"."""
        cut = {d.i for c in head.children if c.dep_ in ("relcl", "acl", "appos") for d in c.subtree}
        toks = sorted((t for t in head.subtree if t.i not in cut), key=lambda t: t.i)
        out = []
        for t in toks:
            if self.quoted[t.i] >= 0:
                break
            if t.i > head.i and (t.dep_ in ("relcl", "acl", "appos", "punct", "cc") or t.text in (",", "(")):
                break
            if t.i < head.i and t.is_punct and not _hyphen_inside(self.doc, t.i):
                out = []
                continue
            out.append(t)
        if not out or len(out) > 12:
            out = [t for t in toks if head.i - 3 <= t.i <= head.i and not t.is_punct]
        text = self.doc[out[0].i:out[-1].i + 1].text.strip() if out else head.text
        return text or None

    def dash_speaker(self, s: Span, hi_char: int) -> str | None:
        """``"…" — Commissioner Y``: a name right after a dash that follows the closing mark."""
        if s.close_mark < 0:
            return None
        i = s.close_mark + 1
        while i < hi_char and self.text[i] in " \u00a0,":
            i += 1
        if i >= hi_char or self.text[i] not in _DASHES:
            return None
        t = self.token_at(i) + 1
        doc = self.doc
        while t < len(doc) and (doc[t].is_punct or doc[t].is_space):
            t += 1
        for k in range(t, min(len(doc), t + 8)):
            if k in self.names.run_of:
                r = self.names.run_of[k]
                _, words = strip_titles(doc[r[0]:r[1]].text.split())
                if words:
                    return self.names.resolve(" ".join(words))
        return None

    def colon_lead(self, paragraph: int) -> str | None:
        """``From Chairwoman Z:`` or ``Z said:`` ending the previous paragraph."""
        lo, hi = self.paras[paragraph - 1]
        tail = self.text[lo:hi].rstrip()
        if not tail.endswith(":"):
            return self.name_heading(lo, hi)
        colon = self.token_at(lo + len(tail) - 1)
        doc = self.doc
        i = colon - 1
        first = self.token_at(lo)
        while i >= first and not (doc[i].text in _SENT_END and self.quoted[i] < 0):
            i -= 1
        toks = [t for t in doc[i + 1:colon] if self.quoted[t.i] < 0]
        verb = self.speech_verb(toks, colon, colon)
        if verb is not None:
            speaker = self.speaker_of(verb).speaker
            if speaker:
                return speaker
        for t in toks:
            if t.i in self.names.run_of:
                r = self.names.run_of[t.i]
                _, words = strip_titles(doc[r[0]:r[1]].text.split())
                if words:
                    return self.names.resolve(" ".join(words))
        return None

    def colon_speaker(self, before: list[Token]) -> str | None:
        """``Trump leaned in and boomed: "…"`` or ``Clinton: "…"``: who stands before the colon."""
        clause = [t for t in before[:-1] if not t.is_punct]
        if not clause:
            return None
        if len(clause) <= 4 and clause[0].i in self.names.run_of and all(
            t.i in self.names.run_of for t in clause
        ):
            return self.name_at(clause[0].i)
        node = clause[-1]
        for _ in range(6):
            if node.pos_ in ("VERB", "AUX"):
                subj = self.subject(node)
                if subj is not None and self.could_speak(subj) and not self.is_receiver(node, subj):
                    return self.mention(subj).speaker
                if subj is not None and self.owner(subj):  # "Madonna's introduction began:"
                    return self.owner(subj)
            if node.head is node:
                break
            node = node.head
        return None

    def name_heading(self, lo: int, hi: int) -> str | None:
        """A paragraph that is only a name ("Madonna", "Sen. Jane Roe") heads the quote after it."""
        first, last = self.token_at(lo), self.token_at(max(lo, hi - 1))
        if last - first > 5 or first not in self.names.run_of:
            return None
        r = self.names.run_of[first]
        if r[1] < last + 1 and not all(t.is_punct for t in self.doc[r[1]:last + 1]):
            return None
        return self.name_at(first)

    # -- filters -----------------------------------------------------------------------

    def is_designation(self, before: list[Token], content: str, words: int) -> bool:
        """A name or term being introduced: called "aggie mae", the so-called "Plaza accord"."""
        if words > 6 or not before:
            return False
        near = [t.lower_ for t in before[-3:]]
        return any(w in _DESIGNATION for w in near[-2:]) or (near[-1:] == ["as"] and "known" in near)

    def is_title_like(self, content: str) -> bool:
        """Capitalised words only: a title or a name ("Taipei, China", "State of the Union.")."""
        words = _WORD_RE.findall(content)
        if not words or len(words) > 8:
            return False
        if words[0] in ("I", "We", "You") or any(w.lower() in ("i", "i'm", "i’m") for w in words):
            return False
        content_words = [w for w in words if w.lower() not in _FUNCTION_WORDS]
        return bool(content_words) and all(w[:1].isupper() or w[:1].isdigit() for w in content_words)

    def modifies_noun(self, a: int, b: int) -> bool:
        """``a "non-market economy" status``, ``the original "big four" negotiators``, ``a "phase
        one" trade deal``: the quoted words modify the noun after the closing mark."""
        doc = self.doc
        if b + 1 >= len(doc) or a == 0:
            return False
        after = doc[b + 1]
        if after.pos_ not in ("NOUN", "PROPN") or after.is_punct:
            return False
        nouns = {after.i}  # "a "phase one" trade deal": the noun after the mark and the nouns it modifies
        tok = after
        while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.head.i - b <= 4:
            tok = tok.head
            nouns.add(tok.i)
        prev = doc[a - 1]
        if prev.dep_ == "det" and prev.head.i in nouns:
            return True
        return any(t.head.i in nouns for t in doc[a + 1:b] if not t.is_punct)

    def attribution_adjacent(self, a: int, b: int) -> bool:
        """A speech verb touches the quote: ``"…," Trump said`` or ``said: "…"``."""
        doc = self.doc
        j = b + 1
        while j < len(doc) and (doc[j].is_punct or doc[j].is_space) and self.quoted[j] < 0 and j - b < 3:
            j += 1
        for k in range(j, min(len(doc), j + 4)):
            if self.quoted[k] >= 0:
                break
            if self.is_speech_verb(doc[k]):
                return True
        i = a - 1
        while i >= 0 and (doc[i].is_punct or doc[i].is_space) and self.quoted[i] < 0 and a - i < 3:
            i -= 1
        return i >= 0 and self.quoted[i] < 0 and self.is_speech_verb(doc[i])

    def is_clause(self, a: int, b: int) -> bool:
        """The quoted tokens contain a subject and a verb of their own."""
        toks = self.doc[a:b + 1]
        return any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in toks) and any(
            t.pos_ in ("VERB", "AUX") for t in toks
        )

    def single_word_ok(self, before: list[Token], a: int, b: int) -> bool:
        """A one-word quote counts only as a verb of reported speech: she said she "wanted" to.

        Quoted single adjectives and nouns ("disgusting", "lies") are mostly labels or scare
        quotes, so they are left out.
        """
        words = [t for t in self.doc[a:b + 1] if t.is_alpha]
        if not before or len(words) != 1 or words[0].pos_ != "VERB":
            return False
        subject = before[-1]
        return subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i == words[0].i

    # -- continuation ------------------------------------------------------------------

    def inherit(self, cands: list[_Cand]) -> None:
        """Quotes without a speaker take the one of the attributed quote they continue, or of
        the reported speech just before them ("Lyng said he did not know …" then a quote)."""
        last: _Cand | None = None
        for c in cands:
            if not c.keep:
                continue
            if c.attributed:
                last = c
                continue
            if c.speaks_for_itself:
                last = None  # "“…,” the ruling said": what follows goes on from words nobody named said
                continue
            para = c.span.paragraph
            p_lo = self.paras[para][0]
            begins_para = self.text[p_lo:c.span.open_mark].strip() == ""
            quote_char = -1
            if last is not None and last.speaker:
                gap = para - last.span.paragraph
                if gap == 0 or (c.quote_only and gap <= 2) or (gap == 1 and last.span.close_mark < 0):
                    quote_char = last.span.start
            event = None
            k = self.main_speech_before(c.span.open_mark)
            if k >= 0:
                ch = self.speech_chars[k]
                lo = self.paras[para - 1][0] if begins_para and para > 0 else p_lo
                if ch >= lo and ch > quote_char:
                    event = self.speech_events[k]
            if event is not None:
                c.speaker, c.role, c.how = event.speaker, event.role, Attribution.CONTINUED
            elif quote_char >= 0 and last is not None:
                c.speaker, c.role, c.how = last.speaker, last.role, Attribution.CONTINUED
                if para != last.span.paragraph:
                    last = c
            elif not c.has_verb and not c.statement and not c.mid_sentence:
                c.keep = False
            else:
                last = None  # a quote nobody is known to have said: what follows does not go on past it


def _heads_sentence(verb: Token) -> bool:
    """``verb`` is its sentence's main verb, or joined to it by "and"."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _plural_description(speaker: str) -> bool:
    """"officers", "the protesters": a description of several people, not a name."""
    words = speaker.split()
    if not words:
        return False
    described = speaker[:1].islower() or words[0].lower() in ("the", "a", "an", "some", "two", "three")
    return described and words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "is"))


def _hyphen_inside(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen inside a word ("43-year-old", "Oscar-winning")."""
    return doc[i].text in ("-", "‐") and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_


def _mark_key(quotes: list[Quote], names: Names) -> list[Quote]:
    """Score every quote and set ``key`` on the best of the article."""
    if not quotes:
        return quotes
    n = len(quotes)
    scored = []
    for i, q in enumerate(quotes):
        words = len(_WORD_RE.findall(q.text))
        score = 0.0 if q.partial else 2.0
        if q.speaker:
            score += 1.5 if names.is_person(q.speaker) or any(_is_name_word(w) for w in q.speaker.split()) else 0.8
        score += min(words, 40) / 40.0
        if words < 5:
            score -= 0.8
        if _PLEASANTRIES.search(q.text):
            score -= 1.5
        score += 0.5 * (1.0 - i / n)
        scored.append(replace(q, key_score=round(score, 3)))
    ranked = sorted(range(n), key=lambda k: -scored[k].key_score)
    chosen = [k for k in ranked if not scored[k].partial and scored[k].speaker][:_MAX_KEY]
    return [replace(q, key=True) if k in chosen else q for k, q in enumerate(scored)]


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in ("the", "a", "an")

