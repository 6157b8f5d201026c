"""Analysis of one quote: statement or fragment, its speaker from the frame or a lead-in,
and whether it is kept."""

from __future__ import annotations

from spacy.tokens import Token

from digest.nlp.quote_spans import Span
from digest.nlp.quotes.candidate import Candidate
from digest.nlp.quotes.lexicon import SENT_END, SPEECH_VERBS


class Analysis:
    """The first look at each quote, in text order."""

    def analyse(self, qi: int, cand: Candidate) -> None:
        """Quote ``qi``: its speech verb, statement or fragment, its speaker, kept or dropped."""
        doc, s = self.doc, self.spans[qi]
        start, end = self.frame(qi)
        outside = [t for t in doc[start:end] if self.quoted[t.i] < 0 and not t.is_space]
        a = self.token_at(s.open_mark)
        b = self.token_at(s.close_mark if s.close_mark >= 0 else s.end - 1)
        before = [t for t in outside if t.i < a]
        lo_char, hi_char = self.paras[s.paragraph]
        cand.quote_only = self.outside_words(lo_char, hi_char) == 0
        content = self.text[s.start:s.end]
        verb = self.speech_verb(outside, a, b) or self.tag_verb(b, content)
        tagged = self.tag_name(b, content) if verb is None else None
        cand.has_verb = verb is not None
        if self.is_designation(before, content, cand.words):
            cand.keep = False
            return
        self.classify(cand, before, content, verb, a, b)
        self.find_speaker(cand, s, before, verb, tagged, hi_char)
        if not self.worth_keeping(cand, before, content, a, b):
            cand.keep = False

    def classify(self, cand: Candidate, before: list[Token], content: str, verb: Token | None, a: int,
                 b: int) -> None:
        """Statement (a sentence or a whole clause of its own) or fragment, and mid-sentence."""
        # what stands right before the opening mark (skipping other quotes? no: this frame only)
        prev_tok = before[-1] if before else None
        begins = not before or (prev_tok is not None and prev_tok.text in (":", ",", ";", "—", "–", "-", "(")) \
            or (prev_tok is not None and prev_tok.lemma_ in SPEECH_VERBS) \
            or (len(before) <= 2 and all(t.pos_ in ("CCONJ", "ADV", "INTJ", "PUNCT") for t in before))
        first_alpha = next((c for c in content if c.isalpha()), "")
        ends_punct = content.rstrip()[-1:] in ".,?!…" if content.strip() else False
        # a fragment that starts in lower case starts mid-sentence: partial unless a whole clause
        lower_start = content.lstrip(" .…-–—([")[:1].islower()
        sentence_like = begins and (first_alpha.isupper() or ends_punct or cand.words >= 4)
        opens_sentence = sentence_like and not lower_start
        cand.mid_sentence = sentence_like and lower_start
        clause = verb is not None and cand.words >= 5 and ends_punct and self.is_clause(a, b)
        cand.statement = opens_sentence or clause

    def find_speaker(self, cand: Candidate, s: Span, before: list[Token], verb: Token | None,
                     tagged: str | None, hi_char: int) -> None:
        """The speaker of a transcript label opening the quote, else of the frame's speech verb, of
        a name tag, a colon or dash lead-in or a name heading."""
        labelled, speaker = self.transcript_speaker(self.text[s.start:s.end])
        if labelled:  # "PENCE: …": the label says who speaks, whatever the sentence around says
            self.lead_in(cand, speaker)
            cand.speaks_for_itself = speaker is None
            return
        if len(before) > 1 and before[-1].text == ":" and self.dashed_name(before[-2]):
            self.lead_in(cand, self.dashed_name(before[-2]))  # "Pollsters agree - Carl Bialik: “…”"
            return
        if verb is not None:
            who = self.speaker_of(verb)
            if who.speaker:
                cand.speaker, cand.role, cand.how, cand.attributed = who.speaker, who.role, who.how, True
            else:  # "“…,” the voicemail said": the sentence says what spoke, and it names nobody
                subj = self.subject(verb) if verb.lower_ != "according" else None
                cand.speaks_for_itself = (subj is not None and subj.pos_ in ("NOUN", "PROPN") and
                                          abs(subj.i - verb.i) <= 6) or self.participle_of_relative(verb)
        prev_tok = before[-1] if before else None
        if tagged:
            self.lead_in(cand, tagged)
        if not cand.attributed and prev_tok is not None and prev_tok.text == ":":
            self.lead_in(cand, self.colon_speaker(before))
        if not cand.attributed:
            self.lead_in(cand, self.dash_speaker(s, hi_char))
        if not cand.attributed and not before and s.paragraph > 0 and self.opens_paragraph(s):
            # a name alone above "“…,” he said" is no heading: the quote says who spoke, if anyone
            self.lead_in(cand, self.colon_lead(s.paragraph, verb is None and self.says_something(s)))

    def opens_paragraph(self, s: Span) -> bool:
        """The quote's opening mark starts its paragraph: only then can the paragraph before be
        its heading or colon lead-in."""
        return not self.text[self.paras[s.paragraph][0]:s.open_mark].strip()

    def says_something(self, s: Span) -> bool:
        """The quoted words hold a verb or end a sentence: said, not the title of a work
        ("‘Glass over Glass’" under the artist's name in a caption)."""
        content = self.text[s.start:s.end].rstrip()
        a = self.token_at(s.start)
        b = self.token_at(max(s.start, s.end - 1))
        return content[-1:] in SENT_END or any(t.pos_ in ("VERB", "AUX") for t in self.doc[a:b + 1])

    def worth_keeping(self, cand: Candidate, before: list[Token], content: str, a: int, b: int) -> bool:
        """A fragment needs a speech verb (or to stand mid-sentence) and not to be a title, a noun's
        modifier or, when no one is said to speak it, a label a party owns; a statement must not be a
        lone title or a single word."""
        if not cand.statement:
            fragment_ok = (cand.has_verb or cand.mid_sentence) and not self.is_title_like(content) \
                and not self.modifies_noun(a, b) and not (not cand.attributed and self.owned_label(a, b))
            return fragment_ok and not (cand.words < 2 and not self.single_word_ok(before, a, b))
        # one quoted word standing alone says nothing worth a quote
        return not ((self.is_title_like(content) and not self.attribution_adjacent(a, b)) or cand.words < 2)
