"""Advisory locks: one build, one ingest at a time per site. The kernel drops a lock when its
process ends, however it ends, so a killed run never leaves a stale lock behind."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from digest.errors import DigestError, writing


@contextmanager
def held_lock(path: Path, busy: str) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` (made if needed, with this process's id in it)
    for the block; a lock another process holds stops at once with DigestError("<path>: <busy>")."""
    with writing(path.parent, "the build cache"):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+")  # noqa: SIM115 - closed by the with below
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
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


@contextmanager
def held_folder(folder: Path, waiting: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` itself (made if needed; no lock file is written in
    it) for the block; while another process holds it, say so through ``waiting`` and wait.
    Like every ``flock``, the lock is seen by the processes of this machine only."""
    with writing(folder, "articles"):
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
