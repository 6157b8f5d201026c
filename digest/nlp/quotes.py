"""Direct quotations and their speakers, as pure functions over a spaCy ``Doc``."""

from __future__ import annotations

from digest.models import Quote


def extract_quotes(doc) -> list[Quote]:
    """Every direct quotation in ``doc`` with speaker, role, partial flag and key score."""
    return []
