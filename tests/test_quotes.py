"""Quote extraction: spans, partial vs full, speakers, roles, robustness."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.nlp.quote_spans import find_spans
from digest.nlp.quotes import extract_quotes

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"


def run(nlp, *paragraphs: str):
    return extract_quotes(nlp("\n\n".join(paragraphs)))


def by_text(quotes, fragment: str):
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


def texts(quotes) -> list[str]:
    return [q.text for q in quotes]


# -- spans -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said “we will win” today.", ["we will win"]),
        ("Er sagte „wir gewinnen“ heute.", ["wir gewinnen"]),
        ("Il a dit «nous gagnerons» hier.", ["nous gagnerons"]),
        ("She said ‘we will win,’ and left.", ["we will win,"]),
    ],
)
def test_every_double_and_single_style_pairs(text, expected):
    assert [text[s.start : s.end] for s in find_spans(text)] == expected


def test_apostrophes_are_not_quotes():
    text = "The voters’ choice was clear in the ‘90s, rock ‘n’ roll and the candidates’ debate."
    assert find_spans(text) == []


def test_single_quote_beside_plural_possessive():
    text = "He said ‘the voters’ choice is clear,’ and left."
    assert [text[s.start : s.end] for s in find_spans(text)] == ["the voters’ choice is clear,"]


def test_multi_paragraph_quote_is_one_span_per_paragraph():
    text = "“First part of the statement.\n\n“Second part of it,” he said."
    spans = [text[s.start : s.end] for s in find_spans(text)]
    assert spans == ["First part of the statement.", "Second part of it,"]


def test_unpaired_mark_is_skipped_and_the_rest_kept():
    text = 'An odd " mark here. Then "a real quote follows," he said.'
    assert [text[s.start : s.end] for s in find_spans(text)] == ["a real quote follows,"]


def test_nested_quote_in_another_style_stays_inside():
    text = '"He asked me “why now?” and I had no answer," she said.'
    assert [text[s.start : s.end] for s in find_spans(text)] == [
        "He asked me “why now?” and I had no answer,"
    ]


def test_nested_quote_in_the_same_curly_style():
    text = "“His claim that a deal “has to do with Israel” is absurd,” wrote Morton Klein."
    expected = ["His claim that a deal “has to do with Israel” is absurd,"]
    assert [text[s.start : s.end] for s in find_spans(text)] == expected


def test_unclosed_outer_quote_keeps_the_inner_ones():
    text = "He wrote “ and then “the real words” appeared."
    assert [text[s.start : s.end] for s in find_spans(text)] == ["the real words"]


def test_quote_missing_its_closing_mark_at_paragraph_end():
    text = "Sexton said so.\n\n“Trump events are outlets for people to vent.\n\nNext paragraph."
    assert [text[s.start : s.end] for s in find_spans(text)] == [
        "Trump events are outlets for people to vent."
    ]


def test_single_line_breaks_between_quote_lines_separate_paragraphs():
    text = "“We have to do something.”\n“We have to be a lot tougher.”"
    assert [text[s.start : s.end] for s in find_spans(text)] == [
        "We have to do something.",
        "We have to be a lot tougher.",
    ]


# -- speakers ------------------------------------------------------------------------------


def test_quote_then_name_said(nlp):
    q = run(
        nlp,
        "“We will not be satisfied with the endless dragging out of this process,” "
        "said Kremlin spokesman Dmitry Peskov.",
    )
    assert len(q) == 1 and q[0].speaker == "Dmitry Peskov" and not q[0].partial
    assert q[0].role == "Kremlin spokesman"


def test_quote_then_name_said_inverted_order(nlp):
    q = run(nlp, '"We must provide some form of interest rate relief for all farmers," Boren said.')
    assert q[0].speaker == "Boren"


def test_colon_lead_in_same_sentence(nlp):
    q = run(nlp, 'Baker said: "In my view, they have not rejected it out of hand at all."')
    assert q[0].speaker == "Baker" and not q[0].partial


def test_said_that_quote(nlp):
    q = run(
        nlp,
        'However, Citicorp said in the filing that "it is premature to make such a decision '
        'at this time in view of the fluidity of the situation."',
    )
    assert q[0].speaker == "Citicorp"


def test_according_to(nlp):
    q = run(
        nlp,
        '"The company does not expect any legal trouble," according to Wessel van Rensburg, '
        "head of e-mail at Lycos UK.",
    )
    assert q[0].speaker and "Rensburg" in q[0].speaker


def test_told_outlet_is_not_the_speaker(nlp):
    q = run(
        nlp,
        '"Rumors that we have written off any of our debt are unfounded," a Citicorp spokesman told Reuters.',
    )
    assert q[0].speaker == "a Citicorp spokesman"


def test_quoted_as_saying_resolves_fullest_name(nlp):
    q = run(
        nlp,
        "Deputy Foreign Minister Alexander Grushko’s remarks on Tuesday followed negotiations in Geneva.",
        "“It is not an exaggeration to say that there is a moment of truth in our relations,” "
        "Grushko was quoted as saying by Russian news agencies.",
    )
    assert q[0].speaker == "Alexander Grushko"
    assert q[0].role == "Deputy Foreign Minister"


def test_wrote_and_added(nlp):
    q = run(
        nlp,
        '"Subsidies distort the market and hurt our farmers," Senator Jane Holloway wrote in a letter.',
        '"We expect an answer within weeks," she added.',
    )
    assert [x.speaker for x in q] == ["Jane Holloway", "Jane Holloway"]


def test_split_quote_is_two_quotes_one_speaker(nlp):
    q = run(
        nlp, '"Citicorp can afford it," Lawrence Cohn said. "The amounts they are talking about are peanuts."'
    )
    assert texts(q) == ["Citicorp can afford it,", "The amounts they are talking about are peanuts."]
    assert {x.speaker for x in q} == {"Lawrence Cohn"}


def test_split_quote_around_said(nlp):
    q = run(
        nlp,
        '"We came to seek the opening of the markets," Jake Garn said, "and we will not leave without it."',
    )
    assert len(q) == 2 and {x.speaker for x in q} == {"Jake Garn"}


def test_dash_attribution(nlp):
    q = run(nlp, "“Markets will open fully to foreign banks by next spring.” — Commissioner Maria Alvarez")
    assert q[0].speaker == "Maria Alvarez"


def test_colon_paragraph_lead_in(nlp):
    q = run(
        nlp,
        "The board published its decision on Monday.",
        "From Chairwoman Helen Park:",
        "“We will hold rates steady until inflation is clearly under control.”",
    )
    assert q[0].speaker == "Helen Park"


def test_quote_only_paragraph_follows_attributed_one(nlp):
    q = run(
        nlp,
        '"We have had three years in a row of failed deliveries," Agriculture Secretary Richard Lyng said.',
        '"We would love to continue to keep doing business with them, but do we need a deal?"',
    )
    assert [x.speaker for x in q] == ["Richard Lyng", "Richard Lyng"]


def test_quote_after_reported_speech_paragraph(nlp):
    q = run(
        nlp,
        "Ed Gershon, of the pub chain JD Wetherspoon, said the smoking ban would be good for business.",
        '"The majority of people don\'t like to be around smoky areas."',
    )
    assert q[0].speaker == "Ed Gershon"


def test_pronoun_resolves_to_the_right_earlier_person(nlp):
    q = run(
        nlp,
        "“We will not be satisfied with this process,” said Kremlin spokesman Dmitry Peskov.",
        "Peskov’s remarks came after US ambassador to the United Nations, Linda Thomas-Greenfield, "
        "told Al Jazeera on Monday that she wanted to believe Russia’s claim.",
        "“But everything we’ve seen so far indicates that they are filing motions,” she said.",
    )
    assert by_text(q, "everything we’ve seen").speaker == "Linda Thomas-Greenfield"


def test_name_heading_paragraph(nlp):
    q = run(
        nlp,
        "The concert opened with a short speech.",
        "Madonna",
        '"Bob Geldof and his friends are here to remind you that we can never forget."',
    )
    assert q[0].speaker == "Madonna"


def test_quote_opening_with_but_after_attributed_one(nlp):
    q = run(
        nlp,
        '"I don\'t think it\'s do or die," Paul Ryan said outside the building. But "the '
        'candidacy is strengthened with an endorsement from the party."',
    )
    assert len(q) == 2 and {x.speaker for x in q} == {"Paul Ryan"}


def test_relative_pronoun_speaker(nlp):
    q = run(
        nlp,
        'Joe Ward, who spoke to reporters on Monday, said "we will appeal the ruling '
        'as soon as the court allows it."',
    )
    assert q[0].speaker == "Joe Ward"


def test_pronoun_skips_a_person_of_the_other_gender(nlp):
    q = run(nlp, "Mrs. Ann Lee met the mayor on Monday and said the plan was sound.",
            "Kremlin spokesman Oleg Kay arrived later and said nothing.",
            '"We will build the bridge next year," she said.')
    assert q[0].speaker == "Ann Lee"


def test_pronoun_resolves_to_unnamed_descriptor(nlp):
    q = run(
        nlp,
        "A Hong Kong trader estimated stocks at more than three mln tonnes at end-January.",
        '"Now they are falling but have not reached the critical level," he said.',
    )
    assert q[0].speaker == "A Hong Kong trader"


def test_the_official_resolves_to_named_person(nlp):
    q = run(
        nlp,
        "Treasury Secretary James Baker met Latin American finance ministers on Monday.",
        "The Treasury Secretary warned that if the issue is left unresolved \"we can't look "
        'towards a greater replenishment here."',
    )
    assert q[0].speaker == "James Baker"


def test_organisation_speaks_for_its_statement(nlp):
    q = run(nlp, '"The decision reflects market conditions," the ministry said in a statement.')
    assert q[0].speaker == "the ministry"


def test_ner_label_is_not_trusted_for_names(nlp):
    # en_core_web_sm tags the lone surname as ORG; it is still a person with a fuller name
    q = run(
        nlp,
        "Alexander Grushko arrived in Brussels on Tuesday.",
        '"We will push for a concrete response to the draft agreement," Grushko said.',
    )
    assert q[0].speaker == "Alexander Grushko"


def test_fullest_name_is_the_usual_full_form(nlp):
    q = run(nlp, "Hillary Clinton spoke in Ohio. Hillary Clinton then flew home.",
            "A tweet mocked Crooked Hillary Clinton again.",
            '"We will win this state in November," Clinton said.')
    assert q[0].speaker == "Hillary Clinton"


# -- partial, non-quotes -------------------------------------------------------------------------


def test_fragment_in_reported_speech_is_partial(nlp):
    q = run(nlp, "Moscow said Russia-NATO relations are approaching a “moment of truth” before the talks.")
    assert len(q) == 1 and q[0].partial and q[0].text == "moment of truth"


def test_titles_names_and_scare_quotes_are_not_quotes(nlp):
    q = run(
        nlp,
        "China objected to the name “Taipei, China” at the meeting.",
        "The United States keeps a “non-market economy” status for the country.",
        'Several Senators endorsed a secondary market, called "aggie mae", for farm loans.',
        'He appeared on "Saturday Night Live" last year.',
        "Miller, one of the original “big four” negotiators, said the talks were hard.",
        "A “phase one” trade deal would let leaders of both countries claim an easy victory.",
        "Clinton said the remarks were “disgusting” and left.",
        "She wrote about it in her memoir, “Tough Choices.” The book sold well.",
    )
    assert q == []


def test_a_label_a_name_or_nationality_owns_is_a_scare_quote(nlp):
    q = run(
        nlp,
        "In reply the capital armed Kurdish “border guard units”, which are accused of raids on villages.",
        "General Ortiz, accused of jailing thousands without trial during Veloria’s “quiet war” of the 1980s, "
        "died on Monday.",
    )
    assert q == []


def test_a_label_in_someones_reported_words_stays_their_partial_quote(nlp):
    q = run(nlp, "The spokesman Ivan Petrov said Russia’s “red lines” were clear to everyone.")
    assert [(x.text, x.speaker, x.partial) for x in q] == [("red lines", "Ivan Petrov", True)]


def test_stray_and_unbalanced_marks_keep_other_quotes(nlp):
    q = run(
        nlp,
        'The 12" pipe and the "loose mark were found at the site.',
        '"Oil prices will rise again this year," the analyst Mark Hill said.',
        "“" * 50 + " and then »» more « marks.",
        '"We expect a deal by the spring," he added.',
    )
    assert texts(q) == ["Oil prices will rise again this year,", "We expect a deal by the spring,"]
    assert {x.speaker for x in q} == {"Mark Hill"}


def test_offsets_point_into_the_text(nlp):
    doc = nlp('Intro line.\n\n"First statement here," she said. "Second one," she added.')
    for q in extract_quotes(doc):
        assert doc.text[q.start : q.end] == q.text


def test_key_prefers_named_full_statements(nlp):
    q = run(
        nlp,
        "Moscow said relations are approaching a “moment of truth” before the talks.",
        "“We will push for a concrete, substantive, article-by-article response to the draft,” "
        "Deputy Foreign Minister Alexander Grushko said.",
        "“Thank you,” a spokesman said.",
    )
    keyed = [x for x in q if x.key]
    assert keyed and keyed[0].speaker == "Alexander Grushko"
    assert not by_text(q, "moment of truth").key
    assert by_text(q, "concrete").key_score > by_text(q, "Thank you").key_score


# -- the seed article -----------------------------------------------------------------------------


def _seed_body() -> str:
    raw = (FIXTURES / "seed-1.md").read_text(encoding="utf-8")
    body = raw.split("---", 2)[2]
    paras = [p.strip() for p in re.split(r"\n\s*\n", body)]
    return "\n\n".join(p for p in paras if p and p != "[embedded content]")


def test_seed_article(nlp):
    quotes = extract_quotes(nlp(_seed_body()))
    full = [q for q in quotes if not q.partial]
    partial = [q for q in quotes if q.partial]
    assert len(full) == 6
    assert [q.speaker for q in full] == ["Alexander Grushko"] * 3 + ["Dmitry Peskov"] + [
        "Linda-Thomas Greenfield"
    ] * 2
    assert sorted(q.text for q in partial) == ["moment of truth", "wanted"]
    # "Moscow" stands for the government while the article names the official: no place as speaker
    assert by_text(quotes, "moment of truth").speaker in ("Alexander Grushko", None)
    assert by_text(quotes, "wanted").speaker == "Linda-Thomas Greenfield"
    assert by_text(quotes, "exaggeration").role == "Deputy Foreign Minister"
    assert by_text(quotes, "dragging out").role == "Kremlin spokesman"
    assert by_text(quotes, "everything we’ve seen").role == "US ambassador to the United Nations"
    assert any(q.key for q in full)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


# -- robustness --------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("ab cD.,:;!?-—\n\"“”„«»‘’'") + ["\n\n", " said ", "He ", "😀", "שלום", "Mr. Lee"]
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_never_raises_and_offsets_hold(nlp, text):
    doc = nlp(text)
    for q in extract_quotes(doc):
        assert 0 <= q.start <= q.end <= len(doc.text)
        assert doc.text[q.start : q.end] == q.text


def _raw_doc(nlp, words: list[str]):
    """A Doc built without the tokenizer (which is itself slow on thousands of marks)."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, spaces=[False] * len(words))


def test_pathological_inputs(nlp):
    cases = [["“"] * 10000, ['"'] * 5001, ["«"] + ["word "] * 3000 + ["»"], ["‘"] * 3000 + ["x’"], ["‘"]]
    for words in cases:
        doc = _raw_doc(nlp, words)
        for q in extract_quotes(doc):
            assert doc.text[q.start : q.end] == q.text
    doc = nlp("“" * 300 + ' then "a fine quote here," he said.')
    assert [q.text for q in extract_quotes(doc)] == ["a fine quote here,"]
