"""Stories on real days against blind event gold: B-cubed precision, recall and F1 per half.

``python bench/stories_bench.py --events bench/events/webpages.jsonl --days SITE`` reads every
day's ``briefing.json`` of SITE (a site built from the 131 benchmark web pages, see
bench/events/README.md) and scores the day's stories against the gold events: the items of a
day are the sources of its stories (the day's articles and the window articles that joined one
of them) and the window articles that are one gold event with an article of the day but joined
none of its stories (each alone: a missed join costs recall); each story is one cluster, each
gold event one class. B-cubed is averaged over every
(day, article) item of all the days, separately for the study half (ids in
bench/webpages/study/ids.txt) and the clean half (bench/webpages/clean/ids.txt): both the
clustering and the gold are restricted to the half's items. It also counts the multi-source
stories (two or more of the half's items) and how many of them are one gold event, per half
and, over both halves together, on the two busiest days.

A briefing source is matched to its benchmark page by the title and URL digest's reader gives
the page (``bench/annotate.py read``): the built site holds no benchmark id.

With ``--errors`` the study half's wrong merges and split events are listed with their
headlines; the clean half is only ever summarised.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from digest.edition import WINDOW_DAYS  # the days before a briefing whose articles may join its stories

HERE = Path(__file__).resolve().parent
HALVES = ("study", "clean")


@dataclass(frozen=True)
class GoldPage:
    id: str
    event: str
    kind: str
    half: str
    title: str


@dataclass
class HalfScore:
    """Sums over a half's (day, article) items and its multi-source stories."""

    items: int = 0
    precision: float = 0.0
    recall: float = 0.0
    multi: int = 0
    multi_one_event: int = 0

    def line(self, name: str) -> str:
        p = self.precision / self.items if self.items else 0.0
        r = self.recall / self.items if self.items else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (f"{name:<6} {self.items:>4} day-items  B-cubed P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
                f"multi-source stories one event: {self.multi_one_event} of {self.multi}")


def load_gold(path: Path) -> dict[str, GoldPage]:
    halves = {i: half for half in HALVES
              for i in (HERE / "webpages" / half / "ids.txt").read_text().split()}
    pages = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            pages[row["id"]] = GoldPage(row["id"], row["event"], row["kind"], halves.get(row["id"], ""),
                                        row["title"])
    return pages


def page_keys(ids: list[str]) -> dict[tuple[str, str | None], str]:
    """(title, url) as digest's reader gives each benchmark page → its id."""
    import annotate

    keys: dict[tuple[str, str | None], str] = {}
    for i in ids:
        article = annotate.read("webpages", i)
        key = (article.title, article.url if article.url and article.url.startswith("http") else None)
        if key in keys:
            raise SystemExit(f"two benchmark pages read as one title and URL: {keys[key]} and {i}")
        keys[key] = i
    return keys


def own_days(days: list[tuple[str, list[list[str]]]]) -> dict[str, str]:
    """Each article's own day in the site: the first briefing that shows it (the next one may carry it over)."""
    first: dict[str, str] = {}
    for day, stories in sorted(days):
        for i in (i for story in stories for i in story):
            first.setdefault(i, day)
    return first


def with_missed_window(day: str, stories: list[list[str]], gold: dict[str, GoldPage],
                       days: dict[str, str]) -> list[list[str]]:
    """The day's stories plus, alone, each article of the day before that is one event with an article of
    the day but joined none of its stories (so a window article that should have joined costs recall)."""
    shown = {i for story in stories for i in story}
    before = (date.fromisoformat(day) - timedelta(days=WINDOW_DAYS)).isoformat()
    events = {gold[i].event for i in shown if days[i] == day}
    missed = [i for i, d in days.items() if before <= d < day and i not in shown and gold[i].event in events]
    return stories + [[i] for i in sorted(missed)]


def day_clusters(site: Path, keys: dict[tuple[str, str | None], str]) -> list[tuple[str, list[list[str]]]]:
    """Every day of ``site``: its date and its stories as lists of benchmark ids."""
    days = []
    for path in sorted(site.glob("[0-9]*/[0-9][0-9]/[0-9][0-9]/briefing.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        stories = []
        for story in data["stories"]:
            members = []
            for source in story["sources"]:
                key = (source["title"], source["url"])
                if key not in keys:
                    raise SystemExit(f"{path}: source not among the benchmark pages: {key}")
                members.append(keys[key])
            stories.append(members)
        days.append((data["date"], stories))
    return days


def add_day(score: HalfScore, stories: list[list[str]], gold: dict[str, GoldPage]) -> list[list[str]]:
    """Add one day's stories (already restricted to one half) to ``score``; return the wrong merges."""
    event_size = Counter(gold[i].event for story in stories for i in story)
    wrong = []
    for story in stories:
        events = Counter(gold[i].event for i in story)
        for i in story:
            same = events[gold[i].event]
            score.items += 1
            score.precision += same / len(story)
            score.recall += same / event_size[gold[i].event]
        if len(story) >= 2:
            score.multi += 1
            score.multi_one_event += len(events) == 1
            if len(events) > 1:
                wrong.append(story)
    return wrong


def split_events(stories: list[list[str]], gold: dict[str, GoldPage]) -> list[list[list[str]]]:
    """Gold events of one day spread over several of its stories."""
    by_event: dict[str, list[list[str]]] = {}
    for story in stories:
        for event in {gold[i].event for i in story}:
            by_event.setdefault(event, []).append([i for i in story if gold[i].event == event])
    return [parts for parts in by_event.values() if len(parts) > 1]


def report(events: Path, site: Path, errors: bool = False) -> list[str]:
    """The summary lines (and, with ``errors``, the study half's mistakes)."""
    site = site / "site" if (site / "site").is_dir() else site
    gold = load_gold(events)
    shown = day_clusters(site, page_keys(sorted(gold)))
    published = own_days(shown)
    days = [(day, with_missed_window(day, stories, gold, published)) for day, stories in shown]
    scores = {half: HalfScore() for half in HALVES}
    out, details = [], []
    for day, stories in days:
        for half in HALVES:
            kept = [[i for i in story if gold[i].half == half] for story in stories]
            kept = [story for story in kept if story]
            wrong = add_day(scores[half], kept, gold)
            if half == "study" and errors:
                details += [f"{day} merged: " + " | ".join(f"[{gold[i].event}] {gold[i].title[:50]}" for i in story)
                            for story in wrong]
                details += [f"{day} split [{gold[parts[0][0]].event}]: "
                            + " || ".join(" | ".join(gold[i].title[:40] for i in part) for part in parts)
                            for parts in split_events(kept, gold)]
    out += [scores[half].line(half) for half in HALVES]
    def own(day_and_stories: tuple[str, list[list[str]]]) -> int:
        day, stories = day_and_stories
        return sum(1 for story in stories for i in story if published[i] == day)

    for day, stories in sorted(sorted(days, key=lambda d: -own(d))[:2]):
        whole = HalfScore()
        add_day(whole, stories, gold)
        out.append(f"busiest day {day}: {own((day, stories))} articles of the day, "
                   f"{sum(len(s) for s in stories)} with the day before's in {len(stories)} stories; "
                   f"multi-source stories one event: {whole.multi_one_event} of {whole.multi} (both halves)")
    return out + details
