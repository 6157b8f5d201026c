"""The build cache: SQLite under .digest/.

Two tables: extraction results keyed by article id + pipeline + extractor version, and
articles as read from content/ keyed by file path + size + mtime + reader version, so a
warm build neither parses YAML nor loads spaCy.

A corrupted or foreign database is set aside (renamed) and a fresh one created, with a
warning: the cache only ever saves time, it never holds anything that cannot be rebuilt.
Damage is found where it shows: opening the file (a foreign or garbled header, a schema
that cannot be read), any read that meets a damaged page (SQLite says so), and a full
integrity check (``PRAGMA quick_check``, which reads the whole file, so its time grows
with the archive) once every ``CHECK_EVERY`` instead of on every build.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from digest.errors import DigestError
from digest.models import Article, Attribution, Extraction, Meeting, Quote, SpeakerKind

SCHEMA_VERSION = 1
CHECK_EVERY = 7 * 24 * 3600  # seconds between two full integrity checks of the cache file
_APP_ID = 0x64676374  # "dgct": marks the file as ours


def extraction_to_json(extraction: Extraction) -> str:
    return json.dumps(asdict(extraction), ensure_ascii=False, separators=(",", ":"))


def _quote(data: dict) -> Quote:
    how, kind = data.get("attribution"), data.get("speaker_kind")
    return Quote(**{**data, "attribution": Attribution(how) if how else None,
                    "speaker_kind": SpeakerKind(kind) if kind else None})


def extraction_from_json(payload: str) -> Extraction:
    data = json.loads(payload)
    return Extraction(
        article_id=data["article_id"],
        quotes=tuple(_quote(q) for q in data["quotes"]),
        meetings=tuple(
            Meeting(**{**m, "participants": tuple(m["participants"]), "mentions": tuple(m["mentions"])})
            for m in data["meetings"]
        ),
    )


def articles_to_json(articles: list[Article], warnings: list[tuple[str, int | None]]) -> str:
    """A file's articles and the warnings reading it gave (replayed on every cached read)."""
    rows = [{**asdict(a), "published": a.published.isoformat()} for a in articles]
    return json.dumps({"articles": rows, "warnings": warnings}, ensure_ascii=False, separators=(",", ":"))


def articles_from_json(payload: str | None) -> tuple[list[Article], list[tuple[str, int | None]]] | None:
    """What :func:`articles_to_json` stored; None for nothing stored or a row that cannot be read
    back (damaged, or made for objects of another shape): the file is then read again."""
    if payload is None:
        return None
    try:
        data = json.loads(payload)
        articles = [
            Article(**{**row, "published": datetime.fromisoformat(row["published"]),
                       "paragraphs": tuple(row["paragraphs"]), "tags": tuple(row["tags"])})
            for row in data["articles"]
        ]
        return articles, [(str(message), line) for message, line in data["warnings"]]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


class ExtractionCache:
    """Cached extraction results. Use as a context manager; ``warnings`` says what was repaired."""

    def __init__(self, path: Path):
        self.path = path
        self.warnings: list[str] = []
        self.read_only = False  # set when a write failed (a full disk): nothing more is stored
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except sqlite3.OperationalError as exc:  # a full disk, a read-only folder: not a damaged cache
            raise DigestError(f"{self.path.parent}: cannot use the build cache ({exc}); free some space or "
                              "check the folder's permissions (the cache can always be deleted)") from None
        except sqlite3.DatabaseError as exc:
            return self._set_aside(exc)

    def _set_aside(self, exc: sqlite3.DatabaseError) -> sqlite3.Connection:
        """Move the damaged file out of the way (kept for a post-mortem) and start an empty cache."""
        aside = self.path.with_name(f"{self.path.name}.broken-{int(time.time())}")
        self.path.replace(aside)
        self.warnings.append(f"{self.path}: cache unreadable ({exc}); moved to {aside.name} and rebuilt")
        return self._connect()

    def _damaged(self, exc: sqlite3.DatabaseError) -> None:
        """A read met a damaged page: this build goes on with an empty cache (what it needed is made again)."""
        if type(exc) not in (sqlite3.DatabaseError, sqlite3.DataError):  # locked, busy, a closed handle: not damage
            raise exc
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        self.db = self._set_aside(exc)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if app_id == 0 and not tables:
                db.execute(f"PRAGMA application_id = {_APP_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif app_id != _APP_ID or db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                raise sqlite3.DatabaseError("not a digest cache of this version")
            # Tables added since a cache was made are added to it (the cache only ever saves time).
            db.execute(
                "CREATE TABLE IF NOT EXISTS extraction (article_id TEXT, pipeline TEXT, extractor TEXT,"
                " payload TEXT, PRIMARY KEY (article_id, pipeline, extractor)) WITHOUT ROWID"
            )
            db.execute("CREATE TABLE IF NOT EXISTS source_file (path TEXT PRIMARY KEY, stamp TEXT, payload TEXT)"
                       " WITHOUT ROWID")
            db.execute("CREATE TABLE IF NOT EXISTS checked (at REAL)")
            db.commit()
            self._check_on_schedule(db)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    @staticmethod
    def _check_on_schedule(db: sqlite3.Connection) -> None:
        """The full integrity check, when the last one is older than CHECK_EVERY (or there was none)."""
        last = db.execute("SELECT max(at) FROM checked").fetchone()[0]
        now = time.time()
        if last is not None and 0 <= now - last < CHECK_EVERY:
            return
        if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("integrity check failed")
        with contextlib.suppress(sqlite3.OperationalError), db:  # a full disk: checked again next time
            db.execute("DELETE FROM checked")
            db.execute("INSERT INTO checked VALUES (?)", (now,))

    def _select(self, statement: str, chunks: list[list], fixed: tuple = ()) -> list[tuple]:
        """Every row of ``statement`` (whose last parameter list is ``?`` marks for one chunk) over the
        chunks; none when the file turns out to be damaged (it is set aside, with a warning)."""
        rows: list[tuple] = []
        try:
            for chunk in chunks:
                marks = ",".join("?" * len(chunk))
                rows += self.db.execute(statement.format(marks=marks), [*fixed, *chunk]).fetchall()
        except sqlite3.DatabaseError as exc:
            self._damaged(exc)
            return []
        return rows

    def get_many(self, keys: list[str], pipeline: str, extractor: str) -> dict[str, Extraction]:
        """The extractions stored under ``keys`` (``digest.extract.cache_key``: an article and its day)."""
        found: dict[str, Extraction] = {}
        rows = self._select("SELECT article_id, payload FROM extraction WHERE pipeline=? AND extractor=?"
                            " AND article_id IN ({marks})", _chunks(keys), (pipeline, extractor))
        for key, payload in rows:
            try:
                found[key] = extraction_from_json(payload)
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # an unreadable row is simply extracted again
        return found

    def put_many(self, items: dict[str, Extraction], pipeline: str, extractor: str) -> None:
        """Store each extraction under its key (``digest.extract.cache_key``)."""
        self._store("INSERT OR REPLACE INTO extraction VALUES (?, ?, ?, ?)",
                    [(key, pipeline, extractor, extraction_to_json(e)) for key, e in items.items()])

    def _store(self, statement: str, rows: list[tuple]) -> None:
        """Store rows; when the disk is full (or the file turned read-only) say so once and go on
        without storing: the cache only saves time."""
        if self.read_only:
            return
        try:
            self.db.executemany(statement, rows)
            self.db.commit()
        except sqlite3.OperationalError as exc:
            self.read_only = True
            self.warnings.append(f"{self.path}: cannot store in the cache ({exc}); this build is not cached")
            with contextlib.suppress(sqlite3.Error):
                self.db.rollback()
        except sqlite3.DatabaseError as exc:  # a damaged page met by the write (reads never touch it)
            self._damaged(exc)
            with contextlib.suppress(sqlite3.Error):  # into the new, empty cache (once: never a loop)
                self.db.executemany(statement, rows)
                self.db.commit()

    def get_file(self, path: str, stamp: str) -> str | None:
        """What was stored for ``path`` when its stamp (size, mtime, reader version…) was ``stamp``."""
        rows = self._select("SELECT payload FROM source_file WHERE stamp=? AND path IN ({marks})", [[path]], (stamp,))
        return rows[0][0] if rows else None

    def get_files(self, stamps: dict[str, str]) -> dict[str, str]:
        """path -> what was stored for it, for every path of ``stamps`` stored with that stamp (one query
        per 500 paths)."""
        rows = self._select("SELECT path, stamp, payload FROM source_file WHERE path IN ({marks})",
                            _chunks(list(stamps)))
        return {path: payload for path, stamp, payload in rows if stamps[path] == stamp}

    def put_files(self, rows: list[tuple[str, str, str]]) -> None:
        """Store (path, stamp, payload) rows."""
        self._store("INSERT OR REPLACE INTO source_file VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _chunks(values: list, size: int = 500) -> list[list]:
    """``values`` in lists of at most ``size`` (SQLite's limit on parameters of one statement)."""
    return [values[i : i + size] for i in range(0, len(values), size)]
