"""What one quotation becomes while it is analysed (``Candidate``), and who a mention or
speech verb points to (``Who``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from digest.models import Attribution
from digest.nlp.quote_spans import Span


class Who(NamedTuple):
    """Who a mention or speech verb points to, and the evidence for it."""

    speaker: str | None
    role: str | None
    person: bool
    how: Attribution | None


NOBODY = Who(None, None, False, None)


@dataclass
class Candidate:
    """One quotation span and what the steps found about it, filled in as they run."""

    span: Span
    words: int
    statement: bool = False  # stands as its own sentence or clause (not a fragment)
    keep: bool = True
    speaker: str | None = None
    role: str | None = None
    how: Attribution | None = None
    attributed: bool = False  # speaker found in its own frame
    has_verb: bool = False
    quote_only: bool = False  # its paragraph is nothing but quotation
    speaks_for_itself: bool = False  # its own speech verb has a subject that names nobody
    mid_sentence: bool = False  # would stand as a sentence but starts in lower case: kept, as partial
