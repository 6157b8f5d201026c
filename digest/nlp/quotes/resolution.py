"""Resolution: pronouns, anaphoric nouns ("the official", "the company") and documents
("said the letter") go back to the latest fitting event."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from digest.models import Attribution
from digest.nlp.naming import role_fits
from digest.nlp.quotes.candidate import NOBODY, Who
from digest.nlp.quotes.lexicon import FIRMS, GROUPS, PUBLIC_BODIES, SPOKES
from digest.nlp.speakers import PERSON_NOUNS, is_company_name

# Verbs whose agent wrote or issued a document ("a letter signed by Smith"); an agency that
# "quoted" or "carried" it only passed it on.
AUTHORING = frozenset({"sign", "write", "issue", "send", "release", "draft", "author", "pen", "submit", "file",
                       "deliver", "publish", "prepare", "circulate", "present"})


class Resolution:
    """Antecedents, spokespeople, organisations and the authors of documents."""

    def main_speech_before(self, char: int) -> int:
        """Index of the speech event nearest before ``char``, or of the main verb of its sentence
        ("Byrd said he was glad that Reagan had acknowledged his mistakes": Byrd, not Reagan)."""
        k = bisect.bisect_left(self.speech_chars, char) - 1
        j = k
        while j >= 0 and not self.speech_main[j] and j - 1 >= 0 and self.speech_sent[j - 1] == self.speech_sent[k]:
            j -= 1
        return j if j >= 0 and self.speech_main[j] and self.speech_sent[j] == self.speech_sent[k] else k

    def last_speaker(self, char: int, window: int) -> str | None:
        """The speaker of the nearest speech verb before ``char`` if it is a named person."""
        k = bisect.bisect_left(self.speech_chars, char) - 1
        if k >= 0 and char - self.speech_chars[k] <= window:
            name = self.speech_events[k].speaker
            if name and self.names.is_person(name):  # None: someone unnamed spoke ("One said …")
                return name
        return None

    def antecedent(self, char: int, person: bool | None, noun: str | None = None,
                   gender: str | None = None, plural: bool = False,
                   skip: tuple[int, int] | None = None, exclude: frozenset[str] = frozenset()) -> str | None:
        """The speaker or subject most recently before ``char`` (a person when ``person``).

        With ``noun`` ("minister"), only one whose role or description contains it. Within
        the sentence of the latest fit, the subject of the sentence's main verb wins over a
        subject inside a clause ("Figgins declined to say whether Thomas slept …; he said").
        ``plural`` ("they") passes over one named person; events at characters inside ``skip``
        and speakers in ``exclude`` are passed over (and the answer is None when the person
        named last is one of them).
        """
        k = bisect.bisect_left(self.event_chars, char)
        lo = max(0, k - 60)
        found = -1
        for j in range(k - 1, lo - 1, -1):
            if char - self.event_chars[j] > 4000:
                break
            if found >= 0 and self.event_sent[j] != self.event_sent[found]:
                break
            speaker, is_person, role = self.events[j]
            if person is not None and is_person != person:
                continue
            if (skip is not None and skip[0] <= self.event_chars[j] < skip[1]) or speaker in exclude:
                continue
            if plural and is_person and not plural_description(speaker):
                continue  # "they said" is never one person
            if self.names.is_hidden(self.event_chars[j]):
                continue  # a byline, a photo credit or a name alone on its line: nobody who spoke here
            if (not speaker or j in self.unnamed_events) \
                    and self.paragraph_of(char) - self.paragraph_of(self.event_chars[j]) > 1:
                continue  # someone unnamed stands for "he" in their paragraph and the next, not beyond
            if gender and self.names.gender.get(speaker, gender) != gender:
                continue  # "she said" never goes back to a "Mr." or a spokesman
            if gender and plural_description(speaker):
                continue  # "he said" is one person, never "officers"
            if noun:
                desc = " ".join((speaker, role or "", self.names.roles.get(speaker) or ""))
                if not role_fits(noun, desc):
                    continue
            if found < 0:
                found = j
                if self.event_main[j] or noun:
                    break
            elif self.event_main[j]:
                found = j
                break
        if found >= 0:
            return self.events[found][0]
        if person and not noun:
            last = self.names.recent_person(char, prefer_subject=False)
            return None if last in exclude else last
        if noun:
            return self.names.recent_person(char, noun=noun)
        return None

    def recent_organisation(self, char: int, noun: str) -> str | None:
        """The organisation named last before ``char`` as a subject, or by a name that holds
        ``noun`` ("the committee" → "Shadow Open Market Committee"), or the name the text gave
        that noun ("the newspaper La Repubblica" → "said the newspaper" is La Repubblica)."""
        for m in reversed(self.names.mentions):
            if m.char >= char:
                continue
            if char - m.char > 1500:
                break
            if m.start > 0 and self.doc[m.start - 1].lemma_.lower() == noun and self.quoted[m.start] < 0:
                return self.names.resolve(m.name)
        for m in reversed(self.names.mentions):
            if m.char >= char:
                continue
            if char - m.char > 1500:
                break
            name = self.names.resolve(m.name)
            if noun in PUBLIC_BODIES and is_company_name(name):
                continue  # "Acme Corp said …" then "the ministry said": not Acme
            if noun in FIRMS and self._public_body(m.name, name):
                continue  # "The SEC charged …" then "the firm said": not the commission
            if self.quoted[m.start] < 0 and self.names.is_org(name) and (
                    m.subject or noun in name.lower().split()):
                return name
        return None

    def _public_body(self, *names: str) -> bool:
        """A name (or the full name of an acronym, spelled out in the text) that begins or ends with
        a public body's noun: "Securities and Exchange Commission", "Ministry of Finance" is not a firm."""
        full = set(names)
        for name in names:
            if name.isalpha() and name.isupper() and 2 <= len(name) <= 6:
                full |= set(re.findall(_spelled_out(name), self.doc.text))
        return any(w and {w[0].lower(), w[-1].lower()} & PUBLIC_BODIES for w in map(str.split, full))

    def spokesperson(self, char: int) -> str | None:
        """A spokesperson who spoke in this or the previous paragraph ("the company said" after
        "spokeswoman Ann Lee said")."""
        k = bisect.bisect_left(self.speech_chars, char) - 1
        while k >= 0 and char - self.speech_chars[k] <= 600:
            who = self.speech_events[k]
            role = " ".join((who.role or "", self.names.roles.get(who.speaker or "") or "")).lower()
            if who.person and any(w in role for w in SPOKES):
                return who.speaker
            k -= 1
        return None

    def author(self, head: Token) -> Who:
        """The named writer of a document: "his letter", "Smith's letter", "a letter from Smith",
        or the named person who spoke or wrote just before."""
        who = self.stated_in(head)
        if who is not None:
            return who
        who = self.holder(head)
        if who is not None:
            return who
        # "In a letter …, the engineer told residents …, the company said" then "…," the letter
        # said: the writer is who spoke in that letter, not who reported it
        writer = self.writer_of_earlier(head)
        if writer is not None:
            return writer
        # "In a letter …, Kagame wrote that …" then "…," said the letter: its writer just spoke;
        # "The Bank said in a statement …" then "…," the statement added
        k = bisect.bisect_left(self.speech_chars, head.idx) - 1
        if k >= 0 and head.idx - self.speech_chars[k] <= 600 and self.speech_events[k].speaker:
            who = self.speech_events[k]
            return who if who.how is Attribution.UNNAMED else who._replace(how=Attribution.DESCRIPTOR)
        return NOBODY

    def stated_in(self, head: Token) -> Who | None:
        """Who states something in the document: "She reaffirmed her stand in a statement released
        by the committee that said: …" is hers; the committee only passed it on."""
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        subject = next((c for c in prep.head.children if c.dep_ == "nsubj"), None)
        if subject is None or self.quoted[subject.i] >= 0:
            return None
        who = self.mention(subject)
        return who if who.speaker else None

    def holder(self, head: Token) -> Who | None:
        """The writer the document's own noun phrase gives: "Smith's letter", "the Sophos report",
        "a letter from Smith", "a letter signed by Smith" (not "quoted by IRNA"), "a statement
        released by the ministry" (no name, but not the writer of an earlier document either)."""
        for c in head.children:
            holder = None
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.i in self.names.run_of):
                holder = c
            elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
                holder = next((o for o in c.children if o.dep_ == "pobj"), None)
            elif c.dep_ == "acl" and c.lemma_.lower() in AUTHORING:
                agent = next((o for o in c.children if o.dep_ == "agent"), None)
                holder = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent else None
            if holder is not None and self.quoted[holder.i] < 0:
                who = self.mention(holder)
                if who.speaker:
                    return who if who.how is Attribution.UNNAMED else who._replace(how=Attribution.DESCRIPTOR)
        return None

    def writer_of_earlier(self, head: Token) -> Who | None:
        """The speaker of the speech verb that governs the last earlier mention of the same
        document ("In a letter …, X told …"), within 600 characters."""
        lemma = head.lemma_.lower()
        for i in range(head.i - 1, -1, -1):
            t = self.doc[i]
            if head.idx - t.idx > 600:
                break
            if self.quoted[i] >= 0 or t.lemma_.lower() != lemma:
                continue
            named = self.holder(t)
            if named is not None:  # "The statement by the Iranian High Command …" then "the statement said"
                return named
            node = t
            for _ in range(8):
                if node.head.i == node.i:
                    return None
                node = node.head
                if self.is_speech_verb(node) and node.i < head.i:
                    who = self.speaker_of(node)
                    if not who.speaker:
                        return None
                    return who if who.how is Attribution.UNNAMED else who._replace(how=Attribution.DESCRIPTOR)
            return None
        return None


def plural_description(speaker: str) -> bool:
    """"officers", "the protesters": a description of several people, not a name."""
    words = speaker.split()
    if not words:
        return False
    last = words[-1].lower()
    # "Bank executives" opening a sentence is as much a description as "the protesters"
    described = speaker[:1].islower() or words[0].lower() in ("the", "a", "an", "some", "two", "three") \
        or last[:-1] in PERSON_NOUNS or last[:-1] in GROUPS
    return described and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _spelled_out(acronym: str) -> str:
    """A pattern for the name an acronym shortens: "SEC" → "Securities and Exchange Commission"."""
    glue = r"\s+(?:(?:and|of|for|the|&)\s+)*"
    return r"\b" + glue.join(letter + r"[a-z]+" for letter in acronym) + r"\b"
