"""Excerpts, not copies: what an article page may show of another outlet's article.

A public briefing quotes; it does not republish. Without ``full_text = true`` an article
page shows the lead (the first paragraph), each full quotation within its own sentence(s)
(a partial quote, a few words inside a reported sentence, does not bring its sentence) and
nothing else of the body; the page links to the original for the rest. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from digest.edition import is_abbreviation
from digest.models import Quote


class Segment(Protocol):
    """A piece of a paragraph: plain text or a marked quote (``digest.render.site.Segment``)."""

    text: str
    quote: Quote | None

# A sentence ends at . ! or ? (optionally followed by a closing quotation mark or bracket) and space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def _ends(text: str, pos: int = 0, endpos: int | None = None):
    """Sentence ends in ``text`` (not after an abbreviation or initial such as "U.S." or "Gov.")."""
    for m in _SENTENCE_END.finditer(text, pos, len(text) if endpos is None else endpos):
        if not (m.group().startswith(".") and is_abbreviation(text[:m.start()])):
            yield m


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The first and last character of the sentence(s) of ``text`` holding ``text[start:end]``."""
    first = 0
    for m in _ends(text, 0, start):
        if m.end() <= start:
            first = m.end()
    last = next((m.end() for m in _ends(text, max(end - 1, first))), len(text))
    return first, last


def excerpt_paragraph(segments: Sequence[Segment]) -> list[Segment]:
    """The sentences of one paragraph that hold a quote; [] when it holds none."""
    text = "".join(seg.text for seg in segments)
    spans, pos = [], 0
    for seg in segments:
        if seg.quote is not None and not seg.quote.partial:
            spans.append(sentence_bounds(text, pos, pos + len(seg.text)))
        pos += len(seg.text)
    if not spans:
        return []
    keep = []
    for first, last in sorted(spans):
        if keep and first <= keep[-1][1]:
            keep[-1] = (keep[-1][0], max(keep[-1][1], last))
        else:
            keep.append((first, last))
    out, pos = [], 0
    for seg in segments:
        seg_start, seg_end = pos, pos + len(seg.text)
        pos = seg_end
        for first, last in keep:
            lo, hi = max(seg_start, first), min(seg_end, last)
            if lo < hi:
                if out and lo == first and first > 0:
                    out.append(replace(seg, text=" … ", quote=None, number=0))
                out.append(replace(seg, text=seg.text[lo - seg_start:hi - seg_start]))
    if out and out[-1].quote is None:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip())
    return out


def article_paragraphs(paragraphs: Sequence[Sequence[Segment]], full_text: bool) -> list[list[Segment]]:
    """The paragraphs an article page shows: all of them with ``full_text``, else the excerpt."""
    if full_text or not paragraphs:
        return [list(p) for p in paragraphs]
    shown = [list(paragraphs[0])]
    for segments in paragraphs[1:]:
        kept = excerpt_paragraph(segments)
        if kept:
            shown.append(kept)
    return shown
