"""Page furniture: bylines, photo credits, captions' credits and names standing alone.

What a page prints around the story — "By Ann Lee", "Photo: Getty Images", "(Reuters/John
Smith)", a lone "Mark Ellison" line — names people who do not speak in it. None of them is
the antecedent of a later "he said" or "she said": the story names its speakers in its prose.
"""

from __future__ import annotations

import re
from enum import Enum

from spacy.tokens import Doc

# "Photo: …", "Photograph by …", "Image credit: …", "Credit | …", "Illustration: …"
CREDIT_LINE = re.compile(
    r"^\W*(?:photo(?:graph)?s?|images?|pictures?|pics?|credits?|illustrations?|graphics?|videos?)"
    r"(?:\s+(?:credit|source)s?)?\s*(?::|\||by\b)", re.IGNORECASE)
# a picture agency alone on its line: "Getty.", "AFP/Getty Images", "Shutterstock"
AGENCY_LINE = re.compile(r"^\W*(?:(?:AFP|AP|EPA|Reuters)\s*(?:/|via)\s*)?(?:Getty(?: Images)?|Shutterstock|Alamy|"
                         r"AP Photo|AFP Photo|EPA-EFE)\W*$")
# a credit inside a caption: "AP Photo/Evan Vucci", "Getty Images", "Photo: X" after the caption
CREDIT_MARK = re.compile(
    r"\b(?:Getty Images|AP Photo|AFP Photo|Reuters/|Shutterstock|EPA-EFE|Photo(?:graph)?:|Image:|Credit:|"
    r"Photo(?:graph)? by [A-Z]|Pictured:)")
# "(Reuters/John Smith)", "(AP Photo/Evan Vucci)", "(Photo by Ann Lee/Getty Images)"
CREDIT_BRACKET = re.compile(r"\((?:[^()\n]{0,40}\b(?:Photo|Image|Picture)s?\b[^()\n]{0,60}|"
                            r"[A-Z][\w.&'’ -]{1,40}/[A-Z][^()\n]{1,50})\)")
# "By Ann Lee", "Reporting by Ann Lee; Editing by Tom Roe", "Written by …"
BYLINE = re.compile(r"^\W*(?:(?:additional\s+)?(?:reporting|reported|written|edited|editing|compiled)\s+)?by\s+"
                    r"[A-Z]", re.IGNORECASE)
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MAX_LINE_WORDS = 25  # furniture is a short line; prose that opens "By Tuesday, …" runs longer


class Kind(Enum):
    """What a piece of furniture is."""

    BYLINE = "byline"
    CREDIT = "credit"
    LONE_NAME = "lone_name"
    CAPTION = "caption"


def kind_of_paragraph(doc: Doc, lo: int, hi: int, run_of: dict[int, tuple[int, int]]) -> Kind | None:
    """The kind of furniture the paragraph at characters ``lo``..``hi`` is, or None for prose."""
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words or len(words) > MAX_LINE_WORDS:
        return None
    text = doc.text[lo:hi]
    finite = any(t.tag_ in FINITE_TAGS for t in words)
    if CREDIT_LINE.match(text) or AGENCY_LINE.match(text) or (CREDIT_MARK.search(text) and not has_quote_mark(text)):
        return Kind.CREDIT
    if BYLINE.match(text) and not finite:
        return Kind.BYLINE
    run = run_of.get(words[0].i)
    if run is not None and all(run[0] <= t.i < run[1] for t in words):
        return Kind.LONE_NAME
    if not finite and not has_quote_mark(text) and not text.rstrip().endswith(":") \
            and any(t.i in run_of for t in words):
        return Kind.CAPTION  # "Fire chief Ann Lee at the scene on Tuesday.": no one does anything
    return None


def has_quote_mark(text: str) -> bool:
    return any(c in text for c in "\"“”«»")


def paragraph_kinds(doc: Doc, paras: list[tuple[int, int]], run_of: dict[int, tuple[int, int]]) -> dict[int, Kind]:
    """The kind of every paragraph that is furniture, by the paragraph's index."""
    kinds = {}
    for k, (lo, hi) in enumerate(paras):
        kind = kind_of_paragraph(doc, lo, hi, run_of)
        if kind is not None:
            kinds[k] = kind
    return kinds


def furniture_ranges(text: str, paras: list[tuple[int, int]], kinds: dict[int, Kind]) -> list[tuple[int, int]]:
    """Character ranges, in text order, of every paragraph of furniture (``kinds``) and of every
    bracketed photo credit inside another paragraph."""
    out = []
    for k, (lo, hi) in enumerate(paras):
        if k in kinds:
            out.append((lo, hi))
            continue
        out.extend((m.start(), m.end()) for m in CREDIT_BRACKET.finditer(text, lo, hi))
    return sorted(out)
