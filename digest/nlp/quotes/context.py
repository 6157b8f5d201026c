"""The per-document context every step reads: token positions, which tokens are quoted,
names, paragraphs, sentences and the events; one class joining the steps' methods."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from digest.nlp.quote_spans import Span, paragraphs
from digest.nlp.quotes.analysis import Analysis
from digest.nlp.quotes.candidate import Who
from digest.nlp.quotes.continuation import Continuation
from digest.nlp.quotes.descriptions import Descriptions
from digest.nlp.quotes.events import Events
from digest.nlp.quotes.facts import Facts
from digest.nlp.quotes.filters import Filters
from digest.nlp.quotes.frames import Frames
from digest.nlp.quotes.furniture import furniture_ranges, paragraph_kinds
from digest.nlp.quotes.lead_ins import LeadIns
from digest.nlp.quotes.mentions import Mentions
from digest.nlp.quotes.resolution import Resolution
from digest.nlp.quotes.settle import Settle
from digest.nlp.quotes.tweets import Tweets, find_tweets
from digest.nlp.speakers import Names, build_names


class Context(Analysis, Frames, Events, Mentions, Descriptions, Resolution, LeadIns, Filters, Continuation,
              Settle, Facts, Tweets):
    """Per-document lookups: token positions, which tokens are quoted, names, paragraphs, and the
    events and targets found at the start; each step's methods come from its own module."""

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
        self.tweets = find_tweets(self.text, self.paras)
        signatures = [t.signature for t in self.tweets]  # "— Ann Lee (@annlee) …" is no antecedent
        self.furniture = paragraph_kinds(doc, self.paras, self.names.run_of)
        self.names.hide(sorted(furniture_ranges(self.text, self.paras, self.furniture) + signatures))
        self.outside_cache: dict[tuple[int, int], int] = {}
        self.verb_speaker: dict[int, Who] = {}
        self.event_chars: list[int] = []
        self.events: list[tuple[str, bool, str | None]] = []
        self.event_main: list[bool] = []  # the event's verb heads its sentence (not a clause inside it)
        self.unnamed_events: set[int] = set()  # someone only described ("one banker said")
        self.event_sent: list[int] = []  # first token of the event's sentence
        self.speech_chars: list[int] = []  # speech verbs with a speaker, in text order
        self.speech_events: list[Who] = []
        self.speech_main: list[bool] = []  # the speech verb heads its sentence
        self.speech_sent: list[int] = []  # first token of its sentence
        self.build_events()
        self.targets: dict[str, list[int]] = {}
        self.threat_chars: list[int] = []  # threat and harassment words outside quotes, in text order
        self.find_targets()

    def token_at(self, char: int) -> int:
        """The token that holds (or last starts before) character ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def paragraph_of(self, char: int) -> int:
        """The paragraph that holds character ``char``."""
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def sentence_of(self, token: int) -> int:
        """The sentence that holds token ``token``."""
        return max(0, bisect.bisect_right(self.sent_starts, token) - 1)
