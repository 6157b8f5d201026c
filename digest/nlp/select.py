"""Choose the paragraphs worth parsing: those with quotation marks or meeting words, plus context.

Parsing is most of the cost of a cold build, and most paragraphs of most articles hold
neither a quote nor a meeting. A paragraph is kept when it has a quotation mark or a
meeting cue; so are the two paragraphs before it (speaker attribution resolves "he added"
or "the paper said" back through the previous paragraphs), the one after a paragraph with
a meeting cue (a meeting's date or place may follow a paragraph later; attribution never
looks forward), the lead paragraph (where the article introduces its people with
their full names and roles), and the paragraph that first names a speaker a kept paragraph
calls by surname alone ("Burgess said" keeps the paragraph of "said Ron Burgess, deputy
director", wherever it is).
Offsets found in the shortened text map back to the article text paragraph by paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from digest.nlp import meeting_lexicon as lex

_QUOTE_MARKS = re.compile(r"[\"“”„«»‘’]|''|``")


def _words_pattern(words: set[str]) -> re.Pattern[str]:
    alternatives = sorted({w.lower() for w in words}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in alternatives) + r")s?\b", re.IGNORECASE)


_VERB_FORMS = {"meet", "meets", "met", "meeting", "convene", "convenes", "convened", "convening", "reconvene",
               "reconvenes", "reconvened", "gather", "gathers", "gathered", "confer", "confers", "conferred"}
_MEETING_CUES = _words_pattern(set(lex.NOUN_TRIGGERS) | set(lex.NOUN_LEMMAS) | _VERB_FORMS)
# A council or board that "will consider … on Monday" is a session too: a body word counts
# only with a time word in the same paragraph.
_BODIES = _words_pattern(set(lex.BODIES))
BEFORE, AFTER = 2, 1  # paragraphs kept before a relevant one, and after one with a meeting cue
_TIME_CUES = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may"
    r"|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
    r"|\b(?:today|tonight|tomorrow|week|month|year|later|soon|next|upcoming|scheduled|due|expected)\b",
    re.IGNORECASE)
_SPEECH_FORMS = r"(?:said|says|added|adds|told|tells|explained|noted|stated|replied|continued|argued|commented)"
# "Burgess said", "said Burgess", "according to Burgess": a surname a speech verb gives
_SURNAME_SPEAKS = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) " + _SPEECH_FORMS + r"\b"
                             r"|\b(?:" + _SPEECH_FORMS + r"|according to) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")

_NOT_NAMES = {"he", "she", "they", "it", "we", "you", "this", "that", "these", "those", "who", "which", "and",
              "but", "or", "also", "then", "today", "yesterday", "officials", "analysts", "sources", "one"}


@dataclass(frozen=True)
class Selection:
    """The shortened text and how to map its offsets back to the article text."""

    text: str
    short_starts: tuple[int, ...]  # where each kept paragraph starts in ``text``
    full_starts: tuple[int, ...]  # where it starts in the article text

    def to_article(self, offset: int) -> int:
        """An offset in the shortened text → the same character's offset in the article text."""
        k = max(0, bisect_right(self.short_starts, offset) - 1)
        return offset - self.short_starts[k] + self.full_starts[k] if self.short_starts else offset


def has_meeting_cue(paragraph: str) -> bool:
    return bool(_MEETING_CUES.search(paragraph) or (_BODIES.search(paragraph) and _TIME_CUES.search(paragraph)))


def select_paragraphs(paragraphs: tuple[str, ...] | list[str]) -> list[int]:
    """Indexes of the paragraphs to parse (empty when nothing in the article needs parsing)."""
    keep: set[int] = set()
    for i, paragraph in enumerate(paragraphs):
        after = AFTER if has_meeting_cue(paragraph) else 0 if _QUOTE_MARKS.search(paragraph) else None
        if after is not None:
            keep.update(range(max(0, i - BEFORE), min(len(paragraphs), i + after + 1)))
    if not keep:
        return []
    keep.add(0)
    return sorted(keep | introductions(paragraphs, keep))


def introductions(paragraphs: tuple[str, ...] | list[str], keep: set[int]) -> set[int]:
    """The first paragraph naming each speaker that a kept paragraph gives by one word only:
    where the article introduced them (with full name and role)."""
    found = set()
    for i in sorted(keep):
        for m in _SURNAME_SPEAKS.finditer(paragraphs[i]):
            if (m.group(1) or m.group(2)).lower() in _NOT_NAMES:
                continue
            word = re.compile(r"\b" + re.escape(m.group(1) or m.group(2)) + r"\b")
            first = next(j for j in range(i + 1) if word.search(paragraphs[j]))
            found.add(first)
    return found


def select_text(paragraphs: tuple[str, ...] | list[str]) -> Selection:
    """The kept paragraphs joined by blank lines, as the article text joins them."""
    full_starts, position = [], 0
    for p in paragraphs:
        full_starts.append(position)
        position += len(p) + 2
    kept = select_paragraphs(paragraphs)
    short_starts, position, parts = [], 0, []
    for i in kept:
        short_starts.append(position)
        parts.append(paragraphs[i])
        position += len(paragraphs[i]) + 2
    return Selection("\n\n".join(parts), tuple(short_starts), tuple(full_starts[i] for i in kept))
