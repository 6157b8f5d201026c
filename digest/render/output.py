"""The one writer that owns the output folder.

A build writes into a fresh temporary folder beside the output and swaps it in at the
end, so a failed or interrupted build never leaves half a site: the previous site stays
whole until the new one is complete. Nothing is ever written outside the temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath

from digest.errors import DigestError

MARKER = ".digest-site"  # marks a folder as a digest build we may replace
BACKGROUND_REMOVAL_FILES = 2000  # a replaced site with more files than this is removed in the background


class SiteWriter:
    def __init__(self, output: Path):
        self.output = self.check_replaceable(output)
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.new-", dir=self.output.parent))
        self.written: list[str] = []

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
        parts = PurePosixPath(relpath).parts
        if not parts or relpath.startswith("/") or any(p in ("..", "") for p in parts) or "\\" in relpath:
            raise DigestError(f"refusing to write outside the site: {relpath!r}")
        # Checked lexically: the temporary folder is fresh and only ever gets regular files and
        # folders from this writer, so no symlink inside it can redirect a write (and resolving
        # every path costs seconds on a large site).
        return self.tmp.joinpath(*parts)

    def write(self, relpath: str, content: str | bytes) -> None:
        target = self.path_for(relpath)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        target.write_bytes(data)
        self.written.append(relpath)

    def copy(self, relpath: str, source: Path) -> None:
        self.write(relpath, source.read_bytes())

    def commit(self) -> None:
        """Swap the finished build in for the old site (two renames), then drop the old one."""
        (self.tmp / MARKER).write_text("built by digest; this folder is replaced on every build\n")
        old = None
        if self.output.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.old-", dir=self.output.parent))
            os.rmdir(old)
            os.replace(self.output, old)
        os.replace(self.tmp, self.output)
        if old:
            trash = old.with_name(old.name.replace(".old-", ".trash-", 1))
            os.replace(old, trash)  # a .trash-* folder is never restored by recover_output
            remove_tree(trash, background=len(self.written) > BACKGROUND_REMOVAL_FILES)

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> SiteWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


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
