"""Edit the day: turn each briefing's flat article list into ranked stories with key quotes.

Runs after ``assemble``: stories are clustered (``digest.stories``) over the day's articles
and those of the ``WINDOW_DAYS`` before it (with term frequencies over that window and the
``FREQUENCY_ARTICLES`` published before it, so a day's stories change only when those do),
ranked by news value, and given a headline, an extractive lead, a key quote and the upcoming
meetings they mention. The day's key quotes are then drawn from the stories in rank order,
one voice per story before a second. Pure functions over plain objects; no I/O.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from digest.briefing import merge_quotes, speaker_key
from digest.config import Config
from digest.models import AgendaItem, ArticleEntry, Briefing, DayQuote, Site, Story
from digest.quotability import OFFICIAL_ROLES, key_quote_score
from digest.stories import StoryText, blas_threads, cluster, document_frequency, terms
from digest.story_gates import gate

WINDOW_DAYS = 1
FREQUENCY_ARTICLES = 500  # articles published before a window that count in its term frequencies (not clustered)
# a window's texts, the earlier ones of its frequencies and which window texts are of a day before the
# briefing's -> its stories (row indices of the window)
Clusterer = Callable[[Sequence[StoryText], Sequence[StoryText], Sequence[bool]], list[list[int]]]
LEAD_CHARS = 320
INSTITUTIONS = re.compile(
    r"\b(Congress|Senate|House|Parliament|Government|Ministry|Minister|President|Court|Commission|"
    r"Council|Committee|Department|Agency|Federal|Reserve|Bank|Treasury|Police|Army|Navy|Pentagon|"
    r"White House|Kremlin|United Nations|UN|NATO|EU|European Union|WHO|IMF|OPEC|Cabinet|Assembly|"
    r"Prime Minister|Secretary|Governor|Mayor|Senator|Judge)\b")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"“‘(]?[A-Z0-9])")
# Words that end in a full stop without ending the sentence: "Gov. Kristi Noem", "ST. JOSEPH, Mich."
_ABBREVIATION_WORDS = """
Mr Mrs Ms Dr Prof Gov Sen Rep Gen Col Lt Sgt Capt Adm Rev St Mt Jr Sr Inc Corp Ltd Jan Feb Mar Apr Jun Jul
Aug Sep Sept Oct Nov Dec Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss
Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_LAST_WORD = re.compile(r"(?:^|[\s(\"“])((?:[A-Za-z]\.)*[A-Za-z]+)$")
MIN_LEAD_WORDS = 12
# Publisher boilerplate that can open a saved page's text.
_BOILERPLATE = re.compile(r"non-commercial use|order reprints|all rights reserved|subscribe|sign up|newsletter|"
                          r"cookies|javascript|advertisement|click here|read more", re.I)


def is_abbreviation(before_stop: str) -> bool:
    """Whether the text before a full stop ends in an abbreviation or an initial ("U.S", "J")."""
    m = _LAST_WORD.search(before_stop)
    if not m:
        return False
    word = m.group(1)
    return len(word) == 1 and word.isupper() or "." in word or word.title() in _ABBREVIATIONS


def sentences(paragraph: str) -> list[str]:
    """``paragraph`` cut into sentences, not after abbreviations and initials."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        if m.group().startswith(".") and is_abbreviation(paragraph[start:m.start()]):
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    return [s for s in (*out, tail) if s]


def lead_paragraph(paragraphs: tuple[str, ...]) -> str:
    """The article's first paragraph that reads as prose: a sentence of some length, not navigation."""
    for paragraph in paragraphs[:8]:
        text = paragraph.strip(" |·•-–—")
        if _BOILERPLATE.search(text):
            continue
        if (len(text.split()) >= MIN_LEAD_WORDS and re.search(r"[.!?][\"'”’)]*$", text)
                and text.count("|") < 2 and (text[:1].isupper() or text[:1] in "\"“‘")):
            return text
    return paragraphs[0].strip(" |·•-–—") if paragraphs else ""


def lead_sentences(paragraph: str, limit: int = LEAD_CHARS) -> str:
    """The first one or two sentences of ``paragraph`` (two only when they fit in ``limit``)."""
    found = sentences(paragraph)
    if not found:
        return ""
    lead = found[0]
    if len(found) > 1 and len(lead) + len(found[1]) + 1 <= limit and len(lead) < limit // 2:
        lead = f"{lead} {found[1]}"
    return lead


def story_quotes(entries: tuple[ArticleEntry, ...]) -> list[tuple[float, DayQuote]]:
    """The story's quotes that may be key quotes, merged across its sources, best first."""
    candidates = [(q, e) for e in entries for q in e.quotes if key_quote_score(q) > 0]
    merged = merge_quotes(candidates)
    scored = [(key_quote_score(dq.quote) + 0.5 * (len(dq.sources) - 1), dq) for dq in merged]
    scored.sort(key=lambda item: -item[0])
    return scored


def news_value(entries: tuple[ArticleEntry, ...], outlets: int, quotes: list[tuple[float, DayQuote]],
               meetings: list[AgendaItem]) -> float:
    """Outlets covering it, named officials and institutions, meetings ahead, substance of quotes."""
    officials = {speaker_key(dq.quote.speaker or "") for _, dq in quotes
                 if dq.quote.speaker and OFFICIAL_ROLES.search(dq.quote.role or "")}
    institutions = {m.group() for e in entries for m in INSTITUTIONS.finditer(f"{e.article.title}\n{e.lead}")}
    score = 3.0 * math.log2(outlets + 1)
    score += min(3, len(officials)) + 0.5 * min(4, len(institutions))
    score += 1.5 * min(2, len(meetings))
    score += 0.5 * (quotes[0][0] if quotes else 0.0)
    return round(score, 3)


def best_source(entries: list[ArticleEntry], day: date, tz) -> ArticleEntry:
    """The source whose lead and quotes tell the story best: of the day, with substance."""
    def merit(entry: ArticleEntry) -> tuple:
        usable = sum(1 for q in entry.quotes if key_quote_score(q) > 0)
        words = min(len(entry.article.text.split()), 800)
        return (entry.article.published.astimezone(tz).date() == day, usable > 0, len(entry.meetings) > 0,
                words, usable, entry.url)
    return max(entries, key=merit)


def make_story(entries: list[ArticleEntry], briefing: Briefing, tz) -> Story:
    best = best_source(entries, briefing.day, tz)
    ordered = (best, *sorted((e for e in entries if e is not best), key=lambda e: (e.article.published, e.url)))
    ids = {e.article.id for e in ordered}
    meetings = [it for it in briefing.upcoming_meetings if any(s.article_id in ids for s in it.sources)]
    quotes = story_quotes(ordered)
    first = min(ordered, key=lambda e: (e.article.published, e.article.id))
    story = Story(id=first.article.id[:16], headline=best.article.title,
                  lead=lead_sentences(lead_paragraph(best.article.paragraphs)), entries=ordered,
                  key_quote=quotes[0][1] if quotes else None, meetings=tuple(meetings))
    return replace(story, score=news_value(ordered, len(story.outlets), quotes, meetings))


def cluster_window(texts: Sequence[StoryText], earlier: Sequence[StoryText] = (),
                   before_day: Sequence[bool] = (),
                   bag: Callable[[StoryText], Counter[str]] = terms) -> list[list[int]]:
    """``digest.stories.cluster`` of ``texts`` with term frequencies over them and the ``earlier``
    articles, weighed by ``digest.story_gates.gate`` (``before_day``: which texts are of a day before
    the briefing's; ``bag``: an article's terms)."""
    bags = [bag(text) for text in texts]
    df, n_docs = document_frequency([*bags, *map(bag, earlier)])
    with blas_threads():  # the gate's products too (cluster sets the same limit again inside, and restores this one)
        return cluster(texts, df, n_docs, bags=bags, allowed=gate(texts, df, n_docs, list(before_day) or None))


def story_text(entry: ArticleEntry) -> StoryText:
    return StoryText(entry.article.title, entry.article.paragraphs)


def day_stories(briefing: Briefing, window: list[ArticleEntry], tz, clusterer: Clusterer = cluster_window,
                earlier: Sequence[ArticleEntry] = ()) -> list[Story]:
    """The briefing's stories, ranked: clusters over ``window`` holding an article of the day."""
    of_day = {e.url for e in briefing.articles}
    groups = clusterer([story_text(e) for e in window], [story_text(e) for e in earlier],
                       [e.url not in of_day for e in window])
    stories = [make_story([window[i] for i in group], briefing, tz)
               for group in groups if any(window[i].url in of_day for i in group)]
    stories.sort(key=lambda s: (-s.score, s.headline, s.id))
    return [replace(s, rank=n) for n, s in enumerate(stories, 1)]


def quote_key(dq: DayQuote) -> tuple[str, str]:
    """What makes two key quotes the same for a reader: the speaker and the words."""
    return speaker_key(dq.quote.speaker or ""), " ".join(dq.quote.text.split()).rstrip(",").lower()


def shown_as_key(briefing: Briefing | None) -> frozenset[tuple[str, str]]:
    """The key quotes a briefing shows: its stories' and its list's."""
    if briefing is None:
        return frozenset()
    shown = [*briefing.key_quotes, *(s.key_quote for s in briefing.stories if s.key_quote)]
    return frozenset(quote_key(dq) for dq in shown)


def fresh_key_quotes(stories: list[Story], shown: frozenset[tuple[str, str]]) -> list[Story]:
    """Each story with its best key quote not already shown as key the day before (none if all were)."""
    return [replace(s, key_quote=next((dq for _, dq in story_quotes(s.entries) if quote_key(dq) not in shown), None))
            for s in stories]


def key_quotes_from_stories(stories: list[Story], limit: int,
                            shown: frozenset[tuple[str, str]] = frozenset()) -> list[DayQuote]:
    """Key quotes from the top stories: each story's best voice first, then a second voice each; none of
    ``shown`` (the day before's key quotes, whose articles the window carries into this day)."""
    per_story = [[dq for _, dq in story_quotes(s.entries) if quote_key(dq) not in shown] for s in stories]
    chosen: list[DayQuote] = []
    voices: list[set[str]] = [set() for _ in stories]
    for _ in range(2):
        for quotes, heard in zip(per_story, voices, strict=True):
            if len(chosen) >= limit:
                return chosen
            pick = next((dq for dq in quotes if speaker_key(dq.quote.speaker or "") not in heard
                         and dq not in chosen), None)
            if pick is not None:
                heard.add(speaker_key(pick.quote.speaker or ""))
                chosen.append(pick)
    return chosen


def edit_day(briefing: Briefing, window: list[ArticleEntry], earlier: Sequence[ArticleEntry],
             shown: frozenset[tuple[str, str]], config: Config, clusterer: Clusterer = cluster_window) -> Briefing:
    """One day's briefing with its stories ranked and its key quotes drawn from them; ``window`` holds
    the day's articles and those of the ``WINDOW_DAYS`` before it, ``earlier`` the articles before the
    window that count in its term frequencies, ``shown`` the day before's key quotes."""
    stories = fresh_key_quotes(day_stories(briefing, window, config.tz, clusterer, earlier), shown)
    return replace(briefing, stories=tuple(stories),
                   key_quotes=tuple(key_quotes_from_stories(stories, config.key_quotes, shown)))


DayEditor = Callable[[Briefing, list[ArticleEntry], Sequence[ArticleEntry], frozenset[tuple[str, str]], Config],
                     Briefing]


def edit_site(site: Site, config: Config, edit: DayEditor = edit_day) -> Site:
    """``site`` with every briefing's stories ranked and its key quotes drawn from them.

    ``edit`` edits one day as :func:`edit_day` does (a build passes one that keeps the days it
    edited before: ``digest.edits``).
    """
    tz = config.tz
    by_day: dict[date, list[ArticleEntry]] = defaultdict(list)
    for entry in site.entries:
        by_day[entry.article.published.astimezone(tz).date()].append(entry)
    in_order = [e for day in sorted(by_day) for e in by_day[day]]
    days = [e.article.published.astimezone(tz).date() for e in in_order]
    edited: dict[date, Briefing] = {}
    for briefing in sorted(site.briefings, key=lambda b: b.day):
        window = [e for k in range(WINDOW_DAYS, -1, -1) for e in by_day.get(briefing.day - timedelta(days=k), ())]
        start = bisect_left(days, briefing.day - timedelta(days=WINDOW_DAYS))
        earlier = in_order[max(0, start - FREQUENCY_ARTICLES):start]
        shown = shown_as_key(edited.get(briefing.day - timedelta(days=1)))
        edited[briefing.day] = edit(briefing, window, earlier, shown, config)
    return replace(site, briefings=tuple(edited[b.day] for b in site.briefings))
