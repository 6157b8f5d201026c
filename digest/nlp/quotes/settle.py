"""Settle: the speaker shown, titles moved into the role (``naming.split_name``), or no
speaker where the words found name nobody or, in a story about a threat, where only
indirect evidence names the speaker."""

from __future__ import annotations

import bisect
import re

from digest.models import Attribution
from digest.nlp import naming
from digest.nlp.naming import split_name
from digest.nlp.quote_spans import Span
from digest.nlp.quotes.candidate import Candidate
from digest.nlp.quotes.lexicon import GROUPS, NOT_SPEAKERS, is_stage_direction
from digest.nlp.speakers import PERSON_NOUNS


class Settle:
    """The last word on each kept quote's speaker."""

    def settle(self, cand: Candidate) -> None:
        """The speaker shown: titles moved into the role, or no speaker at all where the words
        found are no speaker (a determiner, a place, a product) or, found only through a pronoun,
        a description, a lead-in or a continuation, are the target of the quote."""
        speaker = (cand.speaker or "").strip()
        named_here = cand.how in (Attribution.SPEECH_VERB, Attribution.ACCORDING_TO)
        quoted = self.text[cand.span.start:cand.span.end]
        if speaker and addressed_in(speaker, quoted):
            cand.speaker, cand.how = None, None  # "Hey Siri", "Ann, listen": who is spoken to never spoke
            return
        if not speaker or not self.could_be_speaker(speaker) or (not named_here and (
                self.is_target(speaker, cand.span, cand.quote_only) or self.in_threat_story(cand.span))):
            cand.speaker, cand.how = None, None
            return
        if capitalised_plural(speaker) and self.names.resolve(speaker) == speaker:
            if not cand.attributed:  # "Pollsters agree" or "Aides say" some lines above: no one in particular
                cand.speaker, cand.how = None, None
                return
            cand.how = Attribution.UNNAMED  # "“…,” Aides said": a description, never a name
        name, position = split_name(speaker)
        if position:
            speaker, cand.role = name, cand.role or position
        if cand.how in (Attribution.SPEECH_VERB, Attribution.ACCORDING_TO, Attribution.LEAD_IN) \
                and self.names.is_org(speaker):
            cand.how = Attribution.ORGANISATION
        cand.speaker = speaker

    def could_be_speaker(self, speaker: str) -> bool:
        """A person or organisation, named or described; not "Another", "old", "Brussels"."""
        words = speaker.split()
        low = speaker.lower()
        if low in NOT_SPEAKERS or is_stage_direction(speaker):
            return False
        if naming.is_office(speaker) and not self.names.is_person(speaker):
            return False  # "PUC President", "Director": an office, no one named ("Mr. King" is someone)
        if words[0].lower() in ("another", "other", "others"):  # "another diplomat", never "Another" alone
            return len(words) > 1 and (naming.describes_person(" ".join(words[1:])) or words[-1].lower() in GROUPS)
        if not any(len(w.strip(".")) > 1 for w in words):
            return False  # "X." heading a section, a lone initial
        if len(words) == 1 and speaker[:1].islower():
            noun = low[:-1] if low.endswith("s") else low
            return low in PERSON_NOUNS or noun in PERSON_NOUNS or noun in GROUPS
        return not self.names.is_non_speaker(speaker)

    def is_target(self, speaker: str, span: Span, quote_only: bool) -> bool:
        """``speaker`` is threatened, insulted or accused in the quote's paragraph (or the one
        before, for a paragraph of quotation only): the words are said to or about her."""
        lo = self.paras[max(0, span.paragraph - (1 if quote_only else 0))][0]
        hi = self.paras[span.paragraph][1]
        return any(lo <= char < hi for char in self.targets.get(speaker, ()))

    def in_threat_story(self, span: Span) -> bool:
        """Someone is threatened or harassed in the quote's paragraph or the one before: who said
        the words is then only trusted when the sentence itself names them."""
        lo = self.paras[max(0, span.paragraph - 1)][0]
        hi = self.paras[span.paragraph][1]
        k = bisect.bisect_left(self.threat_chars, lo)
        return k < len(self.threat_chars) and self.threat_chars[k] < hi


_GREETINGS = r"(?:hey|hi|hello|ok|okay|dear|thanks|thank\s+you|goodbye|bye)"


def addressed_in(speaker: str, quoted: str) -> bool:
    """``speaker`` (or its last word) is spoken to in the quotation: greeted ("Hey Siri", "Thank
    you, Ann Lee") or called at its start ("Alexa, play music"): the words are said to them."""
    for name in dict.fromkeys((speaker, speaker.split()[-1])):
        n = re.escape(name)
        if re.search(rf"(?i)\b{_GREETINGS}\s*,?\s+{n}\b", quoted) or re.match(rf"\W*{n}\s*[,!]", quoted):
            return True
    return False


def singular(word: str) -> str:
    """"aides" → "aide", "parties" → "party", "witnesses" → "witness" (lower case)."""
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes")):
        return low[:-2]
    return low[:-1] if low.endswith("s") else low


def capitalised_plural(speaker: str) -> bool:
    """One word, capitalised only because it opens a sentence or a heading, naming people by
    what they are: "Aides", "Pollsters", "Analysts", "Residents"; no one's name."""
    words = speaker.split()
    if len(words) != 1 or not speaker[:1].isupper() or speaker.isupper():
        return False
    low = speaker.lower()
    if not low.endswith("s") or low.endswith(("ss", "us", "is")):
        return False
    noun = singular(speaker)
    return noun in PERSON_NOUNS or noun in GROUPS or naming.describes_person(noun)
