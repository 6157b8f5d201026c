"""The facts behind a quote's speaker, for judging how far a name can be trusted.

Every attributed quote carries a few generic facts about its evidence (``Evidence``): how
the speaker was found, how far back the name stands, how many other people are named
around the quote, whether the quote's paragraph is quotation only or looks like a caption
or teaser rather than body text, whether the name stands inside the quoted words.
``quotes.quote_evidence`` gives them; ``bench/abstention.py`` tabulates them over the
studied sets and tests, one set left out at a time, whether a model over ``features``
would leave out wrong names without losing more right ones. (It did not: see
bench/ANNOTATING.md, so extraction applies none.)
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.models import Attribution

FAR = 3  # paragraphs back at which a name counts as far away (and the most counted)


@dataclass(frozen=True)
class Evidence:
    """What stands behind one quote's speaker."""

    how: Attribution
    paragraphs_back: int | None  # paragraphs from the nearest mention of the speaker's name; None: never named
    sentences_back: int | None  # sentences from that mention (0: the quote's own sentence)
    rivals: int  # other people named, outside quotes, in the quote's paragraph and the one before
    near_rivals: int  # other people named, outside quotes, in the quote's sentence and the one before
    mentions: int  # how often the article names the speaker outside quotes
    quote_only: bool  # the quote's paragraph is nothing but quotation
    named_in_quote: bool  # the speaker's name stands inside the quoted words
    short_paragraph: bool  # a paragraph of under 12 words with no sentence end: a caption, teaser or heading
    one_word: bool  # the speaker is a single word ("Lee", "Reuters")
    person: bool  # the article shows the speaker to be a person


def features(e: Evidence) -> dict[str, float]:
    """Numeric inputs for a model of a wrong name, by name (missing names are 0)."""
    out = {f"how:{e.how.value}": 1.0}
    if e.paragraphs_back is None:
        out["unnamed"] = 1.0
    else:
        out["paragraphs_back"] = float(min(e.paragraphs_back, FAR))
        out["sentences_back"] = float(min(e.sentences_back or 0, 2 * FAR))
    out["rivals"] = float(min(e.rivals, FAR))
    out["near_rivals"] = float(min(e.near_rivals, FAR))
    out["named_once"] = float(e.mentions <= 1)
    out["quote_only"] = float(e.quote_only)
    out["named_in_quote"] = float(e.named_in_quote)
    out["short_paragraph"] = float(e.short_paragraph)
    out["one_word"] = float(e.one_word)
    out["person"] = float(e.person)
    return out
