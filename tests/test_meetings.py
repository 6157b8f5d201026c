"""The meeting detector: detection, status, dates, place, participants, titles and merging."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.models import Meeting, Precision, TimeValue
from digest.nlp.meetings import extract_meetings

FIXTURES = Path(__file__).parent / "fixtures" / "meetings"
TUE = date(2022, 1, 11)


def run(nlp, text: str, published: date = TUE) -> list[Meeting]:
    return extract_meetings(nlp(text), published)


def one(nlp, text: str, published: date = TUE) -> Meeting:
    found = run(nlp, text, published)
    assert len(found) == 1, [m.title for m in found]
    return found[0]


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    "text",
    [
        "OPEC oil ministers will meet in Vienna on Thursday to discuss output.",
        "The G7 summit will be held in Cornwall from June 11 to 13.",
        "EU foreign ministers are due to hold talks in Brussels next week.",
        "The board of directors is scheduled to meet on January 20.",
        "Shareholders will vote at the company's annual meeting on March 25.",
        "The Senate Finance Committee will hold a hearing on the nomination on Thursday.",
        "The central bank's Monetary Policy Committee will meet on February 3 to decide on interest rates.",
        "The buffer stock working group is to meet again on Monday.",
        "The GATT council is due to hear a complaint from the EC on April 15.",
        "French President Emmanuel Macron will pay a state visit to Germany next month.",
    ],
)
def test_upcoming_meetings_are_found(nlp, text):
    m = one(nlp, text)
    assert m.status == "upcoming"
    assert m.evidence == text


@pytest.mark.parametrize(
    "text",
    [
        "Voters go to the polls on Sunday in the presidential election.",  # election
        "Stocks rose in early trading, and the afternoon session was quiet.",  # trading session
        "Shares fell in the morning session on Tuesday.",
        "Manchester United will meet Liverpool in the Cup final on Saturday.",  # sports fixture
        "The deadline for bids is January 31.",  # deadline
        "The committee meets monthly to review policy.",  # habitual
        "The board usually meets on the first Monday of the month.",
        "If they meet, the two leaders could discuss trade.",  # hypothetical
        "He told a news conference on Monday that prices would rise.",  # press event
        "The company said output would be raised to meet demand.",  # "meet" a target
        "The plan failed to meet the requirements of the law.",
        "Apple will launch its new phone on Wednesday.",  # product launch
        "No talks are planned with the rebels.",  # negated
        "He called for talks between the two sides.",  # a proposal, no date
        "Intelligence gathering has improved since the war.",
        "It sets the stage for a fight with the Senate Armed Services Committee in conference.",  # generic
        "Galaxy Oil said the company no longer meets listing criteria.",
        "Koizumi expressed hope that a meeting can be arranged with Hu Jintao later this month.",
        "The alternatives are between an autumn London conference or a Geneva conference next year.",
        "CCR Video Corp said it received an offer to enter into negotiations with Intercep Investment Corp.",
        "He said the Group of Five and G-7 do not have any plans to meet for talks.",
        "The unions said they were considering a bid to resume talks next week.",
    ],
)
def test_non_meetings_are_ignored(nlp, text):
    assert run(nlp, text) == []


# --------------------------------------------------------------------------- status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The ministers met in Geneva on Monday.", "past"),
        ("The talks ended on Friday without agreement.", "past"),
        ("Talks were held in Paris last week.", "past"),
        ("Negotiators are meeting in Geneva this week.", "ongoing"),
        ("The ministers will meet on Thursday.", "upcoming"),
        ("The ministers are to meet on Thursday.", "upcoming"),
        ("The leaders are expected to meet next month.", "upcoming"),
        ("Further talks were later scheduled for March 23.", "upcoming"),
        ("The committee plans to meet tomorrow on a budget.", "upcoming"),
        ("The Commission will meet today in Strasbourg.", "upcoming"),
        ("The summit, scheduled for Thursday, has been cancelled.", "cancelled"),
        ("The meeting has been postponed until next month.", "postponed"),
        ("In mid-July she traveled to Asia for meetings with officials in Japan.", "past"),
        ("Party delegates gathered in Beijing this weekend.", "past"),
        ("By then she had tried to cover up the Oct. 17 meeting.", "past"),
        ("Secretary of State George Shultz was holding talks with Eduard Shevardnadze today.", "ongoing"),
        ("The two sides agreed to hold talks.", "upcoming"),
        ("The conference, which began Monday, is seen as the final effort to adopt a pact.", "ongoing"),
        ("The talks opened in Geneva on Monday.", "ongoing"),
        (
            "Conable made his remarks before a group of bankers at a meeting sponsored by the Exim Bank.",
            "past",
        ),
        ("This exceeds the ceiling that the government set in June during talks with the IMF.", "past"),
        (
            "Because of the publicity which surrounds the debt negotiations, the meetings were kept secret.",
            "ongoing",
        ),
        ("The company scheduled its annual meeting for May 14.", "upcoming"),
        ("The talks are due to last until March 20.", "ongoing"),
        ("This would throw a large wrench into the current round of trade negotiations.", "ongoing"),
        ("OECD figures would be a good basis for global agriculture negotiations now underway.", "ongoing"),
        ("After the meeting broke up, panel Democrats reconvened for further talks.", "past"),
        ("The company's board held a regularly scheduled meeting today and was discussing the bid.", "past"),
    ],
)
def test_status(nlp, text, status):
    assert one(nlp, text).status == status


def test_ahead_of_a_meeting_is_upcoming(nlp):
    text = "Sterling was steady ahead of the Group of Seven talks in Washington this week."
    m = one(nlp, text, date(1987, 4, 7))
    assert (m.status, m.start, m.place) == ("upcoming", "1987-W15", "Washington")


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        (
            "A meeting of the NATO-Russia Council will take place in Brussels on Wednesday.",
            TUE,
            "2022-01-12",
            None,
        ),
        ("The ministers met on Monday.", TUE, "2022-01-10", None),
        ("The council will meet on Tuesday.", TUE, "2022-01-11", None),
        ("The G7 summit will be held in Cornwall from June 11 to 13.", TUE, "2022-06-11", "2022-06-13"),
        ("A three-day meeting of the council opens tomorrow in Paris.", TUE, "2022-01-12", "2022-01-14"),
        ("The company will hold its annual meeting on March 25.", date(2021, 12, 1), "2022-03-25", None),
        ("The board meets next week.", TUE, "2022-W03", None),
        ("The company expects to hold a special meeting later this month.", TUE, "2022-01", None),
        ("The two sides will resume talks early next week.", TUE, "2022-W03", None),
        ("Ministers will gather in Paris next month.", TUE, "2022-02", None),
        ("The leaders will hold talks in Geneva.", TUE, None, None),
    ],
)
def test_dates(nlp, text, published, start, end):
    m = one(nlp, text, published)
    assert (m.start, m.end) == (start, end)


def test_a_meeting_opening_tomorrow(nlp):
    m = one(nlp, "OPEC ministers arrive in Vienna for a three-day meeting opening tomorrow.")
    assert (m.status, m.start, m.end, m.place) == ("upcoming", "2022-01-12", "2022-01-14", "Vienna")


def test_hearing_set_for_a_time(nlp):
    m = one(nlp, "The hearing is set for 9 a.m. Thursday in federal court in Manhattan.")
    assert (m.start, m.time, m.place) == ("2022-01-13", "09:00", "Manhattan")


def test_state_visit_with_talks_is_one_meeting(nlp):
    text = (
        "Chinese President Xi Jinping will pay a state visit to France and hold talks with President "
        "Macron on Monday."
    )
    m = one(nlp, text)
    assert (m.status, m.start, m.place) == ("upcoming", "2022-01-17", None)  # a country alone is no place
    assert "Xi Jinping" in m.title and "Xi Jinping" in m.participants


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        (
            "Brazil's role when the ICO meets in London in September will be to support the pact.",
            date(1987, 6, 29),
            "1987-09",
        ),
        (
            "A GM spokesman said the statement comes in advance of a congressional hearing tomorrow.",
            date(1987, 3, 5),
            "1987-03-06",
        ),
        (
            "A.H. Belo Corp said it will ask shareholders at the May Six annual meeting to approve a change.",
            date(1987, 3, 31),
            "1987-05-06",
        ),
    ],
)
def test_upcoming_in_subordinate_and_setting_phrases(nlp, text, published, start):
    m = one(nlp, text, published)
    assert (m.status, m.start) == ("upcoming", start)


def test_summit_expected_next_month(nlp):
    text = (
        "It is unlikely that such an offer will be made during the U.S./Soviet summit expected to be "
        "held next month, Agriculture Secretary Richard Lyng told Reuters."
    )
    m = one(nlp, text, date(1987, 10, 20))
    assert (m.status, m.start) == ("upcoming", "1987-11")


def test_a_named_conference_around_a_meeting_is_one(nlp):
    text = (
        "Recommendations will be placed before the July United Nations Conference on Trade and "
        "Development meeting at Geneva, officials said."
    )
    m = one(nlp, text, date(1987, 3, 9))
    assert (m.status, m.start, m.place) == ("upcoming", "1987-07", "Geneva")


def test_conditional_creation_is_hypothetical(nlp):
    text = (
        "He said he was confident that if he appealed, he could convince the courts to overturn his "
        "death sentence and order a third penalty hearing."
    )
    assert run(nlp, text) == []


def test_talks_that_delay_something_are_not_postponed(nlp):
    text = (
        "U.S. and Japanese negotiators will hold emergency meetings next week, but an official said it "
        "was not likely the talks would delay the planned sanctions."
    )
    assert [m.status for m in run(nlp, text, date(1987, 4, 1))] == ["upcoming"]


def test_time_of_day(nlp):
    m = one(nlp, "The two presidents will meet at 3 p.m. EST on Wednesday at the White House.")
    assert (m.start, m.time, m.timezone, m.place) == ("2022-01-12", "15:00", "EST", "White House")


def test_each_meeting_gets_its_own_date(nlp):
    text = (
        "The buffer stock working group is to meet again on rules Monday morning, and the full council "
        "is to reconvene Tuesday, delegates said."
    )
    found = run(nlp, text, date(1987, 3, 19))
    assert [m.start for m in found] == ["1987-03-23", "1987-03-24"]


# --------------------------------------------------------------------------- place, participants, title


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("OPEC oil ministers will meet in Vienna on Thursday.", "Vienna"),
        ("Representatives will meet in the Sardinian resort of Porto Cervo on Friday.", "Porto Cervo"),
        ("U.S. officials will push for farm reform at the Venice summit in June.", "Venice"),
        ("The two presidents will meet at the White House on Friday.", "White House"),
        ("The ministers will meet on Friday to discuss prices.", None),
    ],
)
def test_place(nlp, text, place):
    assert one(nlp, text).place == place


def test_participants_and_title(nlp):
    m = one(nlp, "A meeting of the NATO-Russia Council will take place in Brussels on Wednesday.")
    assert m.title == "NATO-Russia Council meeting"
    assert "NATO" in " ".join(m.participants)
    m = one(nlp, "The OPEC ministerial meeting will open in Vienna on Thursday.")
    assert m.title == "OPEC ministerial meeting"
    assert m.participants == ("OPEC",)
    m = one(nlp, "OPEC oil ministers will meet in Vienna on Thursday.")
    assert "OPEC" in m.title and "OPEC" in m.participants


# --------------------------------------------------------------------------- merging


def test_mentions_of_one_meeting_are_merged(nlp):
    text = (
        "Russian and U.S. officials held talks in Geneva on Monday.\n\n"
        "The talks lasted seven hours.\n\n"
        "A meeting of the NATO-Russia Council will take place in Brussels on Wednesday.\n\n"
        "Officials hope the talks in Brussels will be serious."
    )
    found = run(nlp, text)
    assert [(m.status, m.start, m.place) for m in found] == [
        ("past", "2022-01-10", "Geneva"),
        ("upcoming", "2022-01-12", "Brussels"),
    ]
    geneva, brussels = found
    assert len(geneva.mentions) == 2
    assert brussels.evidence.startswith("A meeting of the NATO-Russia Council")
    assert brussels.mentions[-1].startswith("Officials hope")


def test_later_mention_adds_a_precise_date(nlp):
    text = (
        "A decision will be taken at the ISO six monthly session in May.\n\n"
        "The ISO executive committee next meets on April 23 with the next full council session in the "
        "week of May 19."
    )
    found = run(nlp, text, date(1987, 3, 19))
    starts = sorted(m.start for m in found)
    assert starts == ["1987-04-23", "1987-W21"]


def test_a_meeting_inside_a_meeting_is_one(nlp):
    text = (
        "Talks on coffee export quotas at the International Coffee Organization special council session "
        "will resume at noon today."
    )
    m = one(nlp, text, date(1987, 3, 2))
    assert (m.status, m.start, m.time) == ("upcoming", "1987-03-02", "12:00")
    assert "International Coffee Organization" in m.title


def test_before_a_meeting_in_a_past_clause_takes_the_nearest_month(nlp):
    text = "The administration sounded out its allies just before the February meeting."
    m = one(nlp, text, date(1987, 4, 9))
    assert (m.start, m.status) == ("1987-02", "past")


def test_offsets_point_at_the_evidence(nlp):
    text = "Prices rose.\n\nThe ministers will meet in Vienna on Thursday.\n\nNothing else happened."
    (m,) = run(nlp, text)
    assert text[m.start_char : m.end_char] == m.evidence


# --------------------------------------------------------------------------- the seed article


def _article(path: Path) -> tuple[str, date]:
    raw = path.read_text(encoding="utf-8")
    head, body = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S).groups()
    published = date.fromisoformat(re.search(r'date:\s*"?([\d-]+)', head).group(1))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "\n\n".join(paragraphs), published


def test_seed_article(nlp):
    text, published = _article(FIXTURES / "seed-1.md")
    found = run(nlp, text, published)
    upcoming = [m for m in found if m.status == "upcoming"]
    assert [(m.start, m.place) for m in upcoming] == [("2022-01-12", "Brussels"), ("2022-01-13", "Vienna")]
    assert upcoming[0].title == "NATO-Russia Council meeting"
    assert upcoming[0].evidence == (
        "A meeting of the NATO-Russia Council will take place in Brussels on Wednesday."
    )
    assert "OSCE" in upcoming[1].title
    past = [m for m in found if m.status == "past"]
    assert [(m.start, m.place) for m in past] == [("2022-01-10", "Geneva")]
    assert len(found) == 3
    for m in found:
        assert text[m.start_char : m.end_char] == m.evidence
        assert m.evidence in m.mentions


# --------------------------------------------------------------------------- properties

_WORDS = st.sampled_from(
    [
        "The",
        "ministers",
        "will",
        "meet",
        "met",
        "talks",
        "summit",
        "in",
        "Vienna",
        "on",
        "Monday",
        "Tuesday",
        "next",
        "week",
        "month",
        "March",
        "25",
        "May",
        "2-3",
        "tomorrow",
        "yesterday",
        "cancelled",
        "if",
        "not",
        "session",
        "council",
        "hearing",
        "held",
        "at",
        "10",
        "a.m.",
        "GMT",
        "\n\n",
        ",",
        ".",
        '"',
        "the",
        "three-day",
        "meeting",
        "from",
        "to",
        "April",
        "30",
        "later",
        "this",
        "early",
        "year",
        "Jan.",
        "20-21",
    ]
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_WORDS, max_size=60), published=st.dates(date(1950, 1, 1), date(2090, 12, 31)))
def test_never_raises_and_values_are_valid(nlp, words, published):
    text = " ".join(words)
    found = extract_meetings(nlp(text), published)
    for m in found:
        assert 0 <= m.start_char <= m.end_char <= len(text)
        assert text[m.start_char : m.end_char] == m.evidence
        assert m.status in ("upcoming", "ongoing", "past", "cancelled", "postponed")
        for value in (m.start, m.end):
            assert value is None or TimeValue(value).precision is not Precision.NONE
            if value and TimeValue(value).precision == "day":
                date.fromisoformat(value)
            if value and TimeValue(value).precision == "week":
                y, w = value.split("-W")
                date.fromisocalendar(int(y), int(w), 1)
        assert m.time is None or re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", m.time)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_arbitrary_text(nlp, text):
    for m in extract_meetings(nlp(text), TUE):
        assert text[m.start_char : m.end_char] == m.evidence


@pytest.mark.parametrize(
    "text",
    [
        "Telecom's shareholders are scheduled to vote on the 165 mln dlr transaction Monday.",
        "The House was to vote today on a bill demanding a report within seven days.",
        "The committee will vote on the proposal on Thursday.",
    ],
)
def test_votes_are_ballots_not_meetings(nlp, text):
    # README: elections and ballots are not meetings, even when a body casts them
    assert [m for m in run(nlp, text) if m.status == "upcoming"] == []


def test_participle_date_is_not_anchored_by_a_past_verb(nlp):
    # "had been invited" is past, but "starting April 27" dates the meeting itself
    text = "Fujioka said Taiwan had been invited to the bank's 20th annual meeting starting April 27 in Osaka."
    found = [m for m in run(nlp, text, date(1987, 4, 21)) if m.status == "upcoming"]
    assert len(found) == 1
    assert found[0].start == "1987-04-27" and found[0].place == "Osaka"
