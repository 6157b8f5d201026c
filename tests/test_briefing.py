from collections import Counter, defaultdict
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from digest.agenda import same_meeting
from digest.briefing import (
    _words,
    assemble,
    build_speakers,
    is_named,
    make_entries,
    merge_quotes,
    same_quote,
    source_of,
    speaker_groups,
)
from digest.config import Config
from digest.models import Attribution, DayQuote, Extraction, Meeting, Quote, SpeakerKind
from digest.nlp.naming import is_variant

from helpers import article

NATO = Meeting("NATO-Russia Council meeting", "upcoming", "2022-01-12", None, "Brussels", ("NATO", "Russia"),
               "A meeting of the NATO-Russia Council will take place in Brussels on Wednesday.")
GENEVA = Meeting("Russia-US talks", "past", "2022-01-10", None, "Geneva", ("Russia", "United States"), "…")
LATER = Meeting("OPEC ministerial meeting", "upcoming", "2022-03", None, "Vienna", ("OPEC",), "…")
UNDATED = Meeting("EU summit", "upcoming", None, None, None, (), "EU leaders will meet to discuss it.")


def q(text, speaker, score=0.5, key=True, partial=False, role=None):
    return Quote(text, speaker, role, partial, score, key, 0, len(text))


def test_names_merge_into_the_fullest_variant():
    groups = speaker_groups(["Grushko", "Alexander Grushko", "Peskov", "Dmitry Peskov", "Smith", "Ann Smith",
                             "Bob Smith"])
    assert groups["Grushko"] == groups["Alexander Grushko"] == "alexander grushko"
    assert groups["Smith"] == "smith"  # two candidates: ambiguous, kept apart


def test_a_surname_joins_the_full_name_with_a_generational_suffix():
    groups = speaker_groups(["Carlineo", "Patrick W. Carlineo Jr.", "King", "Martin Luther King Jr."])
    assert groups["Carlineo"] == groups["Patrick W. Carlineo Jr."]
    assert groups["King"] == groups["Martin Luther King Jr."]


def test_someone_described_by_whose_they_are_is_not_named():
    assert not is_named("Nadia Okoro's source") and not is_named("Acme’s chief spokesman")
    assert is_named("People's Daily") and is_named("Lloyd's Register") and is_named("McDonald's")


def test_speakers_pages_merge_variants_and_skip_descriptors():
    a1 = article("One", ["x"], "2022-01-11T08:00:00+00:00")
    a2 = article("Two", ["y"], "2022-01-12T08:00:00+00:00")
    extractions = {
        a1.id: Extraction(a1.id, (q("A", "Alexander Grushko", role="Deputy Foreign Minister"),
                                  q("B", "a Citicorp spokesman"))),
        a2.id: Extraction(a2.id, (q("C", "Grushko"),)),
    }
    speakers = build_speakers(make_entries([a1, a2], extractions))
    assert [(s.name, s.slug, s.role, len(s.quotes)) for s in speakers] == [
        ("Alexander Grushko", "alexander-grushko", "Deputy Foreign Minister", 2)]
    assert speakers[0].variants == ("Alexander Grushko", "Grushko")
    assert speakers[0].quotes[0].quote.text == "C"  # newest first


def test_name_variants_of_one_day_are_one_person_page():
    a1 = article("Court", ["x"], "2022-01-11T08:00:00+00:00")
    a2 = article("Appeal", ["y"], "2022-01-11T09:00:00+00:00")
    a3 = article("Family", ["z"], "2022-01-11T10:00:00+00:00")
    extractions = {
        a1.id: Extraction(a1.id, (q("A", "Owen John Dempsey"),)),
        a2.id: Extraction(a2.id, (q("B", "Owen Dempsey"),)),
        a3.id: Extraction(a3.id, (q("C", "Dempsey"), q("D", "Mary Dempsey-Hart"))),
    }
    speakers = build_speakers(make_entries([a1, a2, a3], extractions))
    dempsey = next(s for s in speakers if s.name == "Owen John Dempsey")
    assert len(dempsey.quotes) == 3 and dempsey.variants == ("Dempsey", "Owen Dempsey", "Owen John Dempsey")
    assert [s.name for s in speakers if "Mary" in s.name] == ["Mary Dempsey-Hart"]


def test_only_named_speakers_found_by_naming_evidence_get_pages():
    a1 = article("One", ["x"], "2022-01-11T08:00:00+00:00")
    quotes = (
        Quote("A", "Ann Lee", attribution=Attribution.SPEECH_VERB),
        Quote("B", "Ann Lee", attribution=Attribution.PRONOUN),
        Quote("C", "A Citicorp spokesman", attribution=Attribution.UNNAMED),
        Quote("D", None),
        Quote("E", "Another"),
    )
    speakers = build_speakers(make_entries([a1], {a1.id: Extraction(a1.id, quotes)}))
    assert [(s.name, len(s.quotes)) for s in speakers] == [("Ann Lee", 2)]


def test_same_quote_from_two_articles_is_shown_once_with_both_sources():
    a1 = article("Reuters story", ["x"], "2022-01-11T08:00:00+00:00")
    a2 = article("AP story", ["y"], "2022-01-11T10:00:00+00:00")
    text = "We will not be satisfied with the endless dragging out of this process"
    extractions = {a1.id: Extraction(a1.id, (q(text, "Dmitry Peskov", 0.9),)),
                   a2.id: Extraction(a2.id, (q(text + ",", "Peskov", 0.8), q("Other words entirely", "X Y", 0.4)))}
    site = assemble([a1, a2], extractions, Config(key_quotes=5), date(2022, 1, 11))
    [day] = site.briefings
    assert [len(dq.sources) for dq in day.key_quotes] == [2, 1]
    assert {s.title for s in day.key_quotes[0].sources} == {"Reuters story", "AP story"}


def test_key_quotes_limited_and_ranked():
    a = article("A", ["x"])
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]
    quotes = tuple(q(f"{w} said something", f"Person {w}", score=i / 10) for i, w in enumerate(words))
    site = assemble([a], {a.id: Extraction(a.id, quotes)}, Config(key_quotes=3), date(2022, 1, 11))
    assert [dq.quote.key_score for dq in site.briefings[0].key_quotes] == [0.8, 0.7, 0.6]


def test_upcoming_meetings_on_the_briefing_and_agenda():
    a = article("Seed", ["x"], "2022-01-11T09:00:00+00:00")
    b = article("Later", ["y"], "2022-01-12T09:00:00+00:00")
    repeat = Meeting("NATO-Russia Council", "upcoming", "2022-01-12", None, "Brussels", ("NATO",), "again")
    extractions = {a.id: Extraction(a.id, meetings=(NATO, GENEVA, LATER, UNDATED)),
                   b.id: Extraction(b.id, meetings=(repeat,))}
    site = assemble([a, b], extractions, Config(meeting_days=14), date(2022, 1, 11))
    jan12, jan11 = site.briefings
    assert [it.meeting.title for it in jan11.upcoming_meetings] == ["NATO-Russia Council meeting", "EU summit"]
    nato = jan11.upcoming_meetings[0]
    assert [s.title for s in nato.sources] == ["Seed", "Later"]  # merged across articles
    assert [it.meeting.title for it in jan12.upcoming_meetings] == ["NATO-Russia Council meeting"]
    assert [it.meeting.start for it in site.agenda] == ["2022-01-10", "2022-01-12", "2022-03"]
    assert [it.meeting.title for it in site.undated] == ["EU summit"]
    assert len({it.uid for it in site.agenda}) == 3


def test_same_meeting_rules():
    assert same_meeting(NATO, Meeting("talks", "upcoming", "2022-01-12", None, "brussels"))
    assert not same_meeting(NATO, Meeting("talks", "upcoming", "2022-01-13", None, "Brussels"))
    assert same_meeting(LATER, Meeting("OPEC Ministerial Meeting", "upcoming", "2022-03"))


def test_article_slugs_are_unique_site_wide():
    a1 = article("Same", ["x"], "2022-01-11T08:00:00+00:00", slug="same")
    a2 = article("Same", ["y"], "2022-01-12T08:00:00+00:00", slug="same")
    entries = make_entries([a2, a1], {})
    assert [e.url for e in entries] == ["articles/same/", "articles/same-2/"]


# ---- the fast merges give what the plain ones gave ------------------------------------------------

def plain_speaker_groups(names):
    """speaker_groups without the surname index: every key compared with every other."""
    from digest.briefing import fullest_form, speaker_key

    keys = {speaker_key(n) for n in names if speaker_key(n)}
    group = {key: fullest_form(key, [k for k in keys if is_variant(key, k)]) for key in keys}
    return {n: group[speaker_key(n)] for n in names if speaker_key(n)}


def plain_merge_quotes(items):
    """merge_quotes as first written: the words of both quotes counted on every comparison."""
    merged, index = [], defaultdict(list)
    for quote, entry in items:
        words = {w for w in _words(quote.text) if len(w) > 3} or set(_words(quote.text))
        shared = Counter(i for w in words for i in index.get(w, ()))
        match = next((i for i, _ in shared.most_common(8) if same_quote(merged[i][0].text, quote.text)), None)
        if match is None:
            for w in words:
                index[w].append(len(merged))
            merged.append((quote, [source_of(entry)]))
            continue
        kept, sources = merged[match]
        if source_of(entry) not in sources:
            sources.append(source_of(entry))
        if quote.key_score > kept.key_score:
            sources.remove(source_of(entry))
            merged[match] = (quote, [source_of(entry), *sources])
    return [DayQuote(q, tuple(s)) for q, s in merged]


NAME = st.lists(st.sampled_from(["Ann", "Lee", "Bo", "Smith", "van", "Ivan", "ann"]), min_size=1, max_size=3)


@given(st.lists(NAME.map(" ".join), max_size=12))
def test_speaker_groups_as_before(names):
    assert speaker_groups(names) == plain_speaker_groups(names)


WORDS = ["talks", "will", "go", "on", "the", "ministers", "said", "we", "never", "agree", "peace", "a"]
QUOTES = st.lists(st.tuples(st.lists(st.sampled_from(WORDS), max_size=9).map(" ".join),
                            st.integers(0, 3), st.floats(0, 1)), max_size=25)


@given(QUOTES)
def test_merge_quotes_as_before(drawn):
    entries = make_entries([article(f"Story {i}", ["x"]) for i in range(4)], {})
    items = [(q(text, "Ann Lee", score), entries[n]) for text, n, score in drawn]
    assert merge_quotes(items) == plain_merge_quotes(items)


def test_a_merged_quote_cites_first_the_article_whose_words_it_shows():
    """Two articles report one quote, the second more fully: the briefing shows the fuller words
    and its first source is the article that has them, not the first to report the quote."""
    entries = make_entries([article("Short", ["x"]), article("Full", ["y"])], {})
    short = q("We will cut certain functions", "Ann Lee", 0.2)
    full = q("We will cut certain functions, which will increase efficiency", "Ann Lee", 0.9)
    [merged] = merge_quotes([(short, entries[0]), (full, entries[1])])
    assert merged.quote == full
    assert [s.article_id for s in merged.sources] == [entries[1].article.id, entries[0].article.id]


def test_same_quote_counts_repeated_words():
    assert same_quote("no no no no yes", "No, no, no, no and yes!")
    assert not same_quote("no no no no yes", "no yes maybe perhaps later")
    assert not same_quote("", "anything") and not same_quote("...", "!!!")


def test_a_person_known_on_the_whole_site_by_one_word_gets_no_page():
    # two articles quote "Ford" (two different people, as far as the site can tell); a third quotes
    # "Grushko", whose full name another article gives; "Boeing" is an organisation
    person, org = SpeakerKind.PERSON, SpeakerKind.ORGANISATION
    arts = [article(t, [t], f"2022-01-1{n}T08:00:00+00:00") for n, t in enumerate(("One", "Two", "Three", "Four"))]
    quotes = [(Quote("A", "Ford", speaker_kind=person),), (Quote("B", "Ford", speaker_kind=person),),
              (Quote("C", "Grushko", speaker_kind=person), Quote("D", "Boeing", speaker_kind=org)),
              (Quote("E", "Alexander Grushko", speaker_kind=person),
               Quote("F", "Holmes", speaker_kind=SpeakerKind.NAMED))]
    extractions = {a.id: Extraction(a.id, qs) for a, qs in zip(arts, quotes, strict=True)}
    speakers = build_speakers(make_entries(arts, extractions))
    assert sorted((s.name, len(s.quotes)) for s in speakers) == [("Alexander Grushko", 2), ("Boeing", 1)]
