"""Mentions: who the noun phrase of a speech verb's subject names: a pronoun (the latest
fitting event), a name, or a name set beside the noun; descriptions go on in
``descriptions``."""

from __future__ import annotations

from spacy.tokens import Token

from digest.models import Attribution
from digest.nlp import naming
from digest.nlp.naming import is_position_word
from digest.nlp.quotes.candidate import NOBODY, Who
from digest.nlp.speakers import PERSON_NOUNS, PRONOUNS, TITLE_WORDS, strip_titles


class Mentions:
    """The speaker a noun phrase names, with the evidence for it."""

    def mention(self, head: Token) -> Who:
        """Speaker, role, person flag and evidence for the noun phrase headed by ``head``: a
        relative pronoun stands for the noun its clause belongs to, then a pronoun, a name, a
        name set beside the noun, or a description (``Descriptions.described``)."""
        if head.lower_ in ("who", "which", "that", "whom"):
            if head.head.dep_ != "relcl" or head.head.head.i == head.i:
                return NOBODY
            head = head.head.head  # "Smith, who said …": the noun the clause belongs to
        if head.lower_ in PRONOUNS or head.lower_ == "it":
            return self.pronoun(head)
        run = self.name_run(head)
        if run is not None:
            who = self.named(head, run)
            if who is not None:
                return who
        elif self.missed_name(head):
            name = self.names.resolve(head.text)  # a name the tagger missed: "said Skelly" (ADV), "Sosnoff said" (NOUN)
            return Who(name, None, self.names.is_person(name), Attribution.SPEECH_VERB)
        who = self.name_beside(head)
        return who if who is not None else self.described(head)

    def pronoun(self, head: Token) -> Who:
        """"he", "she", "they", "it": the latest fitting event before; "I" and "we" name nobody."""
        low = head.lower_
        if low in ("i", "we"):
            return NOBODY
        gender = "m" if low in ("he", "him") else "f" if low in ("she", "her") else None
        plural = low in ("they", "them")
        person = None if plural else low in ("he", "she", "him", "her")
        who = self.antecedent(head.idx, person=person, gender=gender, plural=plural, skip=self.reported_by(head),
                              exclude=self.named_in_quotes(head.sent))
        if not who:
            return NOBODY
        # "Bank executives said …; they …": a pronoun for people described, not named, names nobody
        named = who in self.names.persons or bool(self.names.labels.get(self.names.resolve(who)))
        return Who(who, None, low in ("he", "she", "him", "her"), Attribution.PRONOUN if named else Attribution.UNNAMED)

    def named_in_quotes(self, sent) -> frozenset[str]:
        """People the quotes of the sentence name: "“Donald Trump is a good guy,” he said" is not
        Trump speaking of himself, whoever was named last."""
        starts = {self.names.run_of[i][0] for i in range(sent.start, sent.end)
                  if self.quoted[i] >= 0 and i in self.names.run_of}
        return frozenset(name for start in starts if (name := self.name_at(start)))

    @staticmethod
    def reported_by(head: Token) -> tuple[int, int] | None:
        """Characters of what the pronoun's own speech verb reports before it ("Phelps Dodge
        would only want a friendly deal, he added"): a subject in there is not who "he" is."""
        verb = head.head
        if head.dep_ != "nsubj" or verb.i == head.i:
            return None
        said = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < head.i]
        if not said:
            return None
        return min(c.left_edge.idx for c in said), max(c.right_edge.idx for c in said) + 1

    def name_run(self, head: Token) -> tuple[int, int] | None:
        """The name run ``head`` stands in, unless it is a description ("the Texas Democrat")."""
        run = self.names.run_of.get(head.i)
        if run is not None and is_position_word(self.doc[run[1] - 1].text) and any(
                c.dep_ in ("det", "nummod") and c.lower_ in ("the", "this", "that", "a", "an", "one", "another")
                for c in head.children):
            return None  # "the Texas Democrat", "a senior U.S. Official": a description, not a name
        return run

    def named(self, head: Token, run: tuple[int, int]) -> Who | None:
        """The speaker of a name run: the name after a role word, the titled name of two, the
        whole organisation, or, for a run of titles only, the person who holds them."""
        names = self.names
        # "National Security Adviser, Frank Carlucci, added"; not "Charlie King, a New York Democrat",
        # where the run is a person whose surname is a title word
        personal = any(self.doc[i].ent_type_ == "PERSON" for i in range(*run))
        if naming.is_role_word(self.doc[run[1] - 1].text) and not personal:
            for child in head.children:
                if child.dep_ == "appos" and child.i in names.run_of and names.run_of[child.i] != run:
                    name = self.name_at(child.i)
                    if name:
                        names.add_person(name)
                        return Who(name, None, True, Attribution.SPEECH_VERB)
            name = self.name_ending_post(head)
            if name:
                names.add_person(name)
                return Who(name, None, True, Attribution.SPEECH_VERB)
        titles, words = strip_titles(self.doc[run[0]:run[1]].text.split())
        only_titles = all(w.lower().strip(".") in TITLE_WORDS for w in self.doc[run[0]:run[1]].text.split())
        if words and not only_titles and naming.is_office(" ".join(words)) and names.resolve(" ".join(words)) \
                == " ".join(words):
            # "PUC President said": the office's holder named before, or nobody; never the office as a name
            who = self.antecedent(head.idx, person=True, noun=self.doc[run[1] - 1].lower_)
            return Who(who, None, True, Attribution.DESCRIPTOR) if who else NOBODY
        longer = None if titles or personal else self.longer_organisation(run)
        if longer:  # "The Center for\nHuman Rights said": "Human Rights" is the end of the centre's name
            return Who(longer, None, False, Attribution.ORGANISATION)
        if words and not only_titles:
            name = names.resolve(" ".join(words))
            later = self.titled_name_after(head, run)
            if later:
                names.add_person(later)
                return Who(later, None, True, Attribution.SPEECH_VERB)
            if titles or head.ent_type_ == "PERSON":
                names.add_person(name)
            org = self.organisation_of(run)
            if org and not names.is_person(name):  # "the University of Chicago", not "University"
                return Who(org, None, False, Attribution.ORGANISATION)
            return Who(name, None, names.is_person(name), Attribution.SPEECH_VERB)
        if only_titles and not any(c.dep_ in ("prep", "relcl", "acl") for c in head.children):
            noun = self.doc[run[1] - 1].lower_  # "the Treasury Secretary", not "the General Manager of …"
            who = self.antecedent(head.idx, person=True, noun=noun)
            if who:
                return Who(who, None, True, Attribution.DESCRIPTOR)
        return None

    def longer_organisation(self, run: tuple[int, int]) -> str | None:
        """The whole name of an organisation the run ends after "for" or "of", however the line
        breaks: "Center for\nHuman Rights (and Democracy)", "Institute\nfor Human Rights"."""
        doc, run_of = self.doc, self.names.run_of
        j = run[0] - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j < 1 or doc[j].lower_ not in ("for", "of") or self.quoted[j] >= 0:
            return None
        k = j - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0 or k not in run_of or run_of[k][1] != k + 1 or self.quoted[k] >= 0:
            return None
        first = run_of[k][0]
        if doc[k].ent_type_ == "PERSON" or naming.key(doc[k].text) not in naming.INSTITUTION_WORDS:
            return None
        end = run[1]
        if end + 1 < len(doc) and doc[end].lower_ == "and" and run_of.get(end + 1, (0, 0))[0] == end + 1 \
                and doc[end + 1].dep_ == "conj" and doc[end + 1].i > run[0] and doc[end + 1].head.i in range(*run):
            end = run_of[end + 1][1]  # "… for Human Rights and Democracy"
        words = [t.text for t in doc[first:end] if not t.is_space]
        return " ".join(words[1:] if words[0].lower() == "the" else words)

    def name_ending_post(self, head: Token) -> str | None:
        """ "U.S. Ambassador to the U.N. John Danforth told …", parsed with the name inside "to the
        U.N.": a person's name closing the post's own "to/for/at" phrase, after the place or body
        the post is to, is who holds the post."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "for", "at", "in"):
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or obj.ent_type_ != "PERSON" or obj.ent_iob_ != "I" or self.quoted[obj.i] >= 0:
                continue  # a person's name of two words or more, ending on the phrase's object
            if obj.i + 1 < len(self.doc) and self.doc[obj.i + 1].ent_iob_ == "I":
                continue
            start = obj.i
            while self.doc[start].ent_iob_ == "I":
                start -= 1
            if any(t.pos_ == "PROPN" and t.ent_type_ not in ("", "PERSON") for t in obj.subtree if t.i < start):
                return self.names.resolve(self.doc[start:obj.i + 1].text)
        return None

    def titled_name_after(self, head: Token, run: tuple[int, int]) -> str | None:
        """"Laurie Milbank and Co assistant manager Machiko Suzuki": the titled name is the person."""
        names = self.names
        for c in head.subtree:
            if c.i >= run[1] and c.i in names.run_of and self.quoted[c.i] < 0 and c.i > 0:
                r2 = names.run_of[c.i]
                prev = self.doc[r2[0] - 1]
                between = self.doc[run[1]:r2[0]]
                if r2[0] - run[1] > 6 or any(t.is_punct or t.pos_ == "ADP" for t in between):
                    continue
                if prev.lower_ in PERSON_NOUNS or prev.lower_ in TITLE_WORDS:
                    later = self.name_at(c.i)
                    if later:
                        return later
        return None

    def name_beside(self, head: Token) -> Who | None:
        """A name in apposition ("US ambassador …, Linda Thomas-Greenfield") or after the noun
        ("spokesman Dmitry Peskov" parsed with spokesman as head)."""
        names = self.names
        for child in head.children:
            if (child.dep_ == "appos" or self.apposition_as_conj(head, child)) and child.i in names.run_of:
                if self.in_brackets(child) and child.ent_type_ != "PERSON":
                    continue  # "one official at the Department of Trade (DTI)": the body's short name
                if naming.is_role_word(child.text):  # "the president's Security Adviser, Frank Carter"
                    child = next((c for c in child.children if c.dep_ == "appos" and c.i in names.run_of), child)
                name = self.name_at(child.i)
                if name:
                    names.add_person(name)
                    return Who(name, None, True, Attribution.SPEECH_VERB)
        named = self.name_after_qualifier(head)
        if named:
            names.add_person(named)
            return Who(named, None, True, Attribution.SPEECH_VERB)
        for child in head.children:
            if child.dep_ in ("compound", "flat", "nmod") and child.i in names.run_of and child.i > head.i:
                name = self.name_at(child.i)
                if name:
                    return Who(name, None, True, Attribution.SPEECH_VERB)
        return self.name_set_off_before(head)

    @staticmethod
    def in_brackets(tok: Token) -> bool:
        return tok.i > 0 and tok.doc[tok.i - 1].text == "("

    def apposition_as_conj(self, head: Token, child: Token) -> bool:
        """ "said the panel's top Democrat, Rep. Tom Lantos of California", parsed as two conjuncts:
        a name joined to a description by a comma alone (no "and") is the described person."""
        return (
            child.dep_ == "conj"
            and head.ent_type_ != "PERSON"
            and not any(c.dep_ == "cc" for c in head.children)
            and any(t.text == "," for t in head.doc[head.i + 1:child.i])
        )

    def name_set_off_before(self, head: Token) -> Who | None:
        """"Adrian Lajous, Pemex' executive vice president of trade, said", parsed with the
        position as the subject and the name hanging from it: a person's name opening the noun
        phrase and set off by a comma before the position it is described by."""
        if not (head.lemma_.lower() in PERSON_NOUNS or is_position_word(head.text)
                or naming.describes_person(head.lemma_.lower())):
            return None
        for child in head.children:
            run = self.names.run_of.get(child.i)
            if child.i >= head.i or run is None or run[0] != head.left_edge.i or run[1] >= head.i:
                continue
            if self.doc[run[1]].text == "," and any(self.doc[i].ent_type_ == "PERSON" for i in range(*run)):
                name = self.name_at(child.i)
                if name:
                    self.names.add_person(name)
                    return Who(name, None, True, Attribution.SPEECH_VERB)
        return None

    def name_after_qualifier(self, head: Token) -> str | None:
        """"one leader of the land reform movement, Joao Pedro", parsed with the name set beside
        "movement": a person's name after a description of a person whose qualifier ends in a
        thing, never a person ("an aide to the senator, John Smith" may name the senator)."""
        if not (head.lemma_.lower() in PERSON_NOUNS or naming.describes_person(head.lemma_.lower())):
            return None
        node = head
        for _ in range(3):  # "a spokeswoman for the exchange", "a leader of the wing of the party"
            prep = next((c for c in node.children if c.dep_ == "prep" and c.i > node.i), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if obj is None:
                return None
            low = obj.lemma_.lower()
            if obj.i in self.names.run_of or low in PERSON_NOUNS or naming.describes_person(low):
                return None
            appos = next((c for c in obj.children if c.dep_ == "appos" and c.i in self.names.run_of
                          and c.ent_type_ == "PERSON" and self.quoted[c.i] < 0), None)
            if appos is not None:
                return self.name_at(appos.i)
            node = obj
        return None

    def organisation_of(self, run: tuple[int, int]) -> str | None:
        """The whole name of an organisation whose name goes on with "of", "for" or "on" after the run: the
        entity "University of Chicago" around the run "University"."""
        doc = self.doc
        if run[1] >= len(doc) or doc[run[1]].lower_ not in ("of", "for", "on"):
            return None
        if doc[run[0]].ent_type_ != "ORG":
            return self.named_for(run)
        ent = next((e for e in doc.ents if e.start <= run[0] < e.end), None)
        if ent is None or ent.label_ != "ORG" or ent.end <= run[1] + 1 or any(self.quoted[i] >= 0 for i in
                                                                             range(ent.start, ent.end)):
            return None
        words = ent.text.split()
        return " ".join(words[1:] if words[0].lower() == "the" else words)

    def named_for(self, run: tuple[int, int]) -> str | None:
        """"Physicians for Human Rights": a capitalised plural opening a sentence, then "for" and
        a name, is one organisation, not the plural alone."""
        doc, run_of = self.doc, self.names.run_of
        nxt = run[1] + 1
        if run[1] - run[0] != 1 or doc[run[1]].lower_ != "for" or nxt not in run_of or run_of[nxt][0] != nxt \
                or not doc[run[0]].is_sent_start or not doc[run[0]].text.endswith("s") or self.quoted[nxt] >= 0:
            return None
        return doc[run[0]:run_of[nxt][1]].text

    def missed_name(self, head: Token) -> bool:
        """A capitalised word the tagger did not take for a name, standing where a name stands."""
        if not (head.is_alpha and head.text[:1].isupper()) or head.is_stop or head.pos_ in ("DET", "PRON", "NUM") \
                or is_position_word(head.text):
            return False
        # a capitalised common noun ("Pause", "Aides") only when the article names someone so
        return head.pos_ != "NOUN" or head.text.lower() in self.names.fullest
