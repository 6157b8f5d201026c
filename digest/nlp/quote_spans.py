"""Find quoted spans in text: pair quotation marks of every style, character by character.

Pure string code, linear in the length of the text. Quotes never cross a paragraph
boundary (a blank line): a quote that runs over several paragraphs (the opening mark
repeated at each paragraph start, the closing mark only at the end) yields one span per
paragraph. An unpaired mark is skipped; the other quotes of the paragraph are kept.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_DOUBLE_MARKS = '"“”„«»'
_SINGLE_MARKS = "'‘’"
_MARK_RE = re.compile(r"[\"“”„«»]")
_SINGLE_RE = re.compile(r"['‘’]")
_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?![ \t\r\f\v]*\n)[^\n]*)*")
# Characters after which a straight quote opens rather than closes.
_OPEN_BEFORE = set(" \t\n\r([{—–-/\u00a0:;")
# Elisions written with a leading apostrophe: never the start of a quotation.
_ELISION_RE = re.compile(r"(?:em|n|til|cause|tis|twas|bout|round|nuff|ya|\d0s|\d\ds|\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    """A quoted span: ``start``/``end`` are offsets of the words inside the marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset of the closing mark, or -1 when the paragraph ends the span
    paragraph: int  # index of the paragraph
    single: bool = False  # delimited by single quotation marks


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: runs of text separated by blank lines."""
    return [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text)]


def _can_open(text: str, i: int, lo: int, hi: int) -> bool:
    mark = text[i]
    nxt = text[i + 1] if i + 1 < hi else " "
    if mark in "“„«":
        return i + 1 < hi and text[i + 1] != "\n"
    if nxt.isspace():
        return False
    prev = text[i - 1] if i > lo else " "
    if mark == "”":  # some writers open with ”; only when clearly at a word start
        return prev.isspace() and nxt.isalnum()
    if mark == "»":
        return False
    return prev in _OPEN_BEFORE or prev in "“‘" or i == lo


def _can_close(text: str, i: int, lo: int, hi: int) -> bool:
    mark = text[i]
    prev = text[i - 1] if i > lo else " "
    if mark in "„«":
        return False
    if mark in "”»":
        return True
    nxt = text[i + 1] if i + 1 < hi else " "
    if mark == "“":  # closes „…“, or a “ used as a closing mark after a word
        return not prev.isspace() and not nxt.isalnum()
    if prev.isspace():
        return not nxt.isalnum() and nxt not in "“‘\"'"
    return True


def _pairs(opener: str, closer: str) -> bool:
    if opener == "«":
        return closer == "»"
    if closer == "»":
        return False
    if opener == "„":
        return closer in "“”\""
    return True


def _style(mark: str) -> str:
    return "straight" if mark == '"' else "guillemet" if mark in "«»" else "curly"


def _double_spans(text: str, lo: int, hi: int, index: int, continues: bool) -> list[Span]:
    """Pair double marks inside one paragraph ``text[lo:hi]``.

    A quote inside a quote in another style ("… “inner” …") is nested and kept inside the
    outer span; a second opener of the same style means the first one was unpaired.
    """
    spans: list[Span] = []
    stack: list[int] = []  # offsets of open marks, outermost first
    for m in _MARK_RE.finditer(text, lo, hi):
        i = m.start()
        if stack and _can_close(text, i, lo, hi) and _pairs(text[stack[-1]], text[i]):
            opened = stack.pop()
            if not stack and i > opened + 1:
                spans.append(Span(opened + 1, i, opened, i, index))
        elif _can_open(text, i, lo, hi):
            if stack and _style(text[stack[-1]]) != _style(text[i]) and len(stack) < 3:
                stack.append(i)
            elif len(stack) > 1:
                stack[-1] = i
            else:
                stack = [i]  # a second opener: the earlier one was unpaired, skip it
    if stack and continues:
        opened = stack[0]
        end = hi
        while end > opened + 1 and text[end - 1].isspace():
            end -= 1
        if end > opened + 1:
            spans.append(Span(opened + 1, end, opened, -1, index))
    return spans


def _single_spans(text: str, lo: int, hi: int, index: int, taken: list[tuple[int, int]]) -> list[Span]:
    """Pair single marks (‘…’ and '…') that are really quotations, not apostrophes."""
    openers: list[int] = []
    strong: list[int] = []  # closers right after sentence punctuation or before it
    weak: list[int] = []  # other closers, e.g. a plural possessive (voters’)
    for m in _SINGLE_RE.finditer(text, lo, hi):
        i = m.start()
        mark = text[i]
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if mark != "’" and (prev.isspace() or prev in "([{—–-“\"" or i == lo) and (nxt.isalpha() or nxt in "“\""):
            if not _ELISION_RE.match(text, i + 1):
                openers.append(i)
            continue
        if mark != "‘" and not prev.isspace() and not nxt.isalnum():
            if prev in ".,!?;:…—" or nxt in ",.;:!?—)" or i + 1 >= hi or nxt in "”\"":
                strong.append(i)
            elif not (prev in "sS" and nxt == " " and i + 2 < hi and text[i + 2].isalpha()):
                weak.append(i)
    spans: list[Span] = []
    pos = lo
    for o in openers:
        if o < pos or _inside(taken, o):
            continue
        k = bisect.bisect_right(strong, o)
        close = strong[k] if k < len(strong) else -1
        k = bisect.bisect_right(weak, o)
        if k < len(weak) and (close < 0 or weak[k] < close):
            close = weak[k]
        if close < 0 or _inside(taken, close):
            continue
        # a later opener before the closer means this one was an apostrophe-like stray
        j = bisect.bisect_right(openers, o)
        if j < len(openers) and openers[j] < close and not _inside(taken, openers[j]):
            continue
        if close > o + 1:
            spans.append(Span(o + 1, close, o, close, index, single=True))
            pos = close + 1
    return spans


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    k = bisect.bisect_right(spans, (i, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= i <= spans[k][1]


def find_spans(text: str) -> list[Span]:
    """Every quoted span of ``text`` in text order (marks excluded from the offsets)."""
    paras = paragraphs(text)
    out: list[Span] = []
    for index, (lo, hi) in enumerate(paras):
        nxt = paras[index + 1][0] if index + 1 < len(paras) else -1
        continues = nxt >= 0 and text[nxt] in "\"“„«"
        doubles = _double_spans(text, lo, hi, index, continues)
        taken = [(s.open_mark, s.close_mark if s.close_mark >= 0 else s.end) for s in doubles]
        singles = _single_spans(text, lo, hi, index, taken)
        spans = sorted(doubles + singles, key=lambda s: s.start)
        for s in spans:
            start, end = s.start, s.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                out.append(Span(start, end, s.open_mark, s.close_mark, s.paragraph, s.single))
    return out
