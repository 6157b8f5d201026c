"""Calibrated abstention: leave a quote's speaker out when the evidence behind it is weak.

Every attributed quote carries a few generic facts about its evidence (``Evidence``): how
the speaker was found, how far back the name stands, how many other people are named
around the quote, whether the quote's paragraph is quotation only or looks like a caption
or teaser rather than body text. A small logistic model over these facts gives the chance
that the name shown is wrong; above the threshold the speaker is left out. The
coefficients and the threshold are data (``abstention.json`` next to this module), fitted
and chosen by ``bench/abstention.py`` with one study set left out at a time.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

from digest.models import Attribution

MODEL_FILE = "abstention.json"
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
    """The model's inputs for ``e``, by name (missing names are 0)."""
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


@dataclass(frozen=True)
class Model:
    """Logistic model of a wrong name: weights by feature name, a bias, and the threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def wrong_chance(self, e: Evidence) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features(e).items())
        return 1.0 / (1.0 + math.exp(-z))

    def abstains(self, e: Evidence) -> bool:
        return self.wrong_chance(e) > self.threshold


@functools.cache
def model() -> Model | None:
    """The shipped model, or None when the package holds none (no abstention beyond the rules)."""
    path = resources.files("digest.nlp").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(weights=data["weights"], bias=data["bias"], threshold=data["threshold"])


def abstains(e: Evidence) -> bool:
    """Whether the speaker behind ``e`` is better left out."""
    m = model()
    return m is not None and m.abstains(e)
