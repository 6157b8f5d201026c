"""What the edit stage keeps between builds, so adding an article edits only the days it touches.

A day's edit (``digest.edition.edit_day``) reads its window of articles (the day and the day
before), the articles before the window that count in its term frequencies, its briefing, the
day before's key quotes and two settings, and nothing else. Two memories, each a JSON file in
the cache folder, keyed by digests of exactly those inputs:

- ``StoryClusters``: a window's story groups by its texts and those of the earlier articles that
  count in its term frequencies, so a window whose texts did not change is not clustered again;
- ``DayEdits``: a day's whole edit (stories, ranks, leads, key quotes) by all its inputs, kept
  as references into its window (article and quote positions), so an unchanged day is rebuilt
  from the record instead of being edited again.

A record that cannot be read back (a damaged file, an index out of range) is a miss: that day is
edited again. Each ``save`` keeps what this build used and drops the rest.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from digest.agenda import source_of
from digest.config import Config
from digest.edition import cluster_window, edit_day
from digest.models import ArticleEntry, Briefing, DayQuote, Story
from digest.render.reuse import Digests
from digest.stories import StoryText, terms
from digest.term_bags import TermBags

STORY_FIELDS = ("id", "headline", "lead", "entries", "rank", "score", "key_quote", "meetings")
BRIEFING_FIELDS = ("day", "articles", "key_quotes", "upcoming_meetings", "stories")
DAY_QUOTE_FIELDS = ("quote", "sources", "speaker_slug")


class JsonMemory:
    """A dict kept in a JSON file: ``old`` as read (empty when missing or damaged), ``new`` what this
    build used, saved in its place."""

    def __init__(self, path: Path, clean: bool = False):
        self.path = path
        self.old: dict = {}
        if not clean:
            with contextlib.suppress(OSError, ValueError):
                self.old = json.loads(path.read_text())
        if not isinstance(self.old, dict):
            self.old = {}
        self.new: dict = {}

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.new, separators=(",", ":")))
        os.replace(tmp, self.path)


class StoryClusters(JsonMemory):
    """``digest.edition.cluster_window`` with a memory: the groups of every window clustered before,
    by a digest of its texts, the earlier ones (in order), which texts are of a day before the
    briefing's (``digest.story_gates`` weighs them) and of the clustering code. The term
    bags of the last window are kept for the next one, which shares most of them, and the
    others come from ``term_bags`` (kept between builds) when given."""

    def __init__(self, path: Path, version: str, clean: bool = False, term_bags: TermBags | None = None):
        super().__init__(path, clean)
        self.version = version
        self.term_bags = term_bags  # the articles' terms kept between builds (None: computed)
        self.bags: dict[StoryText, Counter[str]] = {}
        self.clustered = 0  # windows clustered in this build (the others were known)
        self.last = ""  # the key of the last window asked for

    def key(self, texts: Sequence[StoryText], earlier: Sequence[StoryText], before_day: Sequence[bool] = ()) -> str:
        h = hashlib.sha256(self.version.encode() + b"\0" + "".join("1" if b else "0" for b in before_day).encode())
        for text in (*texts, None, *earlier):
            h.update(b"\0\0" + ("\0".join((text.title, *text.paragraphs)).encode("utf-8", "surrogatepass")
                                 if text else b"earlier"))
        return h.hexdigest()

    def __call__(self, texts: Sequence[StoryText], earlier: Sequence[StoryText] = (),
                 before_day: Sequence[bool] = ()) -> list[list[int]]:
        key = self.key(texts, earlier, before_day)
        groups = self.old.get(key)
        if not is_partition(groups, len(texts)):
            window = (*texts, *earlier)
            bags = self.term_bags(window, self.bags) if self.term_bags is not None else \
                {text: self.bags.get(text) or terms(text) for text in window}
            groups = cluster_window(texts, earlier, before_day=before_day, bag=bags.__getitem__)
            self.bags = bags
            self.clustered += 1
        self.new[key] = self.old[key] = groups
        self.last = key
        return [list(group) for group in groups]

    def keep(self, key) -> None:
        """Keep the groups of window ``key`` (of a day taken from its record) for later builds."""
        if isinstance(key, str) and key in self.old:
            self.new[key] = self.old[key]


def is_partition(groups, n: int) -> bool:
    """Whether ``groups`` (as read back) splits the rows 0..n-1, each once."""
    if not isinstance(groups, list) or not all(isinstance(g, list) and g for g in groups):
        return False
    rows = [row for group in groups for row in group]
    return all(type(row) is int for row in rows) and sorted(rows) == list(range(n))


class DayEdits(JsonMemory):
    """``digest.edition.edit_day`` with a memory: a day whose inputs did not change is rebuilt from
    its record. ``digests`` are the build's (the articles are digested once for the whole build)."""

    def __init__(self, path: Path, version: str, digests: Digests, clusters: StoryClusters, clean: bool = False):
        super().__init__(path, clean)
        self.version, self.digests, self.clusters = version, digests, clusters
        self.edited = 0  # days edited in this build (the others were rebuilt from their records)
        # the record knows these shapes only; should a model gain a field, nothing is kept
        self.known = all(tuple(f.name for f in dataclasses.fields(kind)) == names for kind, names in
                         ((Story, STORY_FIELDS), (Briefing, BRIEFING_FIELDS), (DayQuote, DAY_QUOTE_FIELDS)))

    def key(self, briefing: Briefing, window: list[ArticleEntry], earlier: Sequence[ArticleEntry],
            shown: frozenset[tuple[str, str]], config: Config) -> str:
        h = hashlib.sha256(f"{self.version}\0{config.tz}\0{config.key_quotes}\0".encode())
        h.update(self.digests.of(briefing))
        for entry in window:
            h.update(self.digests.of(entry))
        h.update(b"earlier")
        for entry in earlier:
            h.update(self.digests.of(entry.article))
        h.update(json.dumps(sorted(shown)).encode())
        return h.hexdigest()

    def __call__(self, briefing: Briefing, window: list[ArticleEntry], earlier: Sequence[ArticleEntry],
                 shown: frozenset[tuple[str, str]], config: Config) -> Briefing:
        if not self.known:
            return edit_day(briefing, window, earlier, shown, config, self.clusters)
        key = self.key(briefing, window, earlier, shown, config)
        record = self.old.get(key)
        if record is not None:
            with contextlib.suppress(LookupError, TypeError, ValueError):
                edited = from_record(record, briefing, window)
                self.new[key] = record
                self.clusters.keep(record.get("window"))
                return edited
        edited = edit_day(briefing, window, earlier, shown, config, self.clusters)
        self.edited += 1
        record = to_record(edited, window)
        if record is not None:
            self.new[key] = {**record, "window": self.clusters.last}
        return edited


# ---- records: an edited day as positions in its window ------------------------------------------


def to_record(edited: Briefing, window: list[ArticleEntry]) -> dict | None:
    """``edited``'s stories and key quotes as positions in ``window`` (and in its meetings); None when
    something in it is not found there (it is not kept)."""
    entry_at = {id(entry): i for i, entry in enumerate(window)}
    quote_at = {id(q): [i, n] for i, entry in enumerate(window) for n, q in enumerate(entry.quotes)}
    source_at = {source_of(entry): i for i, entry in reversed(list(enumerate(window)))}
    meeting_at = {id(item): i for i, item in enumerate(edited.upcoming_meetings)}

    def quote(dq: DayQuote | None) -> list | None:
        if dq is None:
            return None
        if dq.speaker_slug is not None:
            raise KeyError("a speaker slug is set by rendering, not editing")
        return [quote_at[id(dq.quote)], [source_at[s] for s in dq.sources]]

    try:
        stories = [{"id": s.id, "headline": s.headline, "lead": s.lead, "entries": [entry_at[id(e)] for e in s.entries],
                    "rank": s.rank, "score": s.score, "key_quote": quote(s.key_quote),
                    "meetings": [meeting_at[id(m)] for m in s.meetings]} for s in edited.stories]
        return {"stories": stories, "key_quotes": [quote(dq) for dq in edited.key_quotes]}
    except KeyError:
        return None


def from_record(record: dict, briefing: Briefing, window: list[ArticleEntry]) -> Briefing:
    """The edited day ``record`` describes, made of ``briefing``'s and ``window``'s own objects.

    Raises LookupError, TypeError or ValueError for a record that does not fit them."""
    def entry(i) -> ArticleEntry:
        if type(i) is not int or i < 0:
            raise ValueError(i)
        return window[i]

    def quote(ref) -> DayQuote | None:
        if ref is None:
            return None
        (i, n), sources = ref
        if type(n) is not int or n < 0:
            raise ValueError(n)
        return DayQuote(entry(i).quotes[n], tuple(source_of(entry(j)) for j in sources))

    def meeting(i):
        if type(i) is not int or i < 0:
            raise ValueError(i)
        return briefing.upcoming_meetings[i]

    stories = tuple(Story(id=str(s["id"]), headline=str(s["headline"]), lead=str(s["lead"]),
                          entries=tuple(map(entry, s["entries"])), rank=int(s["rank"]), score=float(s["score"]),
                          key_quote=quote(s["key_quote"]), meetings=tuple(map(meeting, s["meetings"])))
                    for s in record["stories"])
    return dataclasses.replace(briefing, stories=stories, key_quotes=tuple(map(quote, record["key_quotes"])))
