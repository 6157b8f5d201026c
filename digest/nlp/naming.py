"""One normalisation of speaker names and roles, shared by the extractor and the people pages.

Plain string code (no spaCy), so the assemble stage can use it on cached extractions:
titles and positions are split off a name into its role ("CEO Tim Cook" → "Tim Cook",
"CEO"), roles are cleaned or refused ("Rep." alone, stray quote marks, navigation text),
and two forms of one person's name are recognised ("Owen Dempsey", "Owen John Dempsey",
"Dempsey").
"""

from __future__ import annotations

import re


def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that are titles or descriptions, not part of a personal name.
TITLE_WORDS = words_of(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady rev rev. father
    sen sen. senator rep rep. representative congressman congresswoman gov gov. governor lt lt.
    gen gen. general col col. maj maj. capt capt. cmdr adm adm. sgt sgt. admiral colonel major captain
    president vice prime deputy foreign minister ministers secretary secretaries chairman chairwoman
    chair chief executive officer director commissioner chancellor ambassador spokesman spokeswoman
    spokesperson judge justice mayor king queen prince princess pope sheikh emir premier
    treasury state finance agriculture trade economics economy defense defence interior attorney
    justice labor labour energy commerce health education transportation industry
    managing assistant associate senior junior acting former first undersecretary under
    leader majority minority speaker house senate whip candidate nominee democratic republican
    democrat gop presidential frontrunner hopeful analyst economist trader dealer banker
    official officials chief's chairman's president-elect vice-president u.s. us uk u.k.
    federal national international central bank board council committee white
    ceo cfo coo cto cio chairperson envoy coach manager founder co-founder owner
    superintendent sheriff detective inspector officer sergeant trooper pastor bishop rabbi imam
    provost councillor councilman councilwoman commander ombudsman ombudswoman comptroller
    counsel barrister solicitor
    administrator registrar treasurer auditor assessor trustee supervisor alderman alderwoman
    assemblyman assemblywoman assemblymember lieutenant corporal coroner magistrate prosecutor
    archbishop secretary-general director-general marshal
    """
)
# Common nouns that stand for a person already named ("the official said").
PERSON_NOUNS = words_of(
    """
    official minister spokesman spokeswoman spokesperson president secretary chairman chairwoman
    chair executive director commissioner chancellor ambassador senator governor mayor premier
    leader candidate nominee analyst economist trader dealer banker source sources diplomat envoy
    negotiator lawyer attorney judge general prosecutor congressman congresswoman representative
    officer chief head manager founder owner author professor expert researcher scientist
    businessman billionaire host star actor writer reporter journalist editor activist adviser
    advisor aide strategist pollster consultant campaign woman man
    """
)
# Words that end the names of organisations, places and things, never of people.
INSTITUTION_WORDS = words_of("""
    inc inc. corp corp. co co. ltd ltd. llc plc ag sa nv group party bank agency ministry department motors
    office council committee commission university college school institute center centre association
    union league club team fund trust foundation news times post journal press tv radio network
    airlines airways motors energy capital partners holdings securities street avenue road river
    island county city state republic kingdom act bill court house church hospital museum hotel
    board bureau authority administration corporation company exchange organization organisation
    federation alliance assembly parliament tribunal panel cabinet government directorate secretariat
""")


# Title words that modify a title or name an institution: never the head of a role ("Former", "Committee").
_NOT_HEADS = words_of(
    """
    treasury state finance agriculture trade economics economy defense defence interior justice labor labour
    energy commerce health education transportation industry managing assistant associate senior junior
    acting former first under majority minority house senate white federal national international central
    bank board council committee democratic republican presidential u.s. us uk u.k. foreign vice prime
    deputy chief's chairman's gop campaign
    """
)
# Position abbreviations written before a name: "CEO Tim Cook", "Browns DL Sheldon Richardson".
POSITION_ABBREVIATIONS = words_of(
    """
    ceo cfo coo cto cio cmo evp svp vp gm md mp mep qb rb wr te ol dl lb cb dt de fb ss rhp lhp
    """
)
# Courtesy titles: before a surname they name a person ("Mr. King", "Dr. Bishop").
COURTESY_TITLES = words_of("mr mrs ms miss mx dr prof sir dame madam mme mlle")
# Courtesy titles and abbreviated offices: never a role on their own ("Rep.", "Dr.").
HONORIFICS = COURTESY_TITLES | words_of("rev sen rep gov gen lt col maj capt cmdr adm sgt cpl pvt hon fr st")
# More nouns a role can end on ("Oscar-winning actress", "a student leader").
_ROLE_HEADS = words_of(
    """
    actress actor singer musician artist player coach student teacher nurse doctor physician
    surgeon pastor priest bishop rabbi imam farmer worker resident member partner lawmaker
    legislator councillor councilor councilman councilwoman supervisor superintendent principal
    veteran survivor victim witness mother father wife husband son daughter sister brother
    spokesperson representative delegate chairperson chief head captain president champion
    fan voter citizen owner boss monarch ruler emperor chancellor premier sheriff detective
    inspector officer agent marshal trooper constable soldier sergeant colonel general admiral
    pilot driver chef designer architect engineer entrepreneur investor founder co-founder
    director producer novelist poet author comedian host anchor presenter correspondent
    columnist commentator critic historian scholar academic lecturer fellow dean provost
    administrator regulator auditor accountant attorney lawyer barrister solicitor counsel
    plaintiff defendant suspect juror judge magistrate clerk aide adviser advisor consultant
    strategist analyst economist broker trader dealer banker manager executive official
    minister secretary ambassador envoy diplomat commissioner governor mayor senator
    congressman congresswoman spokesman spokeswoman leader candidate nominee activist
    campaigner organiser organizer protester protestor demonstrator striker union boxer
    quarterback striker midfielder defender goalkeeper forward guard pitcher catcher linebacker
    receiver tackle jockey runner cyclist swimmer skier golfer chairman chairwoman mp mep
    ombudsman ombudswoman comptroller
    """
) | PERSON_NOUNS
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ess", "man", "woman", "person", "ant", "ent", "ee")
# Words that end like agent nouns but name no one.
_NOT_AGENTS = words_of(
    """
    newspaper paper letter number order center centre water power other border sector computer
    matter quarter corner chapter register weather winter summer member members dinner error
    transfer offer paper answer filter layer charter trailer monitor factor mirror error terror
    horror motor vector error door floor labor labour favor favour color colour honor honour
    """
)
_NOT_POSITION_WORDS = words_of(
    "real true same very late so-called alleged other another this that its his her their our"
)
_CLAUSE_WORDS = words_of("who whom whose which that where when while because")
_AGE = re.compile(r"^\d{1,3}-year-old$")
_ROLE_TAIL = words_of("of for to at in from with on and")
_NAME_PARTICLES = words_of("de da das do dos du van von der den ter la le di del della al el bin ibn bint ben st st.")
# Titles of royals and nobles, part of the name they are known by ("Prince Andrew", "King Hassan",
# "Crown Prince Abdullah"), never a position split off into the role.
ROYAL_TITLES = words_of("king queen prince princess crown emperor empress sultan duke duchess earl baron baroness pope")
# Words naming the field of a public office after "of" or "for", capitalised like a name:
# "Director of Public Works", "Minister of Foreign Affairs", "Secretary of Homeland Security".
_OFFICE_FIELDS = words_of(
    """
    public works safety health prosecution prosecutions affairs security services resources intelligence
    instruction elections communications transport transportation housing planning environment homeland
    human natural foreign internal home national veterans police parks recreation management budget
    operations protection defense defence justice labor labour energy commerce education treasury finance
    agriculture trade interior development information technology emergency civil rights staff
    """
)
_QUOTE_MARKS = "\"“”„«»‘’‚‹›`"
_NOT_ROLE_CHARS = re.compile(r"[|»›•@#/\\<>{}\[\]=_*]|https?:|www\.|\.com\b")
_MAX_ROLE_WORDS = 10


def key(word: str) -> str:
    """A word as the lexicons hold it: lower case, outer punctuation dropped."""
    return word.lower().strip(".,’'\"“”()")


def is_position_word(word: str) -> bool:
    """A title or position written before a name: "Senator", "CEO", "DL", "spokeswoman"."""
    k = key(word)
    if k in TITLE_WORDS or k in PERSON_NOUNS:
        return True
    return k in POSITION_ABBREVIATIONS and word.strip(".,").isupper()


def is_role_word(word: str) -> bool:
    """A word for a position or a person's role: "Adviser", "spokeswoman", "Secretary"."""
    k = key(word)
    return k not in _NOT_HEADS and (k in _ROLE_HEADS or k in TITLE_WORDS or k in ("adviser", "advisor"))


def _is_name_word(word: str) -> bool:
    """A word that can stand in a personal name: capitalised, an initial, a particle or a
    hyphenated form ("Hau-yip", "al-Falih", "Thomas-Greenfield")."""
    if key(word) in _NAME_PARTICLES:
        return True
    first = word.split("-")[0] if "-" in word else word
    if key(first) in _NAME_PARTICLES and "-" in word:
        return word.split("-")[-1][:1].isupper()
    return word[:1].isupper()


def is_royal_title(word: str) -> bool:
    """"King", "Queen", "Prince", "Crown": a title that is part of a royal's or noble's name."""
    return key(word) in ROYAL_TITLES and word[:1].isupper()


def royal_start(words: list[str], cut: int) -> int:
    """Where the name begins when the titles end at ``cut`` (exclusive): a royal title just before
    the name stays in it ("Morocco's King Hassan", "Saudi Crown Prince Abdullah")."""
    while cut > 0 and is_royal_title(words[cut - 1]):
        cut -= 1
    return cut


def royal_titles(name: str) -> list[str]:
    """The royal titles a name begins with, lower-cased: "Crown Prince Faisal" → ["crown",
    "prince"]; "Stephen King" → [] (a surname, not a title)."""
    words = name.split()
    if len(words) > 1 and royal_start(words, len(words) - 1) == 0:
        return [key(w) for w in words[:-1]]
    return []


def is_office(name: str) -> bool:
    """An office written like a name, no person's name in it: "PUC President", "IMF Managing
    Director", "Director". Its last word is a position and every other word an acronym or a
    word of titles ("Julie Bishop" and "Ann Lee President" name someone)."""
    words = name.split()
    if not words or not words[-1][:1].isupper() or not is_role_word(words[-1]):
        return False
    if any(key(w).rstrip(".") in COURTESY_TITLES for w in words[:-1]):
        return False  # "Mr. King", "Dr. Bishop": a person of that surname
    return all(_is_acronym(w) or key(w) in TITLE_WORDS for w in words[:-1])


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def split_name(text: str) -> tuple[str, str | None]:
    """``(name, position)``: titles and positions written before a name go to the position.

    "CEO Tim Cook" → ("Tim Cook", "CEO"); "envoy to Ukraine Kurt Volker" → ("Kurt Volker",
    "envoy to Ukraine"); "Browns DL Sheldon Richardson" → ("Sheldon Richardson", "Browns DL").
    A name with nothing to split, or one that would be left with no name, comes back whole.
    """
    words = text.split()
    core = len(words) - suffix_count(words)  # "Martin Luther King Jr.": "King" is the surname
    cut = max((i for i, w in enumerate(words[:core - 1]) if is_position_word(w)), default=-1)
    cut = _office_of(words, cut)
    whole = text.strip(), None
    if cut < 0 or key(words[-1]) in INSTITUTION_WORDS:  # "General Motors Corp" is no general's name
        return whole
    rest = words[cut + 1:]
    if key(rest[0]) in ("to", "of", "for"):  # "envoy to Ukraine Kurt Volker": the place is the position's
        if len(rest) < 4 or not all(_is_name_word(w) for w in rest[1:]):
            return whole
        place = place_words(rest[1:])
        cut, rest = cut + 1 + place, rest[1 + place:]
    last = len(rest) - 1 - suffix_count(rest)  # the surname may be a title word: "Julie Bishop", "Tom King Jr."
    if any(not _is_name_word(w) or (is_position_word(w) and i != last) for i, w in enumerate(rest)):
        return whole
    if len(rest) == 1 and key(words[cut]) not in TITLE_WORDS:
        return whole
    royal = royal_start(words, cut + 1)
    if royal <= cut:  # "Prince Andrew", "Crown Prince Abdullah": the title is part of the name
        if royal == 0:
            return whole
        cut, rest = royal - 1, words[royal:]
    position = clean_role(" ".join(words[:cut + 1]))
    return (" ".join(rest), position) if position else whole


def _office_of(words: list[str], cut: int) -> int:
    """The last title word before "of" when the titles end on a field's word inside the office
    ("Director of National Intelligence", "Minister of Foreign Affairs"), else ``cut``."""
    if cut < 2 or not is_office_field(words[cut]):
        return cut
    at = next((i for i in range(1, cut) if key(words[i]) in ("of", "for")), -1)
    if at < 1 or not is_position_word(words[at - 1]) or not all(is_office_field(w) for w in words[at + 1:cut + 1]):
        return cut
    return at - 1


def place_words(words: list[str]) -> int:
    """How many of ``words`` (a place or field, then a name) belong to the place: the first, then
    words naming an office's field while two words are left for the name ("Public Works Mara
    Kettle" → 2; "State Hillary Rodham Clinton" → 1)."""
    n = 1
    while n < len(words) - 2 and is_office_field(words[n]):
        n += 1
    return n


def is_office_field(word: str) -> bool:
    """A word naming the field of an office: "Public", "Works", "Prosecution", "Affairs"."""
    return key(word) in _OFFICE_FIELDS


_TIME_PREPOSITIONS = frozenset({"in", "since", "from", "until", "during", "between"})


def clean_role(text: str | None) -> str | None:
    """A role a reader would accept, or None.

    Drops articles, stray quote marks and outer punctuation; refuses bare honorifics
    ("Rep.", "Dr."), page furniture, long runs and fragments whose last word names no
    position or description ("founding members", "old").
    """
    if not text:
        return None
    if any(mark in text for mark in _QUOTE_MARKS[:7]) or "\n" in text or _NOT_ROLE_CHARS.search(text):
        return None
    words = text.strip(" ,;:-–—()").split()
    cut = next((i for i, w in enumerate(words) if i > 0 and key(w) in _CLAUSE_WORDS), len(words))
    words = words[:cut]  # "doctor at Chaoyang Hospital where the patients were": the clause is no role
    when = next((i for i in range(1, len(words) - 1) if key(words[i]) in _TIME_PREPOSITIONS
                 and re.fullmatch(r"\d{4}s?", words[i + 1].strip(",.;"))), len(words))
    words = words[:when]  # "Governor of Arkansas in 1983": the year says when, not what
    while words and (key(words[0]) in ("the", "a", "an") or key(words[0]) in _NOT_POSITION_WORDS):
        words = words[1:]  # "the real Prince Andrew": "real" says nothing of the position
    while words and key(words[-1]) in _ROLE_TAIL:
        words = words[:-1]
    if not words or len(words) > _MAX_ROLE_WORDS:
        return None
    if all(key(w) in HONORIFICS for w in words):
        return None
    while words and key(words[0]) in HONORIFICS and words[0].endswith("."):
        words = words[1:]  # "Dr. and professor" never happens; "Mr. spokesman" should not either
    if not words or not _has_role_head(words):
        return None
    return " ".join(words)


def describes_person(text: str | None) -> bool:
    """A description whose head is a word for a person: "the Texas Democrat", "the 43-year-old",
    "the Oscar-winning actress" (lexicon only: "newspaper" ends like "teacher" but is no one)."""
    role = clean_role(text)
    return role is not None and _has_role_head(role.split(), strict=True)


def _has_role_head(words: list[str], strict: bool = False) -> bool:
    """The role's head (its last word before "of/for/to/…") names a position or description."""
    head_part = words
    for i, w in enumerate(words):
        if i > 0 and key(w) in _ROLE_TAIL:
            head_part = words[:i]
            break
    keys = [key(w) for w in head_part]
    head = keys[-1] if keys else ""
    if head.endswith("s") and not head.endswith(("ss", "us", "is")) and len(head) > 3 and \
            _has_role_head([*head_part[:-1], head_part[-1][:-1]], strict):
        return False  # a plural: a group, not this person's position ("founding members", "singer-guitarists")
    if "-" in head and not _AGE.match(head):
        head = head.split("-")[0] if head.split("-")[0] in _ROLE_HEADS else head.split("-")[-1]  # editor-in-chief
    if head in _NOT_HEADS:
        return False
    if _AGE.match(head) or head in _ROLE_HEADS or head in TITLE_WORDS:
        return True
    if head_part[-1].strip(".,").isupper() and head in POSITION_ABBREVIATIONS:
        return True
    if strict or head in _NOT_AGENTS:
        return False
    return len(head) > 4 and head.endswith(_AGENT_SUFFIXES) and not head.endswith("ment")


# Generational suffixes written after a surname: "King Jr.", "Davis III".
GENERATIONAL_SUFFIXES = words_of("jr sr ii iii iv")


def suffix_count(words: list[str]) -> int:
    """How many of the last words of a name are generational suffixes ("Jr.", "III"); never
    all of them."""
    n = 0
    while n < len(words) - 1 and key(words[-1 - n]).rstrip(".") in GENERATIONAL_SUFFIXES:
        n += 1
    return n


def without_suffixes(words: list[str]) -> list[str]:
    """The words of a name without its generational suffixes: "King" ends "Martin Luther King Jr."."""
    return words[:len(words) - suffix_count(words)]


def name_words(name: str) -> list[str]:
    """The comparable words of a name: lower case, no initials' dots, hyphens split."""
    return [w for w in re.split(r"[\s\-‐]+", name.lower().replace(".", "")) if w]


def is_variant(short: str, full: str) -> bool:
    """``short`` is a shorter form of the same person's ``full`` name.

    Same surname and the short form's words appear in order in the full one, its first word
    first (a middle name dropped: "Owen Dempsey" of "Owen John Dempsey"), or the surname alone.
    """
    s, f = without_suffixes(name_words(short)), without_suffixes(name_words(full))
    if not s or len(s) > len(f) or s == f or s[-1] != f[-1]:
        return False
    if len(s) == 1 or s == name_words(surname(full)):  # "Lee", "Van Der Beek", "de la Cruz"
        return True
    if s[0] != f[0] and not (len(s[0]) == 1 and f[0].startswith(s[0])):
        return False
    it = iter(f[1:])
    return all(any(w == x for x in it) for w in s[1:])


def surname(name: str) -> str:
    """The surname with its particles: "Juan de la Cruz" → "de la Cruz", "Maria Van Der Beek" →
    "Van Der Beek", "Mohammed bin Salman" → "bin Salman", "Ann B. Lee" → "Lee"."""
    words = name.split()
    i = len(words) - 1
    while i > 0 and key(words[i - 1]) in _NAME_PARTICLES:
        i -= 1
    return " ".join(words[i:])


def same_person(a: str, b: str) -> bool:
    """Two forms that name one person: equal, one a shorter form of the other ("Ann Lee", "Ann
    B. Lee"), or the longer one the shorter with words put before it ("Crooked Hillary Clinton")."""
    short, long_ = sorted((a, b), key=lambda n: len(name_words(n)))
    s, f = name_words(short), name_words(long_)
    return s == f or is_variant(short, long_) or (bool(s) and f[-len(s):] == s)


def fuller_name(name: str, forms: list[str]) -> str | None:
    """The fuller form of ``name`` the article gives, when it is one person's.

    ``forms`` are the names the article gives, in the order they first appear. Of the longer
    forms that ``name`` is a shorter form of ("Lee" of "Ann B. Lee" and "Ann Lee"), the first
    introduced wins; None when there is none, or when they are two people ("Ann Lee", "Tom Lee").
    """
    longer = [f for f in forms if len(name_words(f)) > len(name_words(name)) and
              (is_variant(name, f) or same_person(name, f))]
    if not longer:
        return None
    first = longer[0]
    return first if all(same_person(first, f) for f in longer[1:]) else None


# "the bank chief", "the agency head": whoever leads, by whatever title the article gave first.
_LEADER_NOUNS = frozenset({"chief", "head", "boss", "leader"})
_LEADER_TITLES = frozenset({"president", "chairman", "chairwoman", "chair", "chief", "head", "director",
                            "director-general", "governor", "leader", "ceo", "secretary-general", "commissioner"})


def role_fits(noun: str, description: str) -> bool:
    """Whether a description ("bank president Masao Fujioka") fits the noun of a later reference to
    someone ("the minister", "the ADB chief"): it holds the noun, or, for a word of leading, a title of one."""
    words = set(description.lower().split())
    return noun in words or (noun in _LEADER_NOUNS and bool(words & _LEADER_TITLES))
