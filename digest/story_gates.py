"""Gates on story links: what makes two articles one happening, not only one topic.

Clustering (``digest.stories``) links articles whose words and names are alike; these rules,
from how news is written, say which alike pairs can never be one story and which need to be
closer than others (weights that multiply a pair's similarity, :func:`gate`):

- **Round-ups are no story's source.** A round-up, list or newsletter page ("10 things in tech
  you need to know today", "Opening Bell 11.18.19", a gift guide) strings together items about
  unrelated happenings, and a guide ("PolitiFact's guide to understanding tariffs") explains a
  topic: each shares names with many stories and is one happening with none of them, so it
  never joins another article (:func:`is_roundup`).
- **One happening is in both headlines and leads.** Reports of one event name it where news
  puts the news: the headline and the first paragraphs. Two articles whose headlines and leads
  share no telling term (a column on the Senate and a report of a Senate vote) meet on a topic
  further down: such a pair counts ``UNANCHORED_WEIGHT`` of its similarity (:func:`anchored`;
  not 0, because a saved page's lead can be navigation text that shares nothing). The lead is
  the first ``digest.stories.LEAD_PARAGRAPHS`` paragraphs that read as prose.
- **Yesterday's article joins today's story only when it is the same happening.** The window
  carries the day before's articles into the day, and a topic that runs for days (a trade war,
  an investigation) gives consecutive articles on different happenings: a pair across days
  counts ``WINDOW_WEIGHT`` of its similarity (:func:`gate`).

Pure functions; no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from digest import stories as clustering

HEAD_PARAGRAPHS = clustering.LEAD_PARAGRAPHS  # the lead (three paragraphs), read with the headline
LEAD_WORDS = 12  # a paragraph this long reads as prose
UNANCHORED_WEIGHT = 0.5  # two articles whose headlines and leads share nothing must be twice as close
WINDOW_WEIGHT = 0.5  # an article of an earlier day must be twice as close to join a story of the day

# Headlines of round-ups, newsletters and guides: "10 things in tech you need to know today", "Opening
# Bell 11.18.19" (a dated edition), "Morning Briefing", "The week in review", "High school roundup",
# "Gift guide", "PolitiFact's guide to understanding tariffs".
_ROUNDUP_TITLE = re.compile(
    r"\b(?:things|stories|headlines)\b.{0,20}\bto know (?:today|this week|this morning|tonight)\b"
    r"|\b(?:morning|evening|daily|weekly|weekend|news)\s+(?:briefing|brief|digest|newsletter|round-?up|wrap)\b"
    r"|\bround-?up\b|\bthe week in\b|\bnews in brief\b|^\s*top (?:stories|headlines)\b"
    r"|\bguide to\b|\bgift guide\b"
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\s*$",
    re.I)
# A page that says it is a newsletter ("subscribe to this newsletter") or opens like one ("Good morning!").
_NEWSLETTER_TEXT = re.compile(r"\bthis newsletter\b|^good morning\b", re.I)
NEWSLETTER_EDGE = 2  # paragraphs at each end of a page read for newsletter furniture


def is_roundup(story: clustering.StoryText) -> bool:
    """A round-up, list, newsletter or guide page: told by its headline or by newsletter furniture at its ends."""
    if _ROUNDUP_TITLE.search(story.title):
        return True
    edges = (*story.paragraphs[:NEWSLETTER_EDGE], *story.paragraphs[-NEWSLETTER_EDGE:])
    return any(_NEWSLETTER_TEXT.search(p.strip()) for p in edges)


@lru_cache(maxsize=4096)  # an article is in two windows (its day's and the next day's): read its lead once
def head_terms(story: clustering.StoryText) -> Counter[str]:
    """The terms of the headline and the lead: the first paragraphs that read as prose (a sentence of
    ``LEAD_WORDS`` words or more, not a byline, dateline or navigation line). Read only: the result
    is shared between calls."""
    prose = [p for p in story.paragraphs if len(p.split()) >= LEAD_WORDS]
    return clustering.terms(clustering.StoryText(story.title, tuple(prose[:HEAD_PARAGRAPHS])))


def anchored(stories: Sequence[clustering.StoryText], df: Counter[str], n_docs: int) -> np.ndarray:
    """1 for pairs whose headlines and leads share a telling term (``digest.stories.telling``), else
    ``UNANCHORED_WEIGHT``: each telling term marks the pairs of the articles that hold it in their head."""
    columns: dict[str, int] = {}  # each telling head term -> its column of the incidence matrix
    cells: tuple[list[int], list[int]] = ([], [])
    for row, story in enumerate(stories):
        for term in head_terms(story):
            if clustering.telling(term, df, n_docs):
                cells[0].append(row)
                cells[1].append(columns.setdefault(term, len(columns)))
    holds = np.zeros((len(stories), max(len(columns), 1)), dtype=np.float32)
    holds[cells] = 1.0
    shared = holds @ holds.T  # terms two heads share: counts, exact in single precision
    return np.where(shared > 0, 1.0, UNANCHORED_WEIGHT)


def gate(stories: Sequence[clustering.StoryText], df: Counter[str], n_docs: int,
         earlier: Sequence[bool] | None = None) -> np.ndarray:
    """Weights in [0, 1] over pairs of ``stories`` that multiply their similarity: 0 where the pair can
    never be one story, ``WINDOW_WEIGHT`` between an article of the day and one of an earlier day
    (``earlier``: which stories are from before the day; a story carried over from the day before
    joins the day's only when it is clearly the same happening), else 1."""
    weights = anchored(stories, df, n_docs)
    alone = np.array([is_roundup(s) for s in stories], dtype=bool)
    weights[alone, :] = 0.0
    weights[:, alone] = 0.0
    if earlier is not None:
        before = np.array(earlier, dtype=bool)
        weights[np.ix_(before, ~before)] *= WINDOW_WEIGHT
        weights[np.ix_(~before, before)] *= WINDOW_WEIGHT
    return weights
