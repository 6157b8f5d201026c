"""Word lists for meeting detection (see meetings.py). Lower-case lemmas unless noted."""

from __future__ import annotations

# Nouns that name a gathering where parties confer.
NOUN_TRIGGERS = {
    "meeting", "talks", "negotiation", "negotiations", "summit", "conference", "session", "hearing",
    "ministerial", "gathering", "consultations", "parley", "plenum", "congress", "convention", "visit",
    "get-together", "meetings", "summits", "conferences", "sessions", "hearings", "gatherings",
}
# Lemma forms the tagger gives for the nouns above.
NOUN_LEMMAS = {
    "meeting": "meeting", "talk": "talks", "talks": "talks", "negotiation": "negotiations",
    "summit": "summit", "conference": "conference", "session": "session", "hearing": "hearing",
    "ministerial": "ministerial", "gathering": "gathering", "consultation": "consultations",
    "parley": "parley", "plenum": "plenum", "congress": "congress", "convention": "convention",
    "visit": "visit", "get-together": "gathering",
}
VERB_TRIGGERS = {"meet", "convene", "reconvene", "gather", "confer"}
# A deliberative body: its "will consider/hear/decide … on DATE" is a session.
BODIES = {
    "council", "committee", "board", "commission", "parliament", "cabinet", "assembly", "senate",
    "house", "congress", "panel", "subcommittee", "directors", "governors", "legislature", "diet",
    "bundestag", "politburo", "plenum", "caucus", "ministers", "leaders", "shareholders", "stockholders",
    "group", "opec", "delegates", "negotiators",
}
BODY_VERBS = {"hear", "consider", "debate", "discuss", "review", "examine", "decide", "vote", "approve"}

# Modifiers that make the trigger something else.
NOT_MEETING_MODIFIERS = {
    "conference": {"news", "press", "telephone", "phone", "video", "tele"},
    "session": {"trading", "morning", "afternoon", "evening", "overnight", "training", "practice",
                "photo", "question", "jam", "recording", "study", "stock", "market", "futures", "day",
                "night", "sales", "bargain", "qualifying", "free", "lunchtime", "tokyo", "london",
                "new", "previous", "same", "first", "second", "last", "early", "late"},
    "gathering": {"intelligence", "information", "data", "news", "fact", "evidence", "signature",
                  "fund", "gas", "oil"},
    "hearing": {"aid"},
    "convention": {"tax", "geneva", "treaty", "un", "chemical", "weapons", "naming", "accounting"},
    "visit": {"site", "home", "hospital", "factory", "plant", "family", "prison", "field", "return"},
}
# A compound head after the trigger that makes it a modifier ("conference call", "meeting room").
NOT_MEETING_HEADS = {
    "call", "calls", "room", "rooms", "centre", "center", "hall", "place", "point", "table", "site",
    "venue", "aid", "aids", "officer", "notice", "schedule", "agenda", "deadline", "date",
}
# Words that make a "session" a session of a body rather than a trading session.
SESSION_OK = {
    "council", "board", "committee", "parliament", "parliamentary", "assembly", "senate", "house",
    "congress", "plenary", "special", "emergency", "extraordinary", "annual", "negotiating", "drafting",
    "legislative", "cabinet", "court", "joint", "ministerial", "closed", "closed-door", "bargaining",
    "policy", "summit", "monthly", "six-monthly", "semi-annual", "semiannual", "general", "budget",
    "executive", "full", "formal", "informal", "regular", "spring", "autumn", "fall", "winter", "summer",
    "working", "diet", "commission", "organization", "organisation", "un", "opec", "conference",
    "negotiation", "talks", "brainstorming", "strategy", "planning",
}
# Objects of "meet" that are targets, not people.
MEET_NONPERSON = {
    "demand", "target", "requirement", "deadline", "criterion", "criteria", "expectation", "obligation",
    "cost", "need", "standard", "condition", "goal", "payment", "debt", "forecast", "estimate", "quota",
    "commitment", "challenge", "request", "test", "threshold", "objective", "term", "specification",
    "order", "budget", "bill", "interest", "liability", "shortfall", "supply",
    "approval", "resistance", "opposition", "success", "criticism", "skepticism", "scepticism",
    "response", "reaction", "failure", "disapproval", "end", "death", "fate", "match", "price", "bid",
    "offer", "level", "rule", "definition", "qualification", "eye", "mandate", "limit", "guideline",
    "date", "schedule", "timetable", "obligations", "maturity", "call", "share", "margin", "capital",
}
PEOPLE = {
    "official", "leader", "minister", "banker", "representative", "delegate", "counterpart", "president",
    "chairman", "executive", "creditor", "union", "management", "shareholder", "investor", "member",
    "negotiator", "envoy", "officer", "lawmaker", "legislator", "chief", "head", "bank", "diplomat",
    "ambassador", "secretary", "governor", "director", "manager", "producer", "consumer", "employer",
    "worker", "senator", "congressman", "mp", "premier", "king", "queen", "prince", "chancellor",
    "advisor", "adviser", "expert", "committee", "council", "board", "group", "team", "delegation",
    "party", "side", "reporter", "journalist", "student", "family", "people", "resident", "lender",
    "government", "ministry", "administration", "commission", "body", "agency", "company", "firm",
    "trader", "dealer", "analyst", "spokesman", "staff", "he", "she", "they", "we", "i", "you", "them",
    "him", "her", "us", "who", "mayor", "cabinet", "parliament", "opec", "prime", "state", "country",
    "nation", "rebel", "organizer", "organiser", "partner", "ally", "allies", "colleague", "deputy",
    "representatives", "politician", "judge", "pope", "emperor", "general", "commander", "owner",
}
HABITUAL = {
    "monthly", "weekly", "annually", "regularly", "usually", "normally", "often", "routinely",
    "periodically", "daily", "yearly", "quarterly", "twice", "frequently", "generally", "traditionally",
    "typically", "sometimes", "rarely", "seldom", "occasionally", "never", "customarily", "always",
}
HYPOTHETICAL_MARKS = {"if", "unless", "whether", "lest", "provided", "should"}
NEGATIVE_DETS = {"no", "any", "every", "each", "such"}
CANCEL_WORDS = {"cancel", "call", "scrap", "abandon", "drop", "axe", "ax", "shelve", "cancellation"}
POSTPONE_WORDS = {"postpone", "delay", "defer", "adjourn", "reschedule", "suspend", "postponement",
                  "put", "push"}
FUTURE_AMODS = {"next", "upcoming", "forthcoming", "coming", "planned", "scheduled", "proposed", "future",
                "impending", "projected", "tentative", "expected", "further", "possible", "new"}
PAST_AMODS = {"last", "previous", "recent", "latest", "earlier", "past", "former", "prior", "weekend",
              "inconclusive", "fruitless", "failed"}
# Present-tense verbs that describe a meeting already under way rather than a scheduled one.
STATIVE = {"be", "have", "remain", "seem", "appear", "continue", "include", "involve", "cover", "focus",
           "concern", "mark", "make", "show", "enter", "drag", "stall", "resume"} - {"resume"}
# Title words to drop (time, quantity and hedging adjectives).
TITLE_DROP = {
    "next", "last", "upcoming", "forthcoming", "coming", "planned", "scheduled", "proposed", "future",
    "previous", "recent", "latest", "earlier", "past", "possible", "further", "new", "first", "second",
    "third", "fourth", "fifth", "this", "that", "these", "those", "such", "today", "tomorrow",
    "yesterday", "week", "month", "year", "its", "their", "his", "her", "our", "my", "your", "separate",
    "two-day", "three-day", "one-day", "four-day", "five-day", "two-week", "the", "a", "an",
    "impending", "expected", "tentative", "actual", "crucial", "key", "important", "much-awaited",
    "emergency", "another", "same", "final",
}
CORPORATE_SUFFIX = {"inc", "corp", "co", "ltd", "plc", "bancorp", "group", "partners", "securities",
                    "capital", "bank", "industries", "holdings", "llc", "ag", "sa", "nv", "fund", "trust"}
# Words around a trigger that make it a proposal or an option rather than a planned meeting.
PROPOSAL = {"call", "urge", "appeal", "demand", "propose", "proposal", "suggest", "suggestion", "press",
            "push", "ask", "seek", "want", "wish", "favour", "favor", "advocate", "alternative", "option",
            "possibility", "idea", "threaten", "refuse", "reject", "rule", "consider"}
SPECULATIVE_MODALS = {"may", "might", "could"}
# Generic plurals: "conferences" with no determiner is a kind of event, not one event.
COUNTABLE = {"meeting", "conference", "summit", "session", "hearing", "gathering", "congress",
             "convention", "visit", "plenum", "parley", "ministerial"}
# Mentions that may join a meeting already found but never start one.
WEAK_NOUNS = {"discussion", "discussions", "debate"}
WEAK_VERBS = {"arrive", "visit"}
