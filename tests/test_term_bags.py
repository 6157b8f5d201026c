"""The stories' term bags kept between builds (digest/term_bags.py): read back exactly as computed,
pruned to the archive and the code version, damaged rows and unreadable files computed again and
reported as one line naming the file."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

import digest.term_bags as term_bags
from digest.build import build_site
from digest.config import load_config
from digest.errors import Report
from digest.incremental import TERMS_FILE, open_state
from digest.stories import StoryText, terms
from digest.term_bags import TermBags, bag_from_json, bag_to_json, text_key

from helpers import seed_project

TEXTS = [StoryText(f"Talks {n} end in Geneva", (f"Minister Anna Berg met {n} delegates in Geneva on Monday.",
                                                  "The next round of talks will be held in Vienna, officials said."))
         for n in range(4)]


def counting_terms(monkeypatch) -> list[StoryText]:
    computed: list[StoryText] = []

    def counting(text):
        computed.append(text)
        return terms(text)

    monkeypatch.setattr(term_bags, "terms", counting)
    return computed


def stored(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT key, version FROM bags"))


def test_stored_bags_read_back_exactly_in_their_order_and_are_not_computed_again(tmp_path, monkeypatch):
    path, computed = tmp_path / "terms.sqlite", counting_terms(monkeypatch)
    first = TermBags(path, "v1", Report())
    bags = first(TEXTS, {})
    assert computed == TEXTS
    first.save(TEXTS)
    computed.clear()
    again = TermBags(path, "v1", Report())(TEXTS, {})
    assert computed == []
    assert [list(again[t].items()) for t in TEXTS] == [list(bags[t].items()) for t in TEXTS]
    assert [list(bags[t].items()) for t in TEXTS] == [list(terms(t).items()) for t in TEXTS]


def test_save_prunes_texts_gone_from_the_archive_and_other_code_versions(tmp_path):
    path = tmp_path / "terms.sqlite"
    old = TermBags(path, "v1", Report())
    old(TEXTS, {})
    old.save(TEXTS)
    new = TermBags(path, "v2", Report())
    new(TEXTS[:2], {})
    new.save(TEXTS[1:])  # TEXTS[0] left the archive; v1's rows are another version's
    rows = stored(path)
    assert set(rows) == {text_key(TEXTS[1])} and all(v.endswith("v2") for v in rows.values())


@pytest.mark.parametrize("payload", [
    json.dumps([["geneva", "talks"], [1.5, float("nan")]]),
    json.dumps([["geneva", "talks"], [1.5, float("inf")]]),
    json.dumps([["geneva", "talks"], [1.5, -2.0]]),
    json.dumps([["geneva", "talks"], [1.5, 0.0]]),
    json.dumps([["geneva", "talks"], [1.5, 2]]),  # an int: the bags hold floats
    json.dumps([["geneva", 7], [1.5, 2.0]]),
    json.dumps([["geneva", "geneva"], [1.5, 2.0]]),
    json.dumps([["geneva"], [1.5, 2.0]]),
    json.dumps({"geneva": 1.5}),
    json.dumps([["geneva", "talks"], [1e308, 1e308]]),
    "[[\"geneva\"], [1.5]",
    "null",
])
def test_a_damaged_row_is_computed_again_reported_once_and_replaced(tmp_path, monkeypatch, payload):
    assert bag_from_json(payload) is None
    path = tmp_path / "terms.sqlite"
    first = TermBags(path, "v1", Report())
    first(TEXTS, {})
    first.save(TEXTS)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE bags SET bag = ? WHERE key IN (?, ?)", (payload, text_key(TEXTS[0]), text_key(TEXTS[2])))
    computed, report = counting_terms(monkeypatch), Report()
    bags = TermBags(path, "v1", report)
    assert bags(TEXTS, {}) == {t: terms(t) for t in TEXTS}
    assert computed == [TEXTS[0], TEXTS[2]]
    assert [(p.level, p.path) for p in report.problems] == [("warning", str(path))]
    assert "2 stored term bag(s) damaged" in report.problems[0].message
    bags.save(TEXTS)
    computed.clear()
    TermBags(path, "v1", Report())(TEXTS, {})
    assert computed == []


def test_a_corrupt_file_is_reported_once_removed_and_started_again_by_the_next_build(tmp_path, monkeypatch):
    path = tmp_path / "terms.sqlite"
    path.write_bytes(b"this is not a database file, " * 200)
    path.with_name("terms.sqlite-journal").write_bytes(b"left over")
    computed, report = counting_terms(monkeypatch), Report()
    bags = TermBags(path, "v1", report)
    assert bags(TEXTS, {}) == {t: terms(t) for t in TEXTS} and computed == TEXTS
    assert bags(TEXTS, {}) == {t: terms(t) for t in TEXTS}
    bags.save(TEXTS)
    assert len(report.problems) == 1 and report.problems[0].path == str(path)
    assert "file is not a database" in report.problems[0].message
    assert "the file is removed" in report.problems[0].message
    assert not path.exists() and not path.with_name("terms.sqlite-journal").exists()
    report = Report()
    following = TermBags(path, "v1", report)
    following(TEXTS, {})
    following.save(TEXTS)
    assert report.problems == []
    assert set(stored(path)) == {text_key(t) for t in TEXTS}


def test_a_file_that_cannot_be_opened_is_reported_once_a_build_and_kept(tmp_path, monkeypatch):
    path = tmp_path / "terms.sqlite"
    path.mkdir()  # a folder where the file should be
    computed, report = counting_terms(monkeypatch), Report()
    bags = TermBags(path, "v1", report)
    assert bags(TEXTS, {}) == {t: terms(t) for t in TEXTS} and computed == TEXTS
    assert bags(TEXTS[:1], {}) == {TEXTS[0]: terms(TEXTS[0])}
    bags.save(TEXTS)
    bags.close()
    assert len(report.problems) == 1 and report.problems[0].path == str(path)
    assert "cannot be opened" in report.problems[0].message
    assert "removed" not in report.problems[0].message
    assert path.is_dir()


def test_a_failure_to_store_is_not_called_unreadable_and_keeps_the_file(tmp_path, monkeypatch):
    path = tmp_path / "terms.sqlite"
    first = TermBags(path, "v1", Report())
    first(TEXTS[:1], {})
    first.save(TEXTS)
    report = Report()
    bags = TermBags(path, "v1", report)
    bags(TEXTS, {})

    def locked(self, db, keep):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(TermBags, "prune", locked)
    bags.save(TEXTS)
    assert len(report.problems) == 1
    assert "cannot store the term bags (database is locked)" in report.problems[0].message
    assert set(stored(path)) == {text_key(TEXTS[0])}


def test_bags_round_trip_through_json():
    for text in TEXTS:
        bag = terms(text)
        assert list(bag_from_json(bag_to_json(bag)).items()) == list(bag.items())
    assert bag_from_json(bag_to_json(terms(StoryText("", ())))) == {}


def test_a_build_keeps_the_bags_of_its_articles_only_and_clean_starts_again(tmp_path, monkeypatch):
    root = seed_project(tmp_path / "site")
    path = root / ".digest" / TERMS_FILE
    build_site(load_config(root=root), today=date(2022, 1, 11))
    assert len(stored(path)) == 2
    (root / "content" / "seed-1.md").unlink()
    build_site(load_config(root=root), today=date(2022, 1, 11))
    assert len(stored(path)) == 1
    with sqlite3.connect(path) as db:
        db.execute("UPDATE bags SET bag = 'NaN'")
    computed = counting_terms(monkeypatch)
    result = build_site(load_config(root=root), today=date(2022, 1, 11), clean=True)
    assert computed and not result.report.problems  # the damaged file was removed, not read
    assert len(stored(path)) == 1


def test_bags_are_stored_as_they_are_computed_so_a_cold_build_holds_few_in_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(term_bags, "FLUSH", 2)
    path = tmp_path / "terms.sqlite"
    bags = TermBags(path, "v1", Report())
    bags(TEXTS[:3], {})
    assert bags.fresh == {} and set(stored(path)) == {text_key(t) for t in TEXTS[:3]}
    computed = counting_terms(monkeypatch)
    assert bags(TEXTS, {}) == {t: terms(t) for t in TEXTS}
    assert computed == [TEXTS[3]]  # the stored ones are read back
    assert list(bags.fresh) == [text_key(TEXTS[3])]  # fewer than FLUSH: held until save
    bags.save(TEXTS[1:])
    assert set(stored(path)) == {text_key(t) for t in TEXTS[1:]}


def test_a_build_that_fails_closes_the_file(tmp_path):
    config = load_config(root=seed_project(tmp_path / "site"))
    config.cache_path.mkdir(parents=True, exist_ok=True)
    with pytest.raises(RuntimeError), open_state(config, tmp_path / "out", date(2022, 1, 11), False, Report()) as state:
        state.term_bags(TEXTS, {})
        assert state.term_bags.db is not None
        raise RuntimeError("a stage failed after clustering")
    assert state.term_bags.db is None
    state.term_bags.close()  # again: nothing to do


def test_the_text_key_tells_apart_texts_that_join_alike():
    assert text_key(StoryText("a\0b", ())) != text_key(StoryText("a", ("b",)))
    assert text_key(StoryText("a", ("b\0c",))) != text_key(StoryText("a", ("b", "c")))
    assert text_key(StoryText("a", ("b",))) == text_key(StoryText("a", ("b",)))
