"""Stories: one event covered by several outlets is one story; stories are ranked by news value
and the day's key quotes come from them, never promotion, banter or fragments."""

from __future__ import annotations

from datetime import date

import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from digest.briefing import assemble
from digest.config import Config
from digest.edition import cluster_window, edit_site, lead_paragraph, lead_sentences, sentences
from digest.models import Extraction, Quote
from digest.quotability import key_quote_score
from digest.stories import StoryText, cluster

from helpers import article

SENATE_AP = [
    "WASHINGTON (AP) — Federal Reserve Chair Jerome Powell told the Senate Banking Committee on Tuesday that "
    "interest rates would stay on hold while inflation eases.",
    "Powell faced sharp questions from Senator Elizabeth Warren about bank supervision and the collapse of "
    "Silicon Valley Bank.",
]
SENATE_REUTERS = [
    "Jerome Powell, chair of the Federal Reserve, said on Tuesday the central bank would keep interest rates "
    "unchanged, in testimony to the Senate Banking Committee.",
    "Senator Elizabeth Warren pressed Powell on the failure of Silicon Valley Bank and on bank supervision.",
]
CONCERT = [
    "The band played a sold-out show at Madison Square Garden on Saturday night, closing with an encore of "
    "their first hit single.",
    "Fans queued around the block for merchandise before the doors opened.",
]
CAR = [
    "Nissan unveiled the redesigned Sentra sedan at the Los Angeles Auto Show with a wider grille and new "
    "interior trim.",
    "The compact car goes on sale in the spring.",
]


def q(text: str, speaker: str | None, role: str | None = None, partial: bool = False) -> Quote:
    return Quote(text, speaker, role, partial, 1.0, True, 0, len(text))


def test_two_reports_of_one_event_cluster_apart_from_other_news():
    texts = [StoryText("Powell tells senators rates will stay on hold", tuple(SENATE_AP)),
             StoryText("Fed's Powell says rates unchanged in Senate testimony", tuple(SENATE_REUTERS)),
             StoryText("Band closes tour with sold-out Garden show", tuple(CONCERT)),
             StoryText("Nissan shows new Sentra in Los Angeles", tuple(CAR))]
    assert cluster(texts) == [[0, 1], [2], [3]]


def test_two_events_told_in_the_same_words_but_naming_nobody_in_common_are_two_stories():
    """Two stabbings in two cities share a headline's words and a report's vocabulary, not a name."""
    oakland = StoryText("Man stabbed to death on commuter train", (
        "A man was stabbed to death on a commuter train near Oakland late on Tuesday, and a suspect was "
        "arrested at the next station after witnesses called police.",
        "The victim, Marcus Bell, was taken to hospital with knife wounds and died there, said Sergeant "
        "Ana Ruiz.",
        "Witnesses said the suspect attacked the victim without a word and ran from the train."))
    berlin = StoryText("Man stabbed to death after lecture", (
        "A man was stabbed to death at a lecture hall in Berlin late on Tuesday, and a suspect was arrested "
        "at the scene after witnesses called police.",
        "The victim, Fritz von Weizsacker, was taken to hospital with knife wounds and died there, said "
        "Inspector Klaus Weber.",
        "Witnesses said the suspect attacked the victim without a word and ran from the hall."))
    texts = [oakland, berlin, StoryText("Band closes tour with sold-out Garden show", tuple(CONCERT)),
             StoryText("Nissan shows new Sentra in Los Angeles", tuple(CAR))]
    assert cluster(texts) == [[0], [1], [2], [3]]


def test_the_day_becomes_ranked_stories_with_key_quotes_from_the_top():
    ap = article("Powell tells senators rates will stay on hold", SENATE_AP, "2022-01-11T09:00:00+00:00", "AP")
    reuters = article("Fed's Powell says rates unchanged in Senate testimony", SENATE_REUTERS,
                      "2022-01-11T11:00:00+00:00", "Reuters")
    concert = article("Band closes tour with sold-out Garden show", CONCERT, "2022-01-11T10:00:00+00:00", "Gazette")
    car = article("Nissan shows new Sentra in Los Angeles", CAR, "2022-01-11T08:00:00+00:00", "Motor Weekly")
    extractions = {
        ap.id: Extraction(ap.id, (
            q("We will keep rates where they are until inflation is clearly on its way back to our target",
              "Jerome Powell", "Federal Reserve Chair"),
            q("The supervisors of Silicon Valley Bank saw the risks and did not act on them in time",
              "Elizabeth Warren", "Senator"))),
        reuters.id: Extraction(reuters.id, (
            q("We will keep rates where they are until inflation is clearly on its way back to our target",
              "Powell", "Fed chair"),)),
        concert.id: Extraction(concert.id, (
            q("We played our hearts out and the fans were amazing tonight, what a season for this team", "Singer"),
            q("best night ever", "Fan"))),
        car.id: Extraction(car.id, (
            q("We wanted to give Sentra a sexy new look that our customers will love", "Ken Lee",
              "vice president of product marketing"),)),
    }
    site = edit_site(assemble([ap, reuters, concert, car], extractions, Config(key_quotes=4), date(2022, 1, 11)),
                     Config(key_quotes=4))
    [day] = site.briefings
    top = day.stories[0]
    assert [e.article.source for e in top.entries] in (["AP", "Reuters"], ["Reuters", "AP"])
    assert top.outlets and len(top.outlets) == 2 and top.rank == 1
    assert len(day.stories) == 3
    assert top.lead.startswith(("WASHINGTON (AP) — Federal Reserve Chair Jerome Powell told",
                                "Jerome Powell, chair of the Federal Reserve"))
    # the quote both outlets carry is one key quote with two sources; then the second voice of the story
    assert [dq.quote.speaker for dq in day.key_quotes][:2] in (["Jerome Powell", "Elizabeth Warren"],
                                                               ["Powell", "Elizabeth Warren"])
    assert len(day.key_quotes[0].sources) == 2
    # no marketing line, sports banter or fragment is a key quote
    spoken = {dq.quote.text for dq in day.key_quotes}
    assert not any("Sentra" in t or "fans" in t or t == "best night ever" for t in spoken)


def test_promotion_banter_and_fragments_are_never_key_quotes():
    assert key_quote_score(q("We wanted to give Sentra a sexy new look that our customers will love",
                             "Ken Lee", "marketing director")) == 0
    assert key_quote_score(q("We came out in the second half and the team just played great football",
                             "Coach Smith", "head coach")) == 0
    assert key_quote_score(q("pretty much a done deal", "Jones")) == 0
    assert key_quote_score(q("It is a fine result for everyone", "Jones", partial=True)) == 0
    assert key_quote_score(q("The budget will cut the deficit by four billion dollars over three years",
                             "Jane Roe", "Finance Minister")) > 3


def test_shouted_calls_to_action_and_endorsements_are_never_key_quotes():
    """Campaign copy (a made-up tweet, a fundraising line) is no key quote; a sober quote about a vote still is."""
    assert key_quote_score(q("Dana has my Complete and Total Endorsement, and always has. GET OUT and VOTE on "
                             "Tuesday for your GREAT Senator!", "Lee", "President")) == 0
    assert key_quote_score(q("Our movement needs YOU. Chip in five dollars before midnight and help us WIN this "
                             "fight!", "Pat Moss", "candidate")) == 0
    assert key_quote_score(q("This is a RIGGED and CORRUPT process and the people KNOW it!", "Lee",
                             "President")) == 0
    assert key_quote_score(q("Ohio, with all the jobs we brought back to you, go out and vote Democratic today",
                             "Lee", "President")) == 0
    assert key_quote_score(q("Mayor @JaneRoe has done a fantastic job for the people of Springfield!", "Lee",
                             "President")) == 0
    assert key_quote_score(q("Turnout was low because many people did not go out and vote in the rain last spring",
                             "Sam Park", "political analyst")) > 3
    assert key_quote_score(q("We asked @CityHall for the budget documents three times and got no answer",
                             "Ann Lee", "council member")) > 2
    # reporting about votes, endorsements and donations, acronyms and a "#1" are no campaign copy
    for sober in ("The FBI and the CIA will brief lawmakers before they vote on the bill next week",
                  "The AFL-CIO endorsed the plan, and the NAACP and the ACLU have since joined it",
                  "We are asking the WHO and UNICEF to help countries donate vaccines to the poorest nations",
                  "Ministers must decide soon. Vote counting on Sunday went smoothly in every province",
                  "We are the #1 exporter of wheat in the world, and we will stay there for years!",
                  "Our members endorsed the agreement by a large margin and the strike is over!"):
        assert key_quote_score(q(sober, "Jane Doe", "spokeswoman")) > 0, sober
    assert key_quote_score(q("You have my full endorsement, Mike, now go win this thing!", "Lee", "Governor")) == 0
    assert key_quote_score(q("The Senate will vote on the NATO accession treaty before the recess in August",
                             "Jane Roe", "Senate majority leader")) > 3
    assert key_quote_score(q("The union's endorsement matters less than turnout in the three largest counties",
                             "Sam Park", "political analyst")) > 3


def test_leads_are_whole_sentences_of_the_article():
    assert sentences("South Dakota Gov. Kristi Noem spoke. The U.S. Army said so. Then it ended.") == [
        "South Dakota Gov. Kristi Noem spoke.", "The U.S. Army said so.", "Then it ended."]
    paragraphs = ("Order Reprints", "This copy is for your personal, non-commercial use only, and more words here.",
                  "Two federal prison officers were charged on Tuesday with falsifying records. They pleaded not "
                  "guilty. A trial date was set for the spring.")
    assert lead_sentences(lead_paragraph(paragraphs)) == (
        "Two federal prison officers were charged on Tuesday with falsifying records. They pleaded not guilty.")


def test_yesterdays_report_of_the_same_event_joins_todays_story():
    ap = article("Powell tells senators rates will stay on hold", SENATE_AP, "2022-01-10T21:00:00+00:00", "AP")
    reuters = article("Fed's Powell says rates unchanged in Senate testimony", SENATE_REUTERS,
                      "2022-01-11T11:00:00+00:00", "Reuters")
    concert = article("Band closes tour with sold-out Garden show", CONCERT, "2022-01-11T10:00:00+00:00", "Gazette")
    site = edit_site(assemble([ap, reuters, concert], {}, Config(), date(2022, 1, 11)), Config())
    today, yesterday = site.briefings
    assert [len(s.entries) for s in today.stories] == [2, 1]
    assert today.stories[0].entries[0].article.source == "Reuters"  # the day's own report leads
    assert [len(s.entries) for s in yesterday.stories] == [1]


def test_press_release_lines_and_unattributed_quotes_are_not_key_quotes():
    assert key_quote_score(q("Digistat Patient Watch helps clinicians leverage patient data as part of our "
                             "portfolio of critical care solutions", "Olivier Bosc", "general manager")) == 0
    assert key_quote_score(q("The budget will cut the deficit by four billion dollars over three years", None)) == 0


def test_a_key_quote_shown_the_day_before_is_not_key_again_when_its_article_is_carried_over():
    """The window carries the day before's articles into a day; their key quote is not repeated."""
    monday = article("Powell tells senators rates will stay on hold", SENATE_AP, "2022-01-10T09:00:00+00:00", "AP")
    tuesday = article("Fed's Powell says rates unchanged in Senate testimony", SENATE_REUTERS,
                      "2022-01-11T11:00:00+00:00", "Reuters")
    powell = q("We will keep rates where they are until inflation is clearly on its way back to our target,",
               "Jerome Powell", "Federal Reserve Chair")
    warren = q("The supervisors of Silicon Valley Bank saw the risks and did not act on them in time",
               "Elizabeth Warren", "Senator")
    extractions = {monday.id: Extraction(monday.id, (powell,)), tuesday.id: Extraction(tuesday.id, (powell, warren))}
    config = Config(key_quotes=4)
    site = edit_site(assemble([monday, tuesday], extractions, config, date(2022, 1, 11)), config)
    first, second = sorted(site.briefings, key=lambda b: b.day)
    assert [dq.quote.speaker for dq in first.key_quotes] == ["Jerome Powell"]
    assert [dq.quote.speaker for dq in second.key_quotes] == ["Elizabeth Warren"]
    assert second.stories[0].key_quote.quote.speaker == "Elizabeth Warren"


def test_an_edited_site_is_the_same_whether_assemble_drew_the_days_key_quotes_or_not():
    """The edit draws a day's key quotes from its stories, so a caller that edits may skip assemble's."""
    monday = article("Powell tells senators rates will stay on hold", SENATE_AP, "2022-01-10T09:00:00+00:00", "AP")
    tuesday = article("Fed's Powell says rates unchanged in Senate testimony", SENATE_REUTERS,
                      "2022-01-11T11:00:00+00:00", "Reuters")
    powell = q("We will keep rates where they are until inflation is clearly on its way back to our target,",
               "Jerome Powell", "Federal Reserve Chair")
    extractions = {monday.id: Extraction(monday.id, (powell,)), tuesday.id: Extraction(tuesday.id, (powell,))}
    config = Config(key_quotes=4)
    plain = assemble([monday, tuesday], extractions, config, date(2022, 1, 11), day_key_quotes=False)
    assert all(b.key_quotes == () for b in plain.briefings)
    assert any(b.key_quotes for b in assemble([monday, tuesday], extractions, config, date(2022, 1, 11)).briefings)
    assert edit_site(plain, config) == edit_site(assemble([monday, tuesday], extractions, config,
                                                          date(2022, 1, 11)), config)


def test_a_day_is_judged_against_the_news_before_it():
    """Two reports that share only what every recent article says (the war in Kyiv, shelling,
    casualties) are one story on their own, and two once the earlier articles say the same."""
    first = StoryText("Shelling hits Kyiv suburbs", (
        "Russian shelling hit suburbs of Kyiv overnight, officials said, with casualties reported near the "
        "railway station and damage to apartment blocks.",))
    second = StoryText("Kyiv residents count the damage", (
        "Residents of Kyiv counted the damage after shelling overnight, with casualties near the railway "
        "station and apartment blocks hit.",))
    earlier = [StoryText(f"Day {n} of the war", (
        f"Shelling hit Kyiv again on day {n}, with casualties near the railway station and apartment blocks "
        "damaged, officials said.",)) for n in range(30)]
    assert cluster_window([first, second]) == [[0, 1]]
    assert cluster_window([first, second], earlier) == [[0], [1]]


def merge_by_whole_matrix(similarity, threshold):
    """Average-link clustering as first written: the pair to merge is the argmax of the whole matrix."""
    import numpy as np

    n = similarity.shape[0]
    sim = similarity.astype(float).copy()
    np.fill_diagonal(sim, -np.inf)
    sizes, alive, members = np.ones(n), np.ones(n, dtype=bool), [[i] for i in range(n)]
    while n > 1:
        a, b = divmod(int(np.argmax(sim)), n)
        if sim[a, b] < threshold:
            break
        merged = (sizes[a] * sim[a] + sizes[b] * sim[b]) / (sizes[a] + sizes[b])
        sim[a], sim[:, a] = merged, merged
        sim[a, a] = -np.inf
        sim[b], sim[:, b] = -np.inf, -np.inf
        sizes[a] += sizes[b]
        alive[b] = False
        members[a].extend(members[b])
        members[b] = []
    return sorted((sorted(m) for i, m in enumerate(members) if alive[i]), key=lambda c: c[0])


def test_average_link_merges_the_pairs_the_whole_matrix_would_ties_included():
    """The clustering keeps each row's best instead of searching the whole matrix at every merge; it
    merges the same pairs in the same order, ties (first in row-major order) and asymmetric inputs too."""
    import numpy as np

    from digest.stories import average_link

    rng = np.random.default_rng(7)
    for trial in range(400):
        n = int(rng.integers(0, 30))
        sim = rng.integers(0, 5, size=(n, n)) / 8.0  # few distinct values: many ties
        if trial % 2:
            sim = (sim + sim.T) / 2
        sim[rng.random((n, n)) < 0.3] = 0.0
        threshold = float(rng.choice([0.0, 0.1, 0.25]))
        assert average_link(sim, threshold) == merge_by_whole_matrix(sim, threshold), trial


def blas_threads_now() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


def test_clustering_runs_numpy_on_one_blas_thread_and_restores_the_limit_after(monkeypatch):
    """The window's matrix products run on one BLAS thread (set with threadpoolctl for the block, not
    by environment variables); the process's own setting is back once clustering returns."""
    import digest.stories as stories
    import digest.story_gates as story_gates

    if not blas_threads_now():
        pytest.skip("threadpoolctl finds no BLAS library in this process")
    seen: list[set[int]] = []
    similarity, anchored = stories.similarity, story_gates.anchored
    monkeypatch.setattr(stories, "similarity", lambda *a: (seen.append(blas_threads_now()), similarity(*a))[1])
    monkeypatch.setattr(story_gates, "anchored", lambda *a: (seen.append(blas_threads_now()), anchored(*a))[1])
    texts = [StoryText("Powell tells senators rates will stay on hold", tuple(SENATE_AP)),
             StoryText("Fed's Powell says rates unchanged in Senate testimony", tuple(SENATE_REUTERS)),
             StoryText("Band closes tour with sold-out Garden show", tuple(CONCERT))]
    with threadpool_limits(limits=2, user_api="blas"):  # not 1: restoring it is then seen
        assert blas_threads_now() == {2}
        assert cluster_window(texts) == [[0, 1], [2]]
        assert cluster(texts) == [[0, 1], [2]]
        assert len(seen) == 3 and all(threads == {1} for threads in seen)
        assert blas_threads_now() == {2}
