"""Errors and warnings that name the file (and line) they are about."""

from __future__ import annotations

import errno
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class DigestError(Exception):
    """A problem the user can fix; shown as one line, never as a traceback."""


class Interrupted(BaseException):
    """A signal (SIGINT, SIGTERM, SIGHUP) asked digest to stop. Raised in the main thread where it
    arrives, so every ``with`` and ``finally`` on the way out cleans up (worker processes ended,
    temporary folders removed, the old site left whole); like SystemExit, ``except Exception``
    does not catch it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def raise_interrupted(signum: int, frame: object = None) -> None:
    """A signal handler: stop the main thread with :class:`Interrupted`."""
    raise Interrupted(signum)


@contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP that arrive during the block take effect after it (in the main
    thread, where handlers live; elsewhere the block just runs). The handlers are swapped rather
    than the signals blocked: a signal taken by another thread still runs its handler here."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    held = [s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]
    before = {signum: signal.signal(signum, lambda signum, frame: caught.append(signum)) for signum in held}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
        if caught:
            signal.raise_signal(caught[0])  # now, as it would have been


class ConfigError(DigestError):
    """digest.toml has one or more bad fields; ``problems`` lists each one."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {p}" for p in problems))


class InputError(DigestError):
    """An input file cannot be read as an article."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


_WHAT_TO_DO = {
    errno.ENOSPC: "the disk is full: free some space, or choose a folder on another disk",
    errno.EDQUOT: "the disk quota is used up: free some space, or choose a folder on another disk",
    errno.EROFS: "the file system is read-only: choose a folder you can write to",
    errno.EACCES: "permission denied: check the folder's owner and permissions, or choose another folder",
    errno.EPERM: "not permitted: check the folder's owner and permissions, or choose another folder",
}


@contextmanager
def writing(folder: Path | str, what: str) -> Iterator[None]:
    """A failed write in the block (a full disk, a read-only file system, no permission) becomes
    one line naming the folder the user gave (not a temporary file in it), what digest was
    writing and what to do; any other OSError goes on as it is."""
    try:
        yield
    except OSError as exc:
        if exc.errno not in _WHAT_TO_DO:
            raise
        raise DigestError(f"{folder}: cannot write {what}; {_WHAT_TO_DO[exc.errno]}") from None


@dataclass(frozen=True)
class Problem:
    """A warning or error collected during a run, reported one per line."""

    level: str  # "warning" | "error"
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{self.level}: {where}: {self.message}"


class Report:
    """Collects problems during a run so that one bad file never stops the rest."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def warn(self, path: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem("warning", str(path), message, line))

    def error(self, path: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem("error", str(path), message, line))

    def add(self, exc: InputError, level: str = "error") -> None:
        self.problems.append(Problem(level, str(exc.path), exc.message, exc.line))

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]
