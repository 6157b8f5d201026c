"""The page graph is right: after any one change, the incremental site equals a clean build byte for byte."""

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from digest.build import build_site
from digest.config import load_config
from digest.edition import cluster_window, edit_day
from digest.incremental import code_version, source_digest
from digest.render.templating import default_theme

FIXTURES = Path(__file__).parent / "fixtures" / "site"
TODAY = date(2022, 1, 11)
TOML = 'title = "Test"\nbase_url = "https://example.org/"\nsearch = false\n'

STATEMENT = """---
title: "Talks {n} end without agreement"
date: "2022-01-{day:02d}T0{hour}:00:00+00:00"
source: Wire
---

Delegates met in Geneva on Monday for the talks.

"We have made progress on {n} points, but the gaps remain wide," Minister Anna Berg told reporters.

The next round of talks will be held in Vienna on January 2{hour}, officials said.
"""

ARTICLES = ["seed-1.md", "geneva-talks-2022-01-10.md", "talks-0.md", "talks-1.md", "talks-2.md"]
CONFIG_CHANGES = [("title", '"Morning Notes"'), ("description", '"Other words."'), ("key_quotes", "1"),
                  ("per_page", "1"), ("meeting_days", "2"), ("timezone", '"Pacific/Auckland"'),
                  ("base_url", '"https://example.net/news/"'), ("author", '"Desk"')]
TEMPLATES = ["base.html", "article.html", "briefing.html", "person.html", "feed_quote.html", "_macros.html"]


def project(root: Path) -> Path:
    (root / "content").mkdir(parents=True)
    for name in ARTICLES[:2]:
        shutil.copy(FIXTURES / name, root / "content" / name)
    for n in range(3):
        (root / "content" / f"talks-{n}.md").write_text(STATEMENT.format(n=n, day=9 + n % 2, hour=n + 1))
    (root / "digest.toml").write_text(TOML)
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = project(tmp_path_factory.mktemp("base") / "site")
    build_site(load_config(root=root), today=TODAY)
    return root


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


CHANGES = st.one_of(
    st.tuples(st.just("text"), st.sampled_from(ARTICLES), st.sampled_from(['"No comment," Berg said.', "A line."])),
    st.tuples(st.just("remove"), st.sampled_from(ARTICLES), st.none()),
    st.tuples(st.just("add"), st.integers(3, 5), st.sampled_from([11, 9, 8])),  # newest day, an old one, a new one
    st.tuples(st.just("config"), st.sampled_from(CONFIG_CHANGES), st.none()),
    st.tuples(st.just("template"), st.sampled_from(TEMPLATES), st.sampled_from(["<!-- x -->", "{{ config.title }}"])),
    st.tuples(st.just("today"), st.integers(-3, 20), st.none()),
)


def apply(root: Path, change) -> date:
    """Make ``change`` to the site in ``root``; returns the reference day of the next build."""
    kind, what, detail = change
    if kind == "text":
        path = root / "content" / what
        if path.exists():  # an earlier example may have removed it
            path.write_text(path.read_text() + f"\n{detail}\n")
    elif kind == "remove":
        (root / "content" / what).unlink(missing_ok=True)
    elif kind == "add":  # on the newest day (11), or on an old one (the windows of later days change)
        # one text per day: the extraction cache keys an article by its title and text, not its date
        n = what if detail == 11 else 100 * what + detail
        (root / "content" / f"talks-{n}.md").write_text(STATEMENT.format(n=n, day=detail, hour=what))
    elif kind == "config":
        kept = [line for line in TOML.splitlines() if not line.startswith(f"{what[0]} =")]  # a key once only
        (root / "digest.toml").write_text("\n".join([*kept, f"{what[0]} = {what[1]}"]) + "\n")
    elif kind == "template":
        (root / "templates").mkdir(exist_ok=True)
        source = (default_theme() / what).read_text()
        (root / "templates" / what).write_text(source.replace("</footer>", f"{detail}</footer>", 1)
                                               if "</footer>" in source else source + detail)
    elif kind == "today":
        return TODAY + timedelta(days=what)
    return TODAY


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(change=CHANGES)
@example(change=("add", 3, 9))  # to an old day: the stories of the day after it change too
@example(change=("add", 4, 11))  # to the newest day
def test_one_change_then_an_incremental_build_equals_a_clean_build(built, tmp_path_factory, change):
    """Changes pile up on one site (each example starts from the last one's site and state)."""
    root = built
    today = apply(root, change)
    incremental = build_site(load_config(root=root), today=today)
    clean = tmp_path_factory.mktemp("clean") / "site"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".digest", "site"))
    full = build_site(load_config(root=clean), today=today)
    assert full.pages_reused == 0
    assert tree(root / "site") == tree(clean / "site"), change
    if change[0] in ("text", "add", "remove") and incremental.files:  # (a removed file's text: nothing to do)
        assert incremental.pages_reused > 0, change  # not everything was made again


def test_a_new_list_page_leaves_the_other_pages_reusable(tmp_path_factory):
    """With one briefing per list page, an article on a new earliest day adds a list page: the pages
    that do not show it are kept, and the site still equals a clean build."""
    root = project(tmp_path_factory.mktemp("paged") / "site")
    apply(root, ("config", ("per_page", "1"), None))
    build_site(load_config(root=root), today=TODAY)
    pages_before = len(list((root / "site" / "page").glob("*/index.html")))
    incremental = build_site(load_config(root=root), today=apply(root, ("add", 5, 8)))
    assert len(list((root / "site" / "page").glob("*/index.html"))) == pages_before + 1
    clean = tmp_path_factory.mktemp("paged-clean") / "site"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".digest", "site"))
    build_site(load_config(root=clean), today=TODAY)
    assert tree(root / "site") == tree(clean / "site")
    assert incremental.pages_reused > 0


def test_one_code_version_covers_every_module(tmp_path):
    version = code_version()
    assert version.site == source_digest(".") != version.extractor != version.reader
    assert version.extractor == source_digest("nlp", "models.py", "extract.py")


def test_nothing_changed_keeps_the_site_without_editing_it(tmp_path, monkeypatch):
    """A build with nothing new neither clusters stories nor renders: it says what the kept site holds."""
    root = project(tmp_path / "site")
    first = build_site(load_config(root=root), today=TODAY)
    before = tree(root / "site")

    def no_editing(*args, **kwargs):
        raise AssertionError("the site was edited again")

    monkeypatch.setattr("digest.build.edit_site", no_editing)
    again = build_site(load_config(root=root), today=TODAY)
    assert (again.files, again.articles, again.days) == (0, first.articles, first.days)
    assert first.articles == 5 and tree(root / "site") == before
    with pytest.raises(AssertionError, match="edited again"):  # a change is edited and rendered
        build_site(load_config(root=root), today=TODAY + timedelta(days=1))


def test_an_article_added_to_an_old_day_clusters_again_only_the_windows_that_hold_it(tmp_path, monkeypatch):
    """A day's stories depend on its window (the day and the day before) and on the articles before it
    that count in its term frequencies (here none): an article added to day 9 changes the stories of
    days 9 and 10, and day 11's are taken as they were."""
    monkeypatch.setattr("digest.edition.FREQUENCY_ARTICLES", 0)
    root = project(tmp_path / "site")
    build_site(load_config(root=root), today=TODAY)
    clustered: list[list[str]] = []

    def counting(texts, earlier, **kwargs):
        clustered.append([text.title for text in texts])
        return cluster_window(texts, earlier, **kwargs)

    monkeypatch.setattr("digest.edits.cluster_window", counting)
    (root / "content" / "talks-7.md").write_text(STATEMENT.format(n=7, day=9, hour=7))
    result = build_site(load_config(root=root), today=TODAY)
    assert len(clustered) == 2 and all("Talks 7 end without agreement" in titles for titles in clustered)
    assert result.pages_reused > 0
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".digest", "site"))
    build_site(load_config(root=clean), today=TODAY)
    assert tree(root / "site") == tree(clean / "site")


def test_damaged_records_of_the_edit_stage_are_edited_again(tmp_path):
    root = project(tmp_path / "site")
    build_site(load_config(root=root), today=TODAY)
    before = tree(root / "site")
    stored, days = root / ".digest" / "stories.json", root / ".digest" / "days.json"
    groups, records = json.loads(stored.read_text()), json.loads(days.read_text())
    assert len(groups) == len(records) == 3  # one window per day
    stored.write_text(json.dumps({key: [[0, 0]] for key in groups}))  # rows twice, others missing
    damaged = [{**record, "stories": [{**story, "entries": [99]} for story in record["stories"]]}
               for record in records.values()]  # an article the window does not hold
    days.write_text(json.dumps(dict(zip(records, damaged, strict=True))))
    build_site(load_config(root=root), today=TODAY + timedelta(days=1))
    build_site(load_config(root=root), today=TODAY)
    assert tree(root / "site") == before
    stored.write_text("{not json")
    days.write_text(json.dumps({key: {"stories": "?"} for key in records}))
    build_site(load_config(root=root), today=TODAY + timedelta(days=1))
    build_site(load_config(root=root), today=TODAY)
    assert tree(root / "site") == before


def test_days_whose_inputs_did_not_change_are_not_edited_again(tmp_path, monkeypatch):
    """A new reference day changes the agenda, not the stories: no day is edited again, and the site
    equals a clean build. An article added to the newest day edits that day only."""
    root = project(tmp_path / "site")
    build_site(load_config(root=root), today=TODAY)
    edited: list[date] = []

    def counting(briefing, *args, **kwargs):
        edited.append(briefing.day)
        return edit_day(briefing, *args, **kwargs)

    monkeypatch.setattr("digest.edits.edit_day", counting)
    later = TODAY + timedelta(days=2)
    build_site(load_config(root=root), today=later)
    assert edited == []
    (root / "content" / "talks-8.md").write_text(STATEMENT.format(n=8, day=11, hour=8))
    build_site(load_config(root=root), today=later)
    assert edited == [date(2022, 1, 11)]
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".digest", "site"))
    build_site(load_config(root=clean), today=later)
    assert tree(root / "site") == tree(clean / "site")


def test_a_build_leaves_nothing_frozen_for_the_garbage_collector(tmp_path):
    """The stages freeze what lives until the build ends (gc.freeze); a long-lived caller (digest serve)
    gets it all back to collect, whether the build rendered the site or kept it."""
    import gc

    root = project(tmp_path / "site")
    build_site(load_config(root=root), today=TODAY)
    assert gc.get_freeze_count() == 0
    kept = build_site(load_config(root=root), today=TODAY)  # nothing changed: nothing rendered
    assert kept.files == 0 and gc.get_freeze_count() == 0
