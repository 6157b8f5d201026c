"""Small builders for tests that need articles and extractions without reading files."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from pathlib import Path

from digest.models import Article, Meeting, MeetingStatus
from digest.nlp.meetings import extract_meetings


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


# ---- meetings on made-up sentences (tests/test_meeting_classes.py, tests/test_meeting_times.py) ----

THU = date(2024, 3, 7)  # the articles' day: a Thursday


def upcoming(nlp, text: str, published: date = THU) -> list[Meeting]:
    """The upcoming meetings ``nlp`` finds in ``text`` published on ``published``."""
    return [m for m in extract_meetings(nlp(text), published) if m.status is MeetingStatus.UPCOMING]


def only(nlp, text: str, published: date = THU) -> Meeting:
    """The one meeting of ``text`` (fails, listing them, when there are none or several)."""
    found = extract_meetings(nlp(text), published)
    assert len(found) == 1, [(m.title, m.status, m.start) for m in found]
    return found[0]


SITE_FIXTURES = Path(__file__).parent / "fixtures" / "site"


def seed_project(root: Path, search: bool = False) -> Path:
    """A site folder holding the seed article and the Geneva talks article."""
    (root / "content").mkdir(parents=True)
    for name in ("seed-1.md", "geneva-talks-2022-01-10.md"):
        shutil.copy(SITE_FIXTURES / name, root / "content" / name)
    (root / "digest.toml").write_text(
        f'title = "Test"\nbase_url = "https://example.org/"\nsearch = {str(search).lower()}\n')
    return root
