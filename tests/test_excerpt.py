"""Excerpts: a paragraph keeps only the sentences that hold a full quotation."""

from __future__ import annotations

from digest.models import Quote
from digest.render.excerpt import article_paragraphs, excerpt_paragraph
from digest.render.site import Segment


def quote(text: str, partial: bool = False) -> Quote:
    return Quote(text, "Someone", partial=partial)


def test_the_quoted_sentence_stays_with_its_attribution_and_the_rest_goes():
    said = "“Heads needed to roll,” Geoffrey Berman, the U.S. attorney, said on Tuesday."
    paragraph = [Segment("The hearing ran long. "),
                 Segment("“Heads needed to roll,”", quote("Heads needed to roll"), 1),
                 Segment(" Geoffrey Berman, the U.S. attorney, said on Tuesday. Markets did not move.")]
    kept = excerpt_paragraph(paragraph)
    assert "".join(seg.text for seg in kept) == said
    assert [seg.number for seg in kept if seg.quote] == [1]


def test_a_partial_quote_does_not_bring_its_sentence():
    paragraph = [Segment("Prosecutors said the guards "), Segment("browsed the Internet", quote("x", partial=True), 1),
                 Segment(" while on duty.")]
    assert excerpt_paragraph(paragraph) == []


def test_the_lead_is_always_shown_and_full_text_shows_everything():
    lead = [Segment("The lead paragraph.")]
    other = [Segment("A paragraph without quotes.")]
    assert article_paragraphs([lead, other], full_text=False) == [lead]
    assert article_paragraphs([lead, other], full_text=True) == [lead, other]
