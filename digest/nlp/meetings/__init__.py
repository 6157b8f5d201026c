"""Meetings an article mentions, as pure functions over a spaCy ``Doc``.

The engine runs in five steps, one module each:

1. ``candidates``: meeting nouns and verbs of each sentence, minus uses that name something else.
2. ``facts`` and ``when``: times, places and participants attached to each trigger; dates resolved
   with the tense of the trigger's clause (``digest.nlp.tense``).
3. ``decision``: is it one specific meeting (not habitual, hypothetical, negated, generic, a
   proposal), and its status (upcoming, ongoing, past, cancelled, postponed).
4. ``title``: the body or parties and the kind.
5. ``merge``: mentions of one meeting merged into one ``Meeting``.

``mention`` ties steps 1–4 together for one sentence. Errors are not caught here: the
extraction stage (``digest.extract.extract_batch``) reports them, one line per article.
"""

from __future__ import annotations

from datetime import date, datetime

from digest.models import Meeting
from digest.nlp.meetings.mention import Mention, sentence_mentions
from digest.nlp.meetings.merge import echo_places, merge, series_places, to_meeting
from digest.nlp.meetings.syntax import PLACE_LABELS

MAX_SENT_TOKENS = 300  # longer "sentences" are lists or debris, not prose

__all__ = ["extract_meetings"]


def extract_meetings(doc, published: date) -> list[Meeting]:
    """Every distinct meeting in ``doc`` with status, dates, place and participants, in text order."""
    if isinstance(published, datetime):
        published = published.date()
    mentions: list[Mention] = []
    ents = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    # one-word place names found anywhere in the article ("Venice" in "the Venice Economic Summit")
    doc_places = frozenset(e.text for e in ents if len(e) == 1)
    k = 0
    for sent in doc.sents:
        sent_places = []
        while k < len(ents) and ents[k].start < sent.end:
            if ents[k].start >= sent.start:
                sent_places.append(ents[k])
            k += 1
        if len(sent) <= MAX_SENT_TOKENS and sent.text.strip():
            mentions.extend(sentence_mentions(doc, sent, published, doc_places, sent_places))
    echoes = [m for m in mentions if m.echo]
    groups = merge([m for m in mentions if not m.echo])
    series_places(groups)
    echo_places(groups, echoes)
    meetings = [to_meeting(g) for g in groups]
    return sorted(meetings, key=lambda m: m.start_char)
