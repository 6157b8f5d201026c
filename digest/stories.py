"""Stories: articles from several outlets that cover one event, found by clustering.

Each article becomes a weighted bag of terms: its words, its names (runs of capitalised
words that do not open a sentence, the cheap stand-in for named entities that news
clustering leans on) and its headline, which counts extra. Terms are weighted by TF-IDF
(sublinear term frequency, document frequency over the articles given: a day's window and
the articles published just before it, not the whole archive) and articles are joined by average-link
agglomerative clustering on cosine similarity, stopping at ``THRESHOLD``. Terms found in a
single article (they link nothing) or in more than a tenth of them (they link everything)
are left out, so a long article is not diluted by words no other article shares; two
articles that share fewer than ``MIN_SHARED`` terms, or no name, are not linked (one rare
place name in common does not make a story, nor do common words without a name), and a pair
that shares no rare name of several words counts for less than one that does (see
:func:`similarity`).

``THRESHOLD``, ``COMMON_NAMES_ONLY`` and ``RARE_NAME_SHARE`` were chosen on one half of the WikinewsSum
stories and checked on the other
(``bench/stories_bench.py``). Pure functions; no I/O.
"""

from __future__ import annotations

import contextlib
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from threadpoolctl import ThreadpoolController

THRESHOLD = 0.10
COMMON_NAMES_ONLY = 0.7  # weight of a pair sharing no rare name of several words (no name at all: 0)
RARE_NAME_SHARE = 0.03  # a name of several words in at most this share of the articles is rare
MAX_DF = 0.1  # a term in more than a tenth of the articles (and in more than COMMON_FLOOR) tells none apart
COMMON_FLOOR = 10
MIN_SHARED = 4  # two articles with fewer telling terms in common are not linked, however rare the terms
TITLE_WEIGHT = 3.0
NAME_WEIGHT = 2.0
LEAD_PARAGRAPHS = 3
BLAS_THREADS = 1  # the matrices of a window are small: more threads only wait on each other (and on other work)

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,]*\d|\d", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]*)*")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;\"“(—–-])\s*$")
# Words too common in news to tell one story from another, whatever the document frequency says.
_STOP_WORDS = """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours out over own same
she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why
will with would you your said says say told according year years new one two mr mrs ms monday
tuesday wednesday thursday friday saturday sunday week last first people time
"""
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True)
class StoryText:
    """What clustering reads of an article."""

    title: str
    paragraphs: tuple[str, ...]


def _words(text: str) -> list[str]:
    return [w for w in (m.group().lower().strip("'’-") for m in _WORD.finditer(text)) if w and w not in _STOP]


def _names(text: str) -> list[str]:
    """Runs of capitalised words inside sentences: "Hu Jintao", "World Trade Organisation".

    A run that opens a sentence loses its first word, which is capitalised anyway.
    """
    names = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        if _OPENS_SENTENCE.search(text[max(0, m.start() - 3):m.start()]) or m.start() == 0:
            words = words[1:]
        key = " ".join(w.lower() for w in words if w.lower() not in _STOP)
        if key:
            names.append("§" + key)
    return names


@functools.cache
def blas_controller() -> ThreadpoolController:
    """The process's one threadpoolctl controller: finding the loaded libraries scans them all, so it
    is done once, on first use (numpy, imported above, has loaded its BLAS by then)."""
    return ThreadpoolController()


def blas_threads() -> contextlib.AbstractContextManager[object]:
    """The BLAS of numpy's matrix products limited to ``BLAS_THREADS`` for the block (restored after it:
    to the number of threads it had when the block began, so blocks nest).

    A window's products take milliseconds on one thread; OpenBLAS's own threads (one per core) spin
    and wait for each other, which costs many times that on a busy machine. Set here, not by
    environment variables: the limit covers clustering only, whatever else shares the process."""
    return blas_controller().limit(limits=BLAS_THREADS, user_api="blas")


def terms(story: StoryText) -> Counter[str]:
    """The weighted terms of one article: words, names, and headline words counted extra."""
    counts: Counter[str] = Counter()
    lead = "\n\n".join(story.paragraphs[:LEAD_PARAGRAPHS])
    rest = "\n\n".join(story.paragraphs[LEAD_PARAGRAPHS:])
    for text, weight in ((lead, 1.5), (rest, 1.0)):
        for word in _words(text):
            counts[word] += weight
        for name in _names(text):
            counts[name] += weight * NAME_WEIGHT
    for word in _words(story.title):
        counts[word] += TITLE_WEIGHT
    return counts


def document_frequency(bags: Iterable[Counter[str]]) -> tuple[Counter[str], int]:
    df: Counter[str] = Counter()
    n = 0
    for bag in bags:
        df.update(bag.keys())
        n += 1
    return df, n


def telling(term: str, df: Counter[str], n_docs: int) -> bool:
    """A term that can link articles of one story: in two or more, and not in too many."""
    return 2 <= df.get(term, 0) <= max(MAX_DF * n_docs, COMMON_FLOOR)


def telling_vocabulary(bags: Sequence[Counter[str]], df: Counter[str], n_docs: int,
                       names_only: bool = False) -> dict[str, int]:
    """The telling terms of ``bags`` (only the names with ``names_only``) → their columns, in order
    of first appearance (the order fixes the sums of the similarity, to the last bit)."""
    ceiling = max(MAX_DF * n_docs, COMMON_FLOOR)  # as ``telling``, asked once per term
    vocabulary: dict[str, int] = {}
    for bag in bags:
        for term in bag:
            if term not in vocabulary and 2 <= df.get(term, 0) <= ceiling and \
                    (not names_only or term.startswith("§")):
                vocabulary[term] = len(vocabulary)
    return vocabulary


def vectors(bags: Sequence[Counter[str]], df: Counter[str], n_docs: int) -> np.ndarray:
    """Unit-length TF-IDF rows (sublinear tf, smoothed idf) for ``bags``, over the telling terms."""
    vocabulary = telling_vocabulary(bags, df, n_docs)
    idf = {term: math.log((1 + n_docs) / (1 + df.get(term, 0))) + 1 for term in vocabulary}
    sublinear: dict[float, float] = {}  # tf -> 1 + log(tf), for the few distinct weighted counts
    rows, columns, values = [], [], []
    for row, bag in enumerate(bags):
        for term, tf in bag.items():
            column = vocabulary.get(term)
            if column is None:
                continue
            if tf >= 1:
                scale = sublinear.get(tf)
                if scale is None:
                    scale = sublinear[tf] = 1 + math.log(tf)
                value = scale * idf[term]
            else:
                value = tf * idf[term]
            rows.append(row)
            columns.append(column)
            values.append(value)
    matrix = np.zeros((len(bags), max(len(vocabulary), 1)))
    matrix[rows, columns] = values
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def rare_long_name(term: str, df: Counter[str], n_docs: int) -> bool:
    """A name of several words in few of the archive's articles: "Adam Neumann", not "United States"."""
    return " " in term and df.get(term, 0) <= max(RARE_NAME_SHARE * n_docs, 2)


def shared_names(bags: Sequence[Counter[str]], df: Counter[str], n_docs: int) -> tuple[np.ndarray, np.ndarray]:
    """How many telling names each pair of articles has in common, and how many of them are rare long names.

    Counted in single precision, which holds every count up to 2**24 exactly (and is twice as fast)."""
    vocabulary = telling_vocabulary(bags, df, n_docs, names_only=True)
    rows = [row for row, bag in enumerate(bags) for term in bag if term in vocabulary]
    columns = [vocabulary[term] for bag in bags for term in bag if term in vocabulary]
    names = np.zeros((len(bags), max(len(vocabulary), 1)), dtype=np.float32)
    names[rows, columns] = 1.0
    several = np.zeros(names.shape[1], dtype=np.float32)
    for term, column in vocabulary.items():
        several[column] = 1.0 if rare_long_name(term, df, n_docs) else 0.0
    return names @ names.T, (names * several) @ names.T


def similarity(bags: Sequence[Counter[str]], df: Counter[str], n_docs: int) -> np.ndarray:
    """Cosine similarity of the articles' TF-IDF rows, weighed by the names the two articles share.

    0 for pairs sharing fewer than ``MIN_SHARED`` terms or no telling name at all (two stabbings in
    two cities share words, not names); ``COMMON_NAMES_ONLY`` times the cosine for pairs whose
    shared names are single words ("China", "Apple") or common ones ("Hong Kong"); the cosine
    itself for pairs sharing a rare name of several words (:func:`rare_long_name`: "Adam
    Neumann", "Davis Cup"), the surest sign of one event.
    """
    rows = vectors(bags, df, n_docs)
    present = (rows > 0).astype(np.float32)  # counts of shared terms: exact in single precision
    names, long_names = shared_names(bags, df, n_docs)
    weight = np.where(long_names >= 1, 1.0, COMMON_NAMES_ONLY) * (names >= 1)
    return np.where(present @ present.T >= MIN_SHARED, (rows @ rows.T) * weight, 0.0)


def average_link(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Agglomerative clustering: merge the two clusters of highest mean similarity while it reaches ``threshold``.

    Returns clusters as lists of row indices, each sorted, in order of their first row.
    """
    n = similarity.shape[0]
    sim = similarity.astype(float).copy()
    np.fill_diagonal(sim, -np.inf)
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)]
    best = sim.argmax(axis=1) if n else np.zeros(0, dtype=int)  # each row's first column of its highest value
    top = sim[np.arange(n), best]
    while n > 1:
        a = int(np.argmax(top))  # the first highest value in row-major order: argmax of the whole matrix
        b = int(best[a])
        if sim[a, b] < threshold:
            break
        merged = (sizes[a] * sim[a] + sizes[b] * sim[b]) / (sizes[a] + sizes[b])
        sim[a], sim[:, a] = merged, merged
        sim[a, a] = -np.inf
        sim[b], sim[:, b] = -np.inf, -np.inf
        sizes[a] += sizes[b]
        alive[b] = False
        members[a].extend(members[b])
        members[b] = []
        _update_best(sim, best, top, a, b)
    clusters = [sorted(m) for i, m in enumerate(members) if alive[i]]
    clusters.sort(key=lambda c: c[0])
    return clusters


def _update_best(sim: np.ndarray, best: np.ndarray, top: np.ndarray, a: int, b: int) -> None:
    """Each row's highest value and its first column again, after clusters ``a`` and ``b`` merged
    into ``a``: only column ``a`` changed in the other rows (and ``b`` fell to -inf), so a row is
    searched again only when its best column was one of them."""
    stale = (best == a) | (best == b)
    stale[[a, b]] = True
    column = sim[:, a]
    better = ~stale & ((column > top) | ((column == top) & (a < best)))
    best[better] = a
    top[better] = column[better]
    rows = np.flatnonzero(stale)
    best[rows] = sim[rows].argmax(axis=1)
    top[rows] = sim[rows, best[rows]]


def cluster(stories: Sequence[StoryText], df: Counter[str] | None = None, n_docs: int = 0,
            threshold: float = THRESHOLD, bags: Sequence[Counter[str]] | None = None,
            allowed: np.ndarray | None = None) -> list[list[int]]:
    """Group ``stories`` into events; ``df``/``n_docs`` default to the stories themselves.

    ``bags`` are the stories' :func:`terms`, when already computed; ``allowed`` (weights in [0, 1] over
    pairs, ``digest.story_gates.gate``) multiplies the similarity: 0 where a pair may never be linked.
    """
    if not stories:
        return []
    if bags is None:
        bags = [terms(s) for s in stories]
    if df is None:
        df, n_docs = document_frequency(bags)
    with blas_threads():
        sim = similarity(bags, df, n_docs)
        return average_link(sim if allowed is None else sim * allowed, threshold)
