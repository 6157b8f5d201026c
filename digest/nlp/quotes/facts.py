"""Evidence facts: what stands behind a quote's speaker (``digest.nlp.evidence.Evidence``)."""

from __future__ import annotations

from digest.models import Attribution
from digest.nlp.evidence import Evidence
from digest.nlp.quotes.candidate import Candidate
from digest.nlp.quotes.lexicon import WORD_RE


class Facts:
    """The facts bench/abstention.py tabulates."""

    def evidence(self, qi: int, cand: Candidate) -> Evidence:
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
            short_paragraph=len(WORD_RE.findall(body)) < 12 and body[-1:] not in ".?!\"”’",
            one_word=len(speaker.split()) == 1,
            person=names.is_person(speaker),
        )
