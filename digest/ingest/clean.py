"""Text cleaning shared by all readers: whitespace, invisible characters, scraper debris, hard wraps.

Debris removal is deliberately conservative: a line (paragraph) is dropped only when the *whole*
line matches one of the patterns in :data:`DEBRIS_PATTERNS` (case-insensitive), and the
open-ended patterns only apply to short lines. Quote marks and other typography are never changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Whole-line patterns (matched case-insensitively against the stripped, whitespace-collapsed line).
# (pattern, maximum line length it may apply to)
DEBRIS_PATTERNS: tuple[tuple[str, int], ...] = (
    (r"\[\s*(?:embedded content|embed|video|image|photo|advertisement|ad)\s*\]", 40),
    (r"advertisement|advertising|ad|sponsored(?: content)?|paid content", 30),
    (r"story continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue.*", 60),
    (r"(?:leave|post|add|write) a (?:comment|reply)\.?", 40),
    (r"(?:view|show|load|hide|read|see) (?:all )?(?:\d+ )?comments?", 40),
    (r"comments?(?: \(\d+\))?|\d+ comments?", 20),
    (r"share(?: this| this article| this story| the story| article)?\s*[:.]?", 40),
    (r"share (?:on|via|to) (?:facebook|twitter|x|linkedin|email|whatsapp|reddit|pinterest)", 40),
    (r"(?:facebook|twitter|linkedin|email|whatsapp|reddit|pinterest|print|tweet|copy link)", 20),
    (r"subscribe\b.*", 100),
    (r"sign up (?:for|to) (?:our|the) .*newsletters?.*|(?:get|join) our (?:free )?newsletters?.*", 150),
    (r"click here\b.*", 100),
    (r"(?:read more|read next|also read|see also|related)\s*(?:[:>»].*)?", 120),
    (r"(?:recommended(?: for you)?|more from [\w .]+)\s*(?:[:>»].*)?", 120),
    (
        r"follow (?:us|me|@\w+|[\w .]{1,30}) on (?:twitter|x|facebook|instagram|linkedin|threads|tiktok|"
        r"youtube|bluesky|mastodon|social media).*",
        120,
    ),
    (
        r".*\b(?:we use cookies|(?:this|our) (?:web)?site uses cookies|accept (?:all )?cookies|"
        r"cookie (?:policy|settings|preferences|notice)|use of cookies)\b.*",
        300,
    ),
    (r"skip to (?:main )?content|back to top|loading\.*", 40),
    (r"please enable javascript.*|javascript is (?:disabled|required).*", 120),
    (r"(?:©|\(c\)|copyright ©?)\s*\d{4}.*", 150),
    (r"(?:photo|image|picture|video)s?(?: credit)?\s*:.*", 100),  # "Photo: Reuters/Jane Doe"
    (r"\([^()]{0,40}\b(?:photo|photograph|image)\b[^()]{0,80}\)", 120),  # "(AP Photo/Evan Vucci)"
)

_DEBRIS = tuple((re.compile(p, re.IGNORECASE), n) for p, n in DEBRIS_PATTERNS)

# Removed outright: zero-width space, word joiner, soft hyphen, BOM, control characters, lone
# surrogates (JSON \ud800 escapes), which cannot be written as UTF-8, and the noncharacters U+FFFE
# and U+FFFF, which XML (the feeds) cannot hold.
_INVISIBLE = re.compile("[\u200b\u2060\u00ad\ufeff\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Bidirectional embedding/override/isolate controls: removed from titles and other one-line fields,
# where an unclosed one reverses the text around the title on every page that lists it.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")


def clean_line(text: str) -> str:
    """Remove invisible characters, normalise to NFC and collapse all whitespace (incl. newlines)
    to single spaces. Every text field of an article goes through here, so ids are stable."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", _INVISIBLE.sub("", text))).strip()


_WORDLESS = re.compile(r"[^\w]*")


def is_debris(line: str) -> bool:
    line = clean_line(line)
    if not line:
        return False
    if _WORDLESS.fullmatch(line):  # separators and stray bullets: "* * *", "-", "•", "|"
        return True
    return any(len(line) <= limit and rx.fullmatch(line) for rx, limit in _DEBRIS)


def clean_paragraphs(paragraphs: Iterable[str]) -> list[str]:
    """Collapse whitespace in each paragraph and drop empty and debris paragraphs.

    Idempotent: ``clean_paragraphs(clean_paragraphs(x)) == clean_paragraphs(x)``.
    """
    out = []
    for para in paragraphs:
        para = clean_line(para)
        if para and not is_debris(para):
            out.append(para)
    return out


def clean_title(title: str | None) -> str:
    return clean_line(_BIDI_CONTROLS.sub("", title or ""))


# ---------------------------------------------------------------------------------------------
# Plain text: paragraphs from blank-line separated blocks, re-joining hard-wrapped lines.

_BLANK = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_LIST_ITEM = re.compile(r"(?:[-*•·–—]|\d{1,3}[.)])\s+\S")
_MIN_WRAP = 40  # narrower blocks (bylines, addresses) are never re-joined
_MAX_WRAP = 120  # wider lines are not hard-wrapped: one line = one paragraph
_TOLERANCE = 2


def split_plain(text: str) -> list[str]:
    """Split plain text into paragraphs (not yet cleaned).

    Paragraphs are separated by blank lines. Inside a block, hard-wrapped lines (wrapped at a
    similar width: the first word of the next line would not have fitted on the line) are
    re-joined; a line that ends early, a line indented more than the block (Reuters-style
    paragraph starts), a list item and a debris line each start a new paragraph.
    """
    paragraphs: list[str] = []
    for block in _BLANK.split(text):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        paragraphs.extend(_split_block(lines))
    return paragraphs


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _wrap_width(lengths: list[int]) -> int:
    """The width a block was wrapped at: its longest line, ignoring a few much longer outliers
    (an unbreakable URL sticks out past the wrap width)."""
    ordered = sorted(lengths, reverse=True)
    while len(ordered) > 2 and ordered[0] > 1.2 * ordered[1]:
        ordered.pop(0)
    return ordered[0]


def _split_block(lines: list[str]) -> list[str]:
    if not lines:
        return []
    if len(lines) == 1:
        return [lines[0].strip()]
    width = _wrap_width([len(line) for line in lines])
    wrapped = _MIN_WRAP <= width <= _MAX_WRAP
    base = min(_indent(line) for line in lines)
    out: list[str] = []
    current = lines[0].strip()
    for prev, line in zip(lines, lines[1:], strict=False):
        stripped = line.strip()
        new = (
            not wrapped
            or _indent(line) > base
            or _LIST_ITEM.match(stripped) is not None
            or is_debris(stripped)
            or is_debris(prev)
            or len(prev) + 1 + len(stripped.split()[0]) < width - _TOLERANCE
        )
        if new:
            out.append(current)
            current = stripped
        elif current.endswith("-") and len(current) > 1 and current[-2].isalpha() and stripped[0].islower():
            current += stripped  # a word hyphenated across the wrap: "well-" + "known"
        else:
            current += " " + stripped
    out.append(current)
    return out
