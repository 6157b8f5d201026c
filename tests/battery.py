"""The bad-input battery: a content/ folder of broken and hostile files plus one good article, built once
per test session with the real `digest build` (a subprocess, as a user runs it).

Small files are committed in tests/fixtures/bad/; the big and pathological ones (a 50 MB article,
100,000 tiny articles in one JSON Lines file, 10,000 unclosed quote marks, a 100,000-character
sentence, a link to a file outside content/, a file name with markup and an escape sequence) are
generated here into a temporary folder, never committed. Shared by tests/test_bad_input.py and the
browser test tests/test_hostile_site.py.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
BAD = FIXTURES / "bad"
GOOD = FIXTURES / "site" / "seed-1.md"
TODAY = "2022-01-11"
ODD_NAME = "odd [red]name \x1b[31mred.md"  # Rich markup and a terminal escape sequence in a file name
FILLER = ("The river rose slowly through the valley as farmers checked their fields, fences and barns "
          "before the long winter set in across the plain. ")


def digest(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "digest", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=timeout)


def big_article(path: Path, size: int = 50 * 1024 * 1024) -> None:
    """A plain-text article of ``size`` bytes (no quote marks or meeting words: cheap to extract)."""
    paragraph = (FILLER * 8).strip() + "\n\n"
    block = paragraph.encode() * 1000
    with open(path, "wb") as handle:
        handle.write(f"An article of {size // 1024 // 1024} MB\nDate: {TODAY}\n\n".encode())
        while handle.tell() + len(block) < size:
            handle.write(block)
        rest = size - handle.tell()
        handle.write((paragraph.encode() * (rest // len(paragraph) + 1))[:rest])


def tiny_articles(path: Path, count: int = 100_000) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(json.dumps({"title": f"Tiny {i}", "date": TODAY, "text": f"Tiny article number {i}."}) + "\n")


def write_generated(content: Path, outside: Path) -> None:
    big_article(content / "big-50mb.txt")
    tiny_articles(content / "tiny-100k.jsonl")
    (content / "quotes-10000.txt").write_text(
        f"Ten thousand quote marks\nDate: {TODAY}\n\nThe crowd outside chanted " + "“" * 10_000 + " all night.\n\n"
        "“We heard them,” said Mayor Jan Olsen, who will meet the protesters on Friday.\n", encoding="utf-8")
    words = FILLER.replace(",", "").replace(".", "and").lower()
    sentence = "“The talks will go on,” the spokesman said as the ministers prepared to meet in Geneva on January 20 "
    sentence += (words * (100_000 // len(words) + 1))[: 100_000 - len(sentence) - 1].rstrip() + "."
    (content / "sentence-100k.txt").write_text(f"One very long sentence\nDate: {TODAY}\n\n{sentence}\n",
                                               encoding="utf-8")
    secret = outside / "secret.txt"
    secret.write_text(f"Secret notes\nDate: {TODAY}\n\nThis file lives outside the content folder: SECRET-TOKEN.\n")
    (content / "link-outside.txt").symlink_to(secret)
    (content / ODD_NAME).write_text("---\ntitle: An odd file name\n---\n\nThe name has markup in it, and no date.\n")


def make_battery(root: Path) -> Path:
    """A site project at ``root``: digest.toml and content/ with the whole battery. Returns content/."""
    content = root / "content"
    content.mkdir(parents=True)
    for path in sorted(BAD.iterdir()):
        shutil.copy(path, content / path.name)
    shutil.copy(GOOD, content / "good.md")
    (root / "outside").mkdir()
    write_generated(content, root / "outside")
    # full_text: the whole of every hostile article is rendered, not only its excerpt
    (root / "digest.toml").write_text('title = "Battery"\nbase_url = "http://127.0.0.1/"\nsearch = false\n'
                                      'full_text = true\n')
    return content


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``root`` (but ``skip``): relative path -> (size, mtime)."""
    found = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root).as_posix()
        if rel.split("/")[0] not in skip:
            stat = path.lstat()
            found[rel] = (stat.st_size if not path.is_dir() else 0, stat.st_mtime_ns)
    return found


@dataclass(frozen=True)
class BatteryBuild:
    root: Path
    content: Path
    site: Path
    proc: subprocess.CompletedProcess
    seconds: float
    before: dict[str, tuple[int, int]]  # snapshot of the project and its parent folder before the build

    def lines(self, name: str) -> list[str]:
        """The stderr lines about content/<name>."""
        return [line for line in self.proc.stderr.splitlines() if f"/content/{name}:" in line]

    def pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


@functools.cache
def battery_build() -> BatteryBuild:
    tmp = Path(tempfile.mkdtemp(prefix="digest-battery-"))
    atexit.register(shutil.rmtree, tmp, True)
    root = tmp / "project"
    content = make_battery(root)
    before = snapshot(tmp)
    started = time.perf_counter()
    proc = digest("build", "--today", TODAY, cwd=root)
    return BatteryBuild(root, content, root / "site", proc, time.perf_counter() - started, before)


@functools.cache
def search_build() -> Path:
    """The committed hostile files only (no big generated ones), built with search on: the site folder."""
    tmp = Path(tempfile.mkdtemp(prefix="digest-hostile-search-"))
    atexit.register(shutil.rmtree, tmp, True)
    root = tmp / "project"
    (root / "content").mkdir(parents=True)
    for path in sorted(BAD.iterdir()):
        shutil.copy(path, root / "content" / path.name)
    (root / "digest.toml").write_text('title = "Battery"\nbase_url = "http://127.0.0.1/"\nsearch = true\n'
                                      'full_text = true\n')
    proc = digest("build", "--today", TODAY, cwd=root)
    assert proc.returncode == 0, proc.stderr
    return root / "site"
