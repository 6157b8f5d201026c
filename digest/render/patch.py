"""Publish a build by patching the live site: only the files that changed are moved in.

An incremental build writes only its new and changed files into a staging folder; the files
it keeps are the live site's own. Swapping in a whole new tree would mean linking thousands
of unchanged files into it first, so instead the live site is patched in place, with a
journal that makes the patch all or nothing:

1. a stash folder (``.<site>.stash-*``) gets the journal: the files about to be placed;
2. every live file the new site replaces or drops is moved into the stash (``old/``), and the
   folders left empty are removed;
3. a marker (``placing``) is written, then each new file is moved from the staging folder
   into the site;
4. the stash is renamed ``.<site>.trash-*``: the patch is done, the trash is removed.

A failure in steps 1–3 rolls the site back to the old one (``roll_back``); so does the next
build's ``recover_output`` after a kill, for any stash it finds. A stash without its journal
had moved nothing; without the marker, nothing new was placed yet (or a roll-back already
removed what was). A roll-back cut short is finished by the next one. Renames only, within one
file system: no file is copied and no content can be half-written.

The files to drop are found without walking the live site when the last build recorded its
files (``output.LiveFiles``): ``plan`` checks the record against every file the patch touches
(it drops only files that are there, and places no file over one the record does not know, which
a roll-back could not restore) and walks the site when they disagree.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

JOURNAL = "journal.json"
PLACING = "placing"  # written once every replaced file is in the stash, before the first new file moves in
OLD = "old"


@dataclass(frozen=True)
class Patch:
    """What turns the live site into the new one."""

    place: tuple[str, ...]  # files of the staging folder that go into the site (new or changed)
    drop: tuple[str, ...]  # live files that are replaced or go away (they go to the stash)
    before: frozenset[str] = frozenset()  # every file of the live site before the patch

    def after(self) -> frozenset[str]:
        """Every file of the live site once the patch is applied."""
        return (self.before - set(self.drop)) | set(self.place)


def files_under(folder: Path, skip: frozenset[str] = frozenset()) -> Iterable[str]:
    """Every file under ``folder`` as a relative path with ``/``, not entering the folders in ``skip``."""
    base = len(str(folder)) + 1
    for parent, dirs, names in os.walk(folder, onerror=_raise):  # a folder left unread would be a file lost
        rel = parent[base:].replace(os.sep, "/")
        if skip:
            dirs[:] = [d for d in dirs if (f"{rel}/{d}" if rel else d) not in skip]
        for name in names:
            yield f"{rel}/{name}" if rel else name


def _raise(error: OSError) -> None:
    raise error


def plan(live: Path, staged: Path, kept: frozenset[str], kept_folders: frozenset[str],
         recorded: frozenset[str] | None = None) -> Patch:
    """The patch from ``live`` to the site of ``staged``'s files, the ``kept`` live files and the
    ``kept_folders`` of the live site. A staged file that is the live file itself (a hard link) is
    neither placed nor dropped.

    The live site's files are the ``recorded`` ones (every file the last build published), so
    the site is not walked, unless the site does not match the record where the patch touches
    it: a file to drop that is not there, a file to place that is there unrecorded, a kept file
    unrecorded. Then, as without a record, the whole live site is walked.
    """
    staged_files = set(files_under(staged))
    if recorded is not None:
        found = _planned(live, staged, staged_files, kept, kept_folders, recorded, checked=True)
        if found is not None:
            return found
    return _planned(live, staged, staged_files, kept, kept_folders, frozenset(files_under(live)), checked=False)


def _planned(live: Path, staged: Path, staged_files: set[str], kept: frozenset[str], kept_folders: frozenset[str],
             before: frozenset[str], checked: bool) -> Patch | None:
    """The patch for the live files ``before``; None when ``checked`` (``before`` is a record, not
    a walk) finds the live site unlike it."""
    if checked and not kept <= before:
        return None
    inside = tuple(f"{folder}/" for folder in kept_folders)
    root = str(live)
    place, drop = set(staged_files), []
    for relpath in before - kept:
        if inside and relpath.startswith(inside):
            continue
        if checked and not os.path.lexists(os.path.join(root, relpath)):
            return None
        if relpath in staged_files and os.path.samefile(staged / relpath, live / relpath):
            place.discard(relpath)
            continue
        drop.append(relpath)
    if checked and not _free(root, place - before, frozenset(drop)):
        return None
    return Patch(tuple(sorted(place)), tuple(sorted(drop)), before)


def _free(root: str, new: Iterable[str], dropped: frozenset[str]) -> bool:
    """Whether the live site has room for the ``new`` files the record does not know: nothing at
    their paths (a file there would be overwritten, and lost on a roll-back) and no file where
    one of their folders goes (the move would fail) unless the patch drops it first."""
    seen: set[str] = set()
    for relpath in new:
        if os.path.lexists(os.path.join(root, relpath)):
            return False
        folder = os.path.dirname(relpath)
        while folder and folder not in seen and folder not in dropped:
            seen.add(folder)
            path = os.path.join(root, folder)
            if os.path.lexists(path):
                if os.path.islink(path) or not os.path.isdir(path):
                    return False
                break
            folder = os.path.dirname(folder)
    return True


def apply(live: Path, staged: Path, patch: Patch, stash: Path) -> None:
    """Steps 1–3 of the patch into ``live`` (``stash`` is new and empty); on any error or signal
    the site is rolled back to the old one and the error raised."""
    try:
        write_journal(stash, patch)
        for relpath in patch.drop:
            move(live / relpath, stash / OLD / relpath)
        prune(live, patch.drop)
        (stash / PLACING).touch()
        for relpath in patch.place:
            target = live / relpath
            if target.is_dir() and not target.is_symlink():  # a folder of the old site turned into a file
                prune(live, [f"{relpath}/x"])
            move(staged / relpath, target)
    except BaseException:
        roll_back(live, stash)
        raise


def write_journal(stash: Path, patch: Patch) -> None:
    tmp = stash / f"{JOURNAL}.tmp"
    with open(tmp, "w") as f:
        json.dump({"place": patch.place}, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, stash / JOURNAL)


def move(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except FileNotFoundError:
        if not source.exists() and not source.is_symlink():
            raise
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)


def prune(root: Path, relpaths: Iterable[str]) -> None:
    """Remove the folders of ``root`` that hold the ``relpaths`` and are now empty, deepest first."""
    folders = {os.path.dirname(relpath) for relpath in relpaths}
    every = set()
    for folder in folders:
        while folder and folder not in every:
            every.add(folder)
            folder = os.path.dirname(folder)
    for folder in sorted(every, key=lambda f: f.count("/"), reverse=True):
        with contextlib.suppress(OSError):  # not empty, or already gone
            os.rmdir(root / folder)


def roll_back(live: Path, stash: Path) -> None:
    """Undo a patch that did not finish: the new files placed are removed and the stashed old ones
    put back; the stash is then removed. The live site is the old one again, file for file."""
    try:
        placed = json.loads((stash / JOURNAL).read_text())["place"]
    except FileNotFoundError:  # the journal was never written: nothing was moved
        placed = []
    if (stash / PLACING).exists():
        for relpath in placed:
            # not placed yet, or never: a file where its folder goes (NotADirectoryError)
            with contextlib.suppress(FileNotFoundError, NotADirectoryError):
                os.unlink(live / relpath)
        prune(live, placed)
        os.unlink(stash / PLACING)  # a roll-back cut short past here must not unlink restored files
    old = stash / OLD
    restored = list(files_under(old)) if old.is_dir() else []
    for relpath in restored:
        target = live / relpath
        if target.is_dir() and not target.is_symlink():  # a folder made for new files, emptied above
            prune(live, [f"{relpath}/x"])
        move(old / relpath, target)
    shutil.rmtree(stash, ignore_errors=True)
