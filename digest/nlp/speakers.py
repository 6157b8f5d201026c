"""Who speaks: names, roles and antecedents in a parsed article.

The named-entity labels of small pipelines are not trusted on their own (en_core_web_sm tags
"Grushko" as ORG): a name is a run of proper nouns, a person is a name that is labelled
PERSON somewhere, carries a personal title, or is a speaker's subject. The fullest name the
article gives ("Alexander Grushko" for "Grushko") is found by surname.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from babel import Locale
from spacy.tokens import Doc, Token

from digest.nlp.naming import (
    INSTITUTION_WORDS,
    PERSON_NOUNS,
    TITLE_WORDS,
    clean_role,
    fuller_name,
    is_office_field,
    is_position_word,
    is_role_word,
    is_royal_title,
    role_fits,
    royal_start,
    royal_titles,
    suffix_count,
    without_suffixes,
    words_of,
)


def _words(text: str) -> frozenset[str]:
    return words_of(text)


_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_NOT_SPEAKER_LABELS = _NOT_NAMES | {"GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "them"})
# Countries and territories by their English names (CLDR, through Babel): "Sri Lanka" is a
# place even where the tagger labels it a person.
_COUNTRIES = frozenset(name.lower() for code, name in Locale("en").territories.items() if code.isalpha())


@dataclass
class Mention:
    """A name occurrence: tokens ``start``..``end`` (exclusive) and where it stands."""

    start: int
    end: int
    char: int
    name: str
    subject: bool


@dataclass
class Names:
    """Index of the proper names of one document."""

    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    fullest: dict[str, str] = field(default_factory=dict)  # surname -> fullest name
    persons: set[str] = field(default_factory=set)  # fullest names known to be persons
    roles: dict[str, str] = field(default_factory=dict)  # fullest name -> role
    gender: dict[str, str] = field(default_factory=dict)  # fullest name -> "f" | "m", where the text says
    run_of: dict[int, tuple[int, int]] = field(default_factory=dict)  # token -> name run
    labels: dict[str, set[str]] = field(default_factory=dict)  # fullest name -> entity labels of its mentions
    by_first: dict[str, set[str]] = field(default_factory=dict)  # first name -> the persons' full names
    shared: set[str] = field(default_factory=set)  # surnames two people of the article share
    hidden: list[tuple[int, int]] = field(default_factory=list)  # page furniture: never an antecedent
    _person_chars: list[int] = field(default_factory=list)
    _person_mentions: list[Mention] = field(default_factory=list)

    def resolve(self, name: str) -> str:
        """The fullest form of ``name`` in the article."""
        words = name.split()
        if not words:
            return name
        full = self.fullest.get(surname_key(words))
        if full and len(full.split()) > len(words) and _compatible(words, full.split()):
            return full
        if len(words) == 1 and _key(words[0]) in self.shared:
            return name  # "Lee" beside "Ann Lee" and "Tom Lee": a surname, never someone's first name
        if len(words) == 1 and (not full or full == name):  # "Melanie": the one person with that first name
            firsts = self.by_first.get(_key(words[0]), ())
            if len(firsts) == 1:
                return next(iter(firsts))
        return name

    def add_person(self, name: str) -> None:
        full = self.resolve(name)
        if not _never_person(full):  # a country or company speaks through its people, never as one
            self.persons.add(full)

    def is_person(self, name: str) -> bool:
        return self.resolve(name) in self.persons

    def is_org(self, name: str) -> bool:
        """Labelled an organisation and never a person."""
        full = self.resolve(name)
        labels = self.labels.get(full, set())
        return full not in self.persons and "ORG" in labels and "PERSON" not in labels

    def is_non_speaker(self, name: str) -> bool:
        """Only ever labelled a place, product, work, event or number: "Brussels", "Siri"."""
        full = self.resolve(name)
        labels = self.labels.get(full, set())
        return full not in self.persons and bool(labels) and labels <= _NOT_SPEAKER_LABELS

    def finish(self) -> None:
        """Freeze the list of person mentions used for pronoun resolution."""
        self._person_mentions = [m for m in self.mentions if self.resolve(m.name) in self.persons
                                 and not self.is_hidden(m.char)]
        self._person_chars = [m.char for m in self._person_mentions]

    def hide(self, ranges: list[tuple[int, int]]) -> None:
        """Character ranges of page furniture (bylines, credits, lone names), sorted: the names
        in them are no antecedent of a later pronoun."""
        self.hidden = ranges
        self._person_mentions = [m for m in self._person_mentions if not self.is_hidden(m.char)]
        self._person_chars = [m.char for m in self._person_mentions]

    def is_hidden(self, char: int) -> bool:
        k = bisect.bisect_right(self.hidden, (char, len(self.doc.text) + 1)) - 1
        return k >= 0 and self.hidden[k][0] <= char < self.hidden[k][1]

    def recent_person(self, char: int, prefer_subject: bool = True, noun: str | None = None,
                      window: int = 2500) -> str | None:
        """The named person most recently mentioned before offset ``char``.

        With ``noun`` ("minister"), the person whose role contains that noun wins.
        """
        k = bisect.bisect_left(self._person_chars, char)
        fallback = None
        best_subject = None
        for m in reversed(self._person_mentions[max(0, k - 40):k]):
            if char - m.char > window and fallback is not None:
                break
            name = self.resolve(m.name)
            if noun:  # "the minister": a minister; "the queen": also "Queen Matilda", her title in her name
                if role_fits(noun, self.roles.get(name) or "") or noun in royal_titles(name):
                    return name
                continue
            if fallback is None:
                fallback = name
            if m.subject and best_subject is None:
                best_subject = name
                break
        if noun:
            return None
        return best_subject if prefer_subject and best_subject else fallback


# Endings of company names: "John Labatt Ltd", "Ford Motor Co." are companies, never persons.
_COMPANY_ENDINGS = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh", "bv", "spa",
                              "lp", "llp", "pty", "limited", "incorporated"})


def is_company_name(full: str) -> bool:
    """A name with a company's legal ending ("Acme Corp", "John Labatt Ltd")."""
    words = full.split()
    return len(words) > 1 and _key(words[-1]) in _COMPANY_ENDINGS


def _never_person(full: str) -> bool:
    """A country ("Sri Lanka") or a company ("John Labatt Ltd"), whatever the tagger says."""
    return full.lower() in _COUNTRIES or is_company_name(full)


_FEMININE = _words(
    """
    mrs mrs. ms ms. miss madam dame lady queen princess duchess countess spokeswoman chairwoman
    congresswoman businesswoman councilwoman actress waitress mother wife daughter sister
    grandmother aunt niece widow woman girl
    """
)
_MASCULINE = _words(
    """
    mr mr. sir lord king prince duke count spokesman chairman congressman businessman councilman
    actor father husband son brother grandfather uncle nephew widower man boy
    """
)


def _gender_of(words: list[str]) -> str | None:
    """"f" or "m" when a title or noun next to the name says so (Mrs., spokesman), else None."""
    keys = {_key(w) for w in words}
    fem, masc = bool(keys & _FEMININE), bool(keys & _MASCULINE)
    return "f" if fem and not masc else "m" if masc and not fem else None


def _key(word: str) -> str:
    return word.lower().strip(".,’'")


def _compatible(short: list[str], full: list[str]) -> bool:
    """``short`` ("Grushko", "Mr. Grushko") is a shortened form of ``full``."""
    full_keys = {_key(w) for w in full}
    return all(_key(w) in full_keys or _key(w) in TITLE_WORDS for w in short)


def _is_name_token(tok: Token) -> bool:
    return (tok.pos_ == "PROPN" or tok.tag_ in ("NNP", "NNPS")) and tok.text[:1].isupper() and (
        tok.ent_type_ not in _NOT_NAMES
    )


def strip_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """Split ``words`` into (leading titles, name): "Deputy Foreign Minister Alexander Grushko",
    "CEO Tim Cook", "Browns DL Sheldon Richardson"."""
    if words and _key(words[-1]) in INSTITUTION_WORDS:
        return [], words  # "General Motors Corp", "Turkish Foreign Ministry": no person's titles
    if len(words) > 1 and all(is_position_word(w) for w in words):
        return words, []
    # a title word at the end is a surname ("Julie Bishop", "Stephen King"); a single word that is
    # also a title word ("Leader", "Major") may be a name
    core = len(words) - suffix_count(words)  # "Martin Luther King Jr.": "King" is his surname, not a title
    cut = max((i + 1 for i, w in enumerate(words[:core - 1]) if is_position_word(w)), default=0)
    cut = royal_start(words, cut)  # "Prince Andrew", "King Hassan": a royal's title is part of the name
    return words[:cut], words[cut:]


def surname_key(words: list[str]) -> str:
    """The key of the surname: the last word before any generational suffix ("King" of
    "Martin Luther King Jr.")."""
    return _key(without_suffixes(words)[-1])


_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "den", "ter", "du", "di",
                        "del", "della", "dos", "das", "le", "la"})
_HYPHENS = ("-", "‐")
# Titles written short with a full stop that spaCy may split off: "Army Capt. Christian Pardo".
_ABBREVIATED_TITLES = frozenset({"capt", "gen", "lt", "col", "maj", "sgt", "adm", "cmdr", "gov", "sen", "rep",
                                 "dr", "mr", "mrs", "ms", "prof", "rev", "st", "cpl", "pvt", "supt", "insp", "det"})
# Capitalised words that open a sentence or headline before an organisation's name and never
# belong to it: "Key Security Council members", "Leading Labour MPs".
_QUALIFIERS = frozenset({"key", "leading", "several", "many", "most", "some", "other", "few", "both",
                         "various", "prominent", "influential", "powerful", "angry", "frustrated"})
_MODIFIER_TAGS = frozenset({"VBN", "VBD", "VBG", "JJ", "JJR", "JJS"})


def _hyphen_joined(doc: Doc, j: int) -> bool:
    """Token ``j`` is a hyphen written between two words with no space: "Hau-yip", "43-year-old"."""
    return doc[j].text in _HYPHENS and 0 < j < len(doc) - 1 and not doc[j - 1].whitespace_ \
        and not doc[j].whitespace_ and doc[j + 1].is_alpha


def _particles_before_name(doc: Doc, j: int) -> bool:
    """Token ``j`` starts the particles of a surname, followed by the rest of the name: "de la
    Cruz", "van der Beek", "bin Salman", "al-Falih"."""
    n = len(doc)
    k = j
    while k < n and k - j < 3 and doc[k].lower_ in _PARTICLES:
        k += 1
    if k == j or k >= n:
        return False
    return _is_name_token(doc[k]) or (_hyphen_joined(doc, k) and k + 1 < n and _is_name_token(doc[k + 1]))


def _possessive_inside_name(doc: Doc, j: int) -> bool:
    """Token ``j`` is a possessive "'s" inside one named organisation or work, between two
    names ("People's Daily"); not "Reagan's Iran policy", where the entity ends before it."""
    return doc[j].tag_ == "POS" and doc[j].ent_iob_ == "I" and j + 1 < len(doc) \
        and doc[j + 1].ent_iob_ == "I" and doc[j].ent_type_ in ("ORG", "WORK_OF_ART", "FAC") \
        and _is_name_token(doc[j + 1])


def name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of proper-noun tokens, token ranges: hyphenated parts are kept whole
    ("Cheuk Hau-yip", "Khalid al-Falih") and particles inside a name too ("Paul de Keersmaeker")."""
    runs = []
    i, n = 0, len(doc)
    surnames = _surnames(doc)
    while i < n:
        if not (_is_name_token(doc[i]) or _named_surname(doc[i], surnames) or _surname_read_as_pronoun(doc[i])):
            i += 1
            continue
        j = i + 1
        while j < n:
            t = doc[j]
            joined = j + 1 < n and _is_name_token(doc[j + 1])
            initial = t.text == "." and joined and (len(doc[j - 1]) == 1 or doc[j - 1].lower_ in _ABBREVIATED_TITLES)
            # a middle initial the tagger took for a common noun: "Julia A. Ruiz Montoya"
            initial = initial or (len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "." and joined)
            particle = _particles_before_name(doc, j)
            # a capitalised word the tagger read as a common noun inside a person's name: "Park Sin-bom"
            in_person = t.ent_type_ == "PERSON" and t.ent_iob_ == "I" and t.is_alpha and t.text[:1].isupper()
            surname = j == i + 1 and _surname_of_a_common_word(doc, j)
            if _is_name_token(t) or initial or particle or in_person or surname:
                j += 1
            elif _possessive_inside_name(doc, j) and doc[j + 1].text not in surnames:
                j += 2  # "People's Daily", "Lloyd's Register": one organisation's name; not "Bache's Wolffe"
            elif _hyphen_joined(doc, j) and (joined or (j - 1 > i and doc[j + 1].tag_ not in _MODIFIER_TAGS)):
                j += 2  # "Thomas-Greenfield", "Cheuk Hau-yip"; not "Saudi-led", "Trump-era"
            else:
                break
        if j - i > 1 and doc[i].lower_ in _QUALIFIERS:
            i += 1  # "Key Security Council": the council, not a new name
        runs.append((i, j))
        i = j
    person_start = {e.end: e.start for e in doc.ents if e.label_ == "PERSON"}
    return [piece for run in runs for piece in _split_at_person(doc, *run, person_start.get(run[1], -1))]


def _surname_of_a_common_word(doc: Doc, j: int) -> bool:
    """Token ``j``, after a given name, is a surname that is also a common word, capitalised
    inside the sentence and closing the name before a comma or a verb ("Suzanne Early, assistant
    trade representative, said", "Tom Little told"), however the tagger read it."""
    tok = doc[j]
    if not tok.is_alpha or not tok.is_title or tok.is_sent_start or tok.pos_ not in ("ADV", "ADJ", "NOUN"):
        return False
    if tok.ent_type_ not in ("", "PERSON") or is_position_word(tok.text) or _key(tok.text) in INSTITUTION_WORDS:
        return False
    given = doc[j - 1]
    if given.is_sent_start is False and given.ent_type_ not in ("", "PERSON"):
        return False
    after = doc[j + 1] if j + 1 < len(doc) else None
    return after is not None and (after.text in (",", "(") or after.pos_ in ("VERB", "AUX"))


def _surname_read_as_pronoun(tok: Token) -> bool:
    """ "But He Weiling, the institute's representative, said": a capitalised "He" after a word of
    the sentence and before a name is a surname (a Chinese one) the tagger read as "he"."""
    if tok.text != "He" or tok.is_sent_start or tok.i + 1 >= len(tok.doc):
        return False
    before, nxt = tok.doc[tok.i - 1], tok.nbor(1)
    return before.is_alpha and _is_name_token(nxt) and not nxt.is_sent_start


def _surnames(doc: Doc) -> frozenset[str]:
    """Last words of the people the article names in full: "Trump" of "Donald Trump" is the
    person's name wherever it stands capitalised, even where the tagger takes it for a verb
    ("…," Trump shot back) or a place ("…," Kasich weighed in)."""
    return frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2
                     and e[-1].text[:1].isupper() and e[-1].is_alpha)


def _named_surname(tok: Token, surnames: frozenset[str]) -> bool:
    """A capitalised word inside a sentence that is the surname of someone named in full (not the
    month of "in May" beside "Theresa May")."""
    return tok.text in surnames and not tok.is_sent_start and tok.ent_type_ not in _NOT_NAMES


def _split_at_person(doc: Doc, start: int, end: int, person_start: int) -> list[tuple[int, int]]:
    """A run whose last words are a person (a PERSON entity from ``person_start`` to ``end``) and
    whose first words are a place, organisation or position ("Ukraine Kurt Volker", "Browns DL
    Sheldon Richardson") is two runs."""
    person = doc[person_start:end] if start < person_start < end else None
    if person is None and end - start >= 3 and start >= 2 and doc[start - 1].lower_ in ("to", "of") \
            and _is_title_noun(doc[start - 2]) and all(_is_name_token(t) for t in doc[end - 2:end]) \
            and doc[end - 3].whitespace_ and _could_be_personal(doc, end - 2, end):
        return [(start, end - 2), (end - 2, end)]  # "envoy to Ukraine Kurt Volker": a place, then the name
    field = _office_field_split(doc, start, end)
    if field is not None and (person is None or person.start >= field):
        return [(start, field), (field, end)]  # "Director of Public Works Mara Kettle": the field, then the name
    if person is None or person.end - person.start < 2:
        return [(start, end)]
    before = doc[start:person.start]
    if all(is_position_word(t.text) for t in before):
        return [(start, end)]  # "Commissioner Maria Alvarez": strip_titles takes the titles off
    if all(t.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC") or is_position_word(t.text) for t in before):
        return [(start, person.start), (person.start, end)]
    return [(start, end)]


def _word_starts(doc: Doc, start: int, end: int) -> list[int]:
    """The tokens that begin each word of a run, hyphen-joined tokens one word ("Anna-Lise")."""
    return [i for i in range(start, end)
            if not _hyphen_joined(doc, i) and not (i > start and _hyphen_joined(doc, i - 1))]


def _office_field_split(doc: Doc, start: int, end: int) -> int | None:
    """Where the name begins in a run naming an office's field, then a person, after a position
    and "of" or "for" ("Director of Public Prosecution Anna-Lise Borg"): the field's words are
    words for a field of government, the name's the last two words."""
    if start < 2 or doc[start - 1].lower_ not in ("of", "for") or not is_role_word(doc[start - 2].text):
        return None
    words = _word_starts(doc, start, end)
    if len(words) < 3 or not all(is_office_field(doc[i].text) for i in words[:-2]):
        return None
    return words[-2] if _could_be_personal(doc, words[-2], end) else None


def _could_be_personal(doc: Doc, start: int, end: int) -> bool:
    """The words could be a person's name: no word of an office's field or an institution's among
    them ("Health Service", "Storage Inc"); the tagger's labels are no guide here ("Ukraine Kurt
    Volker" is one ORG to it)."""
    return not any(is_office_field(t.text) or _key(t.text) in INSTITUTION_WORDS for t in doc[start:end])


def _run_text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text.strip()


def _name_words(doc: Doc, start: int, end: int) -> tuple[list[str], list[str]]:
    words = _run_text(doc, start, end).split()
    return strip_titles(words)


def build_names(doc: Doc) -> Names:
    """Index every proper name in ``doc``: fullest forms, persons, roles and mentions."""
    names = Names(doc)
    forms = _index_runs(doc, names)
    _choose_fullest(names, forms)
    person_tokens = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
    for m in names.mentions:
        _describe_mention(doc, names, m, person_tokens)
    _correct_persons(names)
    names.finish()
    return names


def _index_runs(doc: Doc, names: Names) -> dict[str, dict[str, list[int]]]:
    """Record every name run and its mention; return the forms of each surname (form ->
    [count, first seen])."""
    forms: dict[str, dict[str, list[int]]] = {}
    for start, end in name_runs(doc):
        for i in range(start, end):
            names.run_of[i] = (start, end)
        _, words = _name_words(doc, start, end)
        if not words:
            continue
        name = " ".join(words)
        head = doc[end - 1]
        subject = head.dep_ in ("nsubj", "nsubjpass", "poss") or (
            head.dep_ in ("compound", "appos") and head.head.dep_ in ("nsubj", "nsubjpass")
        )
        names.mentions.append(Mention(start, end, doc[start].idx, name, subject))
        forms.setdefault(surname_key(words), {}).setdefault(name, [0, len(names.mentions)])[0] += 1
    return forms


def _choose_fullest(names: Names, forms: dict[str, dict[str, list[int]]]) -> None:
    """The fullest name of each surname: the first full form the article introduces ("Ann B. Lee"
    for a later "Lee", "Hillary Clinton" over a later "Crooked Hillary Clinton"), when every
    full form of that surname is one person's; two people of one surname ("Ann Lee", "Tom Lee")
    leave the surname alone as it is written."""
    for surname, counts in forms.items():
        ordered = sorted(counts, key=lambda n: counts[n][1])
        lone = next((n for n in ordered if len(n.split()) == 1), ordered[0].split()[-1])
        fuller = fuller_name(lone, ordered)
        names.fullest[surname] = fuller or lone
        if fuller is None and sum(len(n.split()) > 1 for n in ordered) > 1:
            names.shared.add(surname)


def _describe_mention(doc: Doc, names: Names, m: Mention, person_tokens: set[int]) -> None:
    """What mention ``m`` tells of its name: a person, its entity labels, role and gender."""
    full = names.resolve(m.name)
    has_person = any(i in person_tokens for i in range(m.start, m.end)) and not _common_word_opening(doc, m)
    # a personal title or position, not a word like "National" or "Federal" that also heads bodies
    titled = any(_key(w) in PERSON_NOUNS or is_role_word(w) for w in _name_words(doc, m.start, m.end)[0])
    titled = titled or bool(royal_titles(m.name))  # "Queen Matilda": a royal's title stays in the name
    before = doc[m.start - 1] if m.start > 0 else None
    if before is not None and before.lower_ in PERSON_NOUNS and before.pos_ == "NOUN":
        titled = True
    if has_person or titled or _described_as_person(doc, m.end):
        names.persons.add(full)
    names.labels.setdefault(full, set()).update(
        doc[i].ent_type_ or "NONE" for i in range(m.start, m.end) if not doc[i].is_punct)
    if full not in names.roles:
        role = role_of(doc, m.start, m.end)
        if role:
            names.roles[full] = role
    if full not in names.gender:
        words = _name_words(doc, m.start, m.end)[0] + ([before.text] if before is not None else [])
        words += (names.roles.get(full) or "").split()
        gender = _gender_of(words)
        if gender:
            names.gender[full] = gender


def _common_word_opening(doc: Doc, m: Mention) -> bool:
    """A lone capitalised word opening a sentence as the modifier of a common noun ("Humidifier
    use had …"): the tagger's PERSON there is no evidence of a person."""
    if m.end - m.start != 1 or not (m.start == 0 or doc[m.start].is_sent_start or doc[m.start - 1].is_space):
        return False
    tok = doc[m.start]
    head = tok.head
    return tok.dep_ in ("compound", "amod") and head.i == m.start + 1 and head.pos_ == "NOUN" \
        and head.text.islower() and head.lower_ not in PERSON_NOUNS and not is_role_word(head.text)


def _correct_persons(names: Names) -> None:
    """Persons nobody labelled otherwise added, countries and companies taken out, and the
    persons indexed by first name."""
    for full, labels in names.labels.items():
        if full not in names.persons and labels <= {"PERSON", "NONE"} and _looks_personal(full):
            names.persons.add(full)  # "Montell Figgins": two capitalised words nobody labelled otherwise
    for full in [full for full in names.persons if full.lower() in _COUNTRIES]:
        names.persons.discard(full)  # "Sri Lanka" tagged PERSON
        names.labels[full] = {"GPE"}
    companies = {" ".join(m.name.split()[:-1]).lower() for m in names.mentions
                 if is_company_name(m.name)}
    for full in [full for full in names.persons if all(is_office_field(w) for w in full.split())]:
        names.persons.discard(full)  # "Human Rights" of "High Commissioner for Human Rights": a field
    for full in [full for full in names.persons if _never_person(full) or full.lower() in companies]:
        names.persons.discard(full)  # "John Labatt Ltd": a company named after its founder; "Phelps
        names.labels[full] = {"ORG"}  # Dodge" where the article also writes "Phelps Dodge Corp"
    for full in names.persons:
        if len(full.split()) > 1:
            names.by_first.setdefault(_key(full.split()[0]), set()).add(full)
    for m in names.mentions:  # "Bozell" beside "Brent Bozell" and "Brent Bozell III": one of two persons
        if len(m.name.split()) == 1 and _key(m.name) in names.shared and _only_persons_share(names, m.name):
            names.persons.add(m.name)


def _only_persons_share(names: Names, surname: str) -> bool:
    """Every full name of the article with this surname is a person's."""
    key = _key(surname)
    fulls = [f for f in names.labels if len(f.split()) > 1 and surname_key(f.split()) == key]
    return bool(fulls) and all(f in names.persons for f in fulls)


def _described_as_person(doc: Doc, end: int) -> bool:
    """The name is followed by ", who …", ", a lawyer …" or ", manager of …": words only said of
    a person."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    nxt = doc[end + 1]
    if nxt.lower_ == "who" or (nxt.pos_ == "NOUN" and nxt.text.islower() and nxt.lower_ in PERSON_NOUNS):
        return True  # "Jorge Cadenas, who …", "Jorge Cadenas, manager of …"
    if nxt.text.islower() and nxt.pos_ in ("ADJ", "NOUN"):  # "Stanley Emerling, executive vice president of …"
        for t in doc[end + 2:min(len(doc), end + 5)]:
            if not (t.is_alpha and t.text.islower()):
                break
            if t.pos_ == "NOUN" and t.lower_ in PERSON_NOUNS:
                return True
    if nxt.lower_ in ("a", "an", "the") and end + 2 < len(doc):
        head = doc[end + 2:min(len(doc), end + 6)]
        return any(t.pos_ == "NOUN" and t.lower_ in PERSON_NOUNS for t in head)
    return False


def _looks_personal(name: str) -> bool:
    """Two to four capitalised words, none of them a word of institutions: "Montell Figgins"."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(
        _key(w) in INSTITUTION_WORDS or _key(w) in TITLE_WORDS for w in words)


def _modifiers_start(doc: Doc, start: int, members: set[int]) -> int:
    """First token of the words before ``start`` that modify it: "Kremlin spokesman",
    "Oscar-winning actress" (hyphenated words whole), "former special envoy to Ukraine"."""
    left = start
    while left > 0:
        prev = doc[left - 1]
        if left > 1 and _hyphen_joined(doc, left - 1) and (left - 1 > start - 1 or doc[left].head.i in members
                                                           or left in members):
            left -= 2
            members.update((left, left + 1))
        elif prev.head.i in members and prev.dep_ in ("compound", "amod", "nmod", "nummod") and not prev.is_punct:
            left -= 1
            members.add(left)
        elif left > 1 and prev.tag_ == "POS" and is_royal_title(doc[left - 2].text) and doc[left - 2].head.i in members:
            left -= 2  # "Queen's Counsel John Marsh", "King's Counsel": a title the Crown gives
            members.update((left, left + 1))
        elif left > 1 and left < start and prev.lower_ in ("to", "of", "for") and _is_role_noun(doc[left - 2]):
            left -= 2  # "envoy to Ukraine Kurt Volker": the position goes on over "to"
            members.add(left)
        elif left > 2 and prev.dep_ == "pobj" and prev.head.i == left - 2 and _of_a_role(doc[left - 2]):
            left -= 3  # "Portuguese Ambassador to China Octavio Valerio": parsed as the title's object
            members.update((left, left + 1, left + 2))
        else:
            break
    return left


def _is_role_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and (tok.lower_ in PERSON_NOUNS or tok.lower_ in TITLE_WORDS)


def _of_a_role(prep: Token) -> bool:
    """ "to", "of" or "for" right after a title that it completes ("Ambassador to", "Minister of")."""
    title = prep.doc[prep.i - 1]
    return prep.lower_ in ("to", "of", "for") and prep.head == title and _is_title_noun(title)


def _is_title_noun(tok: Token) -> bool:
    """A noun of a position, or a capitalised one that names a person ("Ambassador", "Secretary"),
    not a body ("Bank of America …")."""
    return _is_role_noun(tok) or (tok.pos_ == "PROPN" and tok.lower_ in PERSON_NOUNS)


def role_of(doc: Doc, start: int, end: int) -> str | None:
    """The title or description attached to the name at tokens ``start``..``end``.

    "Deputy Foreign Minister Alexander Grushko", "Kremlin spokesman Dmitry Peskov",
    "US ambassador to the United Nations, Linda Thomas-Greenfield", "Boren, chairman of …".
    """
    titles, _ = _name_words(doc, start, end)
    head = doc[end - 1]
    # words before the run that modify the name: "Kremlin spokesman"
    left = _modifiers_start(doc, start, set(range(start, end)))
    if left == start and titles and start >= 2 and _of_a_role(doc[start - 1]):
        left = _modifiers_start(doc, start - 2, set(range(start - 2, end)))  # "Secretary of State George Shultz"
    pre = doc[left:start].text.strip()
    # "co-CEO Marc Benioff": a word hyphened onto the title stays joined to it
    joined = "" if pre.endswith("-") and start > 0 and not doc[start - 1].whitespace_ else " "
    parts = [p for p in (pre, " ".join(titles)) if p]
    if parts:
        return clean_role(joined.join(parts))
    # "US ambassador to the United Nations, Linda …": the name is an apposition of a noun
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < start:
        noun = head.head
        toks = [t for t in noun.subtree if t.i < start and not (t.is_punct and t.i == start - 1)]
        if toks:
            text = doc[toks[0].i:toks[-1].i + 1].text.strip(" ,")
            if 0 < len(text.split()) <= 10:
                return clean_role(text)
    # the same when the parser missed the apposition: walk back over the noun phrase before the comma
    if start >= 2 and doc[start - 1].text == ",":
        i = start - 2
        while i >= 0 and start - i <= 10 and not doc[i].is_punct and doc[i].pos_ not in ("VERB", "AUX", "SCONJ"):
            i -= 1
        span = doc[i + 1:start - 1]
        firsts = [t for t in span if t.lower_ in PERSON_NOUNS or _key(t.text) in TITLE_WORDS and t.pos_ == "NOUN"]
        if firsts:
            k = firsts[0].i
            while k - 1 > i and doc[k - 1].dep_ in ("compound", "amod", "nmod") and doc[k - 1].head.i >= k:
                k -= 1
            return clean_role(doc[k:start - 1].text)
    # "Boren, chairman of the Senate Agriculture subcommittee …"
    for child in head.children:
        if child.dep_ == "appos" and child.i >= end and child.pos_ in ("NOUN", "PROPN"):
            toks = sorted(child.subtree, key=lambda t: t.i)
            cut = []
            for t in toks:
                if t.dep_ in ("relcl", "acl") or t.text in (",", ";", "(", "—", "–"):
                    break
                cut.append(t)
            if cut and len(cut) <= 10 and not any(_is_name_token(t) for t in cut[:1]):
                return clean_role(doc[cut[0].i:cut[-1].i + 1].text)
    return None



