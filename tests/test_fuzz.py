"""Property tests ("fuzzing") of the extractors, the time resolver, the date parser and the parse guard.

Each property holds for any text: nothing raises, every offset lies inside the text (and slices
it to the reported text), every date or time value is a valid one. The number of examples comes
from the hypothesis profile (tests/conftest.py): bounded in CI, thousands with
``python bench/fuzz.py`` or ``DIGEST_FUZZ_EXAMPLES=5000 pytest -m fuzz``.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.errors import InputError
from digest.ingest.article import make_slug
from digest.ingest.dates import find_dateline, parse_date
from digest.ingest.decode import decode_bytes, trim_partial
from digest.models import value_range

from helpers import article

pytestmark = pytest.mark.fuzz

STATUSES = {"upcoming", "ongoing", "past", "cancelled", "postponed"}
HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")

# Pieces of news text with the things that break extractors: every quote-mark style, unbalanced
# marks, meeting and time words (real and impossible dates), right-to-left and mixed scripts,
# emoji with joiners, zero-width and bidirectional controls, line and paragraph breaks.
PIECES = [
    "The minister", " said", " told reporters", ", ", ". ", " and ", "He ", "She ", "they ", "Mr. Lee", "Anna Berg",
    "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "‹", "›", "``", "''", " — ", "-", ":", ";", "?", "!", "…",
    " will meet", " met", " talks", " summit", " session", " in Geneva", " at the UN", " postponed", " cancelled",
    " on ", "Monday", " next week", " later this month", "January 20", "Jan. 20-21", "31 February", "2022-13-45",
    " the week of May 19", " in 1999", " at 10 a.m.", " 25:61 p.m.", " (0900 GMT)", " noon", " 20 to 22 March",
    "\n", "\n\n", "  ", "\t", "שלום", " مرحبا ", "中文", "Привет", "😀", "👩\u200d👩\u200d👧", "🇳🇴",
    "\u200b", "\u200c", "\u2060", "\u202e", "\u2066", "\u00ad", "\ufeff", "\u0301", "&amp;", "<b>", "[", "]",
]
text_pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)
published = st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31))


@pytest.fixture(scope="module")
def nlp():
    from digest.nlp.model import load_pipeline

    return load_pipeline("en_core_web_sm")


def valid_value(value: str | None) -> bool:
    return value is None or value_range(value) is not None


# --- quotes and meetings on parsed text -----------------------------------------------------------


@given(text=text_pieces)
def test_quotes_never_raise_and_point_into_the_text(nlp, text):
    from digest.nlp.quotes import extract_quotes

    doc = nlp(text)
    for q in extract_quotes(doc):
        assert 0 <= q.start <= q.end <= len(doc.text)
        assert doc.text[q.start : q.end] == q.text
        assert q.speaker is None or (isinstance(q.speaker, str) and q.speaker.strip())


@given(text=text_pieces, day=published)
def test_meetings_never_raise_and_give_valid_values(nlp, text, day):
    from digest.nlp.meetings import extract_meetings

    doc = nlp(text)
    for m in extract_meetings(doc, day):
        assert m.status in STATUSES, m
        assert valid_value(m.start) and valid_value(m.end), m
        if m.start and m.end:
            assert value_range(m.end)[1] >= value_range(m.start)[0], m
        assert m.time is None or HHMM.fullmatch(m.time), m
        assert 0 <= m.start_char <= m.end_char <= len(doc.text), m
        assert isinstance(m.title, str) and m.title


@given(paragraphs=st.lists(text_pieces.filter(str.strip), min_size=1, max_size=4), run=st.sampled_from(
    ["", "“" * 300, '"' * 200, "-" * 500, "😀" * 100, "x" * 1000, "\u0301" * 50]))
def test_extraction_offsets_point_into_the_article_text(paragraphs, run):
    """The whole extraction step (paragraph selection, the parse guard, offset mapping)."""
    from digest.extract import extract_batch

    a = article("Fuzz", [p.strip() + run for p in paragraphs])
    [(ident, extraction, error)] = extract_batch([a], "en_core_web_sm")
    assert ident == a.id and error is None, error
    for q in extraction.quotes:
        assert 0 <= q.start <= q.end <= len(a.text) and a.text[q.start : q.end] == q.text
    for m in extraction.meetings:
        assert 0 <= m.start_char <= m.end_char <= len(a.text)
        assert valid_value(m.start) and valid_value(m.end)


# --- time expressions and dates (no parsing needed) --------------------------------------------------


@given(text=text_pieces, day=published, tense=st.sampled_from(["future", "past", "present"]))
def test_time_expressions_resolve_to_valid_values(text, day, tense):
    from digest.nlp.timex import find_expressions, find_time_of_day, resolve

    for mention in find_expressions(text, 7):
        assert 7 <= mention.start_char <= mention.end_char <= len(text) + 7
        assert text[mention.start_char - 7 : mention.end_char - 7] == mention.text
        value = resolve(mention.text, day, tense)
        if value is not None:
            assert value_range(value.start) is not None, (mention.text, value)
            assert valid_value(value.end), (mention.text, value)
            if value.end:
                assert value_range(value.end)[1] >= value_range(value.start)[0]
    assert resolve(text, day, tense) is None or value_range(resolve(text, day, tense).start) is not None
    clock, _ = find_time_of_day(text)
    assert clock is None or HHMM.fullmatch(clock), clock


ISO_LIKE = r"\d{4}-\d{1,2}-\d{1,2}([T ]\d\d:\d\d(:\d\d)?([+-]\d\d:?\d\d|Z)?)?"


@given(value=st.one_of(text_pieces, st.integers(), st.floats(allow_nan=True), st.none(), st.booleans(),
                       st.from_regex(ISO_LIKE, fullmatch=True)))
def test_publication_dates_are_valid_or_none(value):
    parsed = parse_date(value, ZoneInfo("Europe/Brussels"))
    assert parsed is None or (parsed.tzinfo is not None and 1800 <= parsed.year <= 2200)


@given(paragraphs=st.lists(text_pieces, max_size=5), today=published)
def test_datelines_are_valid_or_none(paragraphs, today):
    found = find_dateline(paragraphs, ZoneInfo("Asia/Tokyo"), today=today)
    assert found is None or (found.tzinfo is not None and 1800 <= found.year <= 2200)


# --- articles, the parse guard, slugs, decoding, terminal lines -------------------------------------

URLS = ["javascript:alert(1)", " JaVaScRiPt:x", "data:text/html,<b>", "https://example.org/a?b=c", "http://x",
        "//evil.example/", "mailto:a@b.c", "ftp://x/y", "http:/no-host", "https://" + "a" * 3000]
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u200b\u2060\ufeff]")


@given(paragraphs=st.lists(st.one_of(text_pieces, st.text()), max_size=5),
       title=st.one_of(st.none(), st.text(), text_pieces), url=st.one_of(st.none(), st.text(), st.sampled_from(URLS)))
def test_articles_hold_only_clean_text_and_web_links(paragraphs, title, url):
    from digest.errors import Report
    from digest.ingest import ReadOptions
    from digest.ingest.article import MAX_ARTICLE_CHARS, Meta, make_article

    options = ReadOptions(timezone=ZoneInfo("UTC"), today=dt.date(2022, 1, 11))
    try:
        a = make_article(paragraphs=paragraphs, meta=Meta(title=title, url=url), path="x.txt", options=options,
                         report=Report())
    except InputError as exc:
        assert exc.message == "no article text found"
        return
    assert a.title and len(a.title) <= 300 and len(a.text) <= MAX_ARTICLE_CHARS
    assert a.text == "\n\n".join(a.paragraphs)
    assert not UNSAFE.search(a.title + a.text) and "\n" not in a.title and "\n\n\n" not in a.text
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", a.title)
    assert a.url is None or re.match(r"https?://[^/\s]", a.url)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a.slug)




@given(text=st.one_of(text_pieces, st.text()), run=st.sampled_from(["", "“" * 40, "!" * 17, "y" * 450]))
def test_parse_text_keeps_every_offset(text, run):
    from digest.extract import parse_text

    original = text + run + text
    parsed = parse_text(original)
    assert len(parsed) == len(original)
    for a, b in zip(original, parsed, strict=True):
        assert a == b or b == " " or (a, b) == ("’", "'")  # a curly apostrophe inside a word reads as straight
        assert not a.isspace() or a == b
    assert parse_text(parsed) == parsed


@given(title=st.text())
def test_slugs_are_always_safe_file_names(title):
    slug = make_slug(title, "0123456789abcdef")
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 90, slug


@given(text=st.text(), encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]),
       cut=st.floats(0, 1))
def test_a_cut_anywhere_decodes_cleanly(text, encoding, cut):
    data = text.encode(encoding, errors="surrogatepass")
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return  # lone surrogates: not text in any encoding
    trimmed = trim_partial(data[: int(len(data) * cut)])
    try:
        decoded = decode_bytes(trimmed, "x")
    except InputError:
        return  # empty, or control characters: "not a text file"
    assert "\ufffd" not in decoded or "\ufffd" in text


@given(data=st.binary(max_size=600))
def test_any_bytes_decode_or_give_an_input_error(data):
    try:
        text = decode_bytes(data, "x")
    except InputError as exc:
        assert exc.path == "x"
    else:
        assert isinstance(text, str) and text.strip()


@given(text=st.text())
def test_terminal_lines_hold_no_control_characters(text):
    from digest.cli import plain

    shown = plain(text)
    assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", shown)
