"""Tests for the article readers (digest.ingest)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.errors import InputError, Report
from digest.ingest import SUPPORTED_SUFFIXES, ReadOptions, find_inputs, read_article
from digest.ingest.article import article_id, make_slug

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
TZ = ZoneInfo("America/New_York")
BUILD = dt.date(2022, 2, 1)


@pytest.fixture
def options() -> ReadOptions:
    return ReadOptions(timezone=TZ, today=BUILD)


def read_one(name: str, options: ReadOptions, report: Report | None = None):
    articles = read_article(FIXTURES / name, options, report if report is not None else Report())
    assert len(articles) == 1
    return articles[0]


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# --- plain text -------------------------------------------------------------------------------


def test_hard_wrapped_txt_is_rejoined_and_debris_dropped(options):
    report = Report()
    a = read_one("hardwrapped.txt", options, report)
    assert a.title == "Harbour authority delays vote on container terminal"
    assert a.paragraphs[2] == (
        "WASHINGTON, March 3 (Reuters) - The harbour authority on Thursday postponed a vote on the "
        "planned container terminal after residents packed a public hearing to object to the loss of "
        "the old fish market, officials said."
    )
    # the byline and the date line are separate lines, not wrapped text
    assert a.paragraphs[:2] == ("By Maria Jensen", "March 3, 2022")
    assert len(a.paragraphs) == 5
    for debris in ("Advertisement", "Share this:", "Leave a Comment"):
        assert debris not in a.text
    assert a.text == "\n\n".join(a.paragraphs)
    assert a.id == article_id(a.title, a.text)
    assert a.published == dt.datetime(2022, 3, 3, tzinfo=TZ)
    assert a.date_from == "dateline"
    assert a.origin == str(FIXTURES / "hardwrapped.txt")
    assert a.slug == "harbour-authority-delays-vote-on-container-terminal"
    assert report.problems == []


def test_reuters_indented_paragraph_starts_are_kept_apart(options):
    a = read_one("reuters_indented.txt", options)
    assert a.title == "BAHIA COCOA REVIEW"
    assert len(a.paragraphs) == 3
    assert a.paragraphs[0].startswith("SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia")
    assert a.paragraphs[0].endswith("Comissaria Smith said in its weekly review.")
    assert a.paragraphs[1] == "The dry period means the temporao will be late this year."


def test_unwrapped_lines_stay_separate_paragraphs(tmp_path, options):
    long1 = "The first paragraph is written on one long line, as many scrapers save them. " * 2
    long2 = (
        "The second paragraph follows on the next line without a blank line in between, which is common. " * 2
    )
    path = write(tmp_path, "a.txt", f"Title\n{long1.strip()}\n{long2.strip()}\nShort third.\n")
    a = read_article(path, options, Report())[0]
    assert a.paragraphs == (long1.strip(), long2.strip(), "Short third.")


def test_cp1252_smart_quotes(options):
    a = read_one("cp1252.txt", options)
    assert a.title == "Minister \u201cconfident\u201d of deal \u2013 talks resume"
    assert "\u201cvery close\u201d" in a.text
    assert "negotiators\u2019 latest" in a.text
    assert "Caf\u00e9" in a.text and "\u2026" in a.text


def test_latin1(options):
    a = read_one("latin1.txt", options)
    assert a.title == "Stadtrat beschlie\u00dft neuen Radweg"
    assert "B\u00fcrgermeisterin J\u00fcrgens" in a.text


@pytest.mark.parametrize(
    "name", ["utf16_bom.txt", "utf16le_nobom.txt", "utf16be_nobom.txt", "utf8_bom_crlf.txt"]
)
def test_unicode_encodings_give_the_same_article(name, options):
    a = read_one(name, options)
    assert a.title == "Ferry service resumes"
    assert "\u201cshort delays\u201d" in a.text
    assert "\r" not in a.text and "\ufeff" not in a.title
    assert a.id == read_one("utf8_bom_crlf.txt", options).id


def test_empty_file_is_an_input_error(options):
    with pytest.raises(InputError, match="empty file") as info:
        read_article(FIXTURES / "empty.txt", options, Report())
    assert info.value.path == str(FIXTURES / "empty.txt")


def test_whitespace_only_file_is_empty(tmp_path, options):
    with pytest.raises(InputError, match="empty file"):
        read_article(write(tmp_path, "blank.md", "\r\n  \n\t\n"), options, Report())


def test_binary_file_is_not_text(options):
    with pytest.raises(InputError, match="not a text file"):
        read_article(FIXTURES / "binary.txt", options, Report())


def test_title_only_file_has_no_text(tmp_path, options):
    with pytest.raises(InputError, match="no article text"):
        read_article(write(tmp_path, "t.txt", "Just a headline\n"), options, Report())


def test_curly_and_straight_quotes_are_kept_exactly(tmp_path, options):
    body = "She said \u201cno\u201d and he said \"yes\" \u2014 it\u2019s \u2018final\u2019 and 'done'."
    a = read_article(write(tmp_path, "q.txt", f"Quotes\n\n{body}\n"), options, Report())[0]
    assert a.text == body


# --- dates ------------------------------------------------------------------------------------


def test_date_option_beats_dateline_and_metadata_beats_option(tmp_path):
    opts = ReadOptions(timezone=TZ, default_date=dt.date(2022, 5, 6), today=BUILD)
    a = read_one("hardwrapped.txt", opts)
    assert (a.published, a.date_from) == (dt.datetime(2022, 5, 6, tzinfo=TZ), "option")
    b = read_one("article.md", opts)
    assert b.date_from == "metadata"
    assert b.published == dt.datetime(2022, 1, 11, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def test_no_date_uses_build_date_with_warning(tmp_path, options):
    report = Report()
    a = read_article(write(tmp_path, "n.txt", "Headline\n\nNo date anywhere here.\n"), options, report)[0]
    assert a.date_from == "build"
    assert a.published == dt.datetime(2022, 2, 1, tzinfo=TZ)
    assert [str(p) for p in report.warnings] == [
        f"warning: {tmp_path / 'n.txt'}: no publication date found; using the build date 2022-02-01"
    ]


def test_today_defaults_to_the_current_date(tmp_path):
    report = Report()
    path = write(tmp_path, "n.txt", "Headline\n\nNo date anywhere here.\n")
    a = read_article(path, ReadOptions(timezone=TZ), report)[0]
    assert a.date_from == "build"
    assert abs(a.published.date() - dt.datetime.now(TZ).date()) <= dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("first_lines", "expected"),
    [
        ("LONDON, Jan 11, 2022 (Reuters) - Prices rose.", dt.date(2022, 1, 11)),
        ("Jan 11, 2022\n\nPrices rose.", dt.date(2022, 1, 11)),
        ("Published: 11 January 2022\n\nPrices rose.", dt.date(2022, 1, 11)),
        ("2022-01-11\n\nPrices rose.", dt.date(2022, 1, 11)),
        ("By Ann Lee | Tuesday, January 11, 2022\n\nPrices rose.", dt.date(2022, 1, 11)),
        ("WASHINGTON, March 3 (Reuters) - Prices rose in 2022.", dt.date(2022, 3, 3)),
        # year-less and the text names two different years: ambiguous, skipped
        ("WASHINGTON, March 3 (Reuters) - Prices rose in 2021 and 2022.", None),
        ("WASHINGTON, March 3 (Reuters) - Prices rose.", None),
        # a date inside a sentence is not a dateline
        ("The vote on Jan 11, 2022 - was close.", None),
        ("LONDON, Feb 30, 2022 - Impossible date.", None),
    ],
)
def test_dateline(tmp_path, options, first_lines, expected):
    a = read_article(write(tmp_path, "d.txt", f"Headline\n\n{first_lines}\n"), options, Report())[0]
    if expected is None:
        assert a.date_from == "build"
    else:
        assert a.date_from == "dateline"
        assert a.published.date() == expected


def test_date_with_time_and_zone_is_kept_and_date_only_is_local_midnight(tmp_path, options):
    a = read_article(
        write(tmp_path, "a.md", "---\ntitle: T\ndate: 2022-01-11T23:30:00Z\n---\nText.\n"), options, Report()
    )[0]
    assert a.published == dt.datetime(2022, 1, 11, 23, 30, tzinfo=dt.timezone.utc)
    b = read_article(
        write(tmp_path, "b.md", "---\ntitle: T\ndate: 2022-01-11\n---\nText.\n"), options, Report()
    )[0]
    assert b.published == dt.datetime(2022, 1, 11, tzinfo=TZ)
    assert b.published.utcoffset() == dt.timedelta(hours=-5)
    c = read_article(
        write(tmp_path, "c.md", "---\ntitle: T\ndate: 2022-01-11 10:00\n---\nText.\n"), options, Report()
    )[0]
    assert c.published == dt.datetime(2022, 1, 11, 10, 0, tzinfo=TZ)


# --- markdown ---------------------------------------------------------------------------------


def test_markdown_with_front_matter(options):
    report = Report()
    a = read_one("article.md", options, report)
    assert a.title == "Council approves \u201cgreen\u201d budget"
    assert a.source == "Example Gazette"
    assert a.url == "https://example.org/news/council-budget"
    assert a.author == "Jane Doe, John Roe"
    assert a.tags == ("city", "budget")
    assert a.paragraphs == (
        "The city council on Tuesday approved a green budget worth $3.2 billion, with seven votes in favour "
        "and two against.",
        "What changes",
        "Bus fares fall by 10%.",
        "Two new parks open in 2023.",
        '"This is a budget for the next generation," Mayor Ana Silva said.',
    )
    assert report.problems == []


def test_markdown_without_front_matter_takes_the_heading_as_title(tmp_path, options):
    a = read_article(
        write(tmp_path, "h.md", "# Big *news* today\n\nSomething happened.\n"), options, Report()
    )[0]
    assert a.title == "Big news today"
    assert a.paragraphs == ("Something happened.",)


def test_broken_front_matter_warns_with_line_and_falls_back(options):
    report = Report()
    a = read_one("broken_front_matter.md", options, report)
    path = str(FIXTURES / "broken_front_matter.md")
    problems = report.warnings
    assert problems[0].path == path and problems[0].line == 3
    assert "front matter is not valid YAML" in problems[0].message
    # body still read; the date comes from the dateline, not the broken front matter
    assert a.date_from == "dateline" and a.published.date() == dt.date(2022, 1, 12)
    assert a.text.startswith(
        "WASHINGTON, Jan 12, 2022 (Reuters) - The Senate will vote next week on the bill"
    )
    assert any("no title" in p.message for p in problems)
    assert a.title == "The Senate will vote next week on the bill, the majority leader said on\u2026"


def test_yaml_list_front_matter(options):
    report = Report()
    a = read_one("list_front_matter.md", options, report)
    assert a.title == "Port strike ends after three days"
    first = report.warnings[0]
    assert (first.path, first.line) == (str(FIXTURES / "list_front_matter.md"), 2)
    assert "is a list" in first.message
    assert a.date_from == "build"


@pytest.mark.parametrize(
    ("name", "shown"), [("bad_date.md", "yesterday"), ("impossible_date.md", "2022-13-45")]
)
def test_bad_front_matter_dates(name, shown, options):
    report = Report()
    a = read_one(name, options, report)
    warning = report.warnings[0]
    assert (warning.path, warning.line) == (str(FIXTURES / name), 3)
    assert shown in warning.message and "not a date" in warning.message
    assert a.date_from == "build" and a.published.date() == BUILD


def test_bad_date_falls_back_to_the_date_option(options):
    opts = ReadOptions(timezone=TZ, default_date=dt.date(2022, 1, 20), today=BUILD)
    report = Report()
    a = read_one("bad_date.md", opts, report)
    assert a.date_from == "option" and a.published.date() == dt.date(2022, 1, 20)
    assert len(report.warnings) == 1


def test_no_title_article(options):
    report = Report()
    a = read_one("no_title.md", options, report)
    assert a.title == "The water utility said on Tuesday it would raise rates by 4% from April."
    assert [p.message for p in report.warnings] == ["no title found; using the first sentence"]


def test_unclosed_front_matter_and_odd_values_do_not_crash(tmp_path, options):
    report = Report()
    text = "---\ntitle: [a, b]\ntags: 7\nauthor: {x: 1}\ndate: 2022-01-11\n---\n\nBody text.\n"
    a = read_article(write(tmp_path, "odd.md", text), options, report)[0]
    assert a.paragraphs == ("Body text.",) and a.tags == ()
    assert any("title" in p.message for p in report.warnings)
    b = read_article(write(tmp_path, "open.md", "---\ntitle: Open\n\nBody text.\n"), options, report)[0]
    assert "Body text." in b.text


# --- HTML -------------------------------------------------------------------------------------


def test_saved_html_page_without_nav_and_comments(options):
    a = read_one("page.html", options)
    assert a.title == "Water board approves new reservoir"
    assert a.source == "The Valley Courier"
    assert a.author == "Tom Becker"
    assert a.url == "https://valleycourier.example/news/2022/01/14/water-board-reservoir"
    assert a.date_from == "metadata" and a.published.date() == dt.date(2022, 1, 14)
    assert a.paragraphs[0].startswith("The Valley Water Board voted 5-2 on Thursday night")
    assert a.paragraphs[-1].startswith("The board will hold a public meeting on Feb. 3")
    assert len(a.paragraphs) == 5
    assert "\u201cWe cannot keep hoping for wet winters,\u201d" in a.text
    for noise in ("Obituaries", "riverwatcher", "water bills", "Related stories", "cookies", "All rights"):
        assert noise not in a.text


def test_html_without_article_text(tmp_path, options):
    with pytest.raises(InputError, match="no article text"):
        read_article(
            write(tmp_path, "x.html", "<html><body><nav>Home</nav></body></html>"), options, Report()
        )


# --- JSON -------------------------------------------------------------------------------------


def test_json_list_with_a_bad_item(options):
    report = Report()
    articles = read_article(FIXTURES / "articles.json", options, report)
    assert [a.title for a in articles] == ["Rail union calls off strike", "Airport expansion approved"]
    assert articles[0].paragraphs == (
        "The rail union called off next week's strike on Monday.",
        "Talks will resume on Jan. 20, a spokesman said.",
    )
    assert articles[1].published == dt.datetime(2022, 1, 10, 15, tzinfo=dt.timezone.utc)
    assert articles[1].tags == ("transport", "aviation")
    assert len(report.errors) == 1
    assert report.errors[0].message.startswith("item 1: ")


def test_news_please_object(options):
    a = read_one("newsplease.json", options)
    assert a.title == "Ministry cuts growth forecast"
    assert a.source == "example.com" and a.author == "Peter Lang"
    assert a.published == dt.datetime(2022, 1, 11, 17, 45, tzinfo=TZ)
    assert len(a.paragraphs) == 3  # maintext: one paragraph per line


def test_json_lines_with_one_bad_line(options):
    report = Report()
    articles = read_article(FIXTURES / "feed.jsonl", options, report)
    assert [a.title for a in articles] == ["Museum reopens after renovation", "Snow closes schools"]
    (error,) = report.errors
    assert (error.path, error.line) == (str(FIXTURES / "feed.jsonl"), 2)


def test_json_file_holding_json_lines(tmp_path, options):
    shutil.copy(FIXTURES / "feed.jsonl", tmp_path / "feed.json")
    report = Report()
    assert len(read_article(tmp_path / "feed.json", options, report)) == 2
    assert report.errors[0].line == 2


def test_invalid_json_names_the_line(tmp_path, options):
    with pytest.raises(InputError) as info:
        read_article(write(tmp_path, "bad.json", '{\n  "title": "x",\n  "text": \n}\n'), options, Report())
    assert info.value.line == 4 and "not valid JSON" in info.value.message


def test_json_record_without_text(tmp_path, options):
    with pytest.raises(InputError, match="no article text"):
        read_article(write(tmp_path, "t.json", '{"title": "Only a title"}'), options, Report())
    report = Report()
    data = '[{"title": "Only a title"}, {"title": "Ok", "text": "Body.", "date": "2022-01-01"}]'
    assert len(read_article(write(tmp_path, "l.json", data), options, report)) == 1
    assert "item 0: no article text" in report.errors[0].message


# --- slugs and titles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title", ["../../etc/passwd", "...", "..", "/", "C:\\Windows\\system32", "\u2603\u2603", "con"]
)
def test_slug_is_always_safe(title):
    ident = article_id(title, "text")
    slug = make_slug(title, ident)
    assert slug and "/" not in slug and "\\" not in slug and "." not in slug
    assert slug.strip(".") == slug and slug not in ("con", "nul")


def test_dangerous_titles_in_files(tmp_path, options):
    a = read_article(
        write(tmp_path, "p.md", "---\ntitle: ../../etc/passwd\n---\nBody.\n"), options, Report()
    )[0]
    assert a.title == "../../etc/passwd" and a.slug == "etc-passwd"
    b = read_article(write(tmp_path, "d.md", "---\ntitle: '...'\n---\nBody.\n"), options, Report())[0]
    assert b.slug == "article-" + b.id[:10]


def test_long_title_slug_is_bounded(tmp_path, options):
    title = "word " * 60
    a = read_article(write(tmp_path, "l.txt", f"{title}\n\nBody.\n"), options, Report())[0]
    assert 0 < len(a.slug) <= 80 and not a.slug.endswith("-")


# --- find_inputs ------------------------------------------------------------------------------


def test_find_inputs_folder_glob_and_missing(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.md", "sub/c.html", "sub/d.JSON", "notes.pdf", ".hidden.txt"):
        (tmp_path / "in" / name).write_text("x")
    (tmp_path / "in" / ".git").mkdir()
    (tmp_path / "in" / ".git" / "e.txt").write_text("x")
    paths, missing = find_inputs([str(tmp_path / "in")])
    assert [p.relative_to(tmp_path / "in").as_posix() for p in paths] == [
        "a.md",
        "b.txt",
        "sub/c.html",
        "sub/d.JSON",
    ]
    assert missing == []

    paths, missing = find_inputs(
        [str(tmp_path / "in" / "*.txt"), str(tmp_path / "nope"), str(tmp_path / "*.zzz")]
    )
    assert [p.name for p in paths] == ["b.txt"]
    assert len(missing) == 2
    assert "nope" in missing[0] and "no such file" in missing[0]
    assert "*.zzz" in missing[1]

    # files given twice are read once; an explicit unsupported file is reported
    paths, missing = find_inputs(
        [str(tmp_path / "in" / "a.md"), str(tmp_path / "in"), str(tmp_path / "in/notes.pdf")]
    )
    assert len(paths) == 4 and paths[0].name == "a.md"
    assert len(missing) == 1 and "unsupported" in missing[0]

    paths, missing = find_inputs([str(tmp_path / "in" / "**" / "*.html")])
    assert [p.name for p in paths] == ["c.html"]


def test_supported_suffixes():
    expected = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}
    assert expected == SUPPORTED_SUFFIXES


def test_all_fixtures_read_or_fail_cleanly(options):
    for path in sorted(FIXTURES.iterdir()):
        try:
            articles = read_article(path, options, Report())
        except InputError as exc:
            assert str(path) in str(exc)
        else:
            assert articles and all(a.published.tzinfo is not None for a in articles)


# --- property: random bytes never crash the readers -------------------------------------------


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda s: s.encode("utf-8")),
        st.text(max_size=200).map(lambda s: ("---\n" + s + "\n---\n" + s).encode("utf-8")),
        st.text(max_size=200).map(lambda s: s.encode("utf-16")),
        st.text(alphabet='{}[]":,\n tiledax0123', max_size=200).map(str.encode),
    ),
    suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)),
)
def test_read_article_only_raises_input_error(tmp_path, data, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    opts = ReadOptions(timezone=TZ, today=BUILD)
    try:
        articles = read_article(path, opts, Report())
    except InputError:
        return
    for a in articles:
        assert a.text and a.title and a.slug and a.published.tzinfo is not None
        assert a.id == article_id(a.title, a.text)
