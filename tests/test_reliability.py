"""Reliability, round two (issue 18): each class of failure, in several variants, through the real
`digest` command (subprocesses, real signals, a real second process, real full and read-only file
systems where this machine allows mounting them, else a simulated OSError at the write).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import signal
import socket
import sqlite3
import stat
import struct
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from battery import GOOD, TODAY, digest

SEED = GOOD.read_text(encoding="utf-8")
ENV = {**os.environ, "COLUMNS": "200"}
WORKERS_ENV = {**ENV, "DIGEST_WORKER_START_ARTICLES": "1"}  # worker processes for a dozen articles


def project(root: Path, copies: int = 1) -> Path:
    """A site project: digest.toml and ``copies`` distinct copies of the seed article."""
    (root / "content").mkdir(parents=True)
    (root / "digest.toml").write_text('title = "Reliable"\nbase_url = "https://example.org/"\nsearch = false\n')
    for i in range(copies):
        text = SEED if i == 0 else SEED.replace("Moscow said", f"Moscow (story {i}) said")
        (root / "content" / f"seed-{i}.md").write_text(text, encoding="utf-8")
    return root


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def articles_built(site: Path) -> list[str]:
    return sorted(p.name for p in (site / "articles").iterdir()) if (site / "articles").is_dir() else []


def lines_about(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if f"{name}:" in line]


def unprivileged() -> list[str]:
    """A command prefix that runs without root's power to read and write any file (or nothing when
    not root): permission tests then mean what they say."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


def digest_as(prefix: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "digest", *args], cwd=cwd, capture_output=True,
                          text=True, env=ENV, timeout=300)


# --- 1. dates at the edges of the calendar ------------------------------------------------------------

EDGE_DATES = {
    "last-day.md": "---\ntitle: Last day of the calendar\ndate: 9999-12-31\n---\n\nThe council met.\n",
    "offset-before-year-1.md": "---\ntitle: Before year one\ndate: '0001-01-01T01:00:00+05:00'\n---\n\n"
                               "The council met.\n",
    "offset-after-9999.md": "---\ntitle: After the last year\ndate: '9999-12-31T23:00:00-05:00'\n---\n\n"
                            "The council met.\n",
    "seconds-not-ms.json": json.dumps({"title": "Seconds, not milliseconds", "date": 253402300799,
                                       "text": "The council met."}),
    "yaml-date-object.md": "---\ntitle: A YAML date object\ndate: 9999-12-31 23:59:59\n---\n\nThe council met.\n",
    "dateline-next.md": "---\ntitle: The dateline is next\ndate: 9999-12-31\n---\n\n"
                        "LONDON, Jan. 5, 2022 (Reuters) - The council met.\n",
}


def test_dates_at_the_calendar_edges_are_warnings_and_the_next_date_source_is_used(tmp_path):
    root = project(tmp_path / "p")
    for name, text in EDGE_DATES.items():
        write(root / "content" / name, text)
    proc = digest("build", "--today", TODAY, cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "OverflowError" not in proc.stderr and "Traceback" not in proc.stderr
    for name in EDGE_DATES:
        assert any("is not a date in the years 1000-8999" in line for line in lines_about(proc.stderr, name)), \
            (name, proc.stderr)
    assert len(articles_built(root / "site")) == 1 + len(EDGE_DATES)
    days = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site").glob("[0-9]*/*/*") if p.is_dir())
    assert days == ["2022/01/05", "2022/01/11"]  # the dateline, else the build date; never 1978 or 9999


def test_ingest_does_not_store_a_date_it_cannot_place_and_the_next_build_works(tmp_path):
    root = project(tmp_path / "p")
    inbox = tmp_path / "inbox"
    for name, text in EDGE_DATES.items():
        write(inbox / name, text)
    proc = digest("ingest", str(inbox), "--date", "2022-01-07", cwd=root)
    assert proc.returncode == 0, proc.stderr
    stored = sorted(p.relative_to(root / "content").parts[:3] for p in (root / "content").rglob("*.md")
                    if p.parent != root / "content")
    assert set(stored) == {("2022", "01", "07")} and len(stored) == len(EDGE_DATES), stored  # --date is next
    assert "9999" not in "".join(p.read_text() for p in (root / "content").rglob("*.md"))
    refused = digest("ingest", str(inbox), "--date", "9999-12-31", cwd=root)
    assert refused.returncode == 1 and "outside the years 1000-8999" in refused.stderr
    assert "Traceback" not in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    build = digest("build", "--today", "9999-12-31", cwd=root)
    assert build.returncode == 1 and "--today" in build.stderr and "Traceback" not in build.stderr
    assert digest("build", "--today", TODAY, cwd=root).returncode == 0


# --- 2. loops and odd files in the content tree -----------------------------------------------------


def odd_tree(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "loop-a.md").symlink_to("loop-b.md")
    (folder / "loop-b.md").symlink_to("loop-a.md")
    (folder / "deep").mkdir()
    (folder / "deep" / "self.txt").symlink_to("self.txt")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "deep" / "pipe.jsonl")
    write(folder / "nul.txt", b"A file with a NUL\n\nThe first line is fine.\n\nThe council \x00met on Monday.\n")
    write(folder / "nuls.md", b"---\ntitle: Two NULs\n---\n\nOne\x00 and\x00 two.\n")


def test_loops_fifos_and_nul_bytes_are_one_line_each_and_the_rest_builds(tmp_path):
    root = project(tmp_path / "p")
    odd_tree(root / "content")
    proc = digest("build", "--today", TODAY, cwd=root)  # a FIFO that were opened would hang here
    assert proc.returncode == 0, proc.stderr
    for name, text in [("loop-a.md", "loop of symbolic links"), ("loop-b.md", "loop of symbolic links"),
                       ("deep/self.txt", "loop of symbolic links"), ("pipe.txt", "not a regular file"),
                       ("deep/pipe.jsonl", "not a regular file")]:
        found = lines_about(proc.stderr, f"/content/{name}")
        assert len(found) == 1 and text in found[0] and found[0].startswith("error:"), (name, proc.stderr)
    assert lines_about(proc.stderr, "/content/nul.txt:5") == [
        f"warning: {root / 'content' / 'nul.txt'}:5: 1 NUL byte removed (first on this line)"]
    assert "2 NUL bytes removed" in lines_about(proc.stderr, "/content/nuls.md:5")[0]
    assert "not a text file" not in proc.stderr and "Traceback" not in proc.stderr
    assert articles_built(root / "site") == sorted(
        ["a-file-with-a-nul", "two-nuls", "moscow-nato-relations-are-approaching-the-moment-of-truth-russian-official"])
    assert "The council met on Monday." in (root / "site" / "articles" / "a-file-with-a-nul" / "index.html").read_text()


def test_extract_and_ingest_never_open_a_fifo_and_go_on(tmp_path):
    root = project(tmp_path / "p")
    inbox = tmp_path / "inbox"
    odd_tree(inbox)
    proc = digest("extract", "--format", "json", str(inbox / "pipe.txt"), str(inbox / "nul.txt"),
                  str(inbox / "loop-a.md"), cwd=root)
    assert proc.returncode == 1  # errors for the FIFO and the loop
    assert [r["title"] for r in json.loads(proc.stdout)] == ["A file with a NUL"]
    assert "not a regular file" in lines_about(proc.stderr, "pipe.txt")[0]
    assert lines_about(proc.stderr, "loop-a.md") and "NUL byte removed" in lines_about(proc.stderr, "nul.txt:5")[0]
    proc = digest("ingest", str(inbox), cwd=root)
    assert proc.returncode == 1 and "2 added, 0 unchanged, 5 failed" in proc.stdout, proc.stdout + proc.stderr
    assert len(lines_about(proc.stderr, "pipe.jsonl")) == 1 and len(lines_about(proc.stderr, "self.txt")) == 1


# --- 3. an unreadable or missing content folder never publishes an empty site ----------------------


@pytest.fixture
def built(tmp_path):
    """A project with a good site of three articles."""
    root = project(tmp_path / "p", copies=3)
    proc = digest("build", "--today", TODAY, cwd=root)
    assert proc.returncode == 0 and len(articles_built(root / "site")) == 3, proc.stderr
    return root


def test_a_missing_or_empty_content_folder_keeps_the_site_unless_allow_empty(built):
    before = files(built / "site")
    shutil.move(built / "content", built / "moved")
    proc = digest("build", "--today", TODAY, cwd=built)
    assert proc.returncode == 1 and files(built / "site") == before
    assert f"error: {built / 'content'}: the content folder does not exist" in proc.stderr
    assert "found no articles and the site there has 3; it is kept" in proc.stderr and "--allow-empty" in proc.stderr
    (built / "content").mkdir()  # emptied on purpose: only --allow-empty publishes that
    proc = digest("build", "--today", TODAY, cwd=built)
    assert proc.returncode == 1 and files(built / "site") == before
    proc = digest("build", "--today", TODAY, "--allow-empty", cwd=built)
    assert proc.returncode == 0 and "0 articles" in proc.stdout and articles_built(built / "site") == []
    assert digest("build", "--today", TODAY, cwd=built).returncode == 0  # empty after empty is fine


def test_unreadable_folders_are_named_and_an_unreadable_content_folder_keeps_the_site(built):
    as_user = unprivileged()
    before = files(built / "site")
    write(built / "content" / "locked" / "inside.md", SEED.replace("Moscow said", "Moscow (locked) said"))
    os.chmod(built / "content" / "locked", 0)
    try:
        proc = digest_as(as_user, "build", "--today", TODAY, cwd=built)
        assert proc.returncode == 0, proc.stderr
        assert lines_about(proc.stderr, "/content/locked") == [
            f"error: {built / 'content' / 'locked'}: cannot read this folder (Permission denied); "
            "its files are not read"]
        assert len(articles_built(built / "site")) == 3
        before = files(built / "site")
        os.chmod(built / "content", 0)
        proc = digest_as(as_user, "build", "--today", TODAY, cwd=built)
        assert proc.returncode == 1 and files(built / "site") == before
        assert f"error: {built / 'content'}: cannot read this folder (Permission denied)" in proc.stderr
        assert "it is kept as it was" in proc.stderr
    finally:
        os.chmod(built / "content", 0o755)
        os.chmod(built / "content" / "locked", 0o755)


def test_a_build_in_which_every_article_failed_exits_non_zero(tmp_path):
    root = project(tmp_path / "p", copies=0)
    write(root / "content" / "empty.md", "")
    write(root / "content" / "binary.txt", bytes(range(256)) * 8)
    proc = digest("build", "--today", TODAY, cwd=root)
    assert proc.returncode == 1 and "no article could be built" in proc.stderr
    assert len(lines_about(proc.stderr, "empty.md")) == 1 and len(lines_about(proc.stderr, "binary.txt")) == 1
    write(root / "content" / "good.md", SEED)
    assert digest("build", "--today", TODAY, cwd=root).returncode == 0  # one good article: a site


# --- 4. a damaged cache row is a cache miss, never a lost article -----------------------------------


def damage(cache: Path, table: str, how) -> int:
    """Rewrite every payload of ``table`` with ``how``; returns how many rows there were."""
    key = "path" if table == "source_file" else "article_id"
    db = sqlite3.connect(cache)
    with db:
        rows = db.execute(f"SELECT {key}, payload FROM {table}").fetchall()
        db.executemany(f"UPDATE {table} SET payload=? WHERE {key}=?", [(how(p), k) for k, p in rows])
    db.close()
    return len(rows)


def add_field(payload: str) -> str:
    data = json.loads(payload)
    for row in data.get("articles", []):
        row["field_from_another_version"] = 1
    for quote in data.get("quotes", []):
        quote["field_from_another_version"] = 1
    return json.dumps(data)


@pytest.mark.parametrize("table,how", [
    ("source_file", lambda payload: payload[: len(payload) // 2]),  # a truncated JSON payload
    ("source_file", add_field),  # a row made for an Article of another shape
    ("source_file", lambda payload: "[]"),  # valid JSON of the wrong kind
    ("extraction", lambda payload: payload[:-5]),
    ("extraction", add_field),
])
def test_a_damaged_cache_row_is_read_again(built, table, how):
    before = files(built / "site")
    assert damage(built / ".digest" / "cache.sqlite", table, how) >= 3
    proc = digest("build", "--today", TODAY, cwd=built)
    assert proc.returncode == 0 and "error" not in proc.stderr, proc.stderr
    assert len(articles_built(built / "site")) == 3 and files(built / "site") == before
    again = digest("build", "--today", TODAY, cwd=built)  # the rows were stored again, whole
    assert "(0 extracted, 3 from cache)" in again.stdout


def test_the_cache_version_covers_the_shapes_of_the_objects(tmp_path):
    """A change to models.py alone (here a comment) makes every cached row a miss."""
    package = tmp_path / "pkg"
    for part in ("digest", "templates"):  # a source checkout: the package and its default theme
        shutil.copytree(Path(__file__).parent.parent / part, package / part,
                        ignore=shutil.ignore_patterns("__pycache__"))
    root = project(tmp_path / "p", copies=2)
    env = {**ENV, "PYTHONPATH": str(package)}
    command = [sys.executable, "-m", "digest", "build", "--today", TODAY]
    first = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert "(2 extracted, 0 from cache)" in first.stdout, first.stderr
    warm = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert "(0 extracted, 2 from cache)" in warm.stdout
    with open(package / "digest" / "models.py", "a") as models:
        models.write("\n# a new field would go here\n")
    changed = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert "(2 extracted, 0 from cache)" in changed.stdout, changed.stdout


# --- 5. signals end every digest process, remove temporary folders, keep the old site ---------------


def session_processes(session: int) -> set[int]:
    """Live (not zombie) processes of a session: the digest command started in it and its children."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat_line = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat_line[stat_line.rindex(")") + 2:].split()
        if fields[0] != "Z" and int(fields[3]) == session:
            found.add(int(entry))
    return found


def gone_within(session: int, seconds: float) -> set[int]:
    """The session's processes still alive after ``seconds`` (checked as they go)."""
    deadline = time.monotonic() + seconds
    while (alive := session_processes(session)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def temporary_folders(root: Path, tmpdir: Path) -> list[str]:
    return sorted([p.name for p in root.iterdir() if p.name.startswith(".site")] +
                  [p.name for p in tmpdir.iterdir()])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find processes")
def test_sigterm_at_five_points_of_a_cold_build_ends_every_process_and_keeps_the_site(tmp_path):
    root = project(tmp_path / "p", copies=12)
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    env = {**WORKERS_ENV, "TMPDIR": str(tmpdir)}
    assert digest("build", "--today", TODAY, cwd=root).returncode == 0
    before = files(root / "site")
    lock = root / ".digest" / "build.lock"
    points = [(1, 0.0, signal.SIGTERM),  # the build holds its lock: reading begins
              (3, 0.0, signal.SIGTERM),  # the moment worker processes run (main, resource tracker, a worker)
              (3, 1.5, signal.SIGTERM), (3, 3.0, signal.SIGINT), (3, 5.0, signal.SIGHUP)]  # loading, parsing, later
    reached = 0
    for processes, delay, signum in points:
        proc = subprocess.Popen([sys.executable, "-m", "digest", "build", "--clean", "--today", TODAY], cwd=root,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        deadline = time.monotonic() + 120  # a guard against a hang, not a limit on speed
        while lock.read_text().strip() != str(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if processes > 1 and (os.cpu_count() or 1) > 1:
            while len(session_processes(proc.pid)) < processes and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            reached += len(session_processes(proc.pid)) >= processes
        time.sleep(delay)
        os.kill(proc.pid, signum)  # the main process only, as a CI runner or `timeout` does
        stdout, stderr = proc.communicate(timeout=60)
        assert gone_within(proc.pid, 5.0) == set(), f"digest processes left after {signal.Signals(signum).name}"
        finished = "built " in stdout  # it had said its last word: the signal came as Python shut down
        if proc.returncode != 0 and not (finished and proc.returncode == -signum):  # a build done first is no failure
            assert proc.returncode == 128 + signum and stderr.strip().endswith("interrupted"), stderr
            assert "Traceback" not in stderr
        assert files(root / "site") == before, f"site changed by a build stopped at {processes, delay}"
    if (os.cpu_count() or 1) > 1:
        assert reached, "no signal reached a build while its worker processes ran"
    proc = digest("build", "--today", TODAY, cwd=root)
    assert proc.returncode == 0 and len(articles_built(root / "site")) == 12
    assert temporary_folders(root, tmpdir) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find processes")
def test_sigkill_of_the_main_process_ends_its_workers_too(tmp_path):
    root = project(tmp_path / "p", copies=12)
    proc = subprocess.Popen([sys.executable, "-m", "digest", "build", "--today", TODAY], cwd=root, env=WORKERS_ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(session_processes(proc.pid)) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # until the workers run
    if proc.poll() is not None or (os.cpu_count() or 1) < 2:
        pytest.skip("the build had no worker processes")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert gone_within(proc.pid, 5.0) == set()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find processes")
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_a_signal_to_the_whole_process_group_says_only_interrupted(tmp_path, signum):
    """A closed terminal hangs up every process of its group (workers and multiprocessing's
    resource tracker too), not only digest's main process."""
    root = project(tmp_path / "p", copies=12)
    proc = subprocess.Popen([sys.executable, "-m", "digest", "build", "--today", TODAY], cwd=root, env=WORKERS_ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(session_processes(proc.pid)) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # until the workers run
    if proc.poll() is not None or (os.cpu_count() or 1) < 2:
        pytest.skip("the build had no worker processes")
    os.killpg(proc.pid, signum)
    _, stderr = proc.communicate(timeout=60)
    assert gone_within(proc.pid, 5.0) == set()
    assert proc.returncode == 128 + signum and stderr.strip() == "interrupted", stderr


def start_serve(root: Path, *args: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "digest", "serve", "--port", "0", "--today", TODAY, *args],
                            cwd=root, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    for line in proc.stderr:
        if line.startswith("serving "):
            return proc, line.split()[1]
    raise AssertionError(f"digest serve did not start (exit {proc.wait()})")


@pytest.mark.parametrize("signum,watch", [(signal.SIGTERM, "--no-watch"), (signal.SIGHUP, "--watch"),
                                          (signal.SIGINT, "--watch")])
def test_serve_removes_its_temporary_site_on_a_signal(tmp_path, signum, watch):
    root = project(tmp_path / "p")
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    proc, url = start_serve(root, watch, env={**ENV, "TMPDIR": str(tmpdir)})
    assert [p.name[:13] for p in tmpdir.iterdir()] == ["digest-serve-"]
    with urllib.request.urlopen(url, timeout=30) as page:
        assert page.status == 200
    os.kill(proc.pid, signum)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 0 and rest.strip().endswith("stopped") and "Traceback" not in rest, rest
    assert list(tmpdir.iterdir()) == [] and gone_within(proc.pid, 5.0) == set()


def handles(pid: int, signum: int) -> bool:
    """Whether process ``pid`` has installed a handler for ``signum`` (its SigCgt mask in /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next(int(line.split()[1], 16) for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(caught & (1 << (signum - 1)))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to see a process's handlers")
def test_extract_says_interrupted_on_sigterm(tmp_path):
    root = project(tmp_path / "p", copies=6)
    paths = [str(p) for p in sorted((root / "content").iterdir())]
    proc = subprocess.Popen([sys.executable, "-m", "digest", "extract", "--no-cache", *paths], cwd=root, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120  # a guard against a hang, not a limit on speed
    while not handles(proc.pid, signal.SIGTERM) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.5)  # reading, loading spaCy
    os.kill(proc.pid, signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM and stderr.strip() == "interrupted"
    assert gone_within(proc.pid, 5.0) == set()


def test_serve_on_a_busy_port_says_so_and_leaves_no_temporary_site(tmp_path):
    root = project(tmp_path / "p")
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "digest", "serve", "--port", str(port), "--no-watch"], cwd=root,
                              env={**ENV, "TMPDIR": str(tmpdir)}, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and str(port) in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert list(tmpdir.iterdir()) == []


@pytest.mark.parametrize(("article_folders", "counted"), [(2, 2), (0, 0)])
def test_a_site_built_before_articles_were_counted_is_judged_by_its_article_pages(tmp_path, article_folders, counted):
    from digest.render.output import published_articles

    site = tmp_path / "site"
    write(site / ".digest-site", "built by digest; this folder is replaced on every build\n")  # no articles: line
    write(site / "index.html", "old")
    for n in range(article_folders):
        write(site / "articles" / f"story-{n}" / "index.html", "an article")
    assert published_articles(site) == counted


# --- 6. two ingests at once never store duplicates ----------------------------------------------------


def jsonl(path: Path, numbers: range) -> Path:
    return write(path, "".join(json.dumps({"title": f"Report {i} from the harbour", "date": "2022-01-10",
                                           "text": f"The harbour board met for the {i}th time."}) + "\n"
                               for i in numbers))


@pytest.mark.parametrize("first,second,expected", [
    (range(0, 300), range(0, 300), 300),  # the same file twice
    (range(0, 200), range(100, 300), 300),  # overlapping files
])
def test_two_ingests_at_once_store_each_article_once(tmp_path, first, second, expected):
    root = project(tmp_path / "p", copies=0)
    a, b = jsonl(tmp_path / "a.jsonl", first), jsonl(tmp_path / "b.jsonl", second)
    runs = [subprocess.Popen([sys.executable, "-m", "digest", "ingest", str(path)], cwd=root, env=ENV,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for path in (a, b)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    stored = sorted(p.name for p in (root / "content").rglob("*.md"))
    assert len(stored) == expected and not any(name.endswith("-2.md") for name in stored)


def test_an_ingest_that_must_wait_says_so_and_stores_once_the_other_ends(tmp_path):
    import fcntl

    root = project(tmp_path / "p", copies=0)
    (root / "content").mkdir(exist_ok=True)
    source = jsonl(tmp_path / "a.jsonl", range(3))
    holder = os.open(root / "content", os.O_RDONLY)  # another ingest (or fetch) holds the folder
    fcntl.flock(holder, fcntl.LOCK_EX)
    run = subprocess.Popen([sys.executable, "-m", "digest", "ingest", str(source)], cwd=root, env=ENV,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        said = run.stderr.readline()
        assert said.startswith("waiting for another digest ingest or fetch into"), said
        assert not list((root / "content").rglob("*.md"))  # nothing stored while it waits
    finally:
        os.close(holder)
    out, rest = run.communicate(timeout=300)
    assert run.returncode == 0, rest
    assert len(list((root / "content").rglob("*.md"))) == 3 and "3 added" in out


# --- 7. digest serve: disconnects are silent, the backlog is large enough -------------------------------


def listen_backlog(port: int) -> int | None:
    """The backlog of the socket listening on ``port`` (``ss`` shows it as Send-Q), None without ``ss``."""
    if not shutil.which("ss"):
        return None
    table = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True).stdout.split()
    return int(table[2]) if len(table) > 2 else None


def test_serve_is_silent_when_clients_disconnect_and_takes_many_connections_at_once(tmp_path):
    root = project(tmp_path / "p", copies=3)
    proc, url = start_serve(root, "--no-watch")
    rest: list[str] = []
    drain = threading.Thread(target=lambda: rest.append(proc.stderr.read()), daemon=True)
    drain.start()  # read what the server says while it works (a full pipe would stop it)
    host, port = url.split("//")[1].rstrip("/").rsplit(":", 1)
    try:
        for i in range(100):  # a request, then gone before the answer (a reset, not a goodbye)
            with socket.create_connection((host, int(port))) as client:
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                client.sendall(b"GET / HTTP/1.0\r\n\r\n" if i % 2 else b"GET /artic")
        clients = [socket.create_connection((host, int(port))) for _ in range(100)]  # a browser's worth and more
        for client in clients:
            client.sendall(b"GET /feed.xml HTTP/1.0\r\n\r\n")
        for client in clients:
            with client, client.makefile("rb") as answer:
                assert answer.readline().startswith(b"HTTP/1.0 200")
        with urllib.request.urlopen(url, timeout=30) as page:
            assert page.status == 200
        backlog = listen_backlog(int(port))
        assert backlog is None or backlog >= 128
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        drain.join(timeout=10)
    assert "".join(rest).strip() == "stopped", "".join(rest)[:3000]


# --- 8. the site follows the umask -------------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_the_site_and_its_files_follow_the_umask(tmp_path, umask):
    root = project(tmp_path / "p", copies=0)
    for i in range(2):  # a first build and a rebuild that swaps the site (articles with nothing for spaCy)
        write(root / "content" / f"quiet-{i}.txt", f"A quiet day {i}\nDate: {TODAY}\n\nNothing happened in the town.\n")
        proc = subprocess.run(["sh", "-c", f"umask {umask:03o} && exec \"$0\" -m digest build --today {TODAY}",
                               sys.executable], cwd=root, env=ENV, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        site = root / "site"
        for path in [site, site / "articles", site / "index.html", site / "static" / "style.css"]:
            expected = (0o777 if path.is_dir() else 0o666) & ~umask
            assert stat.S_IMODE(path.stat().st_mode) == expected, (path, oct(path.stat().st_mode))


# --- 9. a failed write names the folder the user gave and what to do ------------------------------------


@contextlib.contextmanager
def mounted(folder: Path, options: str):
    """A tmpfs at ``folder`` (root only); None where this machine does not allow mounting."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        yield None
        return
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


FAIL_WRITES = """
import errno, os, pathlib, sys
code = getattr(errno, sys.argv.pop(1))
real = pathlib.Path.write_bytes
def write_bytes(self, data):
    if ".new-" in str(self):  # the temporary site beside the output
        raise OSError(code, os.strerror(code), str(self))
    return real(self, data)
pathlib.Path.write_bytes = write_bytes
sys.argv[0] = "digest"
from digest.cli import main
main()
"""


FAIL_STATE_WRITES = """
import errno, os, pathlib, sys
code = getattr(errno, sys.argv.pop(1))
real = pathlib.Path.write_text
def write_text(self, *args, **kwargs):
    if self.parent.name == ".digest" and self.suffix in (".tmp", ".txt", ".json", ""):  # the build state
        raise OSError(code, os.strerror(code), str(self))
    return real(self, *args, **kwargs)
pathlib.Path.write_text = write_text
sys.argv[0] = "digest"
from digest.cli import main
main()
"""


@pytest.mark.parametrize("code", ["ENOSPC", "EROFS"])
def test_a_failed_write_of_the_build_state_after_the_swap_is_a_warning_and_the_site_is_published(tmp_path, code):
    root = project(tmp_path / "p", copies=2)
    proc = subprocess.run([sys.executable, "-c", FAIL_STATE_WRITES, code, "build", "--today", TODAY], cwd=root,
                          env=ENV, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "unexpected" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert any(line.startswith("warning:") and "cannot store the build state" in line
               for line in proc.stderr.splitlines()), proc.stderr
    assert len(articles_built(root / "site")) == 2
    again = digest("build", "--today", TODAY, cwd=root)  # the next build works and redoes what it must
    assert again.returncode == 0 and len(articles_built(root / "site")) == 2, again.stderr


def simulated(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", FAIL_WRITES, code, *args], cwd=cwd, env=ENV, capture_output=True,
                          text=True, timeout=300)


def one_error_line(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "unexpected" not in proc.stderr, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, proc.stderr
    assert ".new-" not in errors[0]  # the folder the user gave, not a temporary one
    return errors[0]


def test_a_full_disk_names_the_output_folder(tmp_path, built):
    before = files(built / "site")
    with mounted(tmp_path / "small", "size=16k") as small:
        if small is not None:
            output = small / "site"
            proc = digest("build", "--today", TODAY, "--output", str(output), cwd=built)
        else:
            output = built / "site"
            proc = simulated("ENOSPC", "build", "--clean", "--today", TODAY, cwd=built)
        assert one_error_line(proc) == (f"error: {output}: cannot write the site; the disk is full: free some "
                                        "space, or choose a folder on another disk")
        assert [p.name for p in output.parent.iterdir() if p.name.startswith(".site")] == []
    assert files(built / "site") == before


def test_a_read_only_output_names_the_folder_and_keeps_the_site(tmp_path, built):
    with mounted(tmp_path / "ro", "ro,size=1m") as read_only:
        if read_only is not None:
            output = read_only / "site"
            proc = digest("build", "--today", TODAY, "--output", str(output), cwd=built)
        else:
            output = built / "site"
            proc = simulated("EROFS", "build", "--clean", "--today", TODAY, cwd=built)
        assert one_error_line(proc) == (f"error: {output}: cannot write the site; the file system is read-only: "
                                        "choose a folder you can write to")


def test_permission_denied_names_the_output_and_the_content_folder(tmp_path, built):
    as_user = unprivileged()
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    os.chmod(shelf, 0o555)
    try:
        proc = digest_as(as_user, "build", "--today", TODAY, "--output", str(shelf / "site"), cwd=built)
        assert one_error_line(proc) == (f"error: {shelf / 'site'}: cannot write the site; permission denied: "
                                        "check the folder's owner and permissions, or choose another folder")
        os.chmod(built / "content", 0o555)
        inbox = write(tmp_path / "inbox" / "new.md", SEED.replace("Moscow said", "Moscow (new) said"))
        proc = digest_as(as_user, "ingest", str(inbox), cwd=built)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert f"{built / 'content'}: cannot write the article; permission denied" in proc.stderr
    finally:
        os.chmod(shelf, 0o755)
        os.chmod(built / "content", 0o755)


def test_the_simulated_write_error_reaches_the_site_writer(tmp_path, built):
    """The fallback used where nothing can be mounted fails where the real disk would."""
    proc = simulated("ENOSPC", "build", "--clean", "--today", TODAY, cwd=built)
    assert "disk is full" in one_error_line(proc)
    assert len(articles_built(built / "site")) == 3


def test_the_cache_folder_on_a_full_or_read_only_disk(tmp_path):
    root = project(tmp_path / "p", copies=2)
    with mounted(root / ".digest", "size=40k") as full:
        if full is None:
            pytest.skip("cannot mount a small file system here")
        proc = digest("build", "--today", TODAY, cwd=root)  # room for the lock, not for the articles
        assert proc.returncode == 0 and len(articles_built(root / "site")) == 2, proc.stderr
        assert lines_about(proc.stderr, "cache.sqlite") == [
            f"warning: {root / '.digest' / 'cache.sqlite'}: cannot store in the cache (database or disk is full); "
            "this build is not cached"]
    with mounted(root / ".digest", "ro,size=1m") as read_only:
        assert read_only is not None
        assert one_error_line(digest("build", "--today", TODAY, cwd=root)) == (
            f"error: {root / '.digest'}: cannot write the build cache; the file system is read-only: "
            "choose a folder you can write to")


SIGNAL_IN_THE_SWAP = """
import os, signal, sys
from pathlib import Path
from digest.errors import Interrupted, raise_interrupted
from digest.render.output import SiteWriter

signal.signal(signal.SIGTERM, raise_interrupted)
site = Path(sys.argv[1])
real_replace = os.replace
def replace(source, target):  # the first rename of the swap: the old site is moved aside
    os.replace = real_replace
    os.kill(os.getpid(), signal.SIGTERM)
    real_replace(source, target)
os.replace = replace
try:
    with SiteWriter(site) as writer:
        writer.write("index.html", "new")
except Interrupted:
    print("interrupted after the swap:", (site / "index.html").read_text())
"""


def test_a_signal_during_the_site_swap_takes_effect_after_it(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    write(site / ".digest-site", "built by digest\narticles: 1\n")
    write(site / "index.html", "old")
    proc = subprocess.run([sys.executable, "-c", SIGNAL_IN_THE_SWAP, str(site)], capture_output=True, text=True,
                          cwd=tmp_path, env=ENV, timeout=120)
    assert proc.stdout.strip() == "interrupted after the swap: new", proc.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name != "site"] == []  # the old site is removed too


@pytest.mark.parametrize(("value", "day"), [
    (915148800000, "1999-01-01"),   # milliseconds before 2001 (12 digits)
    (1641859200000, "2022-01-11"),  # milliseconds (13 digits)
    (1641859200, "2022-01-11"),     # seconds
    (253402300799, None),           # the last second of 9999 in seconds: refused, never 1978 in milliseconds
])
def test_numeric_dates_are_seconds_or_milliseconds_by_size(value, day):
    from digest.ingest.dates import parse_date

    parsed = parse_date(value, dt.timezone.utc)
    assert (parsed.date().isoformat() if parsed else None) == day
