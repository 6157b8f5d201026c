"""The one writer that owns the output folder.

A build writes into a fresh temporary folder beside the output and publishes it at the end,
so a failed or interrupted build never leaves half a site: the previous site stays whole until
the new one is complete. Files the build keeps from the previous site (``keep``) are not
written; when they are most of the site, the live site is patched with the new and changed
files only (``digest.render.patch``: journalled, rolled back on failure or after a kill),
else the kept files are linked into the new folder and it is swapped in whole. Nothing is
written into the live site but by those two.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from digest.errors import DigestError, signals_held, writing
from digest.render import patch

MARKER = ".digest-site"  # marks a folder as a digest build we may replace
BACKGROUND_REMOVAL_FILES = 500  # a replaced site with more files than this is removed in the background


class SiteWriter:
    """Writes a site into a fresh folder and swaps it in for ``output`` on success.

    ``articles`` is how many articles the new site holds: a site of none never replaces one
    that had some unless ``allow_empty`` (an unreadable or vanished content folder must not
    publish an empty site). Folders and files follow the umask, like any tool's output; a
    write that fails says which folder and what to do.
    """

    def __init__(self, output: Path, articles: int | None = None, allow_empty: bool = False,
                 live_files: LiveFiles | None = None):
        self.output = self.check_replaceable(output)
        self.articles = articles
        self.live_files = live_files  # the record of the live site's files, updated when the new site is published
        if articles == 0 and not allow_empty:
            self.check_not_emptied(self.output)
        with writing(self.output, "the site"):
            self.output.parent.mkdir(parents=True, exist_ok=True)
            self.tmp = new_folder(self.output.parent, f".{self.output.name}.new-")
        self.written: list[str] = []  # every file of the new site, written or kept
        self.kept: set[str] = set()  # files of the live site that are the new site's too (not in tmp)
        self.kept_folders: set[str] = set()  # folders of the live site kept whole
        self.linked: set[str] = set()  # kept files hard-linked into tmp (by complete)
        self.fresh: set[str] = set()  # files written into tmp

    @staticmethod
    def check_not_emptied(output: Path) -> None:
        """Refuse to replace a site that has articles with one that has none."""
        before = published_articles(output)
        if before:
            raise DigestError(
                f"{output}: this build found no articles and the site there has {before:,}; it is kept as it was "
                "(see the errors above; pass --allow-empty to publish an empty site)")

    @staticmethod
    def check_replaceable(output: Path) -> Path:
        """The output folder, if digest may replace it: absent, empty, or made by digest."""
        output = output.resolve()
        if output.exists() and not output.is_dir():
            raise DigestError(f"{output}: the output path exists and is not a folder")
        if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
            raise DigestError(
                f"{output}: the output folder is not empty and was not made by digest; "
                "refusing to replace it (choose another --output or empty it)")
        return output

    def path_for(self, relpath: str) -> Path:
        """The file for a site-relative path; refuses anything that would leave the site."""
        return Path(self.file_for(relpath))

    def file_for(self, relpath: str) -> str:
        """:meth:`path_for` as a string (cheaper, for the thousands of files an incremental build links)."""
        parts = relpath.split("/")
        if not relpath or relpath[0] == "/" or "\\" in relpath or any(p in ("..", ".", "") for p in parts):
            raise DigestError(f"refusing to write outside the site: {relpath!r}")
        # Checked lexically: the temporary folder is fresh and only ever gets regular files and
        # folders from this writer, so no symlink inside it can redirect a write (and resolving
        # every path costs seconds on a large site).
        return os.path.join(self.tmp, relpath)

    def write(self, relpath: str, content: str | bytes) -> None:
        target = self.path_for(relpath)
        data = content.encode("utf-8") if isinstance(content, str) else content
        self.kept.discard(relpath)
        if relpath in self.linked:  # never write through a link into the live site
            self.linked.discard(relpath)
            target.unlink(missing_ok=True)
        with writing(self.output, "the site"):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        self.written.append(relpath)
        self.fresh.add(relpath)

    def keep(self, relpath: str) -> bool:
        """The live site's file ``relpath`` is the new site's too (not written again); False, and
        nothing kept, when the live site has no such file or this build already wrote one there
        (it is made again: the last making counts)."""
        self.file_for(relpath)  # refuses a path outside the site
        if relpath in self.kept:
            return True
        if relpath in self.fresh or not os.path.isfile(os.path.join(self.output, relpath)):
            return False
        self.kept.add(relpath)
        self.written.append(relpath)
        return True

    def source(self, relpath: str) -> str:
        """Where the new site's file ``relpath`` is now: the live site's when it is kept, else the new folder's."""
        return os.path.join(self.output, relpath) if relpath in self.kept else self.file_for(relpath)

    def keep_folder(self, relpath: str) -> None:
        """The live site's folder ``relpath`` is the new site's, whole (a search index part)."""
        self.file_for(relpath)
        if not (self.output / relpath).is_dir():
            raise DigestError(f"{self.output / relpath}: the folder to keep is gone")
        self.kept_folders.add(relpath)

    def complete(self) -> None:
        """Link every kept file into the new site's folder, so it holds the whole site (for a tool
        that reads the finished site there)."""
        with writing(self.output, "the site"):
            for folder in sorted(self.kept_folders):
                shutil.copytree(self.output / folder, self.tmp / folder, copy_function=os.link, dirs_exist_ok=True)
            made: set[str] = set()
            for relpath in sorted(self.kept):
                target = self.file_for(relpath)
                folder = os.path.dirname(target)
                if folder not in made:
                    os.makedirs(folder, exist_ok=True)
                    made.add(folder)
                os.link(os.path.join(self.output, relpath), target)
        self.linked |= self.kept
        self.kept, self.kept_folders = set(), set()

    def patching(self) -> bool:
        """Whether publishing patches the live site: it exists and most of the new site is kept from it."""
        kept = len(self.kept) + len(self.kept_folders)
        return self.output.is_dir() and kept > 0 and kept >= len(self.written) - len(self.kept)

    def copy(self, relpath: str, source: Path) -> None:
        self.write(relpath, source.read_bytes())

    def commit(self) -> None:
        """Publish the finished build: patch the live site (``patching``) or swap the new folder in
        for it (two renames), then drop what was replaced.

        Neither is cut by SIGINT, SIGTERM or SIGHUP (they wait until it is done), so a signal
        never leaves the output folder missing or half patched."""
        count = "" if self.articles is None else f"articles: {self.articles}\n"
        trash = None
        try:
            with writing(self.output, "the site"):
                (self.tmp / MARKER).write_text(f"built by digest; this folder is replaced on every build\n{count}")
                if not self.patching():
                    self.complete()
                with signals_held():  # a signal that waited is raised as this block ends…
                    trash = self._patch() if self.kept or self.kept_folders else self._swap()
        finally:  # …and the old site, swapped out, is still removed
            if trash:
                remove_tree(trash, background=len(self.written) > BACKGROUND_REMOVAL_FILES)

    def _patch(self) -> Path:
        """Patch the live site into the new one (``digest.render.patch``); returns the trash of the
        replaced files, with the emptied temporary folder in it."""
        recorded = self.live_files.files if self.live_files is not None else None
        changes = patch.plan(self.output, self.tmp, frozenset(self.kept), frozenset(self.kept_folders), recorded)
        stash = new_folder(self.output.parent, f".{self.output.name}.stash-")
        patch.apply(self.output, self.tmp, changes, stash)
        if self.live_files is not None:
            self.live_files.publish(changes.after())
        trash = stash.with_name(stash.name.replace(".stash-", ".trash-", 1))
        os.replace(stash, trash)  # the patch is done: a .trash-* folder is never rolled back
        os.replace(self.tmp, trash / "staged")
        return trash

    def _swap(self) -> Path | None:
        files = frozenset(patch.files_under(self.tmp)) if self.live_files is not None else None
        old = None
        if self.output.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.old-", dir=self.output.parent))
            os.rmdir(old)
            os.replace(self.output, old)
        try:
            os.replace(self.tmp, self.output)
        except BaseException:
            if old is not None:  # the live site goes back at once, not only at the next build's recovery
                os.replace(old, self.output)
            raise
        if self.live_files is not None:
            self.live_files.publish(files)
        if old is None:
            return None
        trash = old.with_name(old.name.replace(".old-", ".trash-", 1))
        os.replace(old, trash)  # a .trash-* folder is never restored by recover_output
        return trash

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> SiteWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()
            return
        try:
            self.commit()
        except BaseException:
            self.abort()
            raise


class LiveFiles:
    """The record of every file of the live site, kept between builds (in the cache folder) so
    that patching the site need not walk it to find the files to drop: thousands of folders,
    seconds on a cold disk cache.

    It is read and removed when a build opens it, before anything can change the site, and
    written again (``save``) only once the new site is published, with its files: the new
    folder's when it was swapped in, else the record (or the walk) before the patch less the
    files dropped plus those placed. A build that fails, is rolled back or is killed thus leaves
    no record, and the next one walks the site. A record is also ignored when it was made for
    another output folder or when the site's marker is not the file it was written beside (the
    site was replaced by other means); ``patch.plan`` checks it against every file the patch
    touches and walks the site if they disagree. A file put into the live site by hand, outside
    digest, is left there by a patch that goes by the record (a walk would drop it).
    """

    VERSION = 1

    def __init__(self, record: Path, output: Path, use: bool = True):
        self.record, self.output = record, output
        self.files = self._load() if use else None  # the live site's files, None when unknown
        record.unlink(missing_ok=True)  # from here on the site may change: no stale record survives
        self.published: frozenset[str] | None = None  # the new site's files, once it is published
        self.marker: str | None = None  # the stamp of the marker published with them

    def _stamp(self) -> str | None:
        try:
            st = os.stat(self.output / MARKER)
        except OSError:
            return None
        return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"

    def _load(self) -> frozenset[str] | None:
        try:
            data = json.loads(self.record.read_text())
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != self.VERSION or data.get("output") != str(self.output):
            return None
        files = data.get("files")
        if data.get("marker") != self._stamp() or not isinstance(files, list) or \
                not all(isinstance(f, str) for f in files):
            return None
        return frozenset(files)

    def publish(self, files: frozenset[str]) -> None:
        """The new site, of ``files``, is published now (its marker is this build's)."""
        self.published, self.marker = files, self._stamp()

    def save(self) -> None:
        """Called after the new site is published; nothing is written when it was not, or when the
        site's marker is no longer the one published with it (another build, from another cache
        folder, published the site since: the lock is per cache folder)."""
        stamp = self._stamp()
        if self.published is None or stamp is None or stamp != self.marker:
            return
        data = {"version": self.VERSION, "output": str(self.output), "marker": stamp, "files": sorted(self.published)}
        tmp = self.record.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")))
        os.replace(tmp, self.record)


def published_articles(output: Path) -> int:
    """How many articles the digest site in ``output`` holds (0 when there is none); for a site
    built before digest counted them in its marker, its article pages are counted."""
    try:
        marker = (output / MARKER).read_text(errors="replace")
    except OSError:
        return 0
    found = re.search(r"^articles: (\d+)$", marker, re.MULTILINE)
    if found:
        return int(found.group(1))
    try:
        return sum(1 for entry in os.scandir(output / "articles") if entry.is_dir(follow_symlinks=False))
    except OSError:
        return 0


def new_folder(parent: Path, prefix: str) -> Path:
    """A new, uniquely named folder in ``parent`` whose mode follows the umask (unlike
    ``tempfile.mkdtemp``, always 0700: a published site must be readable by a web server)."""
    while True:
        folder = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder


def remove_tree(folder: Path, background: bool = False) -> None:
    """Delete ``folder``; with ``background``, in a detached process so the build need not wait.

    Deleting a site of thousands of files takes a second or more, and nothing waits for the
    replaced site: it has already been renamed out of the way (``.<name>.trash-*``), and the
    next build removes whatever a killed removal left behind.
    """
    if background:
        try:
            remover = "import shutil, sys; shutil.rmtree(sys.argv[1], True)"
            subprocess.Popen([sys.executable, "-c", remover, str(folder)], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            return
        except OSError:
            pass
    shutil.rmtree(folder, ignore_errors=True)
