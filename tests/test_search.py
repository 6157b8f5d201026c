"""Search index: Pagefind indexes the whole site once, then rebuilds index only what changed (a delta)."""

import json
from datetime import date
from pathlib import Path

import pytest

from digest.build import build_site
from digest.config import load_config
from digest.incremental import SEARCH_FILE
from digest.render import search
from digest.render.search import fragment_ids, indexed_pages, page_url

from helpers import seed_project

TODAY = date(2022, 1, 11)
GENEVA = "/articles/us-and-russia-end-geneva-talks-on-ukraine-with-no-breakthrough/"
NEW_ARTICLE = "/articles/zanzibar-ferry-operators-meet-port-regulators/"
ZANZIBAR = """---
title: "Zanzibar ferry operators meet port regulators"
date: "2022-01-11T09:00:00+00:00"
source: "test fixture"
---

Ferry operators in Zanzibar will meet port regulators on Friday to discuss the new quayside rules.

"We need clarity before the season starts," said Amina Juma, who chairs the operators' association.
"""

pytestmark = pytest.mark.skipif(search.pagefind_executable() is None, reason="Pagefind is not installed")


def project(root: Path) -> Path:
    return seed_project(root, search=True)


def build(root: Path):
    return build_site(load_config(root=root), today=TODAY)


def state_page(root: Path) -> dict:
    return json.loads((root / "site" / search.STATE_PAGE).read_text())


def urls(bundle: Path) -> set[str]:
    return set(fragment_ids(bundle))


def test_a_first_build_indexes_every_article_and_speaker_page(tmp_path):
    root = project(tmp_path)
    build(root)
    site = root / "site"
    assert state_page(root) == {"parts": [], "delta": None, "hidden": []}
    assert not (site / search.DELTA_SUBDIR).exists()
    expected = {page_url(p) for p in indexed_pages(site)[0]}
    assert GENEVA in expected and "/people/dmitry-peskov/" in expected and "/" not in expected
    assert urls(site / search.OUTPUT_SUBDIR) == expected
    assert set(json.loads((root / ".digest" / SEARCH_FILE).read_text())["ids"]) == expected


def test_a_rebuild_indexes_only_the_changed_pages_and_hides_their_old_results(tmp_path):
    root = project(tmp_path)
    build(root)
    site = root / "site"
    base = fragment_ids(site / search.OUTPUT_SUBDIR)

    (root / "content" / "zanzibar.md").write_text(ZANZIBAR)
    geneva = root / "content" / "geneva-talks-2022-01-10.md"
    geneva.write_text(geneva.read_text().replace("waterproof", "weatherproof"))
    build(root)
    assert fragment_ids(site / search.OUTPUT_SUBDIR) == base  # the base index is kept as it was
    assert urls(site / search.DELTA_SUBDIR) == {NEW_ARTICLE, "/people/amina-juma/", GENEVA, "/people/sergei-ryabkov/"}
    assert state_page(root) == {"parts": [], "delta": "pagefind-delta/",
                                "hidden": sorted([base[GENEVA], base["/people/sergei-ryabkov/"]])}

    geneva.unlink()  # gone: its pages' base results are hidden, the delta keeps the other changes
    build(root)
    state = state_page(root)
    assert urls(site / search.DELTA_SUBDIR) == {NEW_ARTICLE, "/people/amina-juma/"}
    assert set(state["hidden"]) == {base[u] for u in (GENEVA, "/people/sergei-ryabkov/", "/people/wendy-sherman/")}


def test_a_rebuild_that_changes_no_indexed_page_has_no_delta(tmp_path):
    root = project(tmp_path)
    build(root)
    base = fragment_ids(root / "site" / search.OUTPUT_SUBDIR)
    build_site(load_config(root=root), today=date(2022, 1, 20))  # the agenda moves on; the articles do not
    assert state_page(root) == {"parts": [], "delta": None, "hidden": []}
    assert not (root / "site" / search.DELTA_SUBDIR).exists()
    assert fragment_ids(root / "site" / search.OUTPUT_SUBDIR) == base


def test_many_changes_index_the_whole_site_again(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "REINDEX_MIN", 0)
    monkeypatch.setattr(search, "REINDEX_SHARE", 0.0)
    root = project(tmp_path)
    build(root)
    (root / "content" / "zanzibar.md").write_text(ZANZIBAR)
    build(root)
    assert state_page(root) == {"parts": [], "delta": None, "hidden": []}
    assert NEW_ARTICLE in urls(root / "site" / search.OUTPUT_SUBDIR)


def test_a_live_index_that_changed_behind_digests_back_is_not_trusted(tmp_path):
    root = project(tmp_path)
    build(root)
    entry = root / "site" / search.OUTPUT_SUBDIR / "pagefind-entry.json"
    entry.write_text(entry.read_text() + " ")
    (root / "content" / "zanzibar.md").write_text(ZANZIBAR)
    build(root)
    assert state_page(root)["delta"] is None
    assert NEW_ARTICLE in urls(root / "site" / search.OUTPUT_SUBDIR)


def test_a_clean_build_indexes_everything(tmp_path):
    root = project(tmp_path)
    build(root)
    (root / "content" / "zanzibar.md").write_text(ZANZIBAR)
    build_site(load_config(root=root), today=TODAY, clean=True)
    assert state_page(root)["delta"] is None


def test_shards_split_sorted_pages_by_count_and_by_bytes(monkeypatch):
    monkeypatch.setattr(search, "SHARD_PAGES", 3)
    monkeypatch.setattr(search, "SHARD_BYTES", 100)
    files = {name: [size, "x"] for name, size in
             [("a", 10), ("b", 10), ("c", 10), ("d", 10), ("e", 95), ("f", 120), ("g", 1)]}
    assert search.shard_pages(list(reversed(files)), files) == [["a", "b", "c"], ["d"], ["e"], ["f"], ["g"]]
    assert search.shard_pages([], {}) == []
    assert search.bundle_dirs(3) == ["pagefind", "pagefind-2", "pagefind-3"]


def test_a_large_site_is_indexed_in_parts_that_the_search_page_merges(tmp_path, monkeypatch):
    """Pagefind holds a whole run in memory: past SHARD_PAGES pages, the base index comes in parts."""
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    root = project(tmp_path)
    build(root)
    site = root / "site"
    pages = sorted(indexed_pages(site)[0])
    bundles = search.bundle_dirs((len(pages) + 1) // 2)
    assert len(bundles) >= 3
    assert state_page(root) == {"parts": [f"{b}/" for b in bundles[1:]], "delta": None, "hidden": []}
    for k, bundle in enumerate(bundles):  # each part holds its own pages, in path order
        assert urls(site / bundle) == {page_url(p) for p in pages[2 * k: 2 * k + 2]}
    ids = {}
    for bundle in bundles:
        ids.update(fragment_ids(site / bundle))

    (root / "content" / "zanzibar.md").write_text(ZANZIBAR)
    geneva = root / "content" / "geneva-talks-2022-01-10.md"
    geneva.write_text(geneva.read_text().replace("waterproof", "weatherproof"))
    build(root)  # the parts are kept, the changes go to the delta, old results are hidden whatever their part
    for bundle in bundles:
        assert urls(site / bundle) <= set(ids)
    assert state_page(root) == {"parts": [f"{b}/" for b in bundles[1:]], "delta": "pagefind-delta/",
                                "hidden": sorted([ids[GENEVA], ids["/people/sergei-ryabkov/"]])}
    assert urls(site / search.DELTA_SUBDIR) == {NEW_ARTICLE, "/people/amina-juma/", GENEVA, "/people/sergei-ryabkov/"}


def test_a_changed_part_of_the_live_index_is_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    root = project(tmp_path)
    build(root)
    entry = root / "site" / "pagefind-2" / "pagefind-entry.json"
    entry.write_text(entry.read_text() + " ")
    (root / "content" / "zanzibar.md").write_text(ZANZIBAR)
    build(root)
    assert state_page(root)["delta"] is None
    assert NEW_ARTICLE in set().union(*(urls(root / "site" / b) for b in ["pagefind", *state_page(root)["parts"]]))


def test_a_part_that_fails_to_index_stops_the_index_and_leaves_no_staging_folders(tmp_path, monkeypatch):
    site = tmp_path / "site"
    for name in ("a", "b", "c"):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(f"<html><body data-pagefind-body><p>{name}</p></body></html>")
    calls = []

    def fake_index(folder, language, output):
        calls.append(sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html")))
        return "Pagefind failed (disk full); the site is built without search" if len(calls) == 2 else None

    monkeypatch.setattr(search, "build_index", fake_index)
    parts = [([f"{name}/index.html"], tmp_path / f"out-{name}") for name in ("a", "b", "c")]
    assert search.index_parts(site, parts, "en").startswith("Pagefind failed (disk full)")
    assert calls == [["a/index.html"], ["b/index.html"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
