"""Small builders for tests that need articles and extractions without reading files."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from enum import Enum

from digest.models import Article


def article(title: str, paragraphs: list[str], published: str = "2022-01-11T09:00:00+00:00",
            source: str | None = "Wire", slug: str | None = None) -> Article:
    text = "\n\n".join(paragraphs)
    when = datetime.fromisoformat(published)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return Article(
        id=hashlib.sha256(f"{title}\n\n{text}".encode()).hexdigest(),
        title=title, published=when, text=text, paragraphs=tuple(paragraphs), source=source,
        origin=f"{title}.md", slug=slug or title.lower().replace(" ", "-"),
    )


def changed(value):
    """A different value of the same kind, for every field type the models use."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, Enum):
        return next(member for member in type(value) if member is not value)
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if value is None:
        return "x"
    if isinstance(value, tuple):
        return (*value, "x")
    if isinstance(value, datetime):
        return value + timedelta(minutes=1)
    raise AssertionError(type(value))
