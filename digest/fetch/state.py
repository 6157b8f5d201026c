"""What `digest fetch` remembers between runs, in SQLite beside the build cache (``.digest/fetch.sqlite``):
each source's validators (ETag, Last-Modified), where it moved, whether it is gone, and which entries
were fetched.

Like the build cache it only saves work: the content folder is the record of what was fetched (the
store is idempotent by URL and by content), so a lost or broken state file costs requests, never
duplicates. A broken file is set aside and a fresh one started, with a warning.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from pathlib import Path

from digest.fetch.http import Validators
from digest.lock import held_lock

STATE_FILE = "fetch.sqlite"
LOCK_FILE = "fetch.lock"
SCHEMA_VERSION = 1
_APP_ID = 0x64676674  # "dgft"
MAX_MOVES = 10  # a chain of recorded moves longer than this is a loop; stop following it

_TABLES = (
    "CREATE TABLE IF NOT EXISTS source (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, moved_to TEXT,"
    " gone_since TEXT, checked TEXT, added INTEGER DEFAULT 0, problem TEXT) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS entry (source TEXT, key TEXT, link TEXT, fetched TEXT,"
    " PRIMARY KEY (source, key)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS entry_link ON entry (link)",
    "CREATE TABLE IF NOT EXISTS robots (origin TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, body BLOB)"
    " WITHOUT ROWID",
)


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class FetchState:
    """Use as a context manager; ``warnings`` says what was repaired on opening."""

    def __init__(self, path: Path):
        self.path = path
        self.warnings: list[str] = []
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._connect()
        except sqlite3.DatabaseError as exc:
            aside = path.with_name(f"{path.name}.broken-{int(time.time())}")
            path.replace(aside)
            self.warnings.append(f"fetch state unreadable ({exc}); moved to {aside.name} and started afresh")
            self.db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
            if app_id == 0 and not tables:
                db.execute(f"PRAGMA application_id = {_APP_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif app_id != _APP_ID or db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                raise sqlite3.DatabaseError("not a digest fetch state of this version")
            for statement in _TABLES:
                db.execute(statement)
            db.commit()
            db.execute("PRAGMA journal_mode=WAL")  # commits append to a log: cheap, and readers never wait
            db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def current_url(self, url: str) -> str:
        """Where ``url`` is fetched from now: the end of its recorded permanent moves."""
        for _ in range(MAX_MOVES):
            row = self.db.execute("SELECT moved_to FROM source WHERE url=?", (url,)).fetchone()
            if not row or not row[0]:
                break
            url = row[0]
        return url

    def validators(self, url: str) -> Validators:
        row = self.db.execute("SELECT etag, last_modified FROM source WHERE url=?", (url,)).fetchone()
        return Validators(*row) if row else Validators()

    def gone_since(self, url: str) -> str | None:
        row = self.db.execute("SELECT gone_since FROM source WHERE url=?", (url,)).fetchone()
        return row[0] if row else None

    def record_check(self, url: str, validators: Validators | None = None, added: int = 0) -> None:
        """``url`` was read now; keep its new validators (None: keep the old ones)."""
        self._ensure(url)
        self.db.execute("UPDATE source SET checked=?, added=added+?, problem=NULL WHERE url=?", (_now(), added, url))
        if validators is not None:
            self.db.execute("UPDATE source SET etag=?, last_modified=? WHERE url=?",
                            (validators.etag, validators.last_modified, url))
        self.db.commit()

    def record_problem(self, url: str, reason: str) -> None:
        """``url`` could not be read now, for ``reason`` (shown by ``digest sources list``)."""
        self._ensure(url)
        self.db.execute("UPDATE source SET checked=?, problem=? WHERE url=?", (_now(), reason, url))
        self.db.commit()

    def record_move(self, url: str, new_url: str) -> None:
        self._ensure(url)
        self.db.execute("UPDATE source SET moved_to=? WHERE url=?", (new_url, url))
        self.db.commit()

    def record_gone(self, url: str) -> None:
        self._ensure(url)
        self.db.execute("UPDATE source SET gone_since=? WHERE url=?", (_now()[:10], url))
        self.db.commit()

    def summary(self, url: str) -> tuple[str | None, str | None, str | None, int]:
        """(gone since, last checked, last problem, articles added) for ``digest sources list``."""
        row = self.db.execute("SELECT gone_since, checked, problem, added FROM source WHERE url=?",
                              (url,)).fetchone()
        return tuple(row) if row else (None, None, None, 0)

    def seen_entries(self, source: str) -> set[str]:
        return {key for (key,) in self.db.execute("SELECT key FROM entry WHERE source=?", (source,))}

    def seen_links(self) -> set[str]:
        return {link for (link,) in self.db.execute("SELECT link FROM entry WHERE link IS NOT NULL")}

    def record_entry(self, source: str, key: str, link: str | None) -> None:
        """Committed with the next source's record, or on closing (one commit per entry would stall the run)."""
        self.db.execute("INSERT OR REPLACE INTO entry VALUES (?, ?, ?, ?)", (source, key, link, _now()))

    def robots(self, origin: str) -> tuple[Validators, bytes] | None:
        row = self.db.execute("SELECT etag, last_modified, body FROM robots WHERE origin=?", (origin,)).fetchone()
        return (Validators(row[0], row[1]), bytes(row[2])) if row and (row[0] or row[1]) else None

    def record_robots(self, origin: str, validators: Validators, body: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO robots VALUES (?, ?, ?, ?)",
                        (origin, validators.etag, validators.last_modified, body))
        self.db.commit()

    def _ensure(self, url: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO source (url) VALUES (?)", (url,))

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def __enter__(self) -> FetchState:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def fetch_lock(cache_dir: Path) -> AbstractContextManager[None]:
    """One `digest fetch` at a time per site."""
    return held_lock(cache_dir / LOCK_FILE, busy="another digest fetch of this site is running; try again when it ends")
