"""Descriptions: a noun phrase that names nobody itself ("the official", "the company",
"the letter") resolves to someone named before, an organisation, a document's writer, or
stays an unnamed description."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from digest.models import Attribution
from digest.nlp import naming
from digest.nlp.naming import split_name
from digest.nlp.quotes.candidate import NOBODY, Who
from digest.nlp.quotes.lexicon import DOCUMENTS, GROUPS, ORGANISATIONS, PARTY_MEMBERS
from digest.nlp.speakers import PERSON_NOUNS


class Descriptions:
    """Speakers behind descriptions and the words of the description."""

    def described(self, head: Token) -> Who:
        """Who a description names: a position with a name inside ("envoy to Ukraine Kurt
        Volker"), an officer or a person named before, an organisation, a document's writer, or
        the description itself, unnamed."""
        text = self.descriptor(head)
        if text:
            name, position = split_name(text)  # "envoy to Ukraine Kurt Volker" parsed with envoy as head
            if position:
                name = self.names.resolve(name)
                self.names.add_person(name)
                return Who(name, position, True, Attribution.SPEECH_VERB)
        if head.lower_ in ("one", "another") and text and self.one_of_people(head):
            return Who(text, None, True, Attribution.UNNAMED)  # "one of the diplomatic sources said"
        det = next((c for c in head.children if c.dep_ == "det"), None)
        lemma = head.lemma_.lower()
        definite = det is not None and det.lower_ in ("the", "this", "that")
        describes_person = lemma in PERSON_NOUNS or naming.describes_person(text) or (
            definite and head.lower_ in PARTY_MEMBERS and head.text[:1].isupper())
        # "the regional manager for an oil company": a description with its own qualifier brings
        # someone new, unless it repeats the role of someone named before
        qualified = any(c.dep_ in ("prep", "relcl", "acl") for c in head.children)
        owned = any(c.dep_ == "poss" and c.i not in self.names.run_of for c in head.children)
        if owned and describes_person:  # "the group's president", "its chairman": that officer, if named
            who = self.antecedent(head.idx, person=True, noun=lemma)
            if who and who in self.other_parties(head):
                return NOBODY
            return Who(who, None, True, Attribution.DESCRIPTOR) if who else Who(text, None, True, Attribution.UNNAMED)
        if definite and describes_person:
            who = self.definite_person(head, text, lemma, qualified)
            if who is not None and who.speaker and who.speaker in self.other_parties(head):
                return NOBODY  # "According to Lee, the chairman said": the chairman is not who reports him
            if who is not None:
                return who
        return self.speaking_body(head, text, lemma, definite, qualified, describes_person)

    def other_parties(self, head: Token) -> set[str]:
        """The named people a description that is the subject of a clause cannot be: those who
        report its words, the subject of a speech verb above it ("Smith said the minister told
        him") or the source of "according to" ("According to Lee, the chairman said"), and those
        it speaks to ("the senator told Harris")."""
        found = set()
        verb, node = head.head, head.head
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and c.i in self.names.run_of:
                found.add(self.name_at(c.i))
        for _ in range(8):
            for c in node.children:
                if c.lower_ == "according" and c.dep_ == "prep":
                    found.update(self.named_objects(c))
                elif node.i != verb.i and c.dep_ == "nsubj" and c.i in self.names.run_of and \
                        self.is_speech_verb(node):
                    found.add(self.name_at(c.i))
            if node.head.i == node.i:
                break
            node = node.head
        found.discard(None)
        return found

    def named_objects(self, according: Token) -> set[str | None]:
        """The names "according to" gives: "according to Lee", "according to Lee's lawyer" is no one."""
        to = next((c for c in according.children if c.lower_ == "to"), None)
        objs = [o for o in to.children if o.dep_ == "pobj"] if to is not None else []
        return {self.name_at(o.i) for o in objs if o.i in self.names.run_of}

    def one_of_people(self, head: Token) -> bool:
        """``head`` ("one") is followed by "of" and people: "one of the diplomatic sources"."""
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if group is None or group.i in self.names.run_of:
            return False
        lemma = group.lemma_.lower()
        return lemma in PERSON_NOUNS or lemma in GROUPS or naming.describes_person(lemma)

    def definite_person(self, head: Token, text: str | None, lemma: str, qualified: bool) -> Who | None:
        """"the official", "the Texas Democrat", "the 43-year-old": someone named before, or
        None for a person noun nobody fits (what follows decides)."""
        if qualified and not any(self.restricts(c) for c in head.children):
            # "the King, who is here on a visit, replied": an aside about someone named before,
            # taken only where that person's role holds the noun
            who = self.antecedent(head.idx, person=True, noun=lemma)
            return Who(who, None, True, Attribution.DESCRIPTOR) if who else Who(text, None, True, Attribution.UNNAMED)
        if qualified:
            return Who(text, None, True, Attribution.UNNAMED)
        who = self.antecedent(head.idx, person=True, noun=lemma)
        if who is None and lemma in naming.ROYAL_TITLES:
            return NOBODY  # "the queen" and no queen named before: never whoever spoke last
        if who is None:  # "the presidential candidate": the person who spoke just before
            who = self.last_speaker(head.idx, window=1500)
        if who is None and lemma not in PERSON_NOUNS:
            who = self.names.recent_person(head.idx, window=1500)
        if who:
            return Who(who, None, True, Attribution.DESCRIPTOR)
        if lemma not in PERSON_NOUNS:
            return NOBODY  # a description nobody named before: no name rather than a wrong one
        return None

    def speaking_body(self, head: Token, text: str | None, lemma: str, definite: bool, qualified: bool,
                      describes_person: bool) -> Who:
        """An organisation (through its spokesperson, or named before), a document's writer, a
        described person or group left unnamed, or nobody who speaks."""
        if lemma in ORGANISATIONS and definite:
            who = self.spokesperson(head.idx)  # "spokeswoman Ann Lee said … the company said"
            if who:
                return Who(who, None, True, Attribution.DESCRIPTOR)
            org = None if qualified else self.recent_organisation(head.idx, lemma)
            if org:  # "The SOMC, a group of economists, said … The group said"
                return Who(org, None, False, Attribution.ORGANISATION)
        if lemma in DOCUMENTS:
            return self.author(head)
        if describes_person or lemma in ORGANISATIONS or lemma in GROUPS:
            return Who(text, None, lemma in PERSON_NOUNS, Attribution.UNNAMED)
        if head.pos_ == "PROPN" and head.text[:1].isupper() and text:  # "the Treasury", "the Pentagon"
            return Who(text, None, False, Attribution.ORGANISATION)
        det = next((c for c in head.children if c.dep_ in ("det", "nummod")), None)
        if text and head.tag_ == "NN" and det is not None and det.lower_ in ("a", "an", "one", "another") \
                and not head.ent_type_ and lemma not in ("percent", "pct", "cent", "point", "half", "third") \
                and self.is_speech_verb(head.head):  # "said one major U.S. roaster": someone described
            return Who(text, None, False, Attribution.UNNAMED)
        return NOBODY  # "the meeting", "users", "one percent": nobody who speaks

    def restricts(self, child: Token) -> bool:
        """``child`` is a qualifier that picks someone out ("the manager for an oil company", "the
        man who called"); a relative clause set off by a comma is only an aside."""
        if child.dep_ not in ("prep", "relcl", "acl"):
            return False
        edge = child.left_edge.i
        return not (child.dep_ == "relcl" and edge > 0 and self.doc[edge - 1].text == ",")

    def descriptor(self, head: Token) -> str | None:
        """The noun phrase of ``head`` cut before clauses and long modifiers: "a Citicorp spokesman"."""
        cut = {d.i for c in head.children if c.dep_ in ("relcl", "acl", "appos") for d in c.subtree}
        toks = sorted((t for t in head.subtree if t.i not in cut), key=lambda t: t.i)
        out = []
        for t in toks:
            if self.quoted[t.i] >= 0:
                break
            inner = hyphen_inside(self.doc, t.i)  # "Anna-Lise": a hyphen inside a name
            if t.i > head.i and not inner and (t.dep_ in ("relcl", "acl", "appos", "punct", "cc")
                                               or t.text in (",", "(")):
                break
            if t.i < head.i and t.is_punct and not hyphen_inside(self.doc, t.i):
                out = []
                continue
            out.append(t)
        while out and out[-1].i > head.i and out[-1].pos_ in ("ADP", "DET", "CCONJ"):
            out.pop()  # "rights groups of “…”": the quote cut the phrase after its preposition
        if not out or len(out) > 12:
            out = [t for t in toks if head.i - 3 <= t.i <= head.i and not t.is_punct]
        text = self.doc[out[0].i:out[-1].i + 1].text.strip() if out else head.text
        return text or None


def hyphen_inside(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen inside a word ("43-year-old", "Oscar-winning")."""
    return doc[i].text in ("-", "‐") and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_
