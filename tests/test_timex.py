"""The date resolver: time expressions anchored on the publication date with the clause tense."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from digest.models import Precision, TimeValue
from digest.nlp.tense import clause_tense
from digest.nlp.timex import covering, find_expressions, find_in_span, find_time_of_day, resolve

FIXTURES = Path(__file__).parent / "fixtures" / "meetings"
TUE = date(2022, 1, 11)  # the seed article: Tuesday 11 January 2022
MON_1987 = date(1987, 4, 27)

# (expression, tense, published, start, end)
TABLE = [
    # weekdays: the next one in a future clause, the last one in a past clause
    ("Wednesday", "future", TUE, "2022-01-12", None),
    ("on Wednesday", "future", TUE, "2022-01-12", None),
    ("Thursday", "future", TUE, "2022-01-13", None),
    ("Monday", "future", TUE, "2022-01-17", None),
    ("Wednesday", "past", TUE, "2022-01-05", None),
    ("Monday", "past", TUE, "2022-01-10", None),
    ("Monday", "present", TUE, "2022-01-10", None),
    # the article's own weekday is the publication day, whatever the tense
    ("Tuesday", "future", TUE, "2022-01-11", None),
    ("Tuesday", "past", TUE, "2022-01-11", None),
    ("next Tuesday", "future", TUE, "2022-01-18", None),
    ("last Tuesday", "past", TUE, "2022-01-04", None),
    ("Friday morning", "future", TUE, "2022-01-14", None),
    # relative days
    ("today", "future", TUE, "2022-01-11", None),
    ("tonight", "future", TUE, "2022-01-11", None),
    ("tomorrow", "future", TUE, "2022-01-12", None),
    ("tomorrow morning", "future", TUE, "2022-01-12", None),
    ("yesterday", "past", TUE, "2022-01-10", None),
    ("later today", "future", TUE, "2022-01-11", None),
    # weeks, months, years
    ("this week", "future", TUE, "2022-W02", None),
    ("next week", "future", TUE, "2022-W03", None),
    ("early next week", "future", TUE, "2022-W03", None),
    ("later this week", "future", TUE, "2022-W02", None),
    ("last week", "past", TUE, "2022-W01", None),
    ("next week", "future", MON_1987, "1987-W19", None),
    ("this month", "present", TUE, "2022-01", None),
    ("later this month", "future", TUE, "2022-01", None),
    ("later in the month", "future", TUE, "2022-01", None),
    ("next month", "future", TUE, "2022-02", None),
    ("next month", "future", date(1987, 12, 3), "1988-01", None),
    ("last month", "past", TUE, "2021-12", None),
    ("this year", "present", TUE, "2022", None),
    ("next year", "future", TUE, "2023", None),
    ("early next year", "future", TUE, "2023", None),
    ("the first of next year", "future", date(1987, 10, 20), "1988-01", None),
    ("the end of the month", "future", TUE, "2022-01", None),
    ("the week of May 19", "future", date(1987, 3, 19), "1987-W21", None),
    ("in two weeks time", "future", date(1987, 3, 23), "1987-W15", None),
    ("a week ago", "past", TUE, "2022-01-04", None),
    # bare months: the next one ahead, the last one behind
    ("in May", "future", TUE, "2022-05", None),
    ("June", "future", MON_1987, "1987-06", None),
    ("December", "past", TUE, "2021-12", None),
    ("March", "future", date(1987, 4, 9), "1988-03", None),
    ("May 1988", "past", TUE, "1988-05", None),
    ("October of next year", "future", date(2009, 5, 15), "2010-10", None),
    # explicit dates, with and without year, ranges
    ("March 25", "future", TUE, "2022-03-25", None),
    ("March 25", "past", date(2022, 4, 1), "2022-03-25", None),
    ("January 5", "future", date(2021, 12, 20), "2022-01-05", None),
    ("December 28", "past", date(2022, 1, 3), "2021-12-28", None),
    ("Jan. 20-21", "future", TUE, "2022-01-20", "2022-01-21"),
    ("Tuesday, November 19", "future", date(2019, 11, 1), "2019-11-19", None),
    ("November 19, 2019", "past", TUE, "2019-11-19", None),
    ("19 November 2019", "past", TUE, "2019-11-19", None),
    ("April 30 to May 2", "future", MON_1987, "1987-04-30", "1987-05-02"),
    ("from April 30 to May 2", "future", MON_1987, "1987-04-30", "1987-05-02"),
    ("April 16-27", "future", date(1987, 4, 8), "1987-04-16", "1987-04-27"),
    ("April six to 10", "future", date(1987, 4, 3), "1987-04-06", "1987-04-10"),
    ("March 31 and April 2", "future", date(1987, 3, 19), "1987-03-31", "1987-04-02"),
    ("2022-03-04", "past", TUE, "2022-03-04", None),
    ("in 1988", "future", MON_1987, "1988", None),
    # a weekday in a named week, and the week after next
    ("Friday next week", "future", TUE, "2022-01-21", None),
    ("Monday next week", "future", TUE, "2022-01-17", None),
    ("Thursday of this week", "future", TUE, "2022-01-13", None),
    ("Friday of last week", "past", TUE, "2022-01-07", None),
    ("the week after next", "future", TUE, "2022-W04", None),
    # a season is a year: this one while it lasts, the next once it is over
    ("in the summer", "future", MON_1987, "1987", None),
    ("this spring", "future", MON_1987, "1987", None),
    ("in the autumn", "future", date(1987, 12, 1), "1988", None),
    ("in the spring", "past", date(1987, 2, 10), "1986", None),
    ("next autumn", "future", date(1987, 10, 5), "1988", None),
    ("spring 1989", "future", MON_1987, "1989", None),
    ("in the fall of 1989", "future", MON_1987, "1989", None),
    ("this winter", "future", date(1988, 1, 20), "1988", None),
]


@pytest.mark.parametrize(("expression", "tense", "published", "start", "end"), TABLE)
def test_resolve_table(expression, tense, published, start, end):
    value = resolve(expression, published, tense)
    assert value is not None, expression
    assert (value.start, value.end) == (start, end)


def test_heideltime_trap_future_weekday_reads_the_modal():
    # "A meeting … will take place in Brussels on Wednesday" in an article of Tue 11 Jan 2022.
    assert resolve("Wednesday", TUE, "future").start == "2022-01-12"


def test_dateparser_traps():
    assert resolve("next month", TUE, "future").precision == "month"  # a month, not a day
    assert resolve("later this month", TUE, "future") == TimeValue("2022-01")
    assert resolve("early next week", TUE, "future") == TimeValue("2022-W03")
    assert resolve("Tuesday", TUE, "future").start == "2022-01-11"  # not a week ahead


@pytest.mark.parametrize(
    "text",
    [
        "",
        "the week",
        "soon",
        "for three days",
        "at some point",
        "12345",
        "February 30",
        "the 45th",
        "May",
        "Mayday",
    ],
)
def test_no_value_or_a_valid_one(text):
    value = resolve(text, TUE, "future")
    assert value is None or value.precision is not Precision.NONE


def test_invalid_dates_give_none():
    assert resolve("February 30", TUE, "future") is None
    assert resolve("February 29", date(2023, 1, 5), "past") is not None  # 2020-02-29 exists
    assert resolve("February 29", date(2023, 1, 5), "past").start == "2020-02-29"


def test_find_expressions():
    text = (
        "The talks on Wednesday will be followed by a meeting in Vienna on Thursday, Jan. 13, "
        "and later this month; he may go in May. Jobs fell 1,998."
    )
    found = [m.text for m in find_expressions(text)]
    assert found == ["Wednesday", "Thursday, Jan. 13", "later this month", "May"]
    assert all(text[m.start_char : m.end_char] == m.text for m in find_expressions(text))


def test_a_weekday_in_lower_case_is_a_weekday():
    found = find_expressions("The company will meet its bank creditors in New York on monday.")
    assert [m.text for m in found] == ["monday"]
    assert resolve("on monday", TUE, "future").start == "2022-01-17"
    assert find_expressions("They sat down on the sun deck, wed in spring.") == []


def test_a_weekday_in_a_named_week_is_one_expression():
    found = [m.text for m in find_expressions("The board meets on Friday next week, not this Friday.")]
    assert found == ["Friday next week", "this Friday"]


def test_a_day_of_the_month_alone():
    found = find_expressions("The board will meet on the 15th to consider the offer.")
    assert [m.text for m in found] == ["the 15th"]  # the day itself (its word heads the phrase), after "on"
    assert resolve("the 15th", TUE, "future").start == "2022-01-15"
    assert resolve("on the 15th", TUE, "future").start == "2022-01-15"
    assert resolve("on the 5th", TUE, "future").start == "2022-02-05"
    assert resolve("on the 5th", TUE, "past").start == "2022-01-05"
    assert find_expressions("He works on the 15th floor.") == []
    assert find_expressions("She came in the 15th minute.") == []


def test_in_n_weeks_of_is_a_duration():
    assert find_expressions("She was the first to testify in five weeks of hearings.") == []
    assert [m.text for m in find_expressions("They meet in two weeks.")] == ["in two weeks"]


@pytest.mark.parametrize("text", ["in the coming weeks", "over the coming months", "in the past years"])
def test_plural_periods_are_no_time(text):
    assert find_expressions(f"Talks are expected {text}, officials said.") == []


def test_modal_may_and_verb_march_are_not_months():
    assert find_expressions("Prices may rise as workers march on.") == []


def test_offsets_are_shifted():
    (m,) = find_expressions("on Monday", offset=100)
    assert (m.start_char, m.end_char) == (103, 109)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at 10 a.m. (0900 GMT)", ("09:00", "GMT")),
        ("the council is to convene at 1900gmt", ("19:00", "GMT")),
        ("at 11 a.m. local time", ("11:00", "local")),
        ("talks begin at 1400 GMT", ("14:00", "GMT")),
        ("at 3:30 p.m. EST", ("15:30", "EST")),
        ("at noon", ("12:00", None)),
        ("will resume at 10.00 local time", ("10:00", "local")),
        ("prices rose 10.00 pct", (None, None)),
        ("no time here", (None, None)),
    ],
)
def test_time_of_day(text, expected):
    assert find_time_of_day(text) == expected


# --------------------------------------------------------------------------- with spaCy


def _tense_at(nlp, text: str, word: str) -> str:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return clause_tense(tok)


@pytest.mark.parametrize(
    ("text", "word", "tense"),
    [
        (
            "A meeting of the NATO-Russia Council will take place in Brussels on Wednesday.",
            "Wednesday",
            "future",
        ),
        ("Ministers are due to meet on Friday.", "Friday", "future"),
        ("The committee is to meet on Friday.", "Friday", "future"),
        ("Talks were later scheduled for March 23.", "March", "future"),
        ("The ministers met on Monday.", "Monday", "past"),
        ("He had held talks with them on Monday.", "Monday", "past"),
        ("The talks are being held this week.", "week", "present"),
        ("Officials said the summit would open on Monday.", "Monday", "future"),
    ],
)
def test_clause_tense(nlp, text, word, tense):
    assert _tense_at(nlp, text, word) == tense


def test_find_in_span_uses_doc_offsets(nlp):
    doc = nlp("First paragraph.\n\nThe board meets on Monday.")
    sent = list(doc.sents)[-1]
    (m,) = find_in_span(sent)
    assert doc.text[m.start_char : m.end_char] == "Monday"


def _meantime_rows():
    path = FIXTURES / "meantime_timex.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("row", _meantime_rows(), ids=lambda r: f"{r['expression']}@{r['published']}")
def test_meantime_sentences(nlp, row):
    """Real Wikinews sentences (MEANTIME, CC BY 4.0): find the expression, read the tense, resolve."""
    text, published = row["text"], date.fromisoformat(row["published"])
    a = text.index(row["expression"])
    b = a + len(row["expression"])
    doc = nlp(text)
    hit = next(m for m in find_expressions(text) if m.start_char < b and m.end_char > a)
    span = doc.char_span(hit.start_char, hit.end_char, alignment_mode="expand")
    value = resolve(hit.text, published, clause_tense(span.root))
    assert value is not None and value.start == row["value"]


def test_the_weekend_of_named_days_gives_the_days():
    found = find_expressions("The bankers meet in Basle on the weekend of March 16-17.")
    assert [m.text for m in found] == ["March 16-17"]  # not "end of March" inside "weekend"


def test_in_ten_days_and_in_10_days():
    assert [m.text for m in find_expressions("They meet in ten days, or in 12 days.")] == ["in ten days", "in 12 days"]
    assert resolve("in ten days", TUE, "future").start == "2022-01-21"
    assert resolve("in 12 days", TUE, "future").start == "2022-01-23"
    assert resolve("within ten days", TUE, "future") is None  # an interval, not a point


def test_month_abbreviations_without_a_full_stop():
    assert [m.text for m in find_expressions("Leaders meet on Jan 26 in Davos; talks run Sept 6-8.")] == [
        "Jan 26",
        "Sept 6-8",
    ]
    assert resolve("Jan 26", TUE, "future").start == "2022-01-26"
    assert find_expressions("Nothing will mar 5 days of talks.") == []


@pytest.mark.parametrize(
    ("expression", "published"),
    [("next spring", date(1987, 1, 20)), ("this winter", MON_1987), ("last summer", date(1987, 11, 3))],
)
def test_a_season_that_could_be_either_year_gives_no_value(expression, published):
    # "next spring" in January may be this spring or the one after; winter runs into the next year
    assert resolve(expression, published, "future") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The ministers meet again in the summer.", ["in the summer"]),
        ("The summit is due next autumn in Rome.", ["next autumn"]),
        ("Bonds fell after the fall in the value of the dollar.", []),
        ("Markets await the Spring meetings of the fund.", []),
    ],
)
def test_season_expressions_are_found_and_a_fall_in_prices_is_not_one(text, found):
    assert [t.text for t in find_expressions(text)] == found


@pytest.mark.parametrize(
    ("first", "last", "value"),
    [
        (date(2024, 3, 11), date(2024, 3, 11), "2024-03-11"),
        (date(2024, 3, 11), date(2024, 3, 15), "2024-W11"),
        (date(2024, 3, 14), date(2024, 3, 18), "2024-03"),
        (date(2024, 3, 29), date(2024, 4, 2), "2024"),
        (date(2024, 12, 27), date(2025, 1, 2), None),
        (date(2024, 12, 30), date(2025, 1, 3), "2025-W01"),
    ],
)
def test_covering_is_the_most_precise_value_holding_every_day(first, last, value):
    found = covering(first, last)
    assert (found.start if found else None) == value
