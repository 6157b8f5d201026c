"""Meetings an article mentions, as pure functions over a spaCy ``Doc``."""

from __future__ import annotations

from datetime import date

from digest.models import Meeting


def extract_meetings(doc, published: date) -> list[Meeting]:
    """Every distinct meeting in ``doc`` with status, dates, place and participants."""
    return []
