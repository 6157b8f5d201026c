"""Which quotes can lead a briefing: substance, not promotion, banter or fragments.

``key_quote_score`` is 0 for a quote that must never be a key quote (one without a known
speaker, a fragment, product marketing or promotional copy, sports banter, campaign copy: a shouted call
to action or endorsement) and otherwise grows with substance: a named
speaker with an official role, a whole sentence of a useful length, figures and policy
words. Pure functions over a ``Quote``; the word lists are the rules, kept here in view.
"""

from __future__ import annotations

import re

from digest.models import Quote

_WORD = re.compile(r"[\w'’-]+")
_PROMOTIONAL_WORDS = """
sexy stylish sleek exciting excited thrilled delighted pleased proud innovative innovation premium
luxurious best-in-class world-class cutting-edge state-of-the-art seamless seamlessly unparalleled
lineup customers customer consumers shoppers brand brands experience experiences lifestyle fans fan
loyal iconic refreshed redesigned all-new look looks styling design designed features amazing
awesome incredible fantastic stunning beautiful perfect favourite favorite enjoy love leverage
leverages leveraging portfolio solution solutions platform platforms empower empowers enable enables
enabling streamline optimize optimise next-generation industry-leading partnership workflow marketers
utilize utilise monetize monetise monetization scalable turnkey
"""
PROMOTIONAL = frozenset(_PROMOTIONAL_WORDS.split())
_SPORTS_WORDS = """
game games season team teams coach coaches played play playing player players match matches goal
goals win wins won winning league playoff playoffs score scored scoring pitch innings inning
quarterback touchdown halftime half-time tournament championship title fixture squad striker defence
defense offense offence ball field court race lap finals final victory defeat beat beaten champions
"""
SPORTS = frozenset(_SPORTS_WORDS.split())
OFFICIAL_ROLES = re.compile(
    r"\b(minister|president|prime|secretary|senator|representative|congress\w*|governor|mayor|chair\w*|"
    r"director|commissioner|spokes\w+|ambassador|official|judge|justice|attorney|prosecutor|general|chief|"
    r"leader|chancellor|mp|lawmaker|regulator|economist|analyst|professor|head|ceo|executive|police)\b", re.I)
SPORTS_ROLES = re.compile(r"\b(coach|quarterback|striker|captain|player|manager|pitcher|goalkeeper|midfielder)\b", re.I)
MARKETING_ROLES = re.compile(r"\b(marketing|brand|product|sales|design)\b", re.I)
_POLICY_WORDS = """
law laws bill bills budget tax taxes vote votes election government policy policies court ruling
investigation security war peace talks treaty sanctions rates inflation economy deficit reform
health public safety rights evidence report agreement deal negotiations crisis emergency funding
"""
POLICY = frozenset(_POLICY_WORDS.split())
MIN_WORDS = 8
# Campaign copy, said to the voters or donors: a call to action opening a clause ("GET OUT and VOTE",
# "Ohio, go out and vote today", "Chip in five dollars", "Vote Green on Thursday"), an endorsement
# given in the first person with a shout ("my Complete and Total Endorsement", "my full endorsement!"),
# or a cheer at a social-media handle ("@SenLee did a great job!"). An imperative must open a clause:
# "before they vote on the bill" or "help countries donate vaccines" is reporting, not a call.
CALL_TO_ACTION = re.compile(
    r"(?:^|[.!?,;:]\s+)(?:(?:so|now|please)\s+)?(?:(?:get|go|come) out (?:and|to) vote|go vote|please vote"
    r"|vote (?:for|early)\b|vote (?-i:[A-Z][a-z]+) (?:today|tomorrow|on)\b|donate\b|chip in|sign up|join us|re-?elect)",
    re.I)
ENDORSEMENT = re.compile(r"\b(?:my|our)\b[^.!?]{0,40}\bendorsement\b", re.I)
HANDLE_CHEER = re.compile(r"(?:^|\s)(?:@\w+|#[^\W\d_]\w*)[^!]*!")
CAPITALISED_PRAISE = re.compile(r"\b[A-Z][a-z]+ and (?:Total|Complete|Unwavering|Strong)\b")
SHOUTED = re.compile(r"\b[A-Z]{3,}\b")  # a word of three or more capitals: VOTE, GREAT (and acronyms: NATO)
SHOUTED_WORDS = 3


def words(text: str) -> list[str]:
    return [w.lower().strip("'’-") for w in _WORD.findall(text)]


def is_fragment(quote: Quote) -> bool:
    """Too short to stand alone, or a lower-case snippet cut from a sentence."""
    text = quote.text.strip().strip("\"“”'‘’ ")
    return quote.partial or len(words(text)) < MIN_WORDS or not text[:1].isupper()


def is_promotional(quote: Quote) -> bool:
    hits = sum(1 for w in words(quote.text) if w in PROMOTIONAL)
    return hits >= 2 or (hits >= 1 and bool(MARKETING_ROLES.search(quote.role or "")))


def is_sports_banter(quote: Quote) -> bool:
    hits = sum(1 for w in words(quote.text) if w in SPORTS)
    return hits >= 2 or (hits >= 1 and bool(SPORTS_ROLES.search(quote.role or "")))


def is_campaign_copy(quote: Quote) -> bool:
    """A call to action said to the voters or donors, a shouted endorsement, or a cheer at a handle."""
    text = quote.text
    shouted = len(SHOUTED.findall(text))
    endorsement = bool(ENDORSEMENT.search(text)) and (shouted >= 2 or "!" in text)
    return (bool(CALL_TO_ACTION.search(text)) or endorsement or bool(CAPITALISED_PRAISE.search(text))
            or bool(HANDLE_CHEER.search(text)) or (shouted >= SHOUTED_WORDS and "!" in text))


def key_quote_score(quote: Quote) -> float:
    """How well a quote serves as a key quote; 0 when it must not be one (nor one nobody is known to have said)."""
    if (not quote.speaker or is_fragment(quote) or is_promotional(quote) or is_sports_banter(quote)
            or is_campaign_copy(quote)):
        return 0.0
    ws = words(quote.text)
    score = 1.0
    if quote.speaker and quote.speaker[:1].isupper():
        score += 1.0
    if quote.role:
        score += 0.5 + (1.0 if OFFICIAL_ROLES.search(quote.role) else 0.0)
    score += min(2.0, 0.5 * sum(1 for w in ws if w in POLICY))
    score += 0.5 if re.search(r"\d", quote.text) else 0.0
    score += 1.0 if 12 <= len(ws) <= 60 else 0.0
    return score + quote.key_score
