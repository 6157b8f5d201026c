"""Embedded tweets: a saved web page prints a tweet as its text, then a signature line
"— Ann Lee (@annlee) November 19, 2019" (on its own line, or after "pic.twitter.com/…").

A quotation inside a tweet is the tweet's: its author's words, or words the tweet itself
credits to someone it names. The article's prose around it never speaks in it: a person named
just before the tweet, or a "he said" inside it resolved to the prose, is no speaker of it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from digest.models import Attribution
from digest.nlp.naming import name_words, same_person
from digest.nlp.quotes.candidate import Candidate

# "— Ann Lee (@annlee) November 19, 2019", at the end of a paragraph
SIGNATURE = re.compile(r"(?:^|\s)[—–-]{1,2}\s*(?P<name>[^()\n—–@]{0,80}?)\s*\(@\w{1,30}\)\s*"
                       r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})?\s*$", re.MULTILINE)
_LINK = re.compile(r"\S*(?:pic\.twitter\.com|t\.co/|https?:)\S*")
_NAMED_HERE = (Attribution.SPEECH_VERB, Attribution.ACCORDING_TO, Attribution.LEAD_IN)


class Tweet(NamedTuple):
    """A tweet's text (characters ``lo``..``hi``), its signature's start and its author."""

    lo: int
    hi: int
    signature: tuple[int, int]
    author: str | None


def find_tweets(text: str, paras: list[tuple[int, int]]) -> list[Tweet]:
    """Every tweet signed at the end of a paragraph: its text is what the paragraph holds
    before the signature, or, when that is only links, the paragraph (or paragraphs) before."""
    out = []
    for k, (lo, hi) in enumerate(paras):
        m = SIGNATURE.search(text, lo, hi)
        if m is None:
            continue
        sig = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        start = lo
        j = k
        while j > 0 and only_links(text[start:sig]):  # the text stands on the lines before
            j -= 1
            start = paras[j][0]
        if not only_links(text[start:sig]):
            out.append(Tweet(start, sig, (sig, hi), _author(m.group("name"))))
    return out


def only_links(text: str) -> bool:
    """Nothing but links ("pic.twitter.com/…", "https://t.co/…") or nothing at all."""
    return not _LINK.sub("", text).strip()


def _author(name: str) -> str | None:
    """The name signed, or None for one that is no name ("", "pic.twitter.com/…")."""
    name = name.strip(" ,.")
    if not name or "/" in name or not name[:1].isupper() or len(name.split()) > 8:
        return None
    return name


def named_in(speaker: str, text: str) -> bool:
    """``speaker``'s surname (or whole name) is written in ``text``."""
    words = name_words(speaker)
    if not words:
        return False
    return re.search(rf"\b{re.escape(words[-1])}\b", text, re.IGNORECASE) is not None


class Tweets:
    """Speakers of quotations inside embedded tweets."""

    text: str
    tweets: list[Tweet]

    def tweet_of(self, cand: Candidate) -> Tweet | None:
        """The tweet whose text holds the quotation, if any."""
        return next((t for t in self.tweets if t.lo <= cand.span.start < t.hi), None)

    def credit_tweet(self, cand: Candidate) -> None:
        """A quotation inside a tweet keeps a speaker the tweet names or its author; one that
        opens the tweet with no speech verb is the author's; any other speaker, found in the
        prose around it, is dropped."""
        tweet = self.tweet_of(cand)
        if tweet is None:
            return
        body = self.text[tweet.lo:tweet.hi]
        named = cand.how in _NAMED_HERE and named_in(cand.speaker or "", body)
        if cand.speaker and (named or (tweet.author is not None and same_person(cand.speaker, tweet.author))):
            return
        opens = not self.text[tweet.lo:cand.span.open_mark].strip()
        if tweet.author and opens and not cand.has_verb and "@" not in body:
            cand.speaker, cand.role, cand.how = tweet.author, None, Attribution.LEAD_IN
            return
        cand.speaker, cand.role, cand.how = None, None, None
