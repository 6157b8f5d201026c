"""Lead-ins: a speaker given by a colon or dash lead-in or by a name heading the quote."""

from __future__ import annotations

import re

from spacy.tokens import Token

from digest.models import Attribution
from digest.nlp.quote_spans import Span
from digest.nlp.quotes.candidate import Candidate
from digest.nlp.quotes.furniture import Kind
from digest.nlp.quotes.lexicon import DASHES, SENT_END, is_stage_direction
from digest.nlp.speakers import strip_titles

# A transcript's speaker label opening the quoted words: "PENCE: Well, look …", "MS. LEE: No."
TRANSCRIPT_LABEL = re.compile(r"^[\s(]*((?:[A-Z][A-Z'’.-]*\s){0,2}[A-Z][A-Z'’-]+)\s?:\s")


class LeadIns:
    """Speakers that stand before a colon, after a dash or alone in the paragraph before."""

    @staticmethod
    def lead_in(cand: Candidate, speaker: str | None) -> None:
        """A speaker found by a colon or dash lead-in or a name heading."""
        if speaker:
            cand.speaker, cand.how, cand.attributed, cand.has_verb = speaker, Attribution.LEAD_IN, True, True

    def transcript_speaker(self, content: str) -> tuple[bool, str | None]:
        """Whether the quote opens with a transcript label ("PENCE: …", "Q: …"), and the person it
        names when the article names that person elsewhere ("Mike Pence"); a label naming nobody
        known ("NOTE:", "Q:", an interviewer named only here) gives no speaker."""
        m = TRANSCRIPT_LABEL.match(content)
        if not m:
            return False, None
        words = [w for w in m.group(1).split() if w.rstrip(".").lower() not in ("mr", "ms", "mrs", "dr", "sen", "rep")]
        if not words:
            return True, None
        name = self.names.resolve(" ".join(w[:1] + w[1:].lower() for w in words))
        return True, name if self.names.is_person(name) else None

    def dash_speaker(self, s: Span, hi_char: int) -> str | None:
        """``"…" — Commissioner Y``: a name right after a dash that follows the closing mark."""
        if s.close_mark < 0:
            return None
        i = s.close_mark + 1
        while i < hi_char and self.text[i] in " \u00a0,":
            i += 1
        if i >= hi_char or self.text[i] not in DASHES:
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

    def colon_lead(self, paragraph: int, says_something: bool = True) -> str | None:
        """``From Chairwoman Z:`` or ``Z said:`` ending the previous paragraph, or a name heading
        the quote when the quote says something (a verb or a sentence end): a name above a
        quoted title is a caption ("Ann Lee" over "‘Glass over Glass’"), not a speaker."""
        lo, hi = self.paras[paragraph - 1]
        tail = self.text[lo:hi].rstrip()
        if not tail.endswith(":"):
            return self.name_heading(paragraph - 1) if says_something else None
        colon = self.token_at(lo + len(tail) - 1)
        doc = self.doc
        i = colon - 1
        first = self.token_at(lo)
        while i >= first and not (doc[i].text in SENT_END and self.quoted[i] < 0):
            i -= 1
        toks = [t for t in doc[i + 1:colon] if self.quoted[t.i] < 0]
        verb = self.speech_verb(toks, colon, colon)
        if verb is not None:
            speaker = self.speaker_of(verb).speaker
            if speaker:
                return speaker
        return self.lead_in_name(toks)

    def lead_in_name(self, toks: list[Token]) -> str | None:
        """The name a lead-in without a speech verb gives: the subject of its main verb ("When
        Wallace died, President Clinton released the following statement:"), else its one name
        ("From Chairwoman Z:"); none when it names several people and none of them as subject."""
        found = []
        for t in toks:
            name = self.name_at(t.i) if t.i in self.names.run_of else None
            if not name:
                continue
            if t.dep_ == "nsubj" and t.head.dep_ == "ROOT":
                return name
            if name not in found:
                found.append(name)
        return found[0] if len(found) == 1 else None

    def colon_speaker(self, before: list[Token]) -> str | None:
        """``Trump leaned in and boomed: "…"`` or ``Clinton: "…"``: who stands before the colon."""
        clause = [t for t in before[:-1] if not t.is_punct]
        if not clause:
            return None
        if len(clause) <= 4 and clause[0].i in self.names.run_of and all(
            t.i in self.names.run_of for t in clause
        ):
            return self.name_at(clause[0].i)
        dashed = self.dashed_name(clause[-1])
        if dashed:
            return dashed
        node = clause[-1]
        for _ in range(6):
            if node.pos_ in ("VERB", "AUX") and self.is_speech_verb(node) and self.is_hypothetical(node):
                return None  # "Lee will have to explain:" — nobody has said it yet
            if node.pos_ in ("VERB", "AUX"):
                subj = self.subject(node)
                if subj is not None and self.could_speak(subj) and not self.is_receiver(node, subj):
                    return self.mention(subj).speaker
                if subj is not None and self.owner(subj):  # "Madonna's introduction began:"
                    return self.owner(subj)
            if node.head.i == node.i:
                break
            node = node.head
        return None

    def dashed_name(self, last: Token) -> str | None:
        """``Pollsters agree - Carl Bialik: "…"``: a person's name set off by a dash right before
        the colon is who speaks, whatever the words before the dash say."""
        run = self.names.run_of.get(last.i)
        if run is None or run[1] != last.i + 1 or run[0] == 0 or self.doc[run[0] - 1].text not in DASHES:
            return None
        name = self.name_at(run[0])
        return name if name and self.names.is_person(name) else None

    def name_heading(self, paragraph: int) -> str | None:
        """A paragraph that is only a name ("Madonna", "Sen. Jane Roe") heads the quote after it."""
        lo, hi = self.paras[paragraph]
        first, last = self.token_at(lo), self.token_at(max(lo, hi - 1))
        if last - first > 5 or first not in self.names.run_of:
            return None
        r = self.names.run_of[first]
        if r[1] < last + 1 and not all(t.is_punct for t in self.doc[r[1]:last + 1]):
            return None
        if self.furniture.get(paragraph) in (Kind.CREDIT, Kind.BYLINE):
            return None  # "Getty.", "By Ann Lee": the page's credits, not who speaks next
        name = self.name_at(first)
        return None if name and is_stage_direction(name) else name  # "Pause.", "Laughter"
