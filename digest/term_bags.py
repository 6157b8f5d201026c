"""The stories' term bags (``digest.stories.terms``) kept between builds, so a window clustered again
does not compute the bags of the hundreds of articles it shares with the last build.

One SQLite file in the cache folder, a row per article text: the digest of its title and paragraphs,
the version of the clustering code that made it, and its bag as JSON (in the bag's own order, which
fixes the columns of the similarity to the last bit). A build stores the bags it computed, deletes
the rows of another code version and of texts no longer in the archive, so the file holds at most
one bag per article. A row that is not a bag of finite positive weights is computed again; a file that
cannot be used (locked, unopenable, a full disk) is left alone for the rest of the build, which computes
every bag, and a corrupt one ("file is not a database", "malformed") is also removed, so the next build
starts it again. Either is one warning in the build's report naming the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from digest.errors import Report
from digest.stories import StoryText, terms

CHUNK = 500  # keys per query (SQLite allows at least 999 parameters)
FORMAT = 2  # how a bag is stored (bag_to_json): part of every row's version
FLUSH = 1000  # bags computed before they are stored: what a cold build holds in memory at most
Bags = dict[StoryText, Counter[str]]


def text_key(text: StoryText) -> str:
    """The digest of what ``terms`` reads of an article: its title and paragraphs as a JSON list (so no
    two texts share one, whatever characters they hold)."""
    joined = json.dumps([text.title, list(text.paragraphs)])
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def bag_to_json(bag: Counter[str]) -> str:
    """``bag`` as two JSON lists, its terms and their weights, in the bag's order."""
    return json.dumps([list(bag), list(bag.values())], separators=(",", ":"))


def bag_from_json(payload: object) -> Counter[str] | None:
    """The bag :func:`bag_to_json` stored as ``payload``; None unless it is distinct terms (strings) with
    finite positive weights (floats). Checked with loops in C: a window reads hundreds of bags."""
    try:
        terms_, weights = json.loads(payload) if isinstance(payload, str) else (None, None)
        if type(terms_) is not list or type(weights) is not list or len(terms_) != len(weights):
            return None
        if not set(map(type, terms_)) <= {str} or not set(map(type, weights)) <= {float}:
            return None
        if weights and not (math.isfinite(math.fsum(weights)) and min(weights) > 0):  # NaN, inf or <= 0
            return None
    except (ValueError, TypeError, OverflowError):  # not JSON, not two lists; inf - inf or overflow in fsum
        return None
    bag = Counter(dict(zip(terms_, weights, strict=True)))
    return bag if len(bag) == len(terms_) else None


def corrupted(exc: sqlite3.Error) -> bool:
    """Whether ``exc`` says the file is damaged (not an error that may pass: locked, read-only, full)."""
    message = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and ("file is not a database" in message or "malformed" in message)


def chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


class TermBags:
    """``terms`` of article texts through the file at ``path`` (opened on first use). The bags computed
    are stored every ``FLUSH`` (a row is named by its text's digest, so storing early is safe) and by
    ``save``, which also prunes the file to the archive's texts."""

    def __init__(self, path: Path, version: str, report: Report, clean: bool = False):
        self.path, self.version, self.report = path, f"{FORMAT}|{version}", report
        self.fresh: dict[str, Counter[str]] = {}  # computed in this build, stored by save
        self.damaged = 0  # rows that were not bags (computed again)
        self.db: sqlite3.Connection | None = None
        self.broken = False  # the file could not be used: this build computes every bag
        if clean:
            self.path.unlink(missing_ok=True)

    def __call__(self, texts: Sequence[StoryText], known: Bags) -> Bags:
        """The bags of ``texts`` (in order, each once): from ``known`` (the last window's), the file, or
        computed (and kept for ``save``)."""
        bags = {text: known[text] for text in texts if text in known}
        missing = {text_key(text): text for text in texts if text not in bags}
        stored = self.load(list(missing))
        for key, text in missing.items():
            bag = stored.get(key)
            if bag is None:
                bag = self.fresh.get(key)
            if bag is None:
                bag = self.fresh[key] = terms(text)
            bags[text] = bag
        if len(self.fresh) >= FLUSH:
            self.flush()
        return {text: bags[text] for text in texts}

    def load(self, keys: list[str]) -> dict[str, Counter[str]]:
        """The stored bags of ``keys`` that can be read back; the others are missing."""
        found: dict[str, Counter[str]] = {}
        damaged = 0
        db = self.connection()
        if db is None or not keys:
            return found
        try:
            for part in chunks(keys):
                query = f"SELECT key, bag FROM bags WHERE version = ? AND key IN ({','.join('?' * len(part))})"
                for key, payload in db.execute(query, (self.version, *part)):
                    bag = bag_from_json(payload)
                    if bag is None:
                        damaged += 1
                    else:
                        found[key] = bag
        except sqlite3.Error as exc:
            self.unusable(exc, "the stored term bags cannot be read")
            return {}
        if damaged and not self.damaged:  # one line a build
            self.report.warn(str(self.path), f"{damaged} stored term bag(s) damaged; computed again")
        self.damaged += damaged
        return found

    def connection(self) -> sqlite3.Connection | None:
        """The open file (made when missing); None when it cannot be used in this build (reported once)."""
        if self.db is None and not self.broken:
            try:
                self.db = sqlite3.connect(self.path, timeout=30)
                self.db.execute("CREATE TABLE IF NOT EXISTS bags (version TEXT NOT NULL, key TEXT NOT NULL, "
                                "bag TEXT NOT NULL, PRIMARY KEY (version, key))")
            except sqlite3.Error as exc:
                self.unusable(exc, "the stored term bags cannot be opened")
        return self.db

    def unusable(self, exc: sqlite3.Error, what: str, then: str = "computed again") -> None:
        """The file cannot be used: say so (once: it is not used again in this build, whose bags are
        computed and not stored); a corrupt file is removed, so the next build starts it again. Other
        errors (locked, read-only, a full disk) may pass: the file is kept."""
        self.close()
        self.broken = True
        corrupt = corrupted(exc)
        if corrupt:
            for path in (self.path, self.path.with_name(self.path.name + "-journal")):
                with contextlib.suppress(OSError):
                    path.unlink()
        self.report.warn(str(self.path), f"{what} ({exc}); {then}" + ("; the file is removed" if corrupt else ""))

    def save(self, archive: Iterable[StoryText]) -> None:
        """Store this build's bags; drop the rows of another code version and of texts not in ``archive``."""
        if self.broken or (not self.fresh and not self.path.exists()):  # not used again in this build
            self.fresh = {}
            self.close()
            return
        db = self.connection()
        if db is not None:
            try:
                with db:
                    self.prune(db, {text_key(text) for text in archive})
            except sqlite3.Error as exc:
                self.unusable(exc, "cannot store the term bags", "the next build computes them")
        self.flush()
        self.close()

    def flush(self) -> None:
        """Store the bags computed so far, and forget them (a file that cannot be used keeps none)."""
        db = self.connection()
        if db is not None and self.fresh:
            try:
                with db:
                    db.executemany("INSERT OR REPLACE INTO bags VALUES (?, ?, ?)",
                                   [(self.version, key, bag_to_json(bag)) for key, bag in self.fresh.items()])
            except sqlite3.Error as exc:
                self.unusable(exc, "cannot store the term bags", "the next build computes them")
        self.fresh = {}

    def prune(self, db: sqlite3.Connection, keep: set[str]) -> None:
        db.execute("DELETE FROM bags WHERE version != ?", (self.version,))
        gone = [key for (key,) in db.execute("SELECT key FROM bags") if key not in keep]
        for part in chunks(gone):
            db.execute(f"DELETE FROM bags WHERE key IN ({','.join('?' * len(part))})", part)
        for key in [key for key in self.fresh if key not in keep]:
            del self.fresh[key]

    def close(self) -> None:
        """Close the file (if open); safe to call again."""
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            self.db = None
