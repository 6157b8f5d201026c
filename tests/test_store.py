"""Tests for storing articles in the content folder and reading it back."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.errors import InputError, Report
from digest.ingest import ReadOptions, read_article
from digest.ingest.article import Meta, make_article
from digest.ingest.clean import clean_paragraphs
from digest.ingest.markdown import escape_paragraph, markdown_blocks
from digest.ingest.store import Stored, known_articles, read_content, store_article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
TZ = ZoneInfo("Europe/Berlin")
OPTIONS = ReadOptions(timezone=TZ, today=dt.date(2022, 2, 1))


def article(title: str, paragraphs: list[str], date: dt.datetime | None = None, **meta):
    return make_article(
        paragraphs=paragraphs,
        meta=Meta(title=title, published=date or dt.datetime(2022, 1, 11, 9, 30, tzinfo=TZ), **meta),
        path="test",
        options=OPTIONS,
        report=Report(),
    )


def test_store_writes_dated_markdown(tmp_path):
    a = article(
        "Council approves budget",
        ["First paragraph.", "Second paragraph."],
        source="Gazette",
        url="https://example.org/x",
        author="Jane Doe",
        tags=("city", "budget"),
    )
    stored = store_article(a, tmp_path)
    assert stored == Stored(tmp_path / "2022" / "01" / "11" / "council-approves-budget.md", True)
    text = stored.path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Council approves budget\ndate: '2022-01-11T09:30:00+01:00'\n")
    assert f"id: {a.id}\n---\n\nFirst paragraph.\n\nSecond paragraph.\n" in text
    assert [p.name for p in stored.path.parent.iterdir()] == ["council-approves-budget.md"]  # no temp files


def test_round_trip_keeps_id_and_metadata(tmp_path):
    for source in ("article.md", "hardwrapped.txt", "page.html", "newsplease.json", "cp1252.txt"):
        (original,) = read_article(FIXTURES / source, OPTIONS, Report())
        stored = store_article(original, tmp_path / source)
        report = Report()
        (again,) = read_article(stored.path, OPTIONS, report)
        assert again.id == original.id, source
        assert (again.title, again.text, again.paragraphs) == (
            original.title,
            original.text,
            original.paragraphs,
        )
        assert again.published == original.published
        assert (again.source, again.url, again.author, again.tags) == (
            original.source,
            original.url,
            original.author,
            original.tags,
        )
        assert again.date_from == "metadata" and report.problems == []


def test_round_trip_of_markdown_lookalike_text(tmp_path):
    paragraphs = [
        "# not a heading",
        "- not a list",
        "1. not a list either",
        "2022) a year",
        "> not a quote",
        "Use *stars* and _underscores_ and `ticks` and [brackets](http://x) and <b>tags</b>.",
        "Entities &amp; &#169; &copy; stay & so does a backslash \\ and \\*.",
        "---",
        "===",
        "+++ plus",
        "    indented? no, cleaned",
        "![image](x.png) text",
        "A line ending with two spaces  ",
    ]
    a = article("Title with: colon, # and 'quotes' \"too\"", paragraphs)
    stored = store_article(a, tmp_path)
    (again,) = read_article(stored.path, OPTIONS, Report())
    assert again.paragraphs == a.paragraphs
    assert again.title == a.title and again.id == a.id


_para = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from(list("#*_`[]<>&\\!-+=~|.)1 ")),
    min_size=1,
    max_size=80,
)


@pytest.mark.fuzz
@given(st.lists(_para, min_size=1, max_size=4))
def test_escape_round_trip_property(paragraphs):
    cleaned = clean_paragraphs(paragraphs)
    body = "\n\n".join(escape_paragraph(p) for p in cleaned)
    assert clean_paragraphs(text for _, text in markdown_blocks(body)) == cleaned


def test_store_is_idempotent(tmp_path):
    a = article("Same story", ["Body text."])
    first = store_article(a, tmp_path)
    before = first.path.stat().st_mtime_ns, first.path.read_bytes()
    second = store_article(a, tmp_path)
    assert second == Stored(first.path, False)
    assert (first.path.stat().st_mtime_ns, first.path.read_bytes()) == before
    assert len(list(tmp_path.rglob("*.md"))) == 1


def test_store_with_known_map_and_stale_map(tmp_path):
    a = article("Known story", ["Body text."])
    known: dict[str, Path] = {}
    first = store_article(a, tmp_path, known)
    assert known == {a.id: first.path}
    assert known_articles(tmp_path) == {a.id: first.path}
    # a stale (empty) map still finds the stored copy by slug + id
    assert store_article(a, tmp_path, {}) == Stored(first.path, False)


def test_same_slug_same_day_gets_suffix(tmp_path):
    a = article("Budget vote", ["One version."])
    b = article("Budget vote", ["Another version."])
    c = article("Budget vote!", ["A third."])
    paths = [store_article(x, tmp_path).path.name for x in (a, b, c)]
    assert paths == ["budget-vote.md", "budget-vote-2.md", "budget-vote-3.md"]
    assert store_article(b, tmp_path).created is False
    other_day = article("Budget vote", ["Next day."], date=dt.datetime(2022, 1, 12, tzinfo=TZ))
    assert store_article(other_day, tmp_path).path == tmp_path / "2022/01/12/budget-vote.md"


@pytest.mark.parametrize("title", ["../../etc/passwd", "...", "/absolute/path", "..\\..\\win"])
def test_titles_never_escape_the_content_folder(tmp_path, title):
    content = tmp_path / "content"
    a = article(title, ["Body."])
    stored = store_article(a, content)
    assert stored.path.resolve().is_relative_to(content.resolve())
    assert stored.path.parent == content / "2022" / "01" / "11"
    assert not stored.path.name.startswith(".")


def test_refuses_symlinked_day_folder_outside(tmp_path):
    content, outside = tmp_path / "content", tmp_path / "outside"
    (content / "2022" / "01").mkdir(parents=True)
    outside.mkdir()
    os.symlink(outside, content / "2022" / "01" / "11")
    with pytest.raises(InputError, match="outside"):
        store_article(article("Escape", ["Body."]), content)
    assert list(outside.iterdir()) == []


def test_read_content_reads_everything_once_sorted(tmp_path):
    content = tmp_path / "content"
    late = article("Late story", ["Later."], date=dt.datetime(2022, 1, 12, 8, tzinfo=TZ))
    early = article("Early story", ["Earlier."], date=dt.datetime(2022, 1, 10, 8, tzinfo=TZ))
    store_article(late, content)
    store_article(early, content)
    # a loose file placed directly under content/, a duplicate copy and a broken file
    (content / "loose.txt").write_text("Loose story\n\nJan 11, 2022\n\nSomething.\n", encoding="utf-8")
    (content / "misc").mkdir()
    (content / "misc" / "copy.md").write_bytes(store_article(late, content).path.read_bytes())
    (content / "empty.md").write_bytes(b"")
    report = Report()
    articles = read_content(content, OPTIONS, report)
    assert [a.title for a in articles] == ["Early story", "Loose story", "Late story"]
    assert [p.path for p in report.errors] == [str(content / "empty.md")]
    assert read_content(tmp_path / "missing", OPTIONS, Report()) == []


def test_known_articles_computes_missing_ids(tmp_path):
    (tmp_path / "2022" / "01" / "01").mkdir(parents=True)
    path = tmp_path / "2022" / "01" / "01" / "hand.md"
    path.write_text("---\ntitle: Hand written\n---\n\nBody.\n", encoding="utf-8")
    (a,) = read_article(path, OPTIONS, Report())
    assert known_articles(tmp_path) == {a.id: path}
    assert store_article(a, tmp_path) == Stored(path, False)


_field = st.lists(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(
            ["yes", "null", "~", "2022-01-11", "---", ": ", "#", "'", '"', "- ", "*x", "`", "|", "\\"]
        ),
    ),
    max_size=12,
).map("".join)


@pytest.mark.fuzz
@given(
    title=_field,
    paragraphs=st.lists(_field, min_size=1, max_size=3),
    author=_field,
    tags=st.lists(_field, max_size=3),
    when=st.datetimes(
        min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.timezones()
    ),
)
def test_store_round_trip_property(title, paragraphs, author, tags, when):
    try:
        a = make_article(
            paragraphs=paragraphs,
            meta=Meta(title=title, published=when, author=author, tags=tuple(tags)),
            path="x",
            options=OPTIONS,
            report=Report(),
        )
    except InputError:
        return  # nothing left after cleaning
    with tempfile.TemporaryDirectory() as folder:
        stored = store_article(a, Path(folder))
        (b,) = read_article(stored.path, OPTIONS, Report())
    assert (b.id, b.title, b.paragraphs, b.author, b.tags) == (a.id, a.title, a.paragraphs, a.author, a.tags)
    assert b.published.timestamp() == a.published.timestamp()
    assert b.published.utcoffset() == a.published.utcoffset()


@pytest.mark.parametrize("author", ["\x1b---A", "\x07 - Ann Lee", "Ann\x1b Lee"])
def test_a_byline_with_control_characters_reads_back_as_stored(tmp_path, author):
    a = make_article(paragraphs=["Body text."], meta=Meta(title="T", author=author), path="x",
                     options=OPTIONS, report=Report())
    (b,) = read_article(store_article(a, tmp_path).path, OPTIONS, Report())
    assert b.author == a.author and "\x1b" not in (a.author or "") and "\x07" not in (a.author or "")
