"""End-to-end: content/ → site/ with the real pipeline."""

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import feedparser
import pytest

from digest.build import build_site
from digest.cache import ExtractionCache
from digest.config import Config, load_config
from digest.errors import DigestError
from digest.incremental import CachedReader, build_lock, read_options, site_fingerprint
from digest.models import Extraction, Meeting, Quote
from digest.render.reuse import Digests
from digest.render.site import pagefind_executable

from helpers import article, changed

FIXTURES = Path(__file__).parent / "fixtures"


def make_site(root: Path) -> Path:
    (root / "content").mkdir(parents=True)
    shutil.copy(FIXTURES / "site" / "seed-1.md", root / "content" / "seed-1.md")
    (root / "content" / "broken.md").write_bytes(b"")
    (root / "digest.toml").write_text('title = "Test"\nbase_url = "https://example.org/"\n')
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("site"))
    first = build_site(load_config(root=root), today=date(2022, 1, 11))
    return root, first


def test_first_build_reads_extracts_and_reports_bad_files(site):
    root, first = site
    assert (first.articles, first.days, first.parsed, first.cached) == (1, 1, 1, 0)
    assert [(p.path.endswith("broken.md"), p.level) for p in first.report.problems] == [(True, "error")]
    index = (root / "site" / "index.html").read_text()
    assert "Moscow-NATO relations are approaching" in index
    assert (root / "site" / "2022" / "01" / "11" / "index.html").is_file()


def test_second_build_skips_extraction_and_feeds_are_stable(site):
    root, _ = site
    ids_before = [e.id for e in feedparser.parse((root / "site" / "feed.xml").read_bytes()).entries]
    rss_before = (root / "site" / "feed.xml").read_bytes()
    second = build_site(load_config(root=root), today=date(2022, 1, 11))
    assert (second.parsed, second.cached) == (0, 1)
    assert (root / "site" / "feed.xml").read_bytes() == rss_before
    feed = feedparser.parse(rss_before)
    assert not feed.bozo and [e.id for e in feed.entries] == ids_before


def test_warm_build_does_not_import_spacy(site):
    root, _ = site
    script = textwrap.dedent(f"""
        import sys
        from datetime import date
        from digest.build import build_site
        from digest.config import load_config
        from pathlib import Path
        result = build_site(load_config(root=Path({str(root)!r})), today=date(2022, 1, 11))
        assert result.parsed == 0, result.parsed
        assert "spacy" not in sys.modules, "spaCy was imported"
        print("ok")
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.stdout.strip() == "ok", proc.stderr


def test_changed_article_is_extracted_again(tmp_path):
    root = make_site(tmp_path)
    config = load_config(root=root)
    build_site(config, today=date(2022, 1, 11))
    seed = root / "content" / "seed-1.md"
    seed.write_text(seed.read_text().replace("Leave a Comment", "A new closing paragraph."))
    again = build_site(config, today=date(2022, 1, 11))
    assert (again.parsed, again.cached) == (1, 0)


def test_concurrent_build_is_refused(tmp_path):
    root = make_site(tmp_path)
    config = load_config(root=root)
    with build_lock(config.cache_path), pytest.raises(DigestError, match="another digest build"):
        build_site(config, today=date(2022, 1, 11))


def test_output_inside_content_is_refused(tmp_path):
    root = make_site(tmp_path)
    config = load_config(root=root)
    for bad in (root / "content", root / "content" / "out", root, tmp_path):
        with pytest.raises(DigestError, match="content folder"):
            build_site(config, output=bad, today=date(2022, 1, 11))


def test_killed_builds_never_damage_the_previous_site(tmp_path):
    """kill -9 at several points of a long build: the old site stays whole, the next build recovers."""
    root = make_site(tmp_path)
    for i in range(12):  # enough articles that extraction and rendering take a while
        text = (FIXTURES / "site" / "seed-1.md").read_text().replace("Moscow said", f"Moscow (story {i}) said")
        (root / "content" / f"copy-{i}.md").write_text(text)
    config = load_config(root=root)
    build_site(config, today=date(2022, 1, 11))
    before = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    command = [sys.executable, "-m", "digest", "build", "--clean", "--today", "2022-01-11"]
    for delay in (0.3, 1.0, 2.0, 3.0, 4.5):
        proc = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        after = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
        assert after == before, f"site changed by a build killed after {delay}s"
    result = build_site(config, today=date(2022, 1, 11))
    assert result.articles == 13
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


def test_unchanged_files_are_not_read_again_and_their_warnings_replay(tmp_path):
    root = make_site(tmp_path)
    (root / "content" / "nodate.txt").write_text("Undated headline\n\nBody text with no date at all.\n")
    (root / "content" / "notitle.md").write_text("---\ndate: 2022-01-11\n---\n\nA body without a title line.\n")
    config = load_config(root=root)
    first = build_site(config, today=date(2022, 1, 11))
    second = build_site(config, today=date(2022, 1, 11))
    assert first.files_reused == 0
    assert second.files_reused == 2  # seed + notitle; the undated file depends on the build date
    assert sorted(map(str, first.report.problems)) == sorted(map(str, second.report.problems))
    (root / "content" / "notitle.md").write_text("---\ndate: 2022-01-11\ntitle: Now titled\n---\n\nA body.\n")
    third = build_site(config, today=date(2022, 1, 11))
    assert (third.files_reused, third.articles) == (1, 3)
    assert "Now titled" in (root / "site" / "2022" / "01" / "11" / "index.html").read_text()


def test_nothing_changed_means_nothing_rendered(tmp_path):
    root = make_site(tmp_path)
    config = load_config(root=root)
    first = build_site(config, today=date(2022, 1, 11))
    second = build_site(config, today=date(2022, 1, 11))
    assert first.files > 10 and second.files == 0 and second.articles == 1
    assert build_site(config, today=date(2022, 1, 12)).files > 10  # "upcoming" depends on the day
    shutil.rmtree(root / "site")
    assert build_site(config, today=date(2022, 1, 12)).files > 10  # a deleted site is built again
    assert (root / "site" / "index.html").is_file()
    assert build_site(config.with_overrides(title="Renamed"), today=date(2022, 1, 12)).files > 10


def tree(folder: Path) -> dict:
    """Every file of a built site but its search index (a rebuild indexes only what changed: test_search.py)."""
    index = {"pagefind", "pagefind-delta", "search-state.json"}
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not index & set(p.relative_to(folder).parts)}


def test_incremental_build_reuses_unchanged_pages_and_equals_a_full_build(tmp_path):
    root = make_site(tmp_path / "a")
    shutil.copy(FIXTURES / "site" / "geneva-talks-2022-01-10.md", root / "content")
    config = load_config(root=root)
    build_site(config, today=date(2022, 1, 11))
    (root / "content" / "peskov.md").write_text(
        '---\ntitle: "Kremlin rejects Geneva demands"\ndate: "2022-01-10T20:00:00+00:00"\n---\n\n'
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Monday evening.\n\n"
        "“Our position has not changed,” Peskov said.\n")
    incremental = build_site(config, today=date(2022, 1, 11))
    assert incremental.pages_reused > 0  # the 11 January pages did not change
    assert incremental.parsed == 1
    full = build_site(config, output=tmp_path / "full", today=date(2022, 1, 11), clean=True)
    assert full.pages_reused == 0
    assert tree(root / "site") == tree(tmp_path / "full")


def test_site_fingerprint_covers_every_field_of_articles_and_extractions(tmp_path):
    a, b = article("One", ["First.", "Second."]), article("Two", ["Other."])
    quote = Quote("First.", "Ann Lee", "minister", False, 0.5, True, 0, 6)
    meeting = Meeting("Talks", "upcoming", "2022-01-12", "2022-01-13", "Geneva", ("Russia",), "e", ("m",),
                      "10:00", "UTC", 1, 2)
    found = {a.id: Extraction(a.id, (quote,), (meeting,)), b.id: Extraction(b.id)}
    config, today, out = Config(root=tmp_path), date(2022, 1, 11), tmp_path / "site"

    def fingerprint(articles, extractions):
        return site_fingerprint(articles, extractions, config, today, out)

    base = fingerprint([a, b], found)
    assert fingerprint([a, b], found) == base == site_fingerprint([a, b], found, config, today, out, Digests())
    assert fingerprint([b, a], found) != base
    for field in dataclasses.fields(a):
        other = dataclasses.replace(a, **{field.name: changed(getattr(a, field.name))})
        assert fingerprint([other, b], {**found, other.id: found[a.id]}) != base, field.name
    for obj, key in ((quote, "quotes"), (meeting, "meetings")):
        for field in dataclasses.fields(obj):
            edited = dataclasses.replace(obj, **{field.name: changed(getattr(obj, field.name))})
            extraction = dataclasses.replace(found[a.id], **{key: (edited,)})
            assert fingerprint([a, b], {**found, a.id: extraction}) != base, (key, field.name)
    assert fingerprint([a, b], {**found, b.id: Extraction(b.id, (quote,))}) != base
    assert fingerprint([a, b], found) != site_fingerprint([a, b], found, config, date(2022, 1, 12), out)


def test_cached_reader_keys_files_by_their_real_path(tmp_path, monkeypatch):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.md").write_text("x")
    (real / "b.md").symlink_to(real / "a.md")
    (tmp_path / "alias").symlink_to(real)
    monkeypatch.chdir(tmp_path)
    with ExtractionCache(tmp_path / "cache.sqlite") as cache:
        reader = CachedReader(cache, read_options(Config(root=tmp_path)))
        for path in (real / "a.md", real / "b.md", tmp_path / "alias" / "a.md", Path("alias/a.md"),
                     Path("real/../alias/b.md"), Path("real/../alias/a.md")):
            key, stat = reader.real_path(path)
            assert key == path.resolve() and stat == path.stat(), path


def test_early_workers_are_asked_for_only_when_a_content_file_is_new_or_changed(tmp_path, monkeypatch):
    from digest.incremental import Workers

    asked = []  # how many files were new or changed, each time the workers were asked for
    monkeypatch.setattr(Workers, "start_for", lambda self, files: asked.append(files))
    root = make_site(tmp_path)
    (root / "content" / "broken.md").unlink()  # a file that fails is read again on every build
    config = load_config(root=root)
    first = build_site(config, today=date(2022, 1, 11), early_workers=True)
    assert asked == [1] and first.parsed == 1
    build_site(config, today=date(2022, 1, 11), early_workers=True)
    assert asked == [1]  # nothing new: no workers
    (root / "content" / "seed-1.md").touch()
    build_site(config, today=date(2022, 1, 11), early_workers=True)
    assert asked == [1, 1]
    build_site(config, today=date(2022, 1, 11))
    assert asked == [1, 1]  # off unless asked for (the CLI asks)


def test_early_workers_start_only_for_enough_files_to_be_worth_them(monkeypatch):
    from digest import extract
    from digest.incremental import Workers

    starts = []
    monkeypatch.setattr(extract.EarlyWorkers, "start", lambda self: starts.append(self))
    monkeypatch.setattr(extract, "WORKER_START_ARTICLES", 10)
    assert extract.parallel_min_articles(2) == 20 and extract.parallel_min_articles(5) == 13
    assert extract.parallel_min_articles(1) > 10**9  # one core: never
    workers = Workers(Config(), early=True)
    workers.on_miss(extract.parallel_min_articles() - 1)
    assert starts == []
    if (os.cpu_count() or 1) > 1:
        workers.on_miss(extract.parallel_min_articles())
        assert starts == [workers.local]


@pytest.mark.parametrize("value, expected", [("junk", 100), ("1.5", 100), ("0", 100), ("-3", 100), (" 7 ", 7)])
def test_a_worker_start_setting_that_is_not_a_count_is_the_default_not_a_crash(value, expected):
    """DIGEST_WORKER_START_ARTICLES set to junk must not stop every build with a traceback at import."""
    env = {**os.environ, "DIGEST_WORKER_START_ARTICLES": value}
    run = subprocess.run([sys.executable, "-c", "from digest import extract; print(extract.WORKER_START_ARTICLES)"],
                         env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) == expected


def test_a_few_new_files_are_extracted_in_this_process_without_workers(tmp_path, monkeypatch):
    from digest import extract

    starts = []
    monkeypatch.setattr(extract.EarlyWorkers, "start", lambda self: starts.append(self))
    monkeypatch.setattr(extract, "WORKER_START_ARTICLES", 3)  # 3 files: at least 3, more on two cores
    root = make_site(tmp_path)
    (root / "content" / "broken.md").unlink()
    config = load_config(root=root)
    first = build_site(config, today=date(2022, 1, 11), early_workers=True)
    assert starts == [] and first.parsed == 1
    (root / "content" / "new.md").write_text('---\ntitle: New\ndate: 2022-01-11\n---\n\n"We agree," Ann Lee said.\n')
    again = build_site(config, today=date(2022, 1, 11), early_workers=True)
    assert starts == [] and again.parsed == 1 and again.articles == first.articles + 1
    reference = make_site(tmp_path / "b")
    (reference / "content" / "broken.md").unlink()
    (reference / "content" / "new.md").write_text((root / "content" / "new.md").read_text())
    build_site(load_config(root=reference), today=date(2022, 1, 11))
    assert tree(root / "site") == tree(reference / "site")


def test_the_cached_reader_tells_of_a_changed_file_before_reading_any(tmp_path):
    root = make_site(tmp_path)
    config = load_config(root=root)
    build_site(config, today=date(2022, 1, 11))
    paths = sorted((root / "content").iterdir())
    with ExtractionCache(config.cache_path / "cache.sqlite") as cache:
        misses = []
        reader = CachedReader(cache, read_options(config, date(2022, 1, 11)), on_miss=misses.append)
        reader.prepare([(p, p.resolve()) for p in paths if p.name != "broken.md"])
        assert misses == []
        (root / "content" / "new.md").write_text("---\ntitle: New\ndate: 2022-01-11\n---\n\nText.\n")
        reader.prepare([(p, p.resolve()) for p in [*paths, root / "content" / "new.md"]])
        assert misses == [2]  # how many files are new or changed: new.md, and broken.md (it fails: never cached)


def test_extraction_runs_on_the_executor_given(tmp_path):
    """The scale-out hook: any concurrent.futures executor (a Dask client's, say) runs the batches."""
    from concurrent.futures import ThreadPoolExecutor

    submitted = []

    class Recording(ThreadPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):
            submitted.append(fn.__name__)
            return super().submit(fn, *args, **kwargs)

    root = make_site(tmp_path / "a")
    with Recording(2) as pool:
        result = build_site(load_config(root=root), today=date(2022, 1, 11), executor=pool, early_workers=True)
    assert submitted == ["extract_batch"] and result.parsed == 1
    reference = make_site(tmp_path / "b")
    build_site(load_config(root=reference), today=date(2022, 1, 11))
    assert tree(root / "site") == tree(reference / "site")


def test_installing_pagefind_or_a_warning_means_the_site_is_built_again(tmp_path, monkeypatch):
    """A site built without search (Pagefind missing, with a warning) is not kept once Pagefind is
    there, and a build that warned is rendered again next time, so the warning is not lost."""
    root = make_site(tmp_path)
    config = load_config(root=root)
    monkeypatch.setattr("digest.render.site.pagefind_executable", lambda: None)
    first = build_site(config, today=date(2022, 1, 11))
    assert first.files > 10 and any("Pagefind" in p.message for p in first.report.warnings)
    again = build_site(config, today=date(2022, 1, 11))
    assert again.files > 10 and any("Pagefind" in p.message for p in again.report.warnings)
    monkeypatch.undo()
    if pagefind_executable() is None:
        pytest.skip("Pagefind is not installed here")
    with_search = build_site(config, today=date(2022, 1, 11))
    assert with_search.files > 0 and (root / "site" / "search" / "index.html").is_file()
