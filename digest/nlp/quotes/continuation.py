"""Continuation: a quote with no speaker of its own goes on from the attributed quote
before it or from the reported speech just before it."""

from __future__ import annotations

from digest.models import Attribution
from digest.nlp.quotes.candidate import Candidate


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
