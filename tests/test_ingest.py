"""Tests for the article readers (digest.ingest)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.errors import InputError, Report
from digest.ingest import SUPPORTED_SUFFIXES, ReadOptions, find_inputs, find_real_inputs, read_article
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
        # year-less: the year of the build date (2022-02-01) when the day is within 180 days before it
        ("WASHINGTON, Jan 25 (Reuters) - Prices rose.", dt.date(2022, 1, 25)),
        ("BAHIA, Feb 1 - Prices rose.", dt.date(2022, 2, 1)),
        ("LONDON, Dec. 20 (Reuters) - Prices rose.", dt.date(2021, 12, 20)),
        # ... otherwise ambiguous and skipped; a year mentioned in the text is not used
        ("WASHINGTON, March 3 (Reuters) - Prices rose.", None),
        ("WASHINGTON, June 3 (Reuters) - Prices rose to a level last seen in November 1978.", None),
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
    assert a.date_from == "metadata"
    assert a.published == dt.datetime(2022, 1, 14, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert a.paragraphs[0].startswith("The Valley Water Board voted 5-2 on Thursday night")
    assert a.paragraphs[-1].startswith("The board will hold a public meeting on Feb. 3")
    assert len(a.paragraphs) == 5
    assert "\u201cWe cannot keep hoping for wet winters,\u201d" in a.text
    for noise in ("Obituaries", "riverwatcher", "water bills", "Related stories", "cookies", "All rights"):
        assert noise not in a.text


def test_html_copyright_year_is_not_a_publication_date(tmp_path, options):
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    for needle in (
        '<meta property="article:published_time" content="2022-01-14T08:15:00-05:00">',
        '<time datetime="2022-01-14T08:15:00-05:00">January 14, 2022</time>',
        "/2022/01/14",
    ):
        assert needle in page
        page = page.replace(needle, "")
    report = Report()
    a = read_article(write(tmp_path, "nodate.html", page), options, report)[0]
    assert a.date_from == "build" and a.published.date() == BUILD
    assert "no publication date found" in report.warnings[0].message


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
    assert missing[0][0].endswith("nope") and "no such file" in missing[0][1]
    assert missing[1][0].endswith("*.zzz")

    # files given twice are read once; an explicit unsupported file is reported
    paths, missing = find_inputs(
        [str(tmp_path / "in" / "a.md"), str(tmp_path / "in"), str(tmp_path / "in/notes.pdf")]
    )
    assert len(paths) == 4 and paths[0].name == "a.md"
    assert len(missing) == 1 and "unsupported" in missing[0][1]

    paths, missing = find_inputs([str(tmp_path / "in" / "**" / "*.html")])
    assert [p.name for p in paths] == ["c.html"]


def test_find_real_inputs_gives_each_file_its_resolved_path(tmp_path):
    """Only links are resolved; every other file's real path is its folder's real path and its name."""
    real = tmp_path / "real"
    (real / "sub" / "deep").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    for name in ("a.md", "sub/b.txt", "sub/deep/c.json", "skip.pdf", "sub~/d.md", ".hidden/e.md", "f.md~"):
        (real / name).parent.mkdir(parents=True, exist_ok=True)
        (real / name).write_text("x")
    (tmp_path / "outside" / "secret.txt").write_text("x")
    (real / "link-in.md").symlink_to(real / "sub" / "b.txt")
    (real / "link-out.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (real / "linked-folder").symlink_to(tmp_path / "outside")  # links to folders are not followed
    (real / "broken.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / "alias").symlink_to(real)  # reached through a linked root
    for root in (real, tmp_path / "alias"):
        found, missing = find_real_inputs([str(root)])
        assert [p.relative_to(root).as_posix() for p, _ in found] == [
            "a.md", "link-in.md", "link-out.txt", "sub/deep/c.json"]  # sub/b.txt: link-in.md, found first
        assert [r for _, r in found] == [p.resolve() for p, _ in found] and missing == []
    # the link inside and its target are one file, listed where first found
    assert [p.name for p in find_inputs([str(real / "sub" / "b.txt"), str(real)])[0]] == [
        "b.txt", "a.md", "link-out.txt", "c.json"]


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


_MARKUP = [
    "<html>", "<p>", "</p>", "<article>", "<nav>", "<h1>", "</h1>", "<meta charset=koi8-r>", "<title>",
    "&amp;", "Word ", "\u201cquoted\u201d ", "\n", "---\n", "title: ", "date: 2022-13-45\n",
    '{"title": "t", "text": ', '"x"}', "\n\n", "WASHINGTON, March 3 (Reuters) - ", "Advertisement\n",
    "    ", "# ", "\\ud800", "\x00",
]  # fmt: skip


@pytest.mark.fuzz
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda s: s.encode("utf-8")),
        st.text(max_size=200).map(lambda s: ("---\n" + s + "\n---\n" + s).encode("utf-8")),
        st.text(max_size=200).map(lambda s: s.encode("utf-16")),
        st.text(alphabet='{}[]":,\n tiledax0123', max_size=200).map(str.encode),
        st.lists(st.sampled_from(_MARKUP), max_size=40).map(lambda parts: "".join(parts).encode("utf-8")),
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


def test_utf8_with_a_stray_byte_stays_utf8(tmp_path, options):
    data = (
        "Caf\u00e9 owners \u201cwelcome\u201d the na\u00efve plan\n\nThe r\u00e9sum\u00e9 ".encode()
        + b"\x93was odd."
    )
    a = read_article(write(tmp_path, "s.txt", data), options, Report())[0]
    assert a.title == "Caf\u00e9 owners \u201cwelcome\u201d the na\u00efve plan"
    assert a.text.startswith("The r\u00e9sum\u00e9 ")


def test_html_declared_legacy_charset(tmp_path, options):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Caf\u00e9 closes</title></head><body><article><h1>Caf\u00e9 closes</h1>"
        "<p>The owner said the caf\u00e9 would close on Friday after \u201cforty good years\u201d "
        "in the old town.</p>"
        "<p>Regulars plan a farewell party on Thursday evening, the owner\u2019s daughter said.</p>"
        "</article></body></html>"
    )
    a = read_article(write(tmp_path, "p.htm", page.encode("cp1252")), options, Report())[0]
    assert a.title == "Caf\u00e9 closes"
    assert "\u201cforty good years\u201d" in a.text and "owner\u2019s" in a.text


def test_cyrillic_legacy_encoding(tmp_path, options):
    text = "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f\n\n" + (
        "\u0413\u043e\u0440\u043e\u0434\u0441\u043a\u043e\u0439 \u0441\u043e\u0432\u0435\u0442 "
        "\u0443\u0442\u0432\u0435\u0440\u0434\u0438\u043b \u0431\u044e\u0434\u0436\u0435\u0442 "
        "\u043d\u0430 \u0441\u043b\u0435\u0434\u0443\u044e\u0449\u0438\u0439 \u0433\u043e\u0434."
    )
    a = read_article(write(tmp_path, "r.txt", text.encode("cp1251")), options, Report())[0]
    assert a.title == "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f"
    assert a.slug == "novosti-dnia"


def test_txt_without_a_headline(tmp_path, options):
    para = "The council met on Tuesday and decided, after a long debate about costs and benefits, " * 3
    report = Report()
    a = read_article(write(tmp_path, "p.txt", para.strip() + "\n\nSecond paragraph.\n"), options, report)[0]
    assert a.paragraphs == (para.strip(), "Second paragraph.")
    assert len(a.title) <= 81 and a.title.endswith("\u2026")
    assert any("no title" in p.message for p in report.warnings)


def test_json_lone_surrogate_escapes_are_dropped(tmp_path, options):
    data = '{"title": "Odd \\ud800 title", "text": "Body \\udfff text \\u00e9.", "date": "2022-01-01"}'
    a = read_article(write(tmp_path, "s.json", data), options, Report())[0]
    assert a.title == "Odd title" and a.text == "Body text \u00e9."


def test_front_matter_that_is_not_yaml_fields(tmp_path, options):
    report = Report()
    text = '---\ntitle = "TOML, not YAML"\n---\n\n# Heading title\n\nBody text.\n'
    a = read_article(write(tmp_path, "toml.md", text), options, report)[0]
    assert a.title == "Heading title" and a.paragraphs == ("Body text.",)
    assert report.warnings[0].line == 2 and "plain text" in report.warnings[0].message


def test_front_matter_title_repeated_as_heading_is_dropped(tmp_path, options):
    text = "---\ntitle: Same title\ndate: 2022-01-11\n---\n\n# Same title\n\nBody text.\n"
    a = read_article(write(tmp_path, "dup.md", text), options, Report())[0]
    assert a.paragraphs == ("Body text.",)


def test_txt_with_header_lines(tmp_path, options):
    text = (
        "Title: Tram line opens\nDate: 2022-01-15 10:00\nSource: Example Gazette\nURL: https://example.org/tram\n"
        "Tags: transport, city\n\nThe new tram line opened on Saturday.\n"
    )
    report = Report()
    a = read_article(write(tmp_path, "h.txt", text), options, report)[0]
    assert (a.title, a.source, a.url, a.tags) == (
        "Tram line opens",
        "Example Gazette",
        "https://example.org/tram",
        ("transport", "city"),
    )
    assert a.published == dt.datetime(2022, 1, 15, 10, 0, tzinfo=TZ) and a.date_from == "metadata"
    assert a.paragraphs == ("The new tram line opened on Saturday.",)
    assert report.problems == []
    b = read_article(write(tmp_path, "b.txt", "Date: someday\n\nHeadline here\n\nBody.\n"), options, report)[
        0
    ]
    assert b.title == "Headline here" and b.date_from == "build"
    assert report.warnings[0].line == 1 and "someday" in report.warnings[0].message


def test_markdown_tables_and_strikethrough(tmp_path, options):
    text = "# Results\n\n| Party | Seats |\n|---|---|\n| Greens | 12 |\n\nThe ~~old~~ new council meets.\n"
    a = read_article(write(tmp_path, "t.md", text), options, Report())[0]
    assert a.paragraphs == ("Party | Seats", "Greens | 12", "The old new council meets.")


def test_json_html_body(tmp_path, options):
    data = (
        '{"title": "Pool reopens", "date": "2022-01-05", "content": "<p>The pool reopened on '
        "Monday.</p>\\n<figure><img src=x><figcaption>Photo</figcaption></figure><p>Entry is "
        '<b>free</b> &amp; open<br>to all.</p>"}'
    )
    a = read_article(write(tmp_path, "wp.json", data), options, Report())[0]
    assert a.paragraphs == ("The pool reopened on Monday.", "Entry is free & open", "to all.")


def test_json_wrapper_object_and_description_fallback(tmp_path, options):
    data = (
        '{"status": "ok", "articles": [{"headline": "Dam opens", "description": "The dam opened.", '
        '"publishedAt": "2022-01-03T10:00:00Z", "source": {"name": "Wire"}, "author": ["A", "B"]}]}'
    )
    (a,) = read_article(write(tmp_path, "api.json", data), options, Report())
    assert (a.title, a.text, a.source, a.author) == ("Dam opens", "The dam opened.", "Wire", "A, B")
    assert a.published == dt.datetime(2022, 1, 3, 10, tzinfo=dt.timezone.utc)


def test_jsonl_with_only_bad_lines_is_an_input_error(tmp_path, options):
    report = Report()
    with pytest.raises(InputError, match="no valid JSON lines"):
        read_article(write(tmp_path, "bad.jsonl", "{oops\nnot json\n"), options, report)
    assert [p.line for p in report.errors] == [1, 2]
