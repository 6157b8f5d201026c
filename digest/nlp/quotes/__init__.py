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
(``Context.settle``) moves titles into the role (``naming.split_name``) and leaves the
speaker out where the words found name nobody (a determiner, a place, a product, a common
noun) or, in a story about a threat, where only indirect evidence names the speaker. A
score ranks what is left and marks the best attributed full quotes as key.

Modules, in the order of the steps: ``lexicon`` (the words the engine knows), ``candidate``
(a quote under analysis, ``Who`` a mention points to), ``context`` (the per-document
lookups, one class joining the steps below), ``frames`` (a quote's frame and speech verb),
``events`` (speech verbs, their subjects, the events and the targets), ``mentions`` and
``descriptions`` (who a noun phrase names), ``resolution`` (antecedents of pronouns,
anaphoric nouns and documents), ``lead_ins`` (colon and dash lead-ins, name headings),
``filters`` (names, titles, coined terms, scare quotes), ``analysis`` (one quote's first
look), ``continuation`` (speakers handed on), ``settle`` (the speaker shown), ``scoring``
(key quotes) and ``facts`` (the evidence facts).
"""

from __future__ import annotations

from spacy.tokens import Doc

from digest.models import Attribution, Quote, SpeakerKind
from digest.nlp.evidence import Evidence
from digest.nlp.quote_spans import find_spans
from digest.nlp.quotes.candidate import Candidate
from digest.nlp.quotes.context import Context
from digest.nlp.quotes.lexicon import SPEECH_VERBS, WORD_RE
from digest.nlp.quotes.scoring import mark_key
from digest.nlp.speakers import Names

__all__ = ["SPEECH_VERBS", "extract_quotes", "quote_evidence"]


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every direct quotation in ``doc`` with speaker, role, partial flag and key score."""
    found, names = attributed_quotes(doc)
    quotes = [q for q, _ in found]
    return mark_key(quotes, names) if names is not None else quotes


def quote_evidence(doc: Doc) -> list[tuple[Quote, Evidence | None]]:
    """Every direct quotation in ``doc`` with the facts behind its speaker (None for no
    speaker), no key marks: what bench/abstention.py tabulates."""
    return attributed_quotes(doc)[0]


def attributed_quotes(doc: Doc) -> tuple[list[tuple[Quote, Evidence | None]], Names | None]:
    """Every quotation with its speaker settled and its evidence facts, and the names of the
    article (None when there is no quotation)."""
    text = doc.text
    if not text or len(doc) == 0:
        return [], None
    spans = find_spans(text)
    if not spans:
        return [], None
    ctx = Context(doc, spans)
    cands = [Candidate(s, len(WORD_RE.findall(text[s.start:s.end]))) for s in spans]
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
        ctx.credit_tweet(cand)
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
            speaker_kind=speaker_kind(cand, ctx.names),
        )
        out.append((quote, ctx.evidence(qi, cand) if cand.speaker and cand.how else None))
    return out, ctx.names


def speaker_kind(cand: Candidate, names: Names) -> SpeakerKind | None:
    """A person or an organisation the article names, someone it only describes, or a name it
    says no more of."""
    if not cand.speaker:
        return None
    if cand.how is Attribution.UNNAMED:
        return SpeakerKind.DESCRIBED
    if names.is_person(cand.speaker):
        return SpeakerKind.PERSON
    if cand.how is Attribution.ORGANISATION or names.is_org(cand.speaker):
        return SpeakerKind.ORGANISATION
    return SpeakerKind.NAMED
