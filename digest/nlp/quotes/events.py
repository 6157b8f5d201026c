"""Events: one walk over the parse gives every speech verb its speaker and records, in text
order, who spoke or acted; also who is threatened, insulted or accused (the targets)."""

from __future__ import annotations

from spacy.tokens import Token

from digest.models import Attribution
from digest.nlp.naming import describes_person
from digest.nlp.quotes.candidate import NOBODY, Who
from digest.nlp.quotes.lexicon import (
    ADDRESSED,
    DOCUMENTS,
    FUTURE,
    GROUPS,
    HARM,
    HOSTILE_WORDS,
    MODALS,
    ORGANISATIONS,
    RECEIVING,
    SENT_END,
    SPEECH_VERBS,
    SPOKEN_ABOUT,
    TARGET_NOUNS,
    TARGETING,
    THREATS,
    is_phrasal_speech,
)
from digest.nlp.speakers import PERSON_NOUNS, PRONOUNS, strip_titles


class Events:
    """Speech verbs, their subjects and the events later pronouns and descriptions resolve to."""

    def build_events(self) -> None:
        """Walk the text once: every speech verb gets its speaker, every subject that is a
        person (or an organisation that speaks) becomes an antecedent for later pronouns."""
        doc = self.doc
        for t in doc:
            if self.quoted[t.i] >= 0:
                continue
            if t.text == ":" and t.i + 1 < len(doc) and self.quoted[t.i + 1] >= 0:
                # "Madonna's introduction began: "…"" — a lead-in speaker is an antecedent too
                k = t.i - 1
                while k >= 0 and t.i - k < 40 and self.quoted[k] < 0 and doc[k].text not in SENT_END \
                        and "\n" not in doc[k].text:
                    k -= 1
                who = self.colon_speaker([x for x in doc[k + 1:t.i + 1] if not x.is_space])
                if who:
                    self.add_event(t.idx, who, self.names.is_person(who), None)
            elif self.is_speech_verb(t):
                self.speech_event(t)
            elif t.dep_ in ("nsubj", "nsubjpass") and not self.is_speech_verb(t.head):
                if t.lower_ in PRONOUNS or t.lower_ == "it":
                    continue  # a pronoun repeats its antecedent: no new information
                owner = self.owner(t) if t.head.dep_ in ("ROOT", "conj") else None
                if owner:  # "Madonna's introduction began", "Grushko's remarks followed"
                    self.add_event(t.idx, owner, True, None, t.head)
                elif t.i in self.names.run_of or (t.text.lower() in self.names.fullest and self.missed_name(t)):
                    name = self.name_at(t.i) if t.i in self.names.run_of else self.names.resolve(t.text)
                    if name and self.names.is_person(name):
                        self.add_event(t.idx, name, True, None, t.head)
                elif t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS:
                    det = next((c for c in t.children if c.dep_ == "det"), None)
                    if det is None and t.tag_ == "NN" and not any(c.dep_ == "nummod" for c in t.children):
                        continue  # "trader and roaster opinion was …": a bare singular names no one
                    if det is None or det.lower_ in ("a", "an"):
                        text = self.descriptor(t)
                        if text:
                            self.add_event(t.idx, text, True, None, t.head)
                    elif det.lower_ == "the" and t.tag_ == "NN":  # "But the official dismissed …": the
                        who = self.mention(t)  # one described before acts again, and "he" is them
                        if who.speaker:
                            self.add_event(t.idx, who.speaker, True, who.role, t.head)

    def speech_event(self, verb: Token) -> None:
        """The speaker of a speech verb, and the antecedent it leaves for later pronouns."""
        spk = self.resolve_verb(verb)
        if not spk.speaker:
            spk = self.one_of_kind(verb) or spk
        self.verb_speaker[verb.i] = spk
        if spk.speaker:
            self.add_event(verb.idx, spk.speaker, spk.person, spk.role, verb)
            self.add_speech(verb, spk)
            if spk.person and self.joint_subject(verb):
                self.add_event(verb.idx, "", False, None, verb)  # a later "they" is both: no one name
        if (not spk.speaker or (spk.how is Attribution.UNNAMED and not spk.person)) and self.someone_unnamed(verb):
            # "One said …", "a deputy from Hunan said …": a later "he" is that person, whom the text
            # does not name; it never goes back past them to someone named earlier (a described
            # person, "a British spokesman", is already an antecedent); "One veteran debt rescheduler
            # said …": "he" is that one, as described
            described = spk.speaker if spk.how is Attribution.UNNAMED else ""
            self.add_event(verb.idx, described or "", True, None, verb)
            self.unnamed_events.add(len(self.events) - 1)
            if not spk.speaker:
                self.add_speech(verb, NOBODY)
        elif not spk.speaker and self.unsigned_document(verb):
            # "The communique said Japan affirmed …" then "It said …": "it" is the communique, whose
            # author is not known, not a subject inside what it said
            self.add_event(verb.idx, "", False, None, verb)

    def joint_subject(self, verb: Token) -> bool:
        """The speech verb's subject is two people or more: "Myles Allen and Richard Lord write"."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i in self.names.run_of]
        subj = self.subject(verb)
        return len(subjects) > 1 or (
            subj is not None and any(c.dep_ == "conj" and any(t.i in self.names.run_of for t in c.subtree)
                                     for c in subj.children))

    def add_speech(self, verb: Token, who: Who) -> None:
        self.speech_chars.append(verb.idx)
        self.speech_events.append(who)
        self.speech_main.append(heads_sentence(verb))
        self.speech_sent.append(verb.sent.start)

    def someone_unnamed(self, verb: Token) -> bool:
        """The speech verb's subject is one person the text describes but does not name: "one",
        "another", "a deputy", "one member, described as …"."""
        subj = self.subject(verb)
        if subj is None or subj.i in self.names.run_of:
            return False
        if subj.lower_ in ("one", "another", "someone", "somebody"):
            return True  # "Another said …", whatever its tag
        if subj.tag_ not in ("NN", "CD", "PRP", "NNP"):
            return False
        lemma = subj.lemma_.lower()
        if subj.pos_ != "NOUN" or lemma in ORGANISATIONS or lemma in DOCUMENTS:
            return False
        indefinite = any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another")
                         for c in subj.children)
        return indefinite or lemma in PERSON_NOUNS or lemma in GROUPS or describes_person(lemma)

    def one_of_kind(self, verb: Token) -> Who | None:
        """"One diplomat said …" then "Another said …": another of the kind the unnamed speaker just
        before was ("another diplomat"), never that speaker; "traders said …" then "One said …": one
        of them ("one trader")."""
        subj = self.subject(verb)
        if subj is None or subj.lower_ not in ("one", "another") or any(c.dep_ == "prep" for c in subj.children):
            return None
        k = next((j for j in range(len(self.speech_events) - 1, -1, -1) if self.speech_events[j].speaker), None)
        group = self.group_subject_before(verb, self.speech_chars[k] if k is not None else -1)
        if group is not None and subj.lower_ == "one":  # "another" needs one of them to have spoken
            return Who(f"{subj.lower_} {group}", None, True, Attribution.UNNAMED)
        last = self.speech_events[k] if k is not None else None
        if last is None or last.how not in (Attribution.UNNAMED, Attribution.DESCRIPTOR) \
                or self.names.is_person(last.speaker):
            return None
        noun = last.speaker.split()[-1].lower()
        if noun not in PERSON_NOUNS and noun[:-1] in PERSON_NOUNS and noun.endswith("s"):
            noun = noun[:-1]  # "traders" → one "trader"
        elif subj.lower_ == "one" or noun not in PERSON_NOUNS:
            return None  # "one" after one person is not one of a group; "the government": no kind to count on
        return Who(f"{subj.lower_} {noun}", None, True, Attribution.UNNAMED)

    def group_subject_before(self, verb: Token, after_char: int) -> str | None:
        """ "But few analysts believed …" then "“…,” one said": the people a sentence just before
        (or this one) has as the subject of any verb, when no one has spoken since ("analyst")."""
        doc = self.doc
        start = verb.sent.start
        for _ in range(2):
            start = doc[start - 1].sent.start if start > 0 else start
        for t in reversed(doc[start:verb.i]):
            if t.idx <= after_char:
                return None
            if t.dep_ == "nsubj" and t.tag_ == "NNS" and self.quoted[t.i] < 0 and t.lemma_.lower() in PERSON_NOUNS:
                return t.lemma_.lower()
        return None

    def unsigned_document(self, verb: Token) -> bool:
        """The speech verb's subject is a document ("the communique", "a report")."""
        subj = self.subject(verb)
        return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in DOCUMENTS

    def owner(self, t: Token) -> str | None:
        """The person named as possessor of noun ``t`` ("Madonna's introduction")."""
        for c in t.children:
            if c.dep_ == "poss" and c.i in self.names.run_of and self.quoted[c.i] < 0:
                name = self.name_at(c.i)
                if name and self.names.is_person(name):
                    return name
        return None

    def add_event(self, char: int, speaker: str, person: bool, role: str | None, verb: Token | None = None) -> None:
        if self.event_chars and char < self.event_chars[-1]:
            char = self.event_chars[-1]
        self.event_chars.append(char)
        self.events.append((speaker, person, role))
        self.event_main.append(verb is None or heads_sentence(verb))
        tok = verb if verb is not None else self.doc[self.token_at(char)]
        self.event_sent.append(tok.sent.start)

    def is_speech_verb(self, t: Token) -> bool:
        if (t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS) or is_phrasal_speech(t):
            return True
        return t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to"

    def name_at(self, i: int) -> str | None:
        r = self.names.run_of[i]
        _, words = strip_titles(self.doc[r[0]:r[1]].text.split())
        return self.names.resolve(" ".join(words)) if words else None

    def speaker_of(self, verb: Token) -> Who:
        spk = self.verb_speaker.get(verb.i)
        return spk if spk is not None else self.resolve_verb(verb)

    def resolve_verb(self, verb: Token) -> Who:
        """Speaker, role and person flag for speech verb ``verb`` (or "according" of "according to")."""
        doc = self.doc
        if verb.lower_ == "according":
            to = doc[verb.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if not objs and verb.i + 2 < len(doc):
                objs = [doc[verb.i + 2]]
            if not objs:
                return NOBODY
            who = self.mention(objs[0])
            return who._replace(how=Attribution.ACCORDING_TO) if who.how is Attribution.SPEECH_VERB else who
        if self.is_hypothetical(verb):
            return NOBODY  # "users can say “Hey Siri”": what anyone could say, not what someone said
        subj = self.subject(verb)
        if subj is None:
            return NOBODY
        return self.mention(subj)

    def subject(self, verb: Token) -> Token | None:
        if self.participle_of_relative(verb):
            return None  # the architect's words or the main clause's: no name rather than a guess
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() != "quote":
            return self.agent(verb)  # "Galtieri, accused (by rights groups) of …": the noun is spoken of
        adjacent = self.person_right_before(verb)
        if adjacent is not None:
            return adjacent  # "…, chairman and chief executive Kevan Gosper said in a statement"
        node = verb
        for _ in range(4):
            if node.lemma_.lower() == "quote" and node.tag_ != "VBN":
                objs = [c for c in node.children if c.dep_ == "dobj" and self.quoted[c.i] < 0]
                if objs:  # the official quoted Garn as saying
                    return objs[0]
            subs = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and self.quoted[c.i] < 0
                    and c.pos_ != "VERB"]  # "said another analyst adding": "adding" is no subject
            if subs and subs[0].dep_ == "nsubjpass" and node.lemma_.lower() in ADDRESSED | SPOKEN_ABOUT:
                return self.agent(node)  # "Sri Lankans … were told that …", "X was accused of": not who spoke
            if len(subs) > 1 and any(c.ent_type_ == "PERSON" for c in subs):
                subs = [c for c in subs if c.ent_type_ == "PERSON"][-1:]  # two subjects parsed: the person
            if subs and node is not verb and self.reported_clause_of_participle(verb, node):
                node = node.head  # "Denman added that a president should …, saying '…'": Denman's words
                continue
            if subs:
                subs[0] = self.person_of_titles(subs[0])
                return self.person_closing(subs[0], verb) if node is verb else subs[0]
            if node.dep_ in ("conj", "advcl", "xcomp", "ccomp", "pcomp", "prep") and node.head.i != node.i:
                if node.dep_ == "ccomp" and node.head.lemma_.lower() not in SPEECH_VERBS:
                    break
                node = self.reporter_of_reported(node) or node.head
            else:
                break
        if self.non_finite(verb):
            # "Quick access to Nova by saying “Hey Nova”", "Start the timer by saying “Go”": a gerund
            # or infinitive whose clause has no subject names nobody, not a heading or name nearby
            return None
        return self.subject_the_parser_missed(verb)

    def subject_the_parser_missed(self, verb: Token) -> Token | None:
        """Parser failures: "…," said Kremlin spokesman Dmitry Peskov / Linda Greenfield, told …"""
        doc = self.doc
        i = verb.i - 1
        while i >= 0 and self.quoted[i] < 0 and doc[i].text == ",":
            i -= 1
        if i >= 0 and self.quoted[i] < 0 and self.could_speak(doc[i]):
            return self.apposition_owner(doc[i])
        # "Said another, “…”": a speech verb that opens its sentence is followed by its subject
        opening = verb.is_sent_start and verb.tag_ == "VBD" and (i < 0 or doc[i].is_space)
        if opening or (i >= 0 and (self.quoted[i] >= 0 or doc[i].is_punct)):
            nxt = verb.i + 1
            capitalised = nxt < len(doc) and doc[nxt].is_alpha and doc[nxt].text[:1].isupper()
            if nxt < len(doc) and self.quoted[nxt] < 0 and (
                doc[nxt].pos_ in ("PROPN", "NOUN", "PRON", "DET", "NUM") or capitalised
            ):
                t = doc[nxt]
                while t.head.i > t.i and t.head.i - t.i < 6 and self.quoted[t.head.i] < 0 \
                        and t.head.pos_ in ("NOUN", "PROPN"):  # the noun phrase, not a verb after it
                    t = t.head
                return t
        # "…," Trump, the frontrunner after winning the primaries, said: the first name after the quote
        k = verb.i - 1
        while k >= 0 and self.quoted[k] < 0 and doc[k].text not in SENT_END and verb.i - k < 40:
            k -= 1
        if k >= 0 and self.quoted[k] >= 0:
            for j in range(k + 1, verb.i):
                if doc[j].is_punct or doc[j].is_space:
                    continue
                if self.could_speak(doc[j]):
                    return doc[j]
                break
        return self.person_shortly_before(verb)

    def agent(self, verb: Token) -> Token | None:
        """Who a passive verb's "by" names ("accused by rights groups"), if anyone."""
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        return pobj if pobj is not None and self.quoted[pobj.i] < 0 else None

    def person_shortly_before(self, verb: Token, reach: int = 11) -> Token | None:
        """The nearest person's name within ``reach`` words before the verb, in its sentence; not one
        a preposition governs ("like Finance Minister Cesar Gaviria": a comparison, not the subject)."""
        for k in range(verb.i - 1, max(-1, verb.i - 1 - reach), -1):
            if self.quoted[k] >= 0 or self.doc[k].text in SENT_END:
                break
            if k in self.names.run_of and self.names.is_person(self.name_at(k) or "") \
                    and not self.in_prepositional_phrase(k):
                return self.doc[k]
        return None

    def person_right_before(self, verb: Token) -> Token | None:
        """The last word of a person's name standing right before a speech verb the parser left
        without a subject of its own ("…, chairman and chief executive Kevan Gosper said")."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and not self.body_before_its_officer(subjects[0], verb):
            return None
        return self.person_shortly_before(verb, reach=1)

    def body_before_its_officer(self, subject: Token, verb: Token) -> bool:
        """ "…," Confederation of Industry (CCI) president Ana Costa said: the parser made the body the
        subject, but its officer's name stands right before the verb, after a role noun."""
        if subject.ent_type_ not in ("ORG", "NORP", "GPE") or self.quoted[subject.i] >= 0:
            return False
        run = self.names.run_of.get(verb.i - 1)
        return run is not None and run[0] > subject.i and self.doc[run[0] - 1].pos_ == "NOUN"

    def in_prepositional_phrase(self, k: int) -> bool:
        """Token ``k``'s name is the object of a preposition ("like X", "with X", "to X")."""
        run = self.names.run_of[k]
        node = self.doc[k]
        while node.head.i != node.i and run[0] <= node.head.i < run[1]:
            node = node.head
        return node.dep_ == "pobj"

    @staticmethod
    def non_finite(verb: Token) -> bool:
        """A speech verb without a subject of its own: a gerund after a preposition or another verb
        ("by saying", "before saying", "try saying"), the subject of its sentence ("Saying …
        starts"), an infinitive ("to say", "the first to acknowledge") or an imperative ("Just say")."""
        if verb.dep_ == "csubj" and verb.tag_ == "VBG":
            return True  # "Saying “Hey Nova” starts the music"
        if verb.dep_ == "ROOT" and verb.tag_ in ("VB", "VBP"):  # "Just say “Hey Nova”": an imperative
            return all(t.pos_ in ("ADV", "INTJ", "SPACE") for t in verb.doc[verb.sent.start:verb.i])
        infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ in ("relcl", "acl"):
            return infinitive  # "the first to acknowledge …", "a decision to announce …"
        if verb.dep_ not in ("pcomp", "xcomp", "advcl"):
            return False
        return verb.tag_ == "VBG" or infinitive

    def reporter_of_reported(self, verb: Token) -> Token | None:
        """The speech verb a speech verb without a subject is coordinated with, past the clause it
        reports: in "Lee noted (that) prices had fallen and added “…”" the parse may join "added"
        to "fallen", but the one who adds is the one who noted, never the reported clause's
        subject. None when ``verb`` is not joined that way."""
        first = verb.head
        if verb.dep_ != "conj" or verb.lemma_.lower() not in SPEECH_VERBS or first.dep_ != "ccomp":
            return None
        if first.lemma_.lower() in SPEECH_VERBS or first.head.lemma_.lower() not in SPEECH_VERBS:
            return None  # "Lee said Kim told them … and added": a speech verb of its own, read as before
        return first.head

    @staticmethod
    def reported_clause_of_participle(verb: Token, node: Token) -> bool:
        """A "saying …" set off by a comma after the reported clause of a speech verb ("X added
        that a president should …, saying"): the clause's subject is spoken of, X speaks."""
        return (
            verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i == node.i
            and verb.i > 0 and verb.doc[verb.i - 1].text == ","
            and node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS
        )

    def participle_of_relative(self, verb: Token) -> bool:
        """``verb`` is a participle without a subject hung on a relative clause: "… not paying an
        architect who said he was stiffed, saying, “…”" may be the architect's words or those of
        the main clause's subject."""
        node = verb
        for _ in range(4):
            if node.dep_ == "relcl":
                return verb.tag_ == "VBG" and node.i != verb.i
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) or node.dep_ not in (
                    "conj", "advcl", "xcomp"):
                return False
            node = node.head
        return False

    def person_of_titles(self, subj: Token) -> Token:
        """The person a subject parsed apart from its titles names: "Grain analyst and meteorologist
        Gail Martell said" (a bare title joined to the name by "and"), "said Bache Securities (Japan)
        associate vice president Peter Wolffe" (the firm, with its titled employee as apposition)."""
        if subj.pos_ == "NOUN" and subj.lower_ in PERSON_NOUNS and not any(
                c.dep_ in ("det", "poss", "nummod") for c in subj.children):
            named = [c for c in subj.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"]
        elif subj.ent_type_ == "ORG":
            named = [c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and any(
                t.dep_ == "compound" and t.lower_ in PERSON_NOUNS for t in c.children)]
            named = named or self.officer_before_body(subj) or self.firms_person(subj)
        elif subj.pos_ == "PROPN":
            named = self.firms_person(subj)
        else:
            return subj
        named = [c for c in named if self.quoted[c.i] < 0]
        return named[0] if len(named) == 1 else subj

    def firms_person(self, subj: Token) -> list[Token]:
        """ "said Schroeder, Muenchmeyer, Hengst's Hutmann": a firm's name of several partners, read
        as a list of subjects, and after its "'s" the surname of a person the article named in full."""
        out = []
        for t in subj.subtree:
            if t.i > subj.i and t.dep_ in ("appos", "conj") and any(c.dep_ == "poss" for c in t.children):
                full = self.names.resolve(t.text)
                if full != t.text and self.names.is_person(full):
                    out.append(t)
        return out

    def officer_before_body(self, subj: Token) -> list[Token]:
        """ "Winfried Hutmann, chief economist of Schroeder, Munchmeyer, Hengst GmbH said": the
        parser made the firm the subject; the person whose position at it is told speaks."""
        doc = self.doc
        body = next((e for e in doc.ents if e.start <= subj.i < e.end), None)
        if body is None or body.start < 3 or doc[body.start - 1].lower_ not in ("of", "at", "for"):
            return []
        k = body.start - 2
        if doc[k].lower_ not in PERSON_NOUNS:
            return []
        while k > 0 and doc[k - 1].dep_ in ("amod", "compound") and doc[k - 1].head.i == k:
            k -= 1
        name = doc[k - 2] if k >= 2 and doc[k - 1].text == "," else None
        return [name] if name is not None and name.ent_type_ == "PERSON" else []

    def person_closing(self, subj: Token, verb: Token) -> Token:
        """"State Office of Fair Trading Director Ann Leigh said": the parse makes the office the
        subject and the person an object of its "of"; a person named right before the verb, at
        the end of an organisation's name and title, is who speaks."""
        k = verb.i - 1
        run = self.names.run_of.get(k)
        if run is None or not subj.i < run[0] <= k or self.names.run_of.get(subj.i) == run \
                or not subj.left_edge.i <= k <= subj.right_edge.i:
            return subj
        org = subj.ent_type_ == "ORG" or (subj.i in self.names.run_of and self.names.is_org(self.name_at(subj.i) or ""))
        if not org:
            return subj
        name = self.name_at(k)
        node = self.doc[k]
        for _ in range(8):  # the person hangs from the organisation's name through "of" and compounds
            if node.i == subj.i or node.dep_ not in ("compound", "pobj", "prep", "appos"):
                break
            node = node.head
        return self.doc[k] if node.i == subj.i and name and self.names.is_person(name) else subj

    def apposition_owner(self, t: Token) -> Token:
        """The person whose apposition ``t`` ends: "Jorge Cadenas, manager of the Coffee
        Growers' Federation, said" → Cadenas, not the federation."""
        node = t
        for _ in range(6):
            if node.dep_ not in ("pobj", "prep", "appos", "poss", "compound") or node.head.i >= node.i:
                break
            node = node.head
            name = self.name_at(node.i) if node.i in self.names.run_of else None
            if node.dep_ != "appos" and name and self.names.is_person(name):
                return node
        return t

    def could_speak(self, t: Token) -> bool:
        """A name, a pronoun or a person noun ("trader", "spokesman")."""
        return t.i in self.names.run_of or t.lower_ in PRONOUNS or (
            t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS
        )

    def is_hypothetical(self, verb: Token) -> bool:
        """"Users can say …", "you might tell": what anyone could say, not what was said; also
        speech in an infinitive of what will or may happen ("the firm will be left to wonder:",
        "investors may want to ask:"), which nobody has said yet."""
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
            return True
        node = verb
        for _ in range(3):
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            if not infinitive or node.dep_ not in ("xcomp", "advcl") or node.head.i == node.i:
                return False
            node = node.head
            if any(c.dep_ == "aux" and c.lower_ in MODALS | FUTURE for c in node.children):
                return True
        return False

    def is_receiver(self, verb: Token, subj: Token) -> bool:
        """The subject receives, hears or suffers the words ("Jones received a voicemail:",
        "Jones was threatened:") rather than saying them."""
        return subj.dep_ == "nsubjpass" or verb.lemma_.lower() in RECEIVING or (
            verb.lemma_.lower() == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in TARGET_NOUNS
                                                for c in verb.children))

    def find_targets(self) -> None:
        """Who is threatened, insulted or accused, and where: "threatened Rep. Jones", "Jones was
        threatened", "Jones received a voicemail", "threats against Jones"."""
        for t in self.doc:
            if self.quoted[t.i] < 0 and t.lemma_.lower() in THREATS and t.pos_ in ("VERB", "NOUN") \
                    and not threatened_by_a_thing(t) and not threat_of_a_measure(t):
                self.threat_chars.append(t.idx)
            if self.quoted[t.i] >= 0 or t.i not in self.names.run_of:
                continue
            verb = t.head
            lemma = verb.lemma_.lower()
            target = (t.dep_ in ("dobj", "nsubjpass", "dative") and lemma in TARGETING) or (
                t.dep_ == "nsubj" and lemma in RECEIVING and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in HOSTILE_WORDS for c in verb.children)) or (
                t.dep_ == "pobj" and verb.lower_ in ("against", "at", "to")
                and verb.head.lemma_.lower() in HOSTILE_WORDS)
            if target:
                name = self.name_at(t.i)
                if name:
                    self.targets.setdefault(name, []).append(t.idx)


def threatened_by_a_thing(verb: Token) -> bool:
    """ "Melting glaciers threaten communities", "the debt threatens the recovery": a thing that
    threatens is no one threatening someone (the threat stories of issue 13 are people's)."""
    if verb.pos_ != "VERB":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_ \
        and subj.lemma_.lower() not in PERSON_NOUNS and not describes_person(subj.text)


def threat_of_a_measure(noun: Token) -> bool:
    """ "renewed the threat of a veto", "the threat of sanctions": a measure threatened, no one
    threatened with harm (unlike "the threat of violence")."""
    if noun.pos_ != "NOUN":
        return False
    objects = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
               if o.dep_ == "pobj"]
    return bool(objects) and all(o.pos_ == "NOUN" and o.lemma_.lower() not in HARM for o in objects)


def heads_sentence(verb: Token) -> bool:
    """``verb`` is its sentence's main verb, or joined to it by "and"."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
