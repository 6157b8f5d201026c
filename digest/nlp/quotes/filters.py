"""Filters: names, titles, coined terms and scare quotes, which are no quotations."""

from __future__ import annotations

from spacy.tokens import Token

from digest.nlp.quotes.lexicon import DESIGNATION, FUNCTION_WORDS, WORD_RE


class Filters:
    """Tests on a quote's words and what touches them."""

    def is_designation(self, before: list[Token], content: str, words: int) -> bool:
        """A name or term being introduced: called "aggie mae", the so-called "Plaza accord"."""
        if words > 6 or not before:
            return False
        near = [t.lower_ for t in before[-3:]]
        return any(w in DESIGNATION for w in near[-2:]) or (near[-1:] == ["as"] and "known" in near)

    def is_title_like(self, content: str) -> bool:
        """Capitalised words only: a title or a name ("Taipei, China", "State of the Union.")."""
        words = WORD_RE.findall(content)
        if not words or len(words) > 8:
            return False
        if words[0] in ("I", "We", "You") or any(w.lower() in ("i", "i'm", "i’m") for w in words):
            return False
        content_words = [w for w in words if w.lower() not in FUNCTION_WORDS]
        return bool(content_words) and all(w[:1].isupper() or w[:1].isdigit() for w in content_words)

    def modifies_noun(self, a: int, b: int) -> bool:
        """``a "non-market economy" status``, ``the original "big four" negotiators``, ``a "phase
        one" trade deal``: the quoted words modify the noun after the closing mark."""
        doc = self.doc
        if b + 1 >= len(doc) or a == 0:
            return False
        after = doc[b + 1]
        if after.pos_ not in ("NOUN", "PROPN") or after.is_punct:
            return False
        nouns = {after.i}  # "a "phase one" trade deal": the noun after the mark and the nouns it modifies
        tok = after
        while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.head.i - b <= 4:
            tok = tok.head
            nouns.add(tok.i)
        prev = doc[a - 1]
        if prev.dep_ == "det" and prev.head.i in nouns:
            return True
        return any(t.head.i in nouns for t in doc[a + 1:b] if not t.is_punct)

    def owned_label(self, a: int, b: int) -> bool:
        """Argentina's "dirty war", Arab "self-defence militias": a verbless quoted noun phrase that a
        name or a nationality owns is what that party calls something, a scare quote."""
        doc = self.doc
        inside = [t for t in doc[a + 1:b] if not t.is_punct]
        if not inside or len(inside) > 5 or any(t.pos_ in ("VERB", "AUX") for t in inside):
            return False
        roots = [t for t in inside if t.head.i == t.i or not a < t.head.i < b]
        if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN"):
            return False
        return any(c.i < a and ((c.dep_ == "poss" and c.pos_ == "PROPN") or
                                (c.dep_ == "amod" and c.ent_type_ == "NORP")) for c in roots[0].children)

    def attribution_adjacent(self, a: int, b: int) -> bool:
        """A speech verb touches the quote: ``"…," Trump said`` or ``said: "…"``."""
        doc = self.doc
        j = b + 1
        while j < len(doc) and (doc[j].is_punct or doc[j].is_space) and self.quoted[j] < 0 and j - b < 3:
            j += 1
        for k in range(j, min(len(doc), j + 4)):
            if self.quoted[k] >= 0:
                break
            if self.is_speech_verb(doc[k]):  # "“American Skin” was written by …" names a work
                return not any(c.dep_ == "auxpass" for c in doc[k].children)
        i = a - 1
        while i >= 0 and (doc[i].is_punct or doc[i].is_space) and self.quoted[i] < 0 and a - i < 3:
            i -= 1
        return i >= 0 and self.quoted[i] < 0 and self.is_speech_verb(doc[i])

    def is_clause(self, a: int, b: int) -> bool:
        """The quoted tokens contain a subject and a verb of their own."""
        toks = self.doc[a:b + 1]
        return any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in toks) and any(
            t.pos_ in ("VERB", "AUX") for t in toks
        )

    def single_word_ok(self, before: list[Token], a: int, b: int) -> bool:
        """A one-word quote counts only as a verb of reported speech: she said she "wanted" to.

        Quoted single adjectives and nouns ("disgusting", "lies") are mostly labels or scare
        quotes, so they are left out.
        """
        words = [t for t in self.doc[a:b + 1] if t.is_alpha]
        if not before or len(words) != 1 or words[0].pos_ != "VERB":
            return False
        subject = before[-1]
        return subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i == words[0].i
