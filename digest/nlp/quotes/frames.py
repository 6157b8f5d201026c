"""Frames: the words of a quote's sentence outside any quotation, and the speech verb
in them nearest the quote (or a tag verb or name right after it)."""

from __future__ import annotations

from spacy.tokens import Token

from digest.nlp.quotes.lexicon import ADDRESSED, MAX_FRAME, SENT_END, SPEECH_VERBS, is_phrasal_speech


class Frames:
    """The frame of each quote and the speech verb that decides its speaker."""

    def frame(self, qi: int) -> tuple[int, int]:
        """Token range of the sentence around quote ``qi``, sentence ends inside quotes ignored."""
        s = self.spans[qi]
        lo_char, hi_char = self.paras[s.paragraph]
        first = self.token_at(lo_char)
        last = self.token_at(max(lo_char, hi_char - 1))
        a = self.token_at(s.open_mark)
        b = self.token_at(s.close_mark if s.close_mark >= 0 else s.end - 1)
        doc = self.doc
        i = a - 1
        first = max(first, a - MAX_FRAME)
        last = min(last, b + MAX_FRAME)
        while i >= first:
            t = doc[i]
            if self.quoted[i] < 0 and (t.text in SENT_END or "\n" in t.text):
                break
            if self.quoted[i] >= 0 and self.quoted[i] != qi and self.ends_sentence(self.quoted[i]):
                break  # an earlier quote that ends its own sentence: "… done." "Next," he said
            i -= 1
        start = i + 1
        j = b + 1
        while j <= last:
            t = doc[j]
            if self.quoted[j] < 0 and (t.text in SENT_END or "\n" in t.text):
                break
            j += 1
        end = min(j + 1, last + 1)
        if self.ends_sentence(qi):
            # "… the show “The Apprentice.” The group also …": the sentence ends inside the marks;
            # what follows belongs to the frame only if it is a short attribution ("Trump said.")
            rest = [t for t in doc[b + 1:end] if not t.is_space]
            if rest and rest[0].text[:1].isupper() and not rest[0].is_punct and not self.attribution_follows(rest):
                end = b + 1
            elif rest and self.quoted[rest[0].i] >= 0 and all(t.is_space for t in doc[start:a]):
                end = b + 1  # "“… now it will.” “We don't want …,” Lampert said": the next quote's verb
        return start, end

    def attribution_follows(self, rest: list[Token]) -> bool:
        """The words after a quote that ends its sentence are its attribution: a speech verb
        among the first five, or as the first verb after a name and title however long ("State
        Office of Fair Trading Director Ann Leigh said")."""
        if self.introduces_next_quote(rest):
            return False  # "… crews." Port chief Tom Harris said: "We will …": his words come after
        if any(self.is_speech_verb(t) and not self.reports_own_clause(t) for t in rest[:5]):
            return True  # "… development." Cruz told reporters; not "Gov. Ann Lee said she would …"
        verb = next((t for t in rest[:16] if t.pos_ in ("VERB", "AUX")), None)
        # only a bare tag ("… Director Ann Leigh said in a statement."): a verb with a clause of its
        # own ("… Ann Leigh said that …") starts a new statement by someone else
        return verb is not None and self.is_speech_verb(verb) and all(
            t.pos_ in ("PROPN", "NOUN", "ADP", "DET", "ADJ", "PUNCT", "CCONJ", "PART") for t in rest[:rest.index(verb)]
        ) and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)

    @staticmethod
    def reports_own_clause(verb: Token) -> bool:
        """The speech verb reports a clause of its own after it ("Ann Lee said she would …")."""
        return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)

    def introduces_next_quote(self, rest: list[Token]) -> bool:
        """The words after a quote that ends its sentence lead in to the next quote: a speech
        verb followed by a colon or comma and a quotation ("Tom Harris said: “…”")."""
        verb = next((t for t in rest[:16] if self.is_speech_verb(t) and self.quoted[t.i] < 0), None)
        if verb is None:
            return False
        after = [t for t in rest if t.i > verb.i and not t.is_space]
        k = 0
        while k < len(after) and after[k].pos_ == "ADV" and self.quoted[after[k].i] < 0:
            k += 1  # "said simply:"
        return k + 1 < len(after) and after[k].text in (":", ",") and self.quoted[after[k].i] < 0 \
            and self.quoted[after[k + 1].i] >= 0

    def ends_sentence(self, qi: int) -> bool:
        """Quote ``qi`` is closed and its words end with sentence punctuation."""
        s = self.spans[qi]
        return s.close_mark >= 0 and self.text[s.start:s.end].rstrip()[-1:] in ".?!"

    def outside_words(self, lo: int, hi: int) -> int:
        """Number (up to 3) of word tokens of paragraph ``lo``..``hi`` outside quotation marks."""
        if (lo, hi) not in self.outside_cache:
            self.outside_cache[(lo, hi)] = self._count_outside(lo, hi)
        return self.outside_cache[(lo, hi)]

    def _count_outside(self, lo: int, hi: int) -> int:
        n = 0
        for i in range(self.token_at(lo), len(self.doc)):
            t = self.doc[i]
            if t.idx >= hi:
                break
            if self.quoted[i] < 0 and t.is_alpha:
                n += 1
                if n > 2:
                    break
        return n

    def speech_verb(self, outside: list[Token], a: int, b: int) -> Token | None:
        """The speech verb of the frame nearest to the quote (or "according" of "according to")."""
        best, best_d = None, 1 << 30
        for t in outside:
            ok = (t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")) or is_phrasal_speech(t) or (
                t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to"
            ) or (t.lemma_.lower() == "quote" and t.tag_ == "VBN")
            if not ok:
                continue
            d = a - t.i if t.i < a else t.i - b
            if t.dep_ in ("advcl", "relcl", "acl", "pcomp") and t.lemma_.lower() not in ("say", "quote"):
                d += 40  # "…," Trump said, after news outlets declared him the victor; "…," which indicate …, X said
            holds = t.left_edge.i <= a <= t.right_edge.i
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEECH_VERBS and (not holds or self.says_a_thing(t)):
                d += 40  # "X said the company was stressing growth, although “…”": a verb of the words X reports
            if d < best_d:
                best, best_d = t, d
        return best

    def says_a_thing(self, verb: Token) -> bool:
        """``verb`` has a plain noun outside the quotes as its object ("stressing growth"): what it says
        is that noun, not a quote beside it (one told is the listener: "telling a visiting delegation")."""
        return verb.lemma_.lower() not in ADDRESSED and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and self.quoted[c.i] < 0 for c in verb.children)

    def tag_verb(self, b: int, content: str) -> Token | None:
        """``"…," he assures himself``: a verb outside the speech lexicon whose subject, a name or
        he/she, stands right after a quote that ends in a comma, or in "?" or "!" when the tag ends
        there ("…?" Vitter demanded.) — after "?" or "!" a new sentence may start ("No!" Jackson
        joined the fight)."""
        ending = content.rstrip()[-1:]
        if ending not in (",", "?", "!"):
            return None
        doc = self.doc
        j = b + 1
        while j < len(doc) and j - b <= 2 and (doc[j].is_punct or doc[j].is_space) and self.quoted[j] < 0:
            j += 1
        if j >= len(doc) or self.quoted[j] >= 0:
            return None
        subject = doc[j]
        k = self.names.run_of[j][1] if j in self.names.run_of else j + 1 if subject.lower_ in ("he", "she") else -1
        if k < 0 or k >= len(doc):
            return None
        verb = doc[k]
        if not (verb.pos_ == "VERB" and self.quoted[k] < 0 and doc[k - 1].head.i == k and doc[k - 1].dep_ == "nsubj"):
            return None
        end = k + 1
        while end < len(doc) and doc[end].pos_ == "ADV":
            end += 1
        closes = end >= len(doc) or doc[end].text in (".", ",", ";")
        return verb if ending == "," or closes else None  # after "?" or "!" only a tag that ends there

    def tag_name(self, b: int, content: str) -> str | None:
        """``"…," Rep. Martin Frost (D-Tex.).``: a person's name right after a quote that ends in a
        comma, the speech verb lost to a broken sentence."""
        if content.rstrip()[-1:] != ",":
            return None
        j = b + 1
        while j < len(self.doc) and j - b <= 2 and self.doc[j].is_punct and self.quoted[j] < 0:
            j += 1
        if j >= len(self.doc) or j not in self.names.run_of or self.quoted[j] >= 0:
            return None
        name = self.name_at(j)
        return name if name and self.names.is_person(name) else None
