"""Stories are happenings, not topics: a round-up never joins a story, two articles on one topic
whose headlines and leads share nothing stay apart, and yesterday's article on a running topic
joins today's story only when it reports the same happening (``digest.story_gates``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from digest.briefing import assemble
from digest.build import build_site
from digest.config import Config, load_config
from digest.edition import edit_site
from digest.models import Article
from digest.stories import StoryText
from digest.story_gates import is_roundup

from helpers import article

WEWORK_CNBC = [
    "The New York attorney general is investigating WeWork over its layoffs, the office-sharing company "
    "confirmed on Tuesday, as SoftBank pushes its new management to cut costs.",
    "Attorney General Letitia James sent WeWork a letter asking whether the company gave workers the notice "
    "the state's WARN Act requires before mass layoffs.",
    "SoftBank chief Masayoshi Son told WeWork executives he wants the company to turn a profit by 2021, and "
    "chairman Marcelo Claure said about 2,400 employees would lose their jobs.",
]
WEWORK_POST = [
    "WeWork is under investigation by New York attorney general Letitia James over whether it broke the "
    "state's WARN Act with its layoffs, the company said Tuesday.",
    "The WARN Act requires employers to give workers 90 days' notice before mass layoffs in New York.",
    "Marcelo Claure, the SoftBank executive who became WeWork's chairman, has said about 2,400 staff will be "
    "cut, and Masayoshi Son wants the company profitable by 2021.",
]
TECH_NEWSLETTER = [
    "Good morning! This is the tech news you need to know this Tuesday.",
    "The New York attorney general is investigating WeWork amid layoffs. The company confirmed that Letitia "
    "James had asked about the WARN Act; SoftBank's Masayoshi Son wants a profit by 2021.",
    "T-Mobile chief executive John Legere is stepping down in May, handing over to Mike Sievert.",
    "Google has bought CloudSimple, a startup that was once a key part of Microsoft's cloud strategy.",
    "Valve announced a new Half-Life game for virtual reality headsets, its first in twelve years.",
    "You can also subscribe to this newsletter here.",
]
HEARING = [
    "The House Intelligence Committee heard a second week of public testimony in the impeachment inquiry on "
    "Tuesday, as Chairman Adam Schiff questioned two White House aides about the Ukraine call.",
    "Lieutenant Colonel Alexander Vindman told the Intelligence Committee he had reported the call to a "
    "lawyer because he thought it improper.",
    "Republicans on the committee, led by Devin Nunes, said the inquiry was a partisan exercise and asked "
    "why the whistleblower had not testified.",
    "Senate Majority Leader Mitch McConnell said a trial in the Senate would follow any impeachment by the "
    "House.",
]
COLUMN = [
    "A party that once prided itself on fiscal discipline and free trade now follows wherever one man "
    "leads, and its lawmakers no longer ask where the road goes.",
    "Conservatives who built careers on deficits and tariffs have gone quiet, and the donors who funded them "
    "have shrugged.",
    "Loyalty has become the only test of a career, and a member who doubts in private votes as told when the "
    "cameras are on, because the primary comes before the principle.",
    "This week the impeachment inquiry showed it again: Devin Nunes and the Republicans on the House "
    "Intelligence Committee defended the Ukraine call rather than ask about it, while Adam Schiff pressed "
    "Alexander Vindman on what he heard.",
    "In the Senate, Mitch McConnell has already promised the White House a quick impeachment trial, and the "
    "Intelligence Committee's Republicans will be remembered for what they did not ask.",
]
INTERVIEW = [
    "Prince Andrew told the BBC in an interview broadcast on Saturday that he did not regret his friendship "
    "with Jeffrey Epstein, the financier who died in a Manhattan jail in August.",
    "In the hour-long interview with Emily Maitlis, the Duke of York denied the allegations of Virginia "
    "Giuffre and said he had no memory of meeting her.",
    "Lawyers for Epstein's accusers said the prince should speak to the FBI about what he saw at Epstein's "
    "homes in New York and Palm Beach.",
]
GUARDS = [
    "Two guards who were supposed to watch Jeffrey Epstein the night he died in a Manhattan jail were charged "
    "on Tuesday with falsifying prison records.",
    "Prosecutors said Tova Noel and Michael Thomas sat at their desks, browsed the internet and slept instead "
    "of checking on Epstein every half hour.",
    "Lawyers for Epstein's accusers, who say he abused them at his homes in New York and Palm Beach, welcomed "
    "the charges and called for the FBI to keep investigating.",
]
GUARDS_WIRE = [
    "Federal prosecutors charged two jail guards on Tuesday with falsifying records on the night Jeffrey "
    "Epstein killed himself in his Manhattan cell.",
    "Tova Noel and Michael Thomas are accused of sleeping and browsing the internet instead of checking on "
    "Epstein, and of signing false records afterwards.",
    "Both pleaded not guilty. Epstein's accusers said the charges were a first step.",
]


def archive(articles: list[Article]) -> list[Article]:
    """The same reports a month earlier: a site's archive has seen most of the words of a day's news, so its
    document frequencies are an archive's and not those of two or three articles (where every shared word
    would be rare)."""
    return [article(f"Archive: {a.title}", list(a.paragraphs), "2019-10-01T09:00:00+00:00", a.source) for a in articles]


def day_stories(articles: list[Article], day: date) -> list[list[str]]:
    """The titles of the sources of each of ``day``'s stories, as the briefing shows them (the archive of
    :func:`archive` behind them)."""
    site = edit_site(assemble([*articles, *archive(articles)], {}, Config(), day), Config())
    [briefing] = [b for b in site.briefings if b.day == day]
    return sorted(sorted(e.article.title for e in story.entries) for story in briefing.stories)


def test_a_newsletter_round_up_never_joins_the_story_it_mentions():
    cnbc = article("WeWork under investigation by New York attorney general over layoffs", WEWORK_CNBC,
                   "2019-11-19T09:00:00+00:00", "CNBC")
    post = article("New York AG probes WeWork layoffs under WARN Act", WEWORK_POST, "2019-11-19T11:00:00+00:00",
                   "New York Post")
    roundup = article("10 things in tech you need to know today", TECH_NEWSLETTER, "2019-11-19T10:00:00+00:00",
                      "Business Insider")
    assert day_stories([cnbc, post, roundup], date(2019, 11, 19)) == [
        ["10 things in tech you need to know today"],
        ["New York AG probes WeWork layoffs under WARN Act",
         "WeWork under investigation by New York attorney general over layoffs"]]


def test_round_ups_newsletters_and_guides_are_told_by_their_headlines_or_their_furniture():
    for title in ("10 things in tech you need to know today", "Opening Bell 11.18.19", "Morning Briefing: Tuesday",
                  "High school sports roundup", "The week in review", "9to5Mac Gift Guide: what to buy",
                  "PolitiFact's guide to understanding tariffs and trade", "Top stories"):
        assert is_roundup(StoryText(title, ("Some text about several things.",))), title
    assert is_roundup(StoryText("Tech today", ("Good morning! Here is the news.", "Item one.", "Item two.")))
    assert is_roundup(StoryText("Tech today", ("Item one.", "Item two.", "You can subscribe to this newsletter here.")))
    for title in ("WeWork under investigation over layoffs", "Top News Article", "Guards charged over Epstein death",
                  "5 killed as storm hits Florida", "Obama's speech makes headlines in Kenya"):
        assert not is_roundup(StoryText(title, ("Sign up for our daily newsletter.", "A report of one event."))), title


def test_a_column_on_the_topic_of_the_days_hearing_is_not_a_source_of_its_story():
    """The column names the hearing's people only after its three-paragraph lead; its headline and lead share
    nothing with the report's, so it stays its own story."""
    report = article("Vindman tells impeachment inquiry he reported Ukraine call", HEARING,
                     "2019-11-19T15:00:00+00:00", "AP")
    column = article("Opinion | A party that no longer asks where it is going", COLUMN, "2019-11-19T12:00:00+00:00",
                     "The Times")
    assert day_stories([report, column], date(2019, 11, 19)) == [
        ["Opinion | A party that no longer asks where it is going"],
        ["Vindman tells impeachment inquiry he reported Ukraine call"]]


def test_yesterdays_article_on_the_same_topic_but_another_happening_does_not_join_todays_story():
    """Monday's interview and Tuesday's charges are both about Epstein: two happenings, two stories on Tuesday
    (the interview, carried over by the window, is left out of Tuesday's briefing); the two reports of the
    charges are one story."""
    interview = article("Prince Andrew defends his friendship with Jeffrey Epstein in BBC interview", INTERVIEW,
                        "2019-11-18T20:00:00+00:00", "Guardian")
    guards = article("Jail guards charged over Jeffrey Epstein's death", GUARDS, "2019-11-19T14:00:00+00:00",
                     "USA Today")
    wire = article("Two guards charged with falsifying records on night of Epstein's death", GUARDS_WIRE,
                   "2019-11-19T16:00:00+00:00", "Reuters")
    assert day_stories([interview, guards, wire], date(2019, 11, 19)) == [
        ["Jail guards charged over Jeffrey Epstein's death",
         "Two guards charged with falsifying records on night of Epstein's death"]]


def test_the_published_briefing_keeps_a_round_up_out_of_the_story_it_mentions(tmp_path: Path):
    content = tmp_path / "content" / "2019" / "11" / "19"
    content.mkdir(parents=True)
    for name, title, paragraphs, when in (
            ("cnbc", "WeWork under investigation by New York attorney general over layoffs", WEWORK_CNBC, "09:00"),
            ("post", "New York AG probes WeWork layoffs under WARN Act", WEWORK_POST, "11:00"),
            ("bi", "10 things in tech you need to know today", TECH_NEWSLETTER, "10:00")):
        body = "\n\n".join(paragraphs)
        (content / f"{name}.md").write_text(f"---\ntitle: {title}\ndate: '2019-11-19T{when}:00+00:00'\n---\n\n{body}\n",
                                            encoding="utf-8")
    (tmp_path / "digest.toml").write_text("search = false\n", encoding="utf-8")
    assert not build_site(load_config(root=tmp_path), today=date(2019, 11, 19)).report.errors
    data = json.loads((tmp_path / "site/2019/11/19/briefing.json").read_text(encoding="utf-8"))
    assert sorted(sorted(s["title"] for s in story["sources"]) for story in data["stories"]) == [
        ["10 things in tech you need to know today"],
        ["New York AG probes WeWork layoffs under WARN Act",
         "WeWork under investigation by New York attorney general over layoffs"]]
