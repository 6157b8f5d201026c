from digest.errors import Report
from digest.extract import extract_articles
from digest.nlp.select import select_paragraphs, select_text

from helpers import article

FILLER = [f"Shares of company number {i} rose 3 pct to 12 dlrs in active trading." for i in range(8)]


def test_only_relevant_paragraphs_and_their_context_are_kept():
    paragraphs = [*FILLER[:5], "“We will push for a response,” he said.", *FILLER[5:]]
    assert select_paragraphs(paragraphs) == [0, 3, 4, 5]  # the lead, two before the quote, the quote
    assert select_paragraphs(FILLER) == []
    assert select_paragraphs(["Ministers will meet in Brussels on Wednesday.", *FILLER]) == [0, 1]  # and one after
    meeting = [*FILLER[:4], "The council will meet on Wednesday.", *FILLER[4:]]
    assert select_paragraphs(meeting) == [0, 2, 3, 4, 5]


def test_offsets_map_back_to_the_article_text():
    paragraphs = ("Lead paragraph about Alexander Grushko, deputy minister.", *FILLER,
                  "Grushko spoke on Tuesday.", "“We will push for a concrete response,” he said.", *FILLER,
                  "A meeting of the NATO-Russia Council will take place in Brussels on Wednesday.")
    selection = select_text(paragraphs)
    text = "\n\n".join(paragraphs)
    for short_start, full_start in zip(selection.short_starts, selection.full_starts, strict=True):
        assert selection.text[short_start:short_start + 20] == text[full_start:full_start + 20]
    a = article("Mapped", list(paragraphs))
    found = extract_articles([a], "en_core_web_sm", Report()).results[a.id]
    assert found.quotes and found.meetings
    for q in found.quotes:
        assert a.text[q.start:q.end] == q.text
    for m in found.meetings:
        assert a.text[m.start_char:m.end_char] == m.evidence


def test_article_without_quotes_or_meetings_is_not_parsed():
    a = article("Plain", FILLER)
    run = extract_articles([a], "en_core_web_sm", Report())
    assert run.results[a.id].quotes == () and run.results[a.id].meetings == ()


def test_the_paragraph_that_introduces_a_surname_speaker_is_kept():
    paragraphs = ["Dealers expect lower prices for wheat in three states, a ministry official said.",
                  "The change will reach every county, said Helen Varga, deputy head of the pricing office.",
                  *FILLER[:4],
                  "“We do not move prices lightly,” Varga said.", "“We will look again in May,” he said."]
    assert 1 in select_paragraphs(paragraphs)  # where "Varga" is first named, in full
    assert select_paragraphs([*FILLER[:5], "“It is early,” he said."]) == [0, 3, 4, 5]  # "he" names nobody


def test_a_speaker_named_far_from_the_quote_keeps_the_full_name():
    paragraphs = ["Dealers expect lower prices for wheat in three states, a ministry official said.",
                  "The change will reach every county, said Helen Varga, deputy head of the pricing office.",
                  *FILLER[:4],
                  "“We do not move prices lightly,” Varga said.", "“We will look again in May,” she said."]
    a = article("Far", paragraphs)
    quotes = extract_articles([a], "en_core_web_sm", Report()).results[a.id].quotes
    assert [q.speaker for q in quotes] == ["Helen Varga", "Helen Varga"]
