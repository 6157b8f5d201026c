"""Scoring: rank the quotes of an article and mark the best attributed full quotes as key."""

from __future__ import annotations

from dataclasses import replace

from digest.models import Quote
from digest.nlp.quotes.lexicon import MAX_KEY, PLEASANTRIES, WORD_RE
from digest.nlp.speakers import Names


def mark_key(quotes: list[Quote], names: Names) -> list[Quote]:
    """Score every quote and set ``key`` on the best of the article."""
    if not quotes:
        return quotes
    n = len(quotes)
    scored = []
    for i, q in enumerate(quotes):
        words = len(WORD_RE.findall(q.text))
        score = 0.0 if q.partial else 2.0
        if q.speaker:
            score += 1.5 if names.is_person(q.speaker) or any(is_name_word(w) for w in q.speaker.split()) else 0.8
        score += min(words, 40) / 40.0
        if words < 5:
            score -= 0.8
        if PLEASANTRIES.search(q.text):
            score -= 1.5
        score += 0.5 * (1.0 - i / n)
        scored.append(replace(q, key_score=round(score, 3)))
    ranked = sorted(range(n), key=lambda k: -scored[k].key_score)
    chosen = [k for k in ranked if not scored[k].partial and scored[k].speaker][:MAX_KEY]
    return [replace(q, key=True) if k in chosen else q for k, q in enumerate(scored)]


def is_name_word(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in ("the", "a", "an")
