"""Word lists for meeting detection (see meetings.py). Lower-case lemmas unless noted."""

from __future__ import annotations

# Nouns that name a gathering where parties confer.
NOUN_TRIGGERS = {
    "meeting",
    "talks",
    "negotiation",
    "negotiations",
    "summit",
    "conference",
    "session",
    "hearing",
    "ministerial",
    "gathering",
    "consultations",
    "parley",
    "plenum",
    "congress",
    "convention",
    "visit",
    "get-together",
    "meetings",
    "summits",
    "conferences",
    "sessions",
    "hearings",
    "gatherings",
}
# Lemma forms the tagger gives for the nouns above.
NOUN_LEMMAS = {
    "meeting": "meeting",
    "talk": "talks",
    "talks": "talks",
    "negotiation": "negotiations",
    "summit": "summit",
    "conference": "conference",
    "session": "session",
    "hearing": "hearing",
    "ministerial": "ministerial",
    "gathering": "gathering",
    "consultation": "consultations",
    "parley": "parley",
    "plenum": "plenum",
    "congress": "congress",
    "convention": "convention",
    "visit": "visit",
    "get-together": "gathering",
    "sentencing": "hearing",
    "arraignment": "hearing",
}
VERB_TRIGGERS = {"meet", "convene", "reconvene", "gather", "confer"}
# A deliberative body: its "will consider/hear/decide … on DATE" is a session.
BODIES = {
    "court",
    "tribunal",
    "council",
    "committee",
    "board",
    "commission",
    "parliament",
    "cabinet",
    "assembly",
    "senate",
    "house",
    "congress",
    "panel",
    "subcommittee",
    "directors",
    "governors",
    "legislature",
    "diet",
    "bundestag",
    "politburo",
    "plenum",
    "caucus",
    "ministers",
    "leaders",
    "shareholders",
    "stockholders",
    "group",
    "opec",
    "delegates",
    "negotiators",
}
# Institutions one calls on: "will visit the parliament / the ministry" is a meeting with it.
INSTITUTIONS = {
    "parliament", "ministry", "commission", "council", "committee", "senate", "congress",
    "legislature", "assembly", "bundestag", "diet", "cabinet", "secretariat",
}
# Bodies that sit where their town is: "the Dublin court", "the Lyon council" (not people who travel).
SEATED_BODIES = {"court", "tribunal", "council", "legislature", "assembly", "parliament", "senate", "commission"}
# not "vote": a ballot, not a meeting (README)
BODY_VERBS = {"hear", "consider", "debate", "discuss", "review", "examine", "decide", "approve", "sit"}

# Modifiers that make the trigger something else.
NOT_MEETING_MODIFIERS = {
    "conference": {"news", "press", "telephone", "phone", "video", "tele"},
    "session": {
        "trading",
        "morning",
        "afternoon",
        "evening",
        "overnight",
        "training",
        "practice",
        "photo",
        "question",
        "jam",
        "recording",
        "study",
        "stock",
        "market",
        "futures",
        "day",
        "night",
        "sales",
        "bargain",
        "qualifying",
        "free",
        "lunchtime",
        "tokyo",
        "london",
        "new",
        "previous",
        "same",
        "first",
        "second",
        "last",
        "early",
        "late",
    },
    "gathering": {
        "intelligence",
        "information",
        "data",
        "news",
        "fact",
        "evidence",
        "signature",
        "fund",
        "gas",
        "oil",
    },
    "hearing": {"aid"},
    "convention": {"tax", "geneva", "treaty", "un", "chemical", "weapons", "naming", "accounting"},
    "visit": {"site", "home", "hospital", "factory", "plant", "family", "prison", "field", "return"},
}
# A compound head after the trigger that makes it a modifier ("conference call", "meeting room").
NOT_MEETING_HEADS = {
    "call",
    "calls",
    "room",
    "rooms",
    "centre",
    "center",
    "hall",
    "place",
    "point",
    "table",
    "site",
    "venue",
    "aid",
    "aids",
    "officer",
    "notice",
    "schedule",
    "agenda",
    "deadline",
    "date",
}
# Words that make a "session" a session of a body rather than a trading session.
SESSION_OK = {
    "legislator",
    "lawmaker",
    "legislature",
    "council",
    "board",
    "committee",
    "parliament",
    "parliamentary",
    "assembly",
    "senate",
    "house",
    "congress",
    "plenary",
    "special",
    "emergency",
    "extraordinary",
    "annual",
    "negotiating",
    "drafting",
    "legislative",
    "cabinet",
    "court",
    "joint",
    "ministerial",
    "closed",
    "closed-door",
    "bargaining",
    "policy",
    "summit",
    "monthly",
    "six-monthly",
    "semi-annual",
    "semiannual",
    "general",
    "budget",
    "executive",
    "full",
    "formal",
    "informal",
    "regular",
    "spring",
    "autumn",
    "fall",
    "winter",
    "summer",
    "working",
    "diet",
    "commission",
    "organization",
    "organisation",
    "un",
    "opec",
    "conference",
    "negotiation",
    "talks",
    "brainstorming",
    "strategy",
    "planning",
}
# Objects of "meet" that are targets, not people.
MEET_NONPERSON = {
    "concern",
    "demand",
    "target",
    "requirement",
    "deadline",
    "criterion",
    "criteria",
    "expectation",
    "obligation",
    "cost",
    "need",
    "standard",
    "condition",
    "goal",
    "payment",
    "debt",
    "forecast",
    "estimate",
    "quota",
    "commitment",
    "challenge",
    "request",
    "test",
    "threshold",
    "objective",
    "term",
    "specification",
    "order",
    "budget",
    "bill",
    "interest",
    "liability",
    "shortfall",
    "supply",
    "approval",
    "resistance",
    "opposition",
    "success",
    "criticism",
    "skepticism",
    "scepticism",
    "response",
    "reaction",
    "failure",
    "disapproval",
    "end",
    "death",
    "fate",
    "match",
    "price",
    "bid",
    "offer",
    "level",
    "rule",
    "definition",
    "qualification",
    "eye",
    "mandate",
    "limit",
    "guideline",
    "date",
    "schedule",
    "timetable",
    "obligations",
    "maturity",
    "call",
    "share",
    "margin",
    "capital",
}
PEOPLE = {
    "lawyer",
    "attorney",
    "employee",
    "mediator",
    "regulator",
    "official",
    "leader",
    "minister",
    "banker",
    "representative",
    "delegate",
    "counterpart",
    "president",
    "chairman",
    "executive",
    "creditor",
    "union",
    "management",
    "shareholder",
    "investor",
    "member",
    "negotiator",
    "envoy",
    "officer",
    "lawmaker",
    "legislator",
    "chief",
    "head",
    "bank",
    "diplomat",
    "ambassador",
    "secretary",
    "governor",
    "director",
    "manager",
    "producer",
    "consumer",
    "exporter",
    "importer",
    "supplier",
    "employer",
    "worker",
    "senator",
    "congressman",
    "mp",
    "premier",
    "king",
    "queen",
    "prince",
    "chancellor",
    "advisor",
    "adviser",
    "expert",
    "committee",
    "council",
    "board",
    "group",
    "team",
    "delegation",
    "party",
    "side",
    "reporter",
    "journalist",
    "student",
    "family",
    "people",
    "resident",
    "lender",
    "government",
    "ministry",
    "administration",
    "commission",
    "body",
    "agency",
    "company",
    "firm",
    "trader",
    "dealer",
    "analyst",
    "spokesman",
    "staff",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "them",
    "him",
    "her",
    "us",
    "who",
    "mayor",
    "cabinet",
    "parliament",
    "opec",
    "prime",
    "state",
    "country",
    "nation",
    "rebel",
    "organizer",
    "organiser",
    "partner",
    "ally",
    "allies",
    "colleague",
    "deputy",
    "representatives",
    "politician",
    "judge",
    "pope",
    "emperor",
    "general",
    "commander",
    "owner",
}
HABITUAL = {
    "monthly",
    "weekly",
    "annually",
    "regularly",
    "usually",
    "normally",
    "often",
    "routinely",
    "periodically",
    "daily",
    "yearly",
    "quarterly",
    "twice",
    "frequently",
    "generally",
    "traditionally",
    "typically",
    "sometimes",
    "rarely",
    "seldom",
    "occasionally",
    "never",
    "customarily",
    "always",
}
# Adverbs that make a meeting habitual even with a weekday ("usually meets on Monday").
HABITUAL_STRONG = {
    "usually",
    "normally",
    "regularly",
    "often",
    "always",
    "generally",
    "traditionally",
    "typically",
    "routinely",
    "customarily",
    "sometimes",
    "rarely",
    "seldom",
    "frequently",
}
HYPOTHETICAL_MARKS = {"if", "unless", "whether", "lest", "provided", "should"}
NEGATIVE_DETS = {"no", "any", "every", "each", "such"}
CANCEL_WORDS = {"cancel", "call", "scrap", "abandon", "drop", "axe", "ax", "shelve", "cancellation"}
POSTPONE_WORDS = {
    "postpone",
    "delay",
    "defer",
    "adjourn",
    "reschedule",
    "suspend",
    "postponement",
    "put",
    "push",
}
# A meeting named as one gone by, whatever the tense around it: "following the latest talks".
# ("last" is not among them: "the last meeting of the year will be in December".)
GONE_AMODS = {"latest", "previous", "recent", "earlier", "prior", "former"}
# Looking forward to an end: "hoped to complete negotiations before the end of the month".
HOPING = {"hope", "expect", "aim", "want", "plan", "seek", "intend", "try"}
FUTURE_AMODS = {
    "next",
    "upcoming",
    "forthcoming",
    "coming",
    "planned",
    "scheduled",
    "proposed",
    "future",
    "impending",
    "projected",
    "tentative",
    "expected",
    "further",
    "possible",
    "new",
}
# "next" and its like count from the day of whoever speaks: the meeting is ahead of them
AHEAD_AMODS = {"next", "upcoming", "forthcoming"}
# verbs of saying: what hangs on them belongs to what was said
REPORTING = {"say", "tell", "add", "report"}
PAST_AMODS = {
    "last",
    "previous",
    "recent",
    "latest",
    "earlier",
    "past",
    "former",
    "prior",
    "weekend",
    "inconclusive",
    "fruitless",
    "failed",
}
# Present-tense verbs that describe a meeting already under way rather than a scheduled one.
STATIVE = {
    "be",
    "have",
    "remain",
    "seem",
    "appear",
    "continue",
    "include",
    "involve",
    "cover",
    "focus",
    "concern",
    "mark",
    "make",
    "show",
    "enter",
    "drag",
    "stall",
    "proceed",
    "progress",
}
# "hard / easy to meet": adjectives of difficulty whose infinitive's elided object is a target.
DIFFICULTY_ADJECTIVES = {"hard", "difficult", "easy", "tough", "impossible", "tricky", "costly", "expensive"}
# "before a possible summit": a landmark meeting that is itself only a prospect.
LANDMARK_HEDGES = {"possible", "proposed", "potential", "likely", "probable", "planned", "mooted", "hoped-for"}
# Order words: "the first session" of a market, unless a body holds it.
ORDINALS = {"first", "second", "third", "last", "previous", "next", "new", "same", "early", "late"}
# "did not know / say when they would meet": verbs whose negation leaves the meeting an open question.
KNOWING = {"know", "say", "disclose", "specify", "confirm", "reveal", "decide", "indicate", "tell"}
# Diplomats who meet where they are posted ("the ambassador in Athens").
ENVOYS = {"ambassador", "envoy", "consul", "emissary", "representative", "chargé", "charge", "diplomat"}
# Title words to drop (time, quantity and hedging adjectives).
# An organisation's own meetings: their title takes the organisation's name ("Acme all-hands meeting").
INTERNAL_MEETING_WORDS = {
    "all-hands", "hands", "all-company", "company-wide", "companywide", "all-staff", "staff", "board",
    "shareholders", "shareholder", "stockholders", "stockholder", "annual", "employees", "town", "directors",
    "general",
}
# The people of an organisation: "employees of Acme" meet as Acme.
MEMBER_NOUNS = {"employee", "staff", "shareholder", "stockholder", "worker", "director", "member", "partner"}
# Where a meeting stands, never part of its name ("… meeting postponed", "the cancelled summit").
STATUS_TITLE_WORDS = (
    "postponed", "cancelled", "canceled", "called off", "called-off", "scrapped", "delayed", "deferred",
    "rescheduled", "suspended", "adjourned", "shelved", "axed", "abandoned", "put off", "pushed back",
)
TITLE_DROP = {
    "next",
    "last",
    "upcoming",
    "forthcoming",
    "coming",
    "planned",
    "scheduled",
    "proposed",
    "future",
    "previous",
    "recent",
    "latest",
    "earlier",
    "past",
    "possible",
    "further",
    "new",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "this",
    "that",
    "these",
    "those",
    "such",
    "today",
    "tomorrow",
    "yesterday",
    "week",
    "month",
    "year",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "separate",
    "two-day",
    "three-day",
    "one-day",
    "four-day",
    "five-day",
    "two-week",
    "the",
    "a",
    "an",
    "impending",
    "expected",
    "tentative",
    "actual",
    "crucial",
    "key",
    "important",
    "much-awaited",
    "emergency",
    "another",
    "same",
    "final",
    # how a meeting will go is no part of its name: "tough talks", "a marathon meeting"
    "tough",
    "difficult",
    "hard",
    "tense",
    "fruitful",
    "fruitless",
    "marathon",
    "detailed",
    "lengthy",
    "long",
    "intensive",
    "intense",
    "frank",
    "successful",
    "unprecedented",
    "historic",
    "rare",
}
CORPORATE_SUFFIX = {
    "inc",
    "corp",
    "co",
    "ltd",
    "plc",
    "bancorp",
    "group",
    "partners",
    "securities",
    "capital",
    "bank",
    "industries",
    "holdings",
    "llc",
    "ag",
    "sa",
    "nv",
    "fund",
    "trust",
}
# Words around a trigger that make it a proposal or an option rather than a planned meeting.
PROPOSAL = {
    "call",
    "urge",
    "appeal",
    "demand",
    "propose",
    "proposal",
    "suggest",
    "suggestion",
    "ask",
    "seek",
    "want",
    "wish",
    "favour",
    "favor",
    "advocate",
    "alternative",
    "option",
    "possibility",
    "idea",
    "threaten",
    "refuse",
    "reject",
    "rule",
    "consider",
    "offer",
    "need",
    "invitation",
    "invite",
    "request",
}
# Verbs by which a thing (not a party) helps or harms talks under way: "the action would help the
# negotiations", "the dispute could complicate the talks".
AFFECTING = {"help", "aid", "hurt", "hamper", "complicate", "boost", "jeopardise", "jeopardize", "undermine",
             "affect", "damage", "strengthen", "weaken", "facilitate", "hinder", "benefit", "sour", "poison"}
# Nouns of arguing for something: "support for a peace conference" is for a conference proposed, not set.
ADVOCACY_NOUNS = {"support", "backing", "push", "campaign", "plea", "case"}
SPECULATIVE_MODALS = {"may", "might", "could", "can"}
# Generic plurals: "conferences" with no determiner is a kind of event, not one event.
COUNTABLE = {
    "meeting",
    "conference",
    "summit",
    "session",
    "hearing",
    "gathering",
    "congress",
    "convention",
    "visit",
    "plenum",
    "parley",
    "ministerial",
}
# Mentions that may join a meeting already found but never start one.
WEAK_NOUNS = {"discussion", "discussions", "debate", "trip"}  # "the trip is set for April 6 to 8": a visit's days
WEAK_VERBS = {"arrive", "visit"}
# Subjects that present what follows as one option among others.
OPTIONS = {"alternative", "option", "possibility", "idea", "proposal", "suggestion", "choice", "scenario"}
# Light verbs whose object is the event: "hold talks", "attend the summit", "pay a visit".
LIGHT = {
    "hold",
    "have",
    "begin",
    "start",
    "open",
    "resume",
    "attend",
    "host",
    "chair",
    "join",
    "convene",
    "call",
    "conduct",
    "continue",
    "reopen",
    "plan",
    "schedule",
    "set",
    "seek",
    "arrange",
    "enter",
}
# Verbs that bring a meeting about: "ordered a hearing", "requested talks".
CREATING = {
    "order",
    "request",
    "demand",
    "grant",
    "organise",
    "organize",
    "arrange",
    "propose",
    "require",
    "hold",
    "call",
    "schedule",
    "set",
    "convene",
    "seek",
}
# Verbs whose object or subject is the meeting itself (a modal on them makes the meeting uncertain).
HOLDING = LIGHT | CREATING | {"take", "be", "involve", "participate", "engage", "enter", "meet", "agree", "sit"}
# Verbs that fix a meeting for later whatever their own tense: "called a meeting for Friday".
SCHEDULE_VERBS = {"schedule", "set", "slate", "fix", "arrange", "call", "convene", "reschedule", "plan"}
# Going somewhere: "fly to Moscow for talks" gives the place.
# Arriving somewhere, and the words that make the arrival the time of what the main clause tells:
# "will meet when they arrive in Lisbon", "after arriving in Hanoi", "as soon as he returns".
ARRIVING = {"arrive", "return", "come", "get", "fly", "travel", "go", "land", "reach"}
ON_ARRIVAL = {"when", "once", "after", "upon", "on"}
TRAVEL = {"fly", "travel", "go", "head", "come", "arrive", "leave", "return", "visit", "depart", "send", "dispatch"}
# Nouns between a trigger and its verb that carry a date of their own: "the record date for the meeting".
DATE_NOUNS = {"date", "deadline", "time", "day", "record", "cutoff", "cut-off", "eve", "timetable", "schedule"}
# Words of sport: "the teams meet in the final".
SPORTS = {
    "final",
    "semi-final",
    "semifinal",
    "quarter-final",
    "quarterfinal",
    "match",
    "game",
    "tournament",
    "championship",
    "cup",
    "league",
    "play-off",
    "playoff",
    "fixture",
    "seed",
    "round-robin",
    "bout",
}
# Heads a trigger may modify and still name the event: "the meeting opening".
OPENING_NOUNS = {"opening", "start", "starting", "beginning", "ending", "close", "closing", "opener"}
# Present-tense verbs of a meeting's course the tagger reads as nouns after a plural meeting noun
# ("the negotiations resume Friday", "talks reopen in Geneva"): the noun before is their subject.
VERBS_READ_AS_NOUNS = {"resume", "reopen", "reconvene", "open", "begin", "start", "continue", "end", "close"}
# Verbs by which an event opens (under way since) or ends.
OPENING = {"begin", "open", "start", "commence", "reconvene", "resume", "launch"}
# "wound" is the lemma the tagger gives the past of "wind up" when it reads it as a present
ENDING = {"complete", "conclude", "end", "finish", "wrap", "close", "break", "adjourn", "stall", "collapse",
          "wind", "wound"}
ENDING_DATE = {"end", "conclude", "close", "finish", "wrap", "last"}
# Verbs a meeting goes on by until its end: "the session is scheduled to run until March 27".
LASTING = {"run", "continue", "last", "go"}
# Months and weekdays: never a party's name.
CALENDAR_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
# The press: "will meet with reporters" is a press briefing, not a meeting.
PRESS = {"reporter", "journalist", "press", "media", "correspondent", "newsman", "newsmen", "newspaperman"}
# Contests people "meet in": "the candidates meet in a televised debate", "the sides meet in the final".
CONTESTS = {
    "debate",
    "match",
    "game",
    "final",
    "showdown",
    "duel",
    "race",
    "runoff",
    "run-off",
    "bout",
    "contest",
    "election",
    "playoff",
    "play-off",
    "rematch",
    "derby",
    "semifinal",
    "semi-final",
    "tournament",
}
# Words of sport in a sentence or its neighbours: "the teams meet again in three days".
SPORTS_CONTEXT = SPORTS | {
    "season",
    "coach",
    "stadium",
    "striker",
    "goalkeeper",
    "quarterback",
    "kickoff",
    "kick-off",
    "inning",
    "innings",
    "touchdown",
    "halftime",
    "olympics",
    "squad",
    "rematch",
}
# Subjects that "meet" as opponents unless they negotiate ("the negotiating teams meet").
SPORTS_SUBJECTS = {"team", "club", "squad"}
NEGOTIATING = {"negotiating", "trade", "technical", "legal", "expert", "joint", "management", "transition", "rescue"}
# Testifying is a hearing: "will testify before the committee", "is to appear before a judge".
TESTIFY_VERBS = {"testify"}
APPEAR_VERBS = {"appear"}
# Verbs of talking that are a meeting when scheduled: "are scheduled to discuss trade on Monday".
TALK_VERBS = {"discuss", "talk", "negotiate", "confer"}
SCHEDULED_PREDICATES = {"schedule", "set", "due", "slate", "plan"}
# Court hearings named by what they decide: "sentencing is scheduled for March 14".
HEARING_NOUNS = {"sentencing", "arraignment"}
# Verbs that move a meeting to another date: "moved from Monday to March 20".
MOVE_WORDS = {"postpone", "delay", "defer", "reschedule", "put", "push", "move", "shift", "bring", "adjourn"}
# Nouns of moving a meeting: "the postponement of the meeting until tomorrow".
MOVE_NOUNS = {"postponement", "delay", "deferral", "rescheduling", "adjournment"}
# Verbs a meeting opens or resumes with: "discussions will begin", "the talks open on Monday".
OPENING_VERBS = {"begin", "start", "open", "reopen", "resume", "reconvene", "commence"}
# Particles of a move that the new date hangs on: "put back to Friday", "brought forward to Monday".
MOVE_PARTICLES = {"back", "forward", "up", "off", "over", "ahead"}
# Words for a legislature as a whole: "the Congressional hearing" may be any chamber's or committee's
# ("a Senate Agriculture subcommittee hearing"), so they match no party and contradict none.
WHOLE_LEGISLATURE = {"congressional", "congress", "parliamentary", "parliament", "legislative", "legislature"}
# Verbs that break off a session under way until it resumes: "the council meeting was adjourned until Thursday".
PAUSE_WORDS = {"adjourn", "recess"}
# Nouns that stand for a part of the meeting itself: "a round in the talks", "on the eve of".
EVENT_PARTS = {"round", "session", "eve", "opening", "start", "end", "close", "day", "stage", "phase", "part"}
# Verbs whose subject holds the meeting it names: "WeWork will hold an all-hands meeting".
HOSTING = {"hold", "host", "convene", "call", "schedule", "plan", "organise", "organize", "arrange", "stage", "chair"}
# Common nouns that stand for an organisation named elsewhere in the sentence: "the company".
ORGANISATION_NOUNS = {"company", "firm", "group", "bank", "union", "party", "agency", "association", "organisation",
                      "organization", "corporation", "startup", "retailer", "insurer", "airline", "carrier", "club"}
# Verbs of a meeting's own start or holding: "talks are expected to begin in July".
TAKING_PLACE = {"begin", "start", "open", "resume", "reconvene", "convene", "take", "commence", "get", "hold"}
# A meeting called off before that takes place after all: "the talks, cancelled in May, will go ahead".
GOING_AHEAD = TAKING_PLACE | {"go", "proceed", "happen", "occur", "reschedule"}
# Bodies one testifies or appears before: "appear before a judge", "testify before the committee".
HEARING_BODIES = {
    "court", "judge", "jury", "tribunal", "magistrate", "committee", "subcommittee", "panel", "commission",
    "congress", "senate", "house", "parliament", "assembly", "board", "council", "inquiry", "lawmakers",
}
# Taking part: "Colombia will not attend the meeting" does not call the meeting off.
PARTICIPATING = {"attend", "join", "participate", "boycott", "skip", "go", "send"}
# What talks lead to: "the outcome of the negotiations" speaks of the result, not of a meeting ahead.
RESULT_NOUNS = {"outcome", "result", "progress", "success", "failure", "collapse", "breakdown", "stalemate",
                "deadlock", "fate", "conclusion"}
# Forecasting verbs: "analysts expect OPEC to meet before June" is a forecast, not a meeting set.
FORECASTING = {"expect", "predict", "anticipate", "forecast", "believe", "think", "speculate", "suspect", "bet"}
# Doubt over a meeting's clause: "uncertain that even an emergency meeting would help".
DOUBT = {"uncertain", "unsure", "doubtful", "unclear", "sceptical", "skeptical", "doubt"}
# Buildings a meeting is held at when no city is given: "at the foreign ministry".
VENUE_NOUNS = {
    "ministry", "hotel", "palace", "headquarters", "hall", "centre", "center", "building", "embassy",
    "residence", "chancellery", "castle", "villa", "resort", "chamber", "courthouse", "mansion", "compound",
    "parliament", "capitol", "office", "offices", "house", "auditorium", "university", "college",
}
# Verbs whose meeting subject, negated, does not take place: "the talks will not go ahead".
OCCURRING = TAKING_PLACE | SCHEDULE_VERBS | {
    "happen", "occur", "go", "proceed", "continue", "materialise", "materialize", "come", "meet", "have",
}
# Settlements named after "of": "the resort of Knokke", "the town of Tartu".
TOWN_NOUNS = {"resort", "town", "city", "village", "port", "island", "spa", "suburb", "capital", "hamlet"}
# Verbs of a relative clause on a meeting noun that tell what the meeting will lead to: their time is
# the outcome's ("talks with Japan that would lead to membership next year"), not the meeting's (as it
# is for "a meeting that will decide the budget next month").
CONSEQUENCE_VERBS = {"lead", "result", "allow", "enable", "pave", "permit", "mean", "cause", "prompt", "trigger"}
