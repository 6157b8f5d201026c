"""Meeting dates and status on classes of how news tells them (issue 14), on made-up sentences.

Every sentence here is invented for the test; each group is one way news gives (or seems to
give) a meeting's time.
"""

from __future__ import annotations

from datetime import date

import pytest

from digest.models import MeetingStatus
from digest.nlp.meetings import extract_meetings

from helpers import THU, only, upcoming

# --------------------------------------------------------------------------- a meeting moved


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The talks, postponed last week, will now be held on March 20.", "2024-03-20"),
        ("The talks were postponed last week and will be held in Geneva on March 20.", "2024-03-20"),
        ("The hearing, which had been planned for Tuesday, will now take place on Friday.", "2024-03-08"),
        ("The summit, originally set for Tuesday, will be held on Saturday instead.", "2024-03-09"),
        ("The board meeting was delayed on Monday until March 20.", "2024-03-20"),
        ("The meeting has been put back to Friday.", "2024-03-08"),
        ("The talks, postponed from last week, will now be held on Monday.", "2024-03-11"),
    ],
)
def test_a_moved_meeting_is_upcoming_on_its_new_date(nlp, text, start):
    m = only(nlp, text)
    assert (m.status, m.start) == (MeetingStatus.UPCOMING, start)


@pytest.mark.parametrize(
    "text",
    [
        "The summit was cancelled on Monday.",
        "The board meeting, called off yesterday, would have approved the merger.",
    ],
)
def test_the_day_a_meeting_is_called_off_is_not_its_date(nlp, text):
    m = only(nlp, text)
    assert (m.status, m.start) == (MeetingStatus.CANCELLED, None)


def test_the_day_of_a_postponement_is_not_the_meeting_date(nlp):
    m = only(nlp, "The annual meeting was postponed on Tuesday.")
    assert (m.status, m.start) == (MeetingStatus.POSTPONED, None)


def test_a_plan_still_standing_keeps_its_date(nlp):
    m = only(nlp, "The meeting, which is planned for Tuesday, will discuss the budget.")
    assert (m.status, m.start) == (MeetingStatus.UPCOMING, "2024-03-12")


def test_prices_that_move_this_week_do_not_move_the_meeting(nlp):
    m = only(nlp, "The dollar is likely to move ahead of the finance ministers' meetings in Paris this week.")
    assert (m.status, m.start) == (MeetingStatus.UPCOMING, "2024-W10")


# --------------------------------------------------------------------------- who meets


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("A team of Kestrian officials will meet with the creditor banks here later this week.", "2024-W10"),
        ("A team of negotiators will meet the union on Monday.", "2024-03-11"),
    ],
)
def test_a_team_of_officials_meets(nlp, text, start):
    assert [m.start for m in upcoming(nlp, text)] == [start]


def test_a_sports_team_still_does_not_meet(nlp):
    assert upcoming(nlp, "The team will meet its old rivals on Saturday in the cup final.") == []


@pytest.mark.parametrize(
    ("text", "start", "place"),
    [
        ("The ministers, scheduled to meet in Oslo on Monday, should agree on the routes.", "2024-03-11", "Oslo"),
        ("The delegates, due to meet in Vienna on Tuesday, are expected to extend the cuts.", "2024-03-12", "Vienna"),
    ],
)
def test_people_described_as_due_to_meet(nlp, text, start, place):
    m = only(nlp, text)
    assert (m.status, m.start, m.place) == (MeetingStatus.UPCOMING, start, place)


def test_targets_set_to_meet_demand_are_no_meeting(nlp):
    assert upcoming(nlp, "The output targets, set to meet demand next year, were raised.") == []


# --------------------------------------------------------------------------- dates on the meeting's verb


@pytest.mark.parametrize(
    ("text", "start", "place"),
    [
        ("The summit is due to take place on Monday.", "2024-03-11", None),
        ("The talks are due to begin on Monday in Geneva.", "2024-03-11", "Geneva"),
        ("The plenary session is due to open in Vienna on the 20th.", "2024-03-20", "Vienna"),
    ],
)
def test_due_to_take_place_gives_the_date(nlp, text, start, place):
    m = only(nlp, text)
    assert (m.status, m.start, m.place) == (MeetingStatus.UPCOMING, start, place)


@pytest.mark.parametrize(
    "text",
    [
        "The ministers will review the quotas at Monday's meeting in Vienna.",
        "Monday's meeting of the ministers will review the quotas.",
    ],
)
def test_a_weekday_in_the_meetings_name_in_a_future_clause_is_ahead(nlp, text):
    m = only(nlp, text, date(2024, 3, 6))  # a Wednesday: the nearest Monday is behind, the next one ahead
    assert (m.status, m.start) == (MeetingStatus.UPCOMING, "2024-03-11")


def test_a_weekday_in_the_meetings_name_in_a_past_clause_is_behind(nlp):
    m = only(nlp, "The ministers agreed on the quotas at Monday's meeting in Vienna.", date(2024, 3, 6))
    assert (m.status, m.start) == (MeetingStatus.PAST, "2024-03-04")


def test_a_stock_market_session_is_still_no_meeting(nlp):
    assert extract_meetings(nlp("Stocks rose in a two-day trading session ending Friday."), THU) == []


def test_a_session_of_some_days_is_a_meeting(nlp):
    m = only(nlp, "Delegates from six nations will take part in the two-day strategy session beginning March 18.")
    assert (m.status, m.start, m.end) == (MeetingStatus.UPCOMING, "2024-03-18", "2024-03-19")


def test_a_month_in_the_meetings_name_is_the_nearest(nlp):
    text = "Words will not stop the slide, and the February meeting of the ministers produced scant promise."
    m = only(nlp, text)
    assert (m.status, m.start) == (MeetingStatus.PAST, "2024-02")


# --------------------------------------------------------------------------- precision: a day only when one is named


@pytest.mark.parametrize(
    ("text", "published", "start", "status"),
    [
        ("Ministers will meet in Paris this weekend.", THU, "2024-W10", MeetingStatus.UPCOMING),
        ("Growers' delegates meet over the weekend in Porto to set prices.", THU, "2024-W10", MeetingStatus.UPCOMING),
        ("Ministers met in Paris over the weekend.", date(2024, 3, 11), "2024-W10", MeetingStatus.PAST),
    ],
)
def test_a_weekend_is_a_week_not_a_day(nlp, text, published, start, status):
    m = only(nlp, text, published)
    assert (m.status, m.start) == (status, start)


def test_gathering_now_for_a_summit_ahead(nlp):
    m = only(nlp, "Leaders are gathering in Rome for Friday's summit.", date(2024, 3, 6))
    assert (m.status, m.start, m.place) == (MeetingStatus.UPCOMING, "2024-03-08", "Rome")


@pytest.mark.parametrize(
    ("text", "status", "start"),
    [
        ("The ministers, meeting in Oslo on Monday, are expected to agree.", MeetingStatus.UPCOMING, "2024-03-11"),
        ("The ministers, meeting in Oslo on Monday, agreed on the plan.", MeetingStatus.PAST, "2024-03-04"),
    ],
)
def test_people_described_as_meeting(nlp, text, status, start):
    m = only(nlp, text)
    assert (m.status, m.start, m.place) == (status, start, "Oslo")


def test_figures_meeting_forecasts_are_no_meeting(nlp):
    assert extract_meetings(nlp("Retail figures meeting forecasts lifted the shares on Monday."), THU) == []


def test_talks_open_tagged_as_an_adjective_still_date_the_talks(nlp):
    m = only(nlp, "The talks open on March 25 in Vienna.")
    assert (m.status, m.start, m.place) == (MeetingStatus.UPCOMING, "2024-03-25", "Vienna")


@pytest.mark.parametrize(
    ("text", "status", "start"),
    [
        ("He is due to appear in court on March 20.", MeetingStatus.UPCOMING, "2024-03-20"),
        ("The two men will appear in federal court in Miami on Tuesday.", MeetingStatus.UPCOMING, "2024-03-12"),
        ("He appeared in court on Tuesday.", MeetingStatus.PAST, "2024-03-05"),
    ],
)
def test_a_court_appearance_is_a_hearing(nlp, text, status, start):
    m = only(nlp, text)
    assert (m.status, m.start) == (status, start)


@pytest.mark.parametrize(
    "text", ["The singer will appear in a court drama next year.", "The case appeared in court records on Tuesday."]
)
def test_appearing_in_court_things_is_no_hearing(nlp, text):
    assert extract_meetings(nlp(text), THU) == []


@pytest.mark.parametrize(
    ("text", "status", "start"),
    [
        ("At Friday's meeting, ministers agreed to cut output.", MeetingStatus.PAST, "2024-03-01"),
        ("At Friday's meeting, ministers will decide whether to cut output.", MeetingStatus.UPCOMING, "2024-03-08"),
        ("Stocks fell ahead of Monday's meeting.", MeetingStatus.UPCOMING, "2024-03-11"),
        ("Stocks were steady ahead of the central bank's meeting on Tuesday.", MeetingStatus.UPCOMING, "2024-03-12"),
        ("The dollar rose after Tuesday's meeting.", MeetingStatus.PAST, "2024-03-05"),
    ],
)
def test_a_weekday_on_the_meetings_noun_follows_the_clause(nlp, text, status, start):
    m = only(nlp, text)  # published on a Thursday
    assert (m.status, m.start) == (status, start)


MON = date(2024, 3, 4)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The ministers meet this week in Paris.", MeetingStatus.UPCOMING),
        ("Talks resume this week in Paris.", MeetingStatus.UPCOMING),
        ("The ministers are meeting this week in Paris.", MeetingStatus.ONGOING),
    ],
)
def test_a_timetable_present_with_this_week_is_ahead(nlp, text, status):
    m = only(nlp, text, MON)
    assert (m.status, m.start) == (status, "2024-W10")


def test_a_participle_parsed_as_a_preposition_still_dates_the_talks(nlp):
    """ "… await news from the talks in Oslo starting today": the parser sometimes makes "starting"
    a preposition of the main verb; the day is still the talks' (a parse built by hand)."""
    from spacy.tokens import Doc

    from digest.nlp.meetings.facts import assign
    from digest.nlp.meetings.kinds import MeetingKind

    rows = [  # word, head, dependency, part of speech, tag, lemma
        ("Dealers", 1, "nsubj", "NOUN", "NNS", "dealer"),
        ("held", 1, "ROOT", "VERB", "VBD", "hold"),
        ("back", 1, "prt", "ADP", "RP", "back"),
        ("as", 5, "mark", "SCONJ", "IN", "as"),
        ("they", 5, "nsubj", "PRON", "PRP", "they"),
        ("await", 1, "advcl", "VERB", "VBP", "await"),
        ("news", 5, "dobj", "NOUN", "NN", "news"),
        ("from", 6, "prep", "ADP", "IN", "from"),
        ("the", 9, "det", "DET", "DT", "the"),
        ("talks", 7, "pobj", "NOUN", "NNS", "talk"),
        ("in", 9, "prep", "ADP", "IN", "in"),
        ("Oslo", 10, "pobj", "PROPN", "NNP", "Oslo"),
        ("starting", 1, "prep", "VERB", "VBG", "start"),
        ("today", 12, "npadvmod", "NOUN", "NN", "today"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows, strict=True))
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    talks, today = doc[9], doc[13]
    assert assign([today], [(talks, MeetingKind.TALKS)]) == {0: talks.i}


def test_waiting_for_talks_that_start_today_is_not_talks_under_way(nlp):
    m = only(nlp, "Investors are waiting for the budget talks in Ottawa starting today.")
    assert (m.status, m.start) == (MeetingStatus.UPCOMING, "2024-03-07")


def test_talks_held_today_are_under_way(nlp):
    assert only(nlp, "The ministers are holding talks in Ottawa today.").status is MeetingStatus.ONGOING


# --------------------------------------------------------------------------- not a meeting set


@pytest.mark.parametrize(
    "text",
    [
        "If negotiations fail, we will not hesitate to act, he added.",
        "The country does not rule out a moratorium if the negotiations do not produce a result.",
    ],
)
def test_talks_as_the_subject_of_a_condition_are_no_meeting(nlp, text):
    assert upcoming(nlp, text) == []


def test_a_dated_meeting_in_a_condition_stays(nlp):
    m = only(nlp, "If the meeting on Friday goes ahead, ministers will discuss quotas.")
    assert (m.status, m.start) == (MeetingStatus.UPCOMING, "2024-03-08")


@pytest.mark.parametrize(
    "text",
    [
        "She expected further announcements about the talks with Vendex to be made early next week.",
        "A report on the meeting will be published on Friday.",
    ],
)
def test_the_date_of_what_is_said_about_a_meeting_is_not_the_meetings(nlp, text):
    assert upcoming(nlp, text) == []


def test_the_days_of_a_trip_date_the_visit(nlp):
    text = (
        "The minister will visit Oslo next week for talks with officials. "
        "A spokeswoman said the trip is set for April 8 to 10."
    )
    m = only(nlp, text, date(2024, 4, 3))
    assert (m.status, m.start, m.end, m.place) == (MeetingStatus.UPCOMING, "2024-04-08", "2024-04-10", "Oslo")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Tomorrow's Group of Seven meeting is seen as the key event.", "2024-03-08"),
        ("Monday's EC farm ministers' meeting will review prices.", "2024-03-11"),
    ],
)
def test_a_possessive_day_dates_the_meeting_closing_the_name(nlp, text, start):
    m = only(nlp, text)
    assert (m.status, m.start) == (MeetingStatus.UPCOMING, start)


def test_a_possessive_day_of_another_noun_is_not_the_meetings(nlp):
    assert all(m.start is None for m in extract_meetings(nlp("Tuesday's vote on the talks was delayed."), THU))


def test_a_meeting_among_others_takes_their_time(nlp):
    text = "He plans to attend monetary conferences including the Kestria Fund meetings in early April."
    found = upcoming(nlp, text)
    assert [m.start for m in found] == ["2024-04"]


def test_the_current_meeting_is_under_way_whatever_date_is_near(nlp):
    text = (
        "He would not reach agreement at the current meeting which is due to end Tuesday, "
        "although prices must be agreed by April 1."
    )
    assert upcoming(nlp, text) == []
    assert [m.status for m in extract_meetings(nlp(text), THU)] == [MeetingStatus.ONGOING]


def test_a_session_of_a_numbered_group_is_a_meeting(nlp):
    m = only(nlp, "They are scheduled to start today with an informal Group of Five (G-5) session.")
    assert (m.status, m.start) == (MeetingStatus.UPCOMING, "2024-03-07")


@pytest.mark.parametrize(
    "text", ["The yen rose in the NYSE session.", "The dollar fell in the Tokyo session on Monday."]
)
def test_a_markets_session_is_still_trading(nlp, text):
    assert extract_meetings(nlp(text), THU) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The leaders of the seven nations will meet in Lisbon in the summer.", "2024"),
        ("Trade ministers are due to hold talks next spring on farm subsidies.", "2025"),
    ],
)
def test_a_season_dates_a_meeting_to_its_year(nlp, text, start):
    m = only(nlp, text)
    assert (m.status, m.start) == (MeetingStatus.UPCOMING, start)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Officials said the talks, starting on March 19, would cover fishing rights.", "2024-03-19"),
        ("The envoy said the negotiations, beginning on April 2, would be difficult.", "2024-04-02"),
    ],
)
def test_a_participle_beside_the_meeting_in_reported_speech_gives_its_date(nlp, text, start):
    m = only(nlp, text)
    assert (m.status, m.start) == (MeetingStatus.UPCOMING, start)


def test_a_participle_beside_a_past_meeting_keeps_it_past(nlp):
    text = "Officials said the talks, held on March 4, were useful."
    assert upcoming(nlp, text) == []
    assert [m.start for m in extract_meetings(nlp(text), THU)] == ["2024-03-04"]


# --------------------------------------------------------------------------- times counted on from an earlier one


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        (
            "The council meets next Thursday, while the committee was set to convene on Friday.",
            ["2024-03-14", "2024-03-15"],
        ),
        (
            "Officials said the union would make a formal request next week for talks and that the two sides "
            "would meet the week after.",
            ["2024-W12"],
        ),
    ],
)
def test_a_time_told_after_a_later_one_counts_on_from_it(nlp, text, starts):
    found = [m for m in extract_meetings(nlp(text), THU) if m.status is MeetingStatus.UPCOMING]
    assert [m.start for m in found] == starts


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman said on Wednesday that the talks would be held on Friday.",
        "The hearing, which had been planned for Tuesday, will now take place on Friday.",
    ],
)
def test_a_reported_or_old_day_does_not_start_a_sequence(nlp, text):
    assert only(nlp, text).start == "2024-03-08"


def test_the_day_a_request_for_talks_is_made_is_not_the_talks_day(nlp):
    assert only(nlp, "Japan will make a formal request next week for talks on chips.").start is None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Dealers awaited Tuesday's talks between the two finance ministers.", "2024-03-12"),
        ("Investors were waiting for Monday's meeting of central bankers.", "2024-03-11"),
    ],
)
def test_a_meeting_waited_for_in_the_past_tense_is_ahead(nlp, text, start):
    meeting = only(nlp, text)
    assert (meeting.status, meeting.start) == (MeetingStatus.UPCOMING, start)


def test_a_day_inside_the_week_of_a_meeting_of_the_same_body_dates_it(nlp):
    text = (
        "European Community finance ministers meet in Belgium this weekend to discuss the currency float. "
        "The EC gathering begins on Friday with a dinner."
    )
    meeting = only(nlp, text)
    assert (meeting.status, meeting.start) == (MeetingStatus.UPCOMING, "2024-03-08")


@pytest.mark.parametrize(
    "text",
    [
        "Ministers will hold talks on the 1988 farm price package.",
        "Ministers will hold discussions on the government's 1987/88 budget.",
    ],
)
def test_the_year_of_a_meetings_topic_is_not_the_meetings(nlp, text):
    meeting = only(nlp, text)
    assert (meeting.status, meeting.start) == (MeetingStatus.UPCOMING, None)


def test_the_time_of_an_act_joined_in_another_tense_does_not_date_the_meeting(nlp):
    text = ("Union officials said the negotiators were currently meeting in Toronto and would vote on the offer "
            "next week.")
    meeting = only(nlp, text)
    assert (meeting.status, meeting.start) == (MeetingStatus.ONGOING, None)


def test_words_told_just_before_a_meeting_are_of_its_day_not_ahead_of_it(nlp):
    meeting = only(nlp, "Profits will rise this year, the chairman said before the shareholders meeting.")
    assert meeting.status is MeetingStatus.ONGOING


@pytest.mark.parametrize("text", [
    "The farm ministers will resume talks at 10.00 local time in a bid to settle the milk quarrel.",
    "Union and company negotiators will hold talks at 1500 GMT.",
])
def test_a_clock_time_on_the_verb_that_holds_a_meeting_dates_it_to_the_articles_day(nlp, text):
    meeting = only(nlp, text)
    assert (meeting.status, meeting.start) == (MeetingStatus.UPCOMING, THU.isoformat())


def test_a_clock_time_told_in_a_clause_of_its_own_does_not_date_the_meeting(nlp):
    text = "The council will meet in Lyon, and the meeting will be followed by a news conference at around 1030 GMT."
    assert only(nlp, text).start is None
