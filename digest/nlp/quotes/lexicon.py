"""The words the quote engine knows: speech verbs, and the nouns and verbs that mark
designations, documents, organisations, described groups, threats and non-speakers."""

from __future__ import annotations

import re

from digest.nlp.speakers import _words

SPEECH_VERBS = _words(
    """
    say tell add state declare announce explain write note comment continue insist warn argue
    claim ask reply respond answer quote tweet post observe remark acknowledge admit concede
    assert contend emphasize emphasise stress suggest predict recall conclude urge pledge promise
    vow complain maintain confirm deny report repeat reiterate shout joke quip testify boast
    charge counter mention indicate caution lament muse scoff retort exclaim whisper yell reason
    agree disagree concur allege proclaim affirm recount describe summarize summarise tout
    brag cry sigh begin opine interject thunder fume rail blast slam demand plead wonder chant
    mumble mutter murmur grumble appeal criticise criticize accuse condemn denounce praise
    """
)
# Verbs that report speech with their particle: "shot back", "weighed in", "hit back".
PHRASAL_SPEECH = {"shoot": "back", "fire": "back", "hit": "back", "snap": "back", "push": "back",
                  "weigh": "in", "chime": "in", "lash": "out"}


def is_phrasal_speech(t) -> bool:
    """``t`` is the verb of a phrasal speech verb with its particle: "Lee shot back, “…”"."""
    particle = PHRASAL_SPEECH.get(t.lemma_.lower())
    return particle is not None and t.pos_ == "VERB" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in t.children)


# Verbs and nouns that introduce a name or a term, not speech: a "non-market economy" status.
DESIGNATION = _words(
    """
    called call calls calling so-called dubbed dub named name titled entitled nicknamed termed
    term terms word words phrase slogan headline motto label labeled labelled branded known
    billed hashtag definition defined define meaning
    """
)
FUNCTION_WORDS = _words("a an the of and or for to in on at by with from as is be de du la le van von der og & s")
PLEASANTRIES = re.compile(
    r"\b(thank|thanks|congratulat|pleased|delighted|welcome|happy to|honou?red|good (morning|evening))",
    re.IGNORECASE,
)
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
DASHES = "—–-―‒"
SENT_END = frozenset({".", "?", "!", "…"})
MAX_KEY = 3
MAX_FRAME = 120  # tokens looked at on each side of a quote: keeps huge paragraphs linear
# Nouns for a written statement: "said the letter" speaks for its author.
DOCUMENTS = _words(
    "letter statement communique report filing release memo email note message document voicemail tweet post text"
)
# Nouns for an organisation: "the company said" may stand for its spokesperson named just before.
ORGANISATIONS = _words(
    """
    automaker carmaker insurer retailer lender exporter importer producer manufacturer operator
    developer publisher maker supplier distributor refiner miner carrier utility brokerage
    company firm group ministry department agency government bank office committee council party
    organisation organization union club team commission board court police embassy administration
    corporation airline authority institute university hospital network newspaper broadcaster studio
    league campaign association federation foundation army military regime cabinet parliament utility
    delegation mission secretariat panel tribunal
    """
)
# Organisation nouns for public bodies: "the ministry said" is never a company named before.
PUBLIC_BODIES = _words(
    """
    ministry department agency government office committee council party commission court police
    embassy administration authority army military regime cabinet parliament delegation mission
    secretariat panel tribunal
    """
)
# Nouns that stand for a business named before ("the firm said"): never a public body.
FIRMS = _words("company firm corporation bank brokerage insurer retailer carrier airline")
# A party's member named by the party with "the" ("the Kansas Republican", "the Ohio Democrat"): a
# person, though the word is a party's adjective before a title ("Republican leader").
PARTY_MEMBERS = _words("republican democrat conservative socialist communist tory")
# Nouns for people met in the news who are described, not named: "residents said", "one
# commuter said", "another onlooker told reporters". Never resolved to someone named before.
GROUPS = _words(
    """
    people resident protester demonstrator critic supporter opponent witness voter fan student worker
    teacher parent doctor investor observer lawmaker legislator member commuter onlooker bystander
    shopper customer passenger traveller traveler neighbour neighbor villager tourist visitor spectator
    eyewitness arbitrageur employee staffer patient farmer driver user commenter viewer reader listener
    survivor relative participant attendee delegate mourner worshipper pilgrim refugee migrant
    """
)
# Speech verbs whose passive subject is who was spoken to: "refugees were told that …", "he was assured".
ADDRESSED = _words("tell inform assure warn remind advise notify instruct promise")
# Speech verbs whose passive subject is who was spoken about: "X was accused of …", "X, praised as …".
SPOKEN_ABOUT = _words("accuse charge condemn denounce criticise criticize praise blast slam describe")
# Verbs whose subject hears, receives or suffers words, never says them ("Jones received a voicemail:").
RECEIVING = _words("receive get hear read find see listen watch obtain face suffer endure")
# Verbs whose object is the target of the words ("threatened Jones"), never their speaker.
TARGETING = _words("threaten insult accuse harass abuse taunt curse menace intimidate stalk slur")
# What a target receives: "Jones received threats", "threats against Jones", "a voicemail to Jones".
HOSTILE_WORDS = _words(
    "threat insult accusation abuse slur warning message voicemail letter email call text note attack"
)
# Words of a threat story: indirect attributions are not trusted next to them.
THREATS = _words("threaten threat harass harassment stalk menace intimidate intimidation")
# What a threat against a person holds ("the threat of violence"), unlike a measure ("of a veto").
HARM = _words("violence death harm attack assault force murder rape kidnapping arrest injury reprisal revenge")
TARGET_NOUNS = _words("target victim recipient")
MODALS = _words("can could may might should must")
FUTURE = _words("will 'll shall wo")  # "wo" of "won't"
# What a transcript prints between the words spoken: never anyone's name ("Pause.", "(Laughter)")
STAGE_DIRECTIONS = _words(
    """
    pause pauses paused laughter laughs laughing laugh applause applauding cheers cheering cheer boos booing
    crosstalk cross-talk inaudible unintelligible indiscernible silence sighs sigh groans chuckles chuckling
    music gavel beep bell break end recess interruption interrupting off-mic off-mike videotape video audio
    """
)
SPOKES = ("spokesman", "spokeswoman", "spokesperson", "representative", "press")
# Words that never name a speaker on their own.
NOT_SPEAKERS = _words(
    """
    another one ones other others some someone somebody anyone anybody everyone everybody nobody none
    all both each either neither many few several most this that these those it they them we us
    there here what which who whom whose
    """
)


def is_stage_direction(words: str) -> bool:
    """"Pause", "(Laughter)", "Applause.": what a transcript prints between the words spoken."""
    keys = [w.strip("()[].,:;!").lower() for w in words.split()]
    return bool(keys) and len(keys) <= 2 and all(k in STAGE_DIRECTIONS for k in keys if k)
