"""Search index: Pagefind indexes the whole site once, then rebuilds index only what changed (a delta)."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from digest.build import SEARCH_FILE, build_site
from digest.config import load_config
from digest.render import search
from digest.render.search import fragment_ids, indexed_pages, page_url

FIXTURES = Path(__file__).parent / "fixtures" / "site"
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
    (root / "content").mkdir(parents=True)
    for name in ("seed-1.md", "geneva-talks-2022-01-10.md"):
        shutil.copy(FIXTURES / name, root / "content" / name)
    (root / "digest.toml").write_text('title = "Test"\nbase_url = "https://example.org/"\nsearch = true\n')
    return root


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
    assert state_page(root) == {"delta": None, "hidden": []}
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
    assert state_page(root) == {"delta": "pagefind-delta/",
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
    assert state_page(root) == {"delta": None, "hidden": []}
    assert not (root / "site" / search.DELTA_SUBDIR).exists()
    assert fragment_ids(root / "site" / search.OUTPUT_SUBDIR) == base


def test_many_changes_index_the_whole_site_again(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "REINDEX_MIN", 0)
    monkeypatch.setattr(search, "REINDEX_SHARE", 0.0)
    root = project(tmp_path)
    build(root)
    (root / "content" / "zanzibar.md").write_text(ZANZIBAR)
    build(root)
    assert state_page(root) == {"delta": None, "hidden": []}
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
