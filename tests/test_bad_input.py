"""Broken and hostile input (issue 7): every bad file gives one clear line naming it, the rest still builds.

The battery (tests/battery.py) is built once with the real `digest build` as a subprocess; the
other tests here check the limits, the parse guard, paths, the cache and concurrent builds, the
last three through the command line as a user runs it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from battery import BAD, GOOD, ODD_NAME, TODAY, battery_build, big_article, digest, snapshot, tiny_articles

from digest.errors import InputError, Report
from digest.ingest import ReadOptions, read_article
from digest.ingest.article import MAX_ARTICLE_CHARS
from digest.ingest.decode import READ_LIMIT, decode_bytes, trim_partial
from digest.ingest.options import MAX_RECORDS
from digest.ingest.store import read_content

OPTIONS = ReadOptions(timezone=ZoneInfo("UTC"), today=dt.date(2022, 1, 11))
LINE = re.compile(r"^(warning|error): (.+?/content/)(.+?)(?::(\d+))?: (.+)$")

# file in content/ -> the messages it must give: (level, line or None, text the message contains).
# Files not listed give no message (they are read correctly: encodings, scripts, odd titles).
EXPECTED = {
    "empty.txt": [("error", None, "empty file")],
    "image-saved-as.md": [("error", None, "not a text file")],
    "truncated-utf8.txt": [("warning", 6, "not valid UTF-8 at its end (a truncated file?)")],
    "big-50mb.txt": [("warning", None, "file is 50.0 MB; only its first 8.0 MB are read")],
    "tiny-100k.jsonl": [("warning", MAX_RECORDS + 1, f"more than {MAX_RECORDS:,} articles in one file")],
    "front-matter-not-yaml.md": [("warning", 3, "front matter is not valid YAML"),
                                 ("warning", None, "no title found; using the first sentence"),
                                 ("warning", None, "no publication date found")],
    "front-matter-list.md": [("warning", 2, "front matter is a list, not a mapping")],
    "date-yesterday.md": [("warning", 3, "front matter date 'yesterday' is not a date"),
                          ("warning", None, "no publication date found; using the build date 2022-01-11")],
    "date-2022-13-45.md": [("warning", 3, "front matter date '2022-13-45' is not a date"),
                           ("warning", None, "no publication date found; using the build date 2022-01-11")],
    "no-title.md": [("warning", None, "no title found; using the first sentence")],
    "emoji-zero-width.md": [("warning", None, "no title found; using the first sentence")],
    "xss.md": [("warning", None, "url \"javascript:alert('md-url')\" is not an http(s) address")],
    "xss.json": [("warning", None, "url \"javascript:alert('json-url')\" is not an http(s) address")],
    "bad-lines.jsonl": [("error", 2, "not valid JSON (Expecting value"),
                        ("error", 3, "not valid JSON (Exceeds the limit (4300 digits)"),
                        ("error", 4, "expected an object with title and text, found list"),
                        ("error", 5, "no article text"),
                        ("warning", 6, "url 'ftp://example.org/x' is not an http(s) address")],
    "link-outside.txt": [("error", None, "is a link to a file outside the content folder; not read")],
    ODD_NAME.replace("\x1b", "\\x1b"): [("warning", None, "no publication date found")],
}
# article pages the battery must build (besides the 2,000 tiny ones)
BUILT = [
    "moscow-nato-relations-are-approaching-the-moment-of-truth-russian-official",  # the good article
    "an-article-of-50-mb", "ten-thousand-quote-marks", "one-very-long-sentence", "cafe-owners-meet-the-mayor",
    "ferry-service-resumes-after-storm", "ferries-back-on-the-northern-route",
    "minister-confident-of-deal-talks-resume", "council-approves-the-cycle-lane",
    "harbour-board-postpones-the-vote-on-the-terminal-after-residents-object-to-the",
    "rail-strike-called-off", "budget-vote-delayed", "etc-passwd", "mayor-resigns", "mayor-resigns-2",
    "script-alert-md-title-script-council-vote", "port-deal-iframe-src-javascript-alert-1",
    "harbour-board-delays-the-terminal-vote-img-src-x-onerror-alert-h1", "ferry-fares-frozen", "bridge-reopens",
    "wzyr-lkhrjy-lmhdtht-mstmr-talks-go-on-minister-says-gnp-exe", "an-odd-file-name", "port-fees-rise",
    "fans-cheered-as-the-club-won-the-cup-and-the-coach-said-we-did-it",
    "the-port-authority-said-on-tuesday-that-the-new-terminal-would-open-in-spring",
]


# --- the battery, built through the command line ----------------------------------------------


@pytest.fixture(scope="module")
def battery():
    return battery_build()


def test_battery_builds_the_good_articles_and_names_every_bad_file(battery):
    proc = battery.proc
    print(f"battery build: {battery.seconds:.1f}s")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "\x1b" not in proc.stderr  # the escape sequence in a file name is shown, not sent to the terminal
    found: dict[str, list[tuple[str, int | None, str]]] = {}
    for line in proc.stderr.splitlines():
        m = LINE.match(line)
        assert m, f"not a one-line message naming a content file: {line!r}"
        level, _, name, number, message = m.groups()
        found.setdefault(name, []).append((level, int(number) if number else None, message))
    assert set(found) == set(EXPECTED), set(found) ^ set(EXPECTED)
    for name, expected in EXPECTED.items():
        got = found[name]
        assert len(got) == len(expected), (name, got)
        for (level, number, text), (got_level, got_number, message) in zip(expected, got, strict=True):
            assert (got_level, got_number) == (level, number) and text in message, (name, got)
    articles = len(BUILT) + MAX_RECORDS + 1  # + the title-less article with an empty slug
    assert f": {articles} articles, 1 days" in proc.stdout


def test_battery_site_holds_every_readable_article(battery):
    articles = battery.site / "articles"
    for slug in BUILT:
        assert (articles / slug / "index.html").is_file(), slug
    assert len(list(articles.glob("tiny-*"))) == MAX_RECORDS
    assert len(list(articles.glob("article-*"))) == 1  # "!!! ... ???" gives no slug: article-<id>
    day = (battery.site / "2022" / "01" / "11" / "index.html").read_text()
    assert "Moscow-NATO relations are approaching" in day
    big = (articles / "an-article-of-50-mb" / "index.html").read_text()
    assert len(big) < 3 * MAX_ARTICLE_CHARS
    rtl = (articles / "wzyr-lkhrjy-lmhdtht-mstmr-talks-go-on-minister-says-gnp-exe" / "index.html").read_text()
    assert "وزير الخارجية" in rtl and "שר החוץ" in rtl and "переговоры" in rtl
    emoji = (articles / "fans-cheered-as-the-club-won-the-cup-and-the-coach-said-we-did-it" / "index.html").read_text()
    assert "👩\u200d👩\u200d👧" in emoji and "🇳🇴" in emoji and "\u200b" not in emoji


def test_battery_quotes_after_pathological_runs_point_into_the_text(battery):
    page = (battery.site / "articles" / "ten-thousand-quote-marks" / "index.html").read_text()
    assert '<mark class="full" title="Jan Olsen">We heard them,</mark>' in page
    assert "“" * 10_000 in page  # the article text itself is unchanged
    sentence = (battery.site / "articles" / "one-very-long-sentence" / "index.html").read_text()
    assert ">The talks will go on,</mark>" in sentence


def test_battery_writes_nothing_outside_the_site_and_reads_nothing_outside_content(battery):
    tmp = battery.root.parent
    after = snapshot(tmp)
    changed = {k for k in set(after) | set(battery.before) if after.get(k) != battery.before.get(k)}
    outside = {k for k in changed if not k.startswith(("project/site/", "project/.digest/"))}
    assert outside <= {"project/site", "project/.digest", "project"}, sorted(outside)[:10]
    for page in battery.site.rglob("*"):
        if page.is_file():
            assert b"SECRET-TOKEN" not in page.read_bytes(), page


# --- limits of the readers ----------------------------------------------------------------------


def test_fifty_megabyte_article_is_read_in_bounded_memory(tmp_path):
    path = tmp_path / "big.txt"
    big_article(path)
    report = Report()
    tracemalloc.start()
    try:
        (article,) = read_article(path, OPTIONS, report)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(article.text) <= MAX_ARTICLE_CHARS and article.text.endswith("plain.")
    assert peak < 12 * READ_LIMIT, f"peak {peak / 1e6:.0f} MB"
    [problem] = report.problems
    assert problem.path == str(path) and "only its first 8.0 MB are read" in problem.message


def test_hundred_thousand_tiny_articles_are_streamed_and_capped(tmp_path):
    path = tmp_path / "tiny.jsonl"
    tiny_articles(path)
    report = Report()
    started = time.perf_counter()
    tracemalloc.start()
    try:
        articles = read_article(path, OPTIONS, report)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(articles) == MAX_RECORDS and articles[-1].title == f"Tiny {MAX_RECORDS - 1}"
    assert peak < 40_000_000, f"peak {peak / 1e6:.0f} MB: the file was not streamed"
    assert time.perf_counter() - started < 20
    [problem] = report.problems
    assert problem.line == MAX_RECORDS + 1 and "line 2,001 and after are not read" in problem.message


def test_without_a_record_limit_every_line_is_read(tmp_path):
    path = tmp_path / "tiny.jsonl"
    tiny_articles(path, MAX_RECORDS + 5)
    options = ReadOptions(timezone=ZoneInfo("UTC"), max_records=None)
    assert len(read_article(path, options, Report())) == MAX_RECORDS + 5


def test_json_problems_are_capped_per_file(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = '{"title": "Ok", "text": "Fine.", "date": "2022-01-11"}\n'
    path.write_text("".join("{broken\n" for _ in range(50)) + good)
    report = Report()
    assert len(read_article(path, OPTIONS, report)) == 1
    assert len(report.problems) == 21 and [p.line for p in report.problems[:3]] == [1, 2, 3]
    assert report.problems[-1].message == "30 more problems with records of this file are not shown"


def test_overlong_json_line_and_too_large_json_file(tmp_path, monkeypatch):
    from digest.ingest import jsonfmt

    monkeypatch.setattr(jsonfmt, "READ_LIMIT", 200)
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"title": "Long", "text": "x " * 500}) + "\n"
                    + json.dumps({"title": "Short", "text": "A short article.", "date": "2022-01-11"}) + "\n")
    report = Report()
    assert [a.title for a in read_article(path, OPTIONS, report)] == ["Short"]
    assert [(p.line, p.message) for p in report.errors] == [(1, "line longer than 0 MB; skipped")]
    monkeypatch.setattr(jsonfmt, "JSON_LIMIT", 100)
    whole = tmp_path / "whole.json"
    whole.write_text(json.dumps([{"title": "A", "text": "y " * 100}]))
    with pytest.raises(InputError, match=r"a .json file is read whole .*save it as JSON Lines"):
        read_article(whole, OPTIONS, Report())
    lines = tmp_path / "lines.json"  # a big .json that holds JSON Lines is streamed instead
    lines.write_text(path.read_text().split("\n", 1)[1] * 3)
    assert [a.title for a in read_article(lines, OPTIONS, Report())] == ["Short"] * 3


def test_huge_numbers_and_deep_nesting_in_json(tmp_path):
    path = tmp_path / "n.json"
    path.write_text('{"title": "t", "text": "x", "n": ' + "1" * 5000 + "}")
    with pytest.raises(InputError, match="not valid JSON"):
        read_article(path, OPTIONS, Report())
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputError, match="nested too deeply"):
        read_article(path, OPTIONS, Report())


def test_overlong_title_fields_and_front_matter(tmp_path):
    path = tmp_path / "f.md"
    path.write_text(f"---\ntitle: {'Long title ' * 100}\nauthor: {'A' * 1000}\ndate: 2022-01-11\n"
                    f"tags: [{', '.join(['t'] * 500)}]\n---\n\nBody text.\n")
    report = Report()
    (a,) = read_article(path, OPTIONS, report)
    assert len(a.title) <= 300 and a.title.endswith("…") and len(a.author) <= 300 and len(a.tags) == 1
    assert [m.message.split(" is ")[0] for m in report.problems] == ["title", "author"]
    path.write_text("---\n" + "".join(f"k{i}: {'v' * 100}\n" for i in range(1000)) + "---\n\n# Title\n\nBody.\n")
    report = Report()
    (a,) = read_article(path, OPTIONS, report)
    assert a.title == "Title" and "front matter is 106,889 characters" in report.problems[0].message


def test_only_the_start_of_a_huge_body_is_parsed(tmp_path):
    from digest.ingest.article import BODY_LIMIT, cut_body

    assert cut_body("short") == ("short", False)
    body = ("A paragraph of text.\n\n" * 20_000) + "[" * 2_000_000  # markdown-it: ~12 µs for each "["
    cut, was_cut = cut_body(body)
    assert was_cut and BODY_LIMIT // 2 < len(cut) <= BODY_LIMIT and cut.endswith("text.") and "[" not in cut
    assert cut_body("x" * (3 * BODY_LIMIT)) == ("x" * BODY_LIMIT, True)
    path = tmp_path / "brackets.md"
    path.write_text("# Brackets\n\n" + body + "\n")
    started = time.perf_counter()
    report = Report()
    (a,) = read_article(path, OPTIONS, report)
    assert time.perf_counter() - started < 20
    assert a.title == "Brackets" and "longer than the limit" in report.problems[0].message


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_cut_never_splits_a_character(encoding):
    text = "Grüße “quoted” 😀 שלום " * 7
    data = text.encode(encoding)
    for cut in range(len(data) - 12, len(data)):
        trimmed = trim_partial(data[:cut])
        decoded = decode_bytes(trimmed, "x")
        assert "\ufffd" not in decoded and text.startswith(decoded.lstrip("\ufeff")[:10])


def test_truncated_utf8_names_the_line(tmp_path):
    report = Report()
    (a,) = read_article(BAD / "truncated-utf8.txt", OPTIONS, report)
    assert a.title == "Café owners meet the mayor" and a.text.endswith("café\ufffd")
    assert [(p.line, p.level) for p in report.problems] == [(6, "warning")]


def test_links_outside_the_content_folder_are_not_read(tmp_path):
    (tmp_path / "content").mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\nDate: 2022-01-11\n\nPrivate words.\n")
    (tmp_path / "content" / "leak.txt").symlink_to(secret)
    (tmp_path / "content" / "inside.txt").write_text("Inside\nDate: 2022-01-11\n\nPublic words.\n")
    (tmp_path / "content" / "alias.txt").symlink_to(tmp_path / "content" / "inside.txt")
    report = Report()
    articles = read_content(tmp_path / "content", OPTIONS, report)
    assert [a.title for a in articles] == ["Inside"]  # the alias is the same article: kept once
    assert [(Path(p.path).name, p.level) for p in report.problems] == [("leak.txt", "error")]


def test_file_names_that_are_not_utf8(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    name = os.fsdecode(b"caf\xe9 \xff.txt")  # Latin-1 bytes in a file name: lone surrogates in Python
    (content / name).write_text("Cafe reopens\nDate: 2022-01-11\n\nThe cafe reopened on Tuesday.\n")
    report = Report()
    [a] = read_content(content, OPTIONS, report)
    assert a.origin == str(content / "caf\\xe9 \\xff.txt") and not report.problems
    a.origin.encode("utf-8")  # storable in the cache and printable


# --- the parse guard (digest.extract) -------------------------------------------------------------


def test_parse_text_keeps_offsets_and_neutralises_runs():
    from digest.extract import MAX_PARSE_CHARS, parse_text

    text = "He said “" + "“" * 10_000 + "” and " + "x" * 1000 + " then “fine,” she said. " + "🙂" * 40
    parsed = parse_text(text)
    assert len(parsed) == len(text)
    assert parsed.index("“fine,”") == text.index("“fine,”")
    assert "“" * 16 not in parsed and "🙂" * 16 not in parsed and "x" * 100 not in parsed
    assert parse_text("A normal “quoted” sentence — with dashes… and https://example.org/a/b?c=d.") == \
        "A normal “quoted” sentence — with dashes… and https://example.org/a/b?c=d."
    long = "Para one.\n\n" + "word " * (MAX_PARSE_CHARS // 4)
    assert len(parse_text(long)) == len("Para one.")


def test_a_word_typed_twice_is_read_once_and_the_quote_keeps_its_speaker():
    from digest.extract import extract_batch, parse_text

    from helpers import article

    text = "“This will change the market,” said said Tom Reyes, Reyes and Co chairman."
    assert parse_text(text) == text.replace("said said", "said     ")
    assert parse_text("He said that that was over.") == "He said that that was over."  # English doubles "that"
    a = article("Typo", [text])
    [(_, extraction, _)] = extract_batch([a], "en_core_web_sm")
    assert [(q.text, q.speaker) for q in extraction.quotes] == [("This will change the market,", "Tom Reyes")]


def test_ten_thousand_quote_marks_parse_fast_and_quotes_point_into_the_text():
    from digest.extract import extract_batch

    from helpers import article

    marks = "“" * 10_000
    a = article("Marks", [f"The crowd chanted {marks} all night.", "“We heard them,” said Mayor Jan Olsen."])
    started = time.perf_counter()
    [(_, extraction, error)] = extract_batch([a], "en_core_web_sm")
    assert error is None and time.perf_counter() - started < 30
    assert [q.text for q in extraction.quotes] == ["We heard them,"]
    for q in extraction.quotes:
        assert a.text[q.start : q.end] == q.text


def test_a_text_spacy_fails_on_only_costs_its_own_article():
    from digest.extract import _parse

    class Picky:
        def pipe(self, texts, batch_size):
            for text in texts:
                yield self(text)

        def __call__(self, text):
            if "bad" in text:
                raise ValueError("cannot parse")
            return f"doc:{text}"

    docs, errors = _parse(Picky(), ["good one", "bad one", "good two"], [0, 1, 2])
    assert docs == {0: "doc:good one", 2: "doc:good two"} and list(errors) == [1] and "ValueError" in errors[1]


# --- terminal output -----------------------------------------------------------------------------


def test_messages_are_one_plain_line_on_the_terminal():
    from digest.cli import plain

    assert plain("a\x1b[31mred\nline\u202eevil") == "a\\x1b[31mred\\x0aline\\u202eevil"
    assert plain("שלום 😀 café") == "שלום 😀 café"


def test_extract_table_with_markup_in_the_text(tmp_path, monkeypatch, capsys):
    path = tmp_path / "m.md"
    path.write_text("---\ntitle: '[/] [bold]x'\ndate: 2022-01-11\n---\n\n“A [/red] quote [link=x],” said Jan Olsen.\n")
    code, out, err = run_cli("extract", str(path), "--no-cache", cwd=tmp_path, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, err
    assert "[/] [bold]x" in out and "[/red] quote" in out


# --- paths: nothing is written outside site/ and content/ -----------------------------------------


def run_cli(*args: str, cwd: Path, monkeypatch, capsys) -> tuple[int, str, str]:
    """`digest ARGS` in this process (the same entry point as the console script, without the
    start-up cost of a subprocess): exit code, stdout, stderr."""
    from digest import cli

    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["digest", *args])
    monkeypatch.setitem(cli.STATE, "debug", False)
    code = 0
    try:
        cli.main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def small_project(root: Path, articles: int = 0) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "digest.toml").write_text('base_url = "https://news.example.org/"\n')  # no localhost warning in CI
    for i in range(articles):
        text = GOOD.read_text().replace("Moscow said", f"Moscow (report {i}) said")
        (root / "content" / f"report-{i}.md").write_text(text)
    return root


@pytest.mark.parametrize("output", ["content", "content/site", ".", "..", "/", "notes.txt", "docs"])
def test_output_option_may_not_touch_content_or_other_folders(tmp_path, output, monkeypatch, capsys):
    root = small_project(tmp_path / "project", articles=1)
    (root / "notes.txt").write_text("my notes\n")
    (root / "docs").mkdir()
    (root / "docs" / "keep.txt").write_text("not a digest site\n")
    before = snapshot(tmp_path)
    code, _, err = run_cli("build", "--output", output, cwd=root, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: "), err
    after = snapshot(tmp_path)  # the build may make its cache folder .digest/, nothing else
    assert {k: v for k, v in after.items() if k != "project" and not k.startswith("project/.digest")} == \
        {k: v for k, v in before.items() if k != "project"}


def test_output_outside_the_project_is_allowed(tmp_path):
    root = small_project(tmp_path / "project")
    proc = digest("build", "--output", "../public", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "public" / "index.html").is_file() and not (root / "site").exists()


@pytest.mark.parametrize("toml, field", [
    ('output_dir = "content"', "output_dir"),
    ('output_dir = "content/site"', "output_dir"),
    ('output_dir = "."', "output_dir"),
    ('output_dir = "../out"', "output_dir"),
    ('output_dir = "/tmp/digest-out"', "output_dir"),
    ('output_dir = ""', "output_dir"),
    ('content_dir = "site/content"', "output_dir"),
    ('content_dir = "/etc"', "content_dir"),
    ('cache_dir = "../cache"', "cache_dir"),
])
def test_config_may_not_point_outside_the_site(tmp_path, toml, field, monkeypatch, capsys):
    root = small_project(tmp_path / "project")
    (root / "digest.toml").write_text(toml + "\n")
    before = snapshot(tmp_path)
    code, _, err = run_cli("build", cwd=root, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "Traceback" not in err
    [line] = err.strip().splitlines()
    assert line.startswith("error: ") and f"digest.toml: {field}:" in line
    assert snapshot(tmp_path) == before


def test_cache_inside_the_output_folder_fails_cleanly(tmp_path, monkeypatch, capsys):
    root = small_project(tmp_path / "project")
    (root / "digest.toml").write_text('cache_dir = "site/.cache"\n')
    code, _, err = run_cli("build", cwd=root, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: "), err


# --- the cache and concurrent builds, through the command line ------------------------------------


def test_corrupted_or_foreign_cache_is_set_aside_and_rebuilt(tmp_path):
    root = small_project(tmp_path, articles=1)
    cache = root / ".digest" / "cache.sqlite"
    cache.parent.mkdir()
    cache.write_bytes(b"SQLite format 3\x00" + os.urandom(3000))  # a corrupted file
    first = digest("build", "--today", TODAY, cwd=root)
    assert first.returncode == 0, first.stderr
    [warning] = first.stderr.strip().splitlines()
    assert warning.startswith(f"warning: {cache}: cache unreadable") and "and rebuilt" in warning
    assert "1 extracted, 0 from cache" in first.stdout
    site = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert len(site) > 10

    fresh = digest("build", "--today", TODAY, cwd=root)  # the rebuilt cache is used
    assert fresh.returncode == 0 and fresh.stderr == "" and "0 extracted, 1 from cache" in fresh.stdout

    cache.unlink()
    foreign = sqlite3.connect(cache)  # someone else's database under our name
    foreign.execute("CREATE TABLE notes (body TEXT)")
    foreign.commit()
    foreign.close()
    third = digest("build", "--today", TODAY, cwd=root)
    assert third.returncode == 0, third.stderr
    [warning] = third.stderr.strip().splitlines()
    assert "not a digest cache" in warning and "1 extracted, 0 from cache" in third.stdout
    assert len(list((root / ".digest").glob("cache.sqlite.broken-*"))) >= 1  # (same second: one name)
    assert {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()} == site


def test_two_builds_at_once_one_refuses_and_the_site_is_whole(tmp_path):
    root = small_project(tmp_path, articles=8)
    env = {**os.environ, "COLUMNS": "200"}
    command = [sys.executable, "-m", "digest", "build", "--today", TODAY]
    first = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lock = root / ".digest" / "build.lock"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and first.poll() is None:
        if lock.is_file() and lock.read_text().strip() == str(first.pid):
            break  # the first build holds the lock
        time.sleep(0.02)
    second = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env, timeout=300)
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert second.returncode == 1 and "Traceback" not in second.stderr
    [line] = second.stderr.strip().splitlines()
    assert line == f"error: {lock}: another digest build of this site is running; try again when it ends"
    assert "9 articles" not in out and ": 8 articles" in out
    pages = {p.name for p in (root / "site" / "articles").iterdir()}
    assert len(pages) == 8 and (root / "site" / "index.html").is_file()
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site.")]


def test_ingest_of_the_small_battery_stays_inside_content(tmp_path):
    root = small_project(tmp_path / "project")
    shutil.copytree(BAD, tmp_path / "inbox")
    before = snapshot(tmp_path, skip=("project",))
    proc = digest("ingest", str(tmp_path / "inbox"), "--date", TODAY, cwd=root)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr  # empty and binary files fail, named
    failed = {Path(line.split(": ")[1]).name for line in proc.stderr.splitlines() if line.startswith("error: ")}
    assert {"empty.txt", "image-saved-as.md"} <= failed
    stored = [p.relative_to(root / "content").as_posix() for p in (root / "content").rglob("*.md")]
    assert stored and all(re.fullmatch(r"\d{4}/\d\d/\d\d/[a-z0-9-]+\.md", s) for s in stored), stored
    assert "2022/01/11/etc-passwd.md" in stored
    leftovers = [p.name for p in (root / "content").rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]
    assert not leftovers  # each file was written to a temporary file and linked into place
    assert snapshot(tmp_path, skip=("project",)) == before
    assert sorted(p.name for p in root.iterdir()) == ["content", "digest.toml"]
