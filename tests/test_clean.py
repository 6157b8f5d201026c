"""Tests for the text cleaner and the plain-text paragraph splitter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.ingest.clean import clean_line, clean_paragraphs, is_debris, split_plain

DEBRIS = [
    "[embedded content]",
    "Leave a Comment",
    "Share this:",
    "Subscribe to our newsletter",
    "SUBSCRIBE NOW",
    "Click here to read the full report",
    "Advertisement",
    "ADVERTISEMENT",
    "Read more: Council delays vote",
    "Read more",
    "We use cookies to improve your experience on our site.",
    "This website uses cookies. Accept all cookies",
    "Follow us on Twitter",
    "Follow Jane Doe on Twitter",
    "Sign up for our daily newsletter",
    "Story continues below advertisement",
    "© 2022 Example News. All rights reserved.",
    "12 Comments",
    "  Share this:  ",
    "Photo: Reuters/Jane Doe",
    "(AP Photo/Evan Vucci)",
    "(Photo by John Doe/Getty Images)",
]

NOT_DEBRIS = [
    "Subscribers to the service will pay $5 more a month, the company said.",
    "The advertisement, which ran in three newspapers, drew complaints.",
    '"Read more books," the minister told students.',
    "Click",
    "The company said it would follow us on the decision and share this information with regulators later.",
    "Related parties must disclose their holdings, the regulator said.",
    "Cookies were sold at the fair.",
    "Twitter shares fell 3%.",
    "The photo, taken in 1972, shows the mayor with the strikers (it was never published).",
    "She said she would subscribe to the plan only if the union agreed to it in writing, which it has not.",
]


@pytest.mark.parametrize("line", DEBRIS)
def test_debris_lines(line):
    assert is_debris(line)


@pytest.mark.parametrize("line", NOT_DEBRIS)
def test_article_lines_are_not_debris(line):
    assert not is_debris(line)


def test_long_line_mentioning_cookies_is_kept():
    line = "We use cookies " + "and other words that make this a real paragraph of the article " * 6
    assert not is_debris(line)


def test_clean_paragraphs_collapses_whitespace_and_drops_debris():
    paras = [
        "  The  council\u00a0voted\n on  Tuesday. ",
        "",
        "Advertisement",
        "\u200bZero\u00adwidth\ufeff",
        "\t",
    ]
    assert clean_paragraphs(paras) == ["The council voted on Tuesday.", "Zerowidth"]


def test_quotes_are_never_changed():
    text = (
        "\u201cYes,\u201d she said. \u2018No,\u2019 he said. \"Maybe\" 'then' \u00abnon\u00bb \u201eja\u201c"
    )
    assert clean_line(text) == text


def test_characters_xml_cannot_hold_are_removed_and_scripts_kept():
    assert clean_line("a\ufffeb\uffffc\x0bd\x0ce\x85f\u2028g") == "abc d ef g"
    mixed = "שלום, he said — مرحبا 中文 👩\u200d👩\u200d👧 🇳🇴 caf\u00e9 e\u0301"
    assert clean_line(mixed) == mixed.replace("e\u0301", "\u00e9")


def test_titles_lose_bidirectional_overrides_but_keep_their_text():
    from digest.ingest.clean import clean_title

    assert clean_title("Talks go on \u202egnp.exe\u202c and \u2067שלום\u2069") == "Talks go on gnp.exe and שלום"
    assert clean_line("body \u202ekeeps\u202c them") == "body \u202ekeeps\u202c them"


def test_split_plain_rejoins_wrapped_lines():
    text = (
        "The harbour authority on Thursday postponed a vote on the planned\n"
        "container terminal after residents packed a public hearing to\n"
        "object to the loss of the old fish market, officials said.\n"
        "\n"
        "Short line.\n"
        "Another short line.\n"
    )
    assert split_plain(text) == [
        "The harbour authority on Thursday postponed a vote on the planned container terminal after "
        "residents packed a public hearing to object to the loss of the old fish market, officials said.",
        "Short line.",
        "Another short line.",
    ]


def test_split_plain_keeps_early_line_ends_and_list_items():
    text = (
        "The board approved three measures on Tuesday after a long debate\n"
        "about costs.\n"
        "The measures take effect in March, the chairman said in a statement\n"
        "issued after the vote.\n"
        "- Fares fall by 10% for students and pensioners from next month on\n"
        "- Two new lines\n"
    )
    assert split_plain(text) == [
        "The board approved three measures on Tuesday after a long debate about costs.",
        "The measures take effect in March, the chairman said in a statement issued after the vote.",
        "- Fares fall by 10% for students and pensioners from next month on",
        "- Two new lines",
    ]


def test_split_plain_hyphenated_wrap():
    text = (
        "The economist said the outlook for the regional economy was long-\n"
        "term good, though the risks remained high for exporters this year\n"
        "and next year.\n"
    )
    assert split_plain(text) == [
        "The economist said the outlook for the regional economy was long-term good, though the risks "
        "remained high for exporters this year and next year."
    ]


def test_split_plain_debris_line_inside_a_block_is_separate():
    text = "The mayor said the budget would pass easily in the council\nShare this:\nnext week.\n"
    assert "Share this:" in split_plain(text)


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@pytest.mark.fuzz
@given(st.lists(_text, max_size=8))
def test_clean_paragraphs_is_idempotent_and_tidy(paragraphs):
    once = clean_paragraphs(paragraphs)
    assert clean_paragraphs(once) == once
    for para in once:
        assert para == para.strip() and para
        assert "\n" not in para and "  " not in para
        assert not is_debris(para)


@pytest.mark.fuzz
@given(_text)
def test_split_plain_keeps_every_word(text):
    words = text.split()
    joined = " ".join(split_plain(text)).split()
    # re-joined hyphenated wraps may merge two tokens, nothing else is lost or added
    assert "".join(joined) == "".join(words)


def test_split_plain_a_long_url_line_does_not_break_the_wrap():
    text = (
        "The report, published on the agency's website at the address below, found\n"
        "that prices rose in every region except the north, where they fell for\n"
        "https://www.example.gov/statistics/reports/2022/regional-prices-full-report-with-all-tables.pdf\n"
        "the third month in a row, the agency said in a statement.\n"
    )
    (para,) = split_plain(text)
    assert para.startswith("The report,") and para.endswith("in a statement.")
