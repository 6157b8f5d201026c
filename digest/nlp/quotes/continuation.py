"""Continuation: a quote with no speaker of its own goes on from the attributed quote
before it or from the reported speech just before it."""

from __future__ import annotations

import re

from digest.models import Attribution
from digest.nlp.quotes.candidate import Candidate

# "Following are extracts from the communique issued by …": the quoted paragraphs after it are
# that document's words.
FOLLOWING = re.compile(r"^\W*(?:the\s+)?following\s+(?:is|are)\s+(?:the\s+)?(?:full\s+|unofficial\s+)?"
                       r"(?:text|texts|extracts?|excerpts?|highlights|translation)\b", re.IGNORECASE)


class Continuation:
    """Speakers handed on from quote to quote."""

    def inherit(self, cands: list[Candidate]) -> None:
        """Quotes without a speaker take the one of the attributed quote they continue, or of
        the reported speech just before them ("Lyng said he did not know …" then a quote)."""
        last: Candidate | None = None
        for c in cands:
            if not c.keep:
                continue
            if c.attributed:
                last = c
                continue
            if c.speaks_for_itself:
                last = None  # "“…,” the ruling said": what follows goes on from words nobody named said
                continue
            author = self.document_lead(c.span.paragraph) if c.quote_only else None
            if author:
                c.speaker, c.how = author, Attribution.DESCRIPTOR
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
            if event is not None:  # an unnamed source stays unnamed: "one dealer said …" then a quote
                how = Attribution.UNNAMED if event.how is Attribution.UNNAMED else Attribution.CONTINUED
                c.speaker, c.role, c.how = event.speaker, event.role, how
            elif quote_char >= 0 and last is not None:
                how = Attribution.UNNAMED if last.how is Attribution.UNNAMED else Attribution.CONTINUED
                c.speaker, c.role, c.how = last.speaker, last.role, how
                if para != last.span.paragraph:
                    last = c
            elif not c.has_verb and not c.statement and not c.mid_sentence:
                c.keep = False
            else:
                last = None  # a quote nobody is known to have said: what follows does not go on past it

    def document_lead(self, para: int) -> str | None:
        """The author named in a "Following are extracts from …" paragraph that heads the run of
        quotation paragraphs ``para`` belongs to."""
        for p in range(para - 1, max(-1, para - 40), -1):
            lo, hi = self.paras[p]
            chunk = self.text[lo:hi]
            if FOLLOWING.match(chunk):
                return self.author_named_in(lo, hi)
            if chunk.lstrip()[:1] not in "\"“‘'":
                return None
        return None

    def author_named_in(self, lo: int, hi: int) -> str | None:
        """The first organisation or person named in characters ``lo``..``hi``."""
        i = self.token_at(lo)
        while i < len(self.doc) and self.doc[i].idx < hi:
            if i in self.names.run_of and self.quoted[i] < 0:
                name = self.name_at(i)
                if name and (self.names.is_org(name) or self.names.is_person(name)):
                    return name
                i = self.names.run_of[i][1]
            else:
                i += 1
        return None

