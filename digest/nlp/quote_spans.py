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
_LINE_BREAK_RE = re.compile(r"[ \t]*\n[ \t]*")
_ENDS_LINE = set('.!?:"”’»…)')
_OPENS_LINE = set('“"„«‘')
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
    """(start, end) of every paragraph: runs of text separated by blank lines.

    A single line break also separates paragraphs where it looks like one (the line ends a
    sentence or the next one opens a quote); other line breaks are wrapped lines.
    """
    out = []
    for m in _PARAGRAPH_RE.finditer(text):
        lo, hi = m.start(), m.end()
        for nl in _LINE_BREAK_RE.finditer(text, lo, hi):
            i = nl.start()
            before = text[lo:i].rstrip()
            after = text[nl.end():hi].lstrip()
            if before and after and (before[-1] in _ENDS_LINE or after[0] in _OPENS_LINE):
                out.append((lo, len(before) + lo))
                lo = hi - len(after)
        out.append((lo, hi))
    return out


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

    Curly marks say which way they face, so a quote inside a quote (“… “inner” …”) nests; a
    straight mark that can close does close. When an outer quote never closes, the quotes
    found inside it are kept and its opening mark is skipped — unless the paragraph is part of
    a quote that runs on into the next one, or the mark opens a sentence and the quote simply
    lacks its closing mark at the end of the paragraph.
    """
    spans: list[Span] = []
    stack: list[tuple[int, list[Span]]] = []  # open marks, outermost first, with closed inner quotes
    for m in _MARK_RE.finditer(text, lo, hi):
        i = m.start()
        if stack and _can_close(text, i, lo, hi) and _pairs(text[stack[-1][0]], text[i]):
            opened, _inner = stack.pop()
            if i > opened + 1:
                span = Span(opened + 1, i, opened, i, index)
                (stack[-1][1] if stack else spans).append(span)
        elif _can_open(text, i, lo, hi):
            same = stack and _style(text[stack[-1][0]]) == _style(text[i])
            if same and _after_sentence(text, i, lo) and _opens_sentence(text, stack[-1][0], lo):
                # “A sentence whose closing mark is missing. “Next quote…”: end the first one here
                opened, _inner = stack.pop()
                end = len(text[:i].rstrip())
                if end > opened + 1:
                    (stack[-1][1] if stack else spans).append(Span(opened + 1, end, opened, -1, index))
                stack.append((i, []))
            elif not stack or len(stack) < 3 and (not same or text[i] != '"'):
                stack.append((i, []))
            else:  # a second straight opener: the earlier one was unpaired, skip it
                _opened, inner = stack.pop()
                (stack[-1][1] if stack else spans).extend(inner)
                stack.append((i, []))
    if stack:
        opened, inner = stack[0]
        if continues or _opens_sentence(text, opened, lo):
            end = hi
            while end > opened + 1 and text[end - 1].isspace():
                end -= 1
            if end > opened + 1:
                spans.append(Span(opened + 1, end, opened, -1, index))
        else:
            for _opened, inner in stack:
                spans.extend(inner)
    return sorted(spans, key=lambda s: s.start)


def _after_sentence(text: str, i: int, lo: int) -> bool:
    """The mark at ``i`` follows the end of a sentence ("… done. “Next")."""
    before = text[max(lo, i - 3):i]
    return before[-1:].isspace() and before.rstrip()[-1:] in (".", "?", "!")


def _opens_sentence(text: str, i: int, lo: int) -> bool:
    """The mark at ``i`` starts the paragraph or a sentence and is followed by a capital."""
    nxt = text[i + 1:i + 3].lstrip()[:1]
    if not nxt.isupper():
        return False
    before = text[lo:i].rstrip()
    return not before or before[-1] in ".:?!"


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
        if prev in "'‘’" or nxt in "'‘’":
            continue  # ''…'' (two apostrophes for a double mark) is not a single quotation
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


_TWO_SINGLES = re.compile(r"‘‘|’’")


def _two_singles_as_double(text: str) -> str:
    """``text`` with two curly single marks written for a double one (‘‘…’’, “…’’) turned into
    a double mark and a space, so every offset stays where it was. (Straight '' and ``
    are left alone: typewriter-style sources use them for other things too.)"""
    if "‘‘" not in text and "’’" not in text:
        return text

    def double(m: re.Match) -> str:
        i, mark = m.start(), m.group()
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 2] if i + 2 < len(text) else " "
        if mark == "‘‘":
            return "“ " if not nxt.isspace() else mark
        return " ”" if not prev.isspace() else mark

    return _TWO_SINGLES.sub(double, text)


def find_spans(text: str) -> list[Span]:
    """Every quoted span of ``text`` in text order (marks excluded from the offsets)."""
    text = _two_singles_as_double(text)
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
