"""The command line, run as a user runs it (a subprocess), for what only the CLI does."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from digest.scaffold import pages_workflow

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


def digest(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "digest", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=300)


def test_init_scaffolds_a_site_and_refuses_to_overwrite(tmp_path):
    proc = digest("init", "news", "--title", "Morning", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    site = tmp_path / "news"
    assert 'title = "Morning"' in (site / "digest.toml").read_text()
    workflow = yaml.safe_load((site / ".github" / "workflows" / "pages.yml").read_text())
    steps = [s.get("uses", "") for s in workflow["jobs"]["build"]["steps"]]
    assert any(s.startswith("actions/upload-pages-artifact") for s in steps)
    assert (site / "content").is_dir()
    again = digest("init", "news", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_repository_workflow_is_the_scaffolded_one():
    assert (ROOT / ".github" / "workflows" / "pages.yml").read_text() == pages_workflow(".")


def test_bad_config_gives_one_line_per_field_and_no_traceback(tmp_path):
    (tmp_path / "digest.toml").write_text('timezone = "Nowhere/Land"\nkey_quotes = -1\n')
    proc = digest("build", cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("error: ") for line in lines)
    assert "timezone" in lines[0] + lines[1] and "key_quotes" in lines[0] + lines[1]
    assert "Traceback" not in proc.stderr


def test_ingest_then_build_then_ingest_again(tmp_path):
    assert digest("init", ".", cwd=tmp_path).returncode == 0
    first = digest("ingest", str(FIXTURES / "site" / "seed-1.md"), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    stored = list((tmp_path / "content" / "2022" / "01" / "11").glob("*.md"))
    assert len(stored) == 1 and "added" in first.stdout
    before = stored[0].read_bytes()
    second = digest("ingest", str(FIXTURES / "site" / "seed-1.md"), cwd=tmp_path)
    assert second.returncode == 0 and "unchanged" in second.stdout and "already" in second.stdout
    assert stored[0].read_bytes() == before
    built = digest("build", "--today", "2022-01-11", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "1 articles" in built.stdout and (tmp_path / "site" / "index.html").is_file()


def test_extract_json_contract(tmp_path):
    seed = tmp_path / "seed-1.md"
    shutil.copy(FIXTURES / "site" / "seed-1.md", seed)
    proc = digest("extract", str(seed), "--format", "json", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    [record] = json.loads(proc.stdout)
    assert set(record) == {"path", "title", "published", "quotes", "meetings"}
    assert record["published"] == "2022-01-11" and record["path"] == str(seed)
    for quote in record["quotes"]:
        assert {"text", "speaker", "role", "partial", "key"} <= set(quote)
    for meeting in record["meetings"]:
        assert {"title", "status", "start", "end", "place", "participants", "evidence"} <= set(meeting)


def test_unreadable_file_is_named_and_the_rest_still_extracted(tmp_path):
    shutil.copy(FIXTURES / "site" / "seed-1.md", tmp_path / "good.md")
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = digest("extract", "empty.txt", "good.md", "--format", "json", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 1
    assert len(json.loads(proc.stdout)) == 1
    assert "empty.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_strict_turns_warnings_into_a_failed_build(tmp_path):
    assert digest("init", ".", cwd=tmp_path).returncode == 0
    (tmp_path / "content" / "undated.txt").write_text("A headline\n\nSome body text without any date.\n")
    relaxed = digest("build", cwd=tmp_path)
    assert relaxed.returncode == 0 and "undated.txt" in relaxed.stderr and "warning" in relaxed.stderr
    strict = digest("build", "--strict", cwd=tmp_path)
    assert strict.returncode == 1 and "--strict" in strict.stderr


def test_debug_shows_the_traceback_that_is_otherwise_hidden(tmp_path):
    (tmp_path / "digest.toml").write_text('base_url = "https://news.example.org/"\n')  # no localhost warning in CI
    (tmp_path / "content").mkdir()
    (tmp_path / ".digest").write_text("a file where the cache folder should be")
    plain = digest("build", cwd=tmp_path)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert len(plain.stderr.strip().splitlines()) == 1 and "--debug" in plain.stderr
    debug = digest("--debug", "build", cwd=tmp_path)
    assert debug.returncode == 1 and "Traceback" in debug.stderr


def test_extract_takes_folders_and_globs_like_ingest(tmp_path):
    (tmp_path / "in" / "deeper").mkdir(parents=True)
    shutil.copy(FIXTURES / "site" / "seed-1.md", tmp_path / "in" / "one.md")
    shutil.copy(FIXTURES / "site" / "geneva-talks-2022-01-10.md", tmp_path / "in" / "deeper" / "two.md")
    (tmp_path / "in" / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    folder = digest("extract", "in", "--format", "json", "--no-cache", cwd=tmp_path)
    assert folder.returncode == 0, folder.stderr
    assert len(json.loads(folder.stdout)) == 2
    glob = digest("extract", "in/*.md", "--format", "json", "--no-cache", cwd=tmp_path)
    assert glob.returncode == 0 and [r["title"] for r in json.loads(glob.stdout)] == [
        r["title"] for r in json.loads(folder.stdout) if "Moscow" in r["title"]]
    nothing = digest("extract", "missing/*.md", "--no-cache", cwd=tmp_path)
    assert nothing.returncode == 1 and "missing/*.md" in nothing.stderr


def test_build_in_ci_warns_once_of_the_localhost_base_url(tmp_path):
    assert digest("init", ".", cwd=tmp_path).returncode == 0
    shutil.copy(FIXTURES / "site" / "seed-1.md", tmp_path / "content" / "seed-1.md")

    def build(*args: str, **env: str) -> subprocess.CompletedProcess:
        clean = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
        return subprocess.run([sys.executable, "-m", "digest", "build", *args], cwd=tmp_path, capture_output=True,
                              text=True, env={**clean, "COLUMNS": "200", **env}, timeout=300)

    local = build()
    assert local.returncode == 0 and "base_url" not in local.stderr
    for run in (build(CI="true"), build(GITHUB_ACTIONS="true")):
        assert run.returncode == 0 and run.stderr.count("base_url is still the default http://localhost:8000/") == 1
    strict = build("--strict")
    assert strict.returncode == 1 and "base_url is still the default" in strict.stderr
    published = build("--strict", "--base-url", "https://news.example.org/", CI="true")
    assert published.returncode == 0 and "base_url" not in published.stderr


def test_time_attributes_are_whole_seconds(tmp_path):
    (tmp_path / "digest.toml").write_text('base_url = "https://news.example.org/"\n')
    text = (FIXTURES / "site" / "seed-1.md").read_text().replace('date: "2022-01-11"',
                                                                 'date: "2022-01-11T08:01:24.351000+00:00"')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "seed-1.md").write_text(text)
    proc = digest("build", "--today", "2022-01-11", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
    assert 'datetime="2022-01-11T08:01:24+00:00"' in pages and ".351" not in pages
