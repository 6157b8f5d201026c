"""Advisory locks on a file in the cache folder: one build, one ingest at a time per site."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from digest.errors import DigestError, writing


@contextmanager
def held_lock(path: Path, busy: str | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (made if needed) for the block. With ``busy``, a lock
    another process holds stops at once with DigestError("<path>: <busy>"); without, it is waited for.
    The kernel drops the lock when the process ends, however it ends."""
    with writing(path.parent, "the build cache"):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+")  # noqa: SIM115 - closed by the with below
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (fcntl.LOCK_NB if busy else 0))
        except BlockingIOError:
            raise DigestError(f"{path}: {busy}") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
