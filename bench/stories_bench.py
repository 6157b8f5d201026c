#!/usr/bin/env python3
"""Story clustering on WikinewsSum: B-cubed precision, recall and F1.

The English sources of one Wikinews article are one story (sources of more than 80 words:
192 sources, 80 stories, 48 with two or more; the ids in ../shared/eval/reserved.txt are left
out, which leaves 178). Two methods:

- baseline: TF-IDF cosine over title and text (raw term frequency, smoothed idf, words of
  two or more characters, like scikit-learn's TfidfVectorizer defaults) with average-link
  clustering, at its best threshold chosen on the same data;
- digest: ``digest.stories`` (names, headline and lead weighting, sublinear tf), reported
  (a) at its shipped threshold ``digest.stories.THRESHOLD`` and (b) with the threshold
  chosen on one half of the stories (seeded shuffle) and scored on the other, both ways.

With ``--errors`` the bench also says where the loss is at the shipped threshold: each
story's share of the precision and recall lost, the clusters that hold more than one story,
the stories split over several clusters, and the sources no word-based method can place
(no source of their own story within similarity 0.1; one text filed under two stories).

With ``--site DIR`` the sources are also ingested on one day (``digest ingest --date``) into a
new site in DIR, built with ``digest build``, and the stories are read back from that day's
``briefing.json``: the clustering the site publishes, scored the same way.

With ``--days SITE`` (a built site folder) the bench prints, for every day's ``briefing.json``,
each story with two or more sources and its sources' headlines, so anyone can judge by eye
whether the stories the site publishes on real days are each one event. With ``--events GOLD``
as well, the days are scored against blind event gold instead (``bench/event_days.py``).

Run: PYTHONPATH=. python bench/stories_bench.py [--seeds N] [--errors] [--site DIR] [--days SITE [--events GOLD]]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
import corpus  # noqa: E402

from digest import stories, story_gates  # noqa: E402

REACH = 0.1  # a source whose own story's sources are all less similar than this is out of reach
TWINS = (0.25, 0.3)  # two stories with a pair of sources this similar read as one to a word-based method
RESERVED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "reserved.txt"
GRID = [round(0.02 * i, 2) for i in range(1, 50)]


def reserved_ids() -> set[str]:
    """The ids ../shared/eval/reserved.txt keeps for measurement (never read here)."""
    return {line.strip() for line in RESERVED.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def sources() -> dict[str, dict]:
    """The English WikinewsSum sources of more than 80 words, less the ids reserved for measurement."""
    reserved = reserved_ids()
    return {k: v for k, v in corpus.wikinewssum().items() if len(v["text"].split()) > 80 and k not in reserved}


def load() -> tuple[list[stories.StoryText], list[str]]:
    docs = sources()
    texts, gold = [], []
    for key, doc in docs.items():
        texts.append(stories.StoryText(doc["title"], tuple(doc["text"].split("\n\n"))))
        gold.append(key.rsplit("-", 1)[0])
    return texts, gold


def bcubed(clusters: list[list[int]], gold: list[str]) -> tuple[float, float, float]:
    label = {i: c for c, members in enumerate(clusters) for i in members}
    size = Counter(label.values())
    gold_size = Counter(gold)
    pair = Counter((label[i], gold[i]) for i in label)
    p = sum(pair[label[i], gold[i]] / size[label[i]] for i in label) / len(label)
    r = sum(pair[label[i], gold[i]] / gold_size[gold[i]] for i in label) / len(label)
    return p, r, 2 * p * r / (p + r)


def baseline_similarity(texts: list[stories.StoryText]) -> np.ndarray:
    bags = [Counter(re.findall(r"(?u)\b\w\w+\b", (t.title + "\n\n" + "\n\n".join(t.paragraphs)).lower()))
            for t in texts]
    df, n = stories.document_frequency(bags)
    vocab = {w: i for i, w in enumerate(df)}
    m = np.zeros((len(bags), len(vocab)))
    for row, bag in enumerate(bags):
        for w, tf in bag.items():
            m[row, vocab[w]] = tf * (math.log((1 + n) / (1 + df[w])) + 1)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    return m @ m.T


def digest_similarity(texts: list[stories.StoryText]) -> np.ndarray:
    bags = [stories.terms(t) for t in texts]
    df, n = stories.document_frequency(bags)
    return stories.similarity(bags, df, n) * story_gates.gate(texts, df, n)


def scores(sim: np.ndarray, gold: list[str], rows: list[int], threshold: float) -> tuple[float, float, float]:
    sub = sim[np.ix_(rows, rows)]
    return bcubed(stories.average_link(sub, threshold), [gold[i] for i in rows])


def best(sim: np.ndarray, gold: list[str], rows: list[int]) -> float:
    return max(GRID, key=lambda t: (scores(sim, gold, rows, t)[2], -abs(t - 0.5)))


def line(name: str, prf: tuple[float, float, float], note: str = "") -> str:
    p, r, f = prf
    return f"{name:<44} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {note}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5, help="random half-splits to average over")
    parser.add_argument("--site", type=Path, help="also build a site of the sources in this new folder and score "
                                                   "its briefing.json")
    parser.add_argument("--errors", action="store_true", help="say where the loss is: merged and split stories")
    parser.add_argument("--days", type=Path, help="only list the multi-source stories of every day of this built "
                                                   "site (its site/ folder or the folder holding it)")
    parser.add_argument("--events", type=Path, help="with --days: score every day's stories against this blind event "
                                                    "gold (bench/events/webpages.jsonl), study and clean halves apart")
    args = parser.parse_args()
    if args.days and args.events:
        import event_days

        print("\n".join(event_days.report(args.events, args.days, errors=args.errors)))
        return
    if args.days:
        print("\n".join(day_stories(args.days)))
        return
    texts, gold = load()
    everything = list(range(len(texts)))
    print(f"{len(texts)} sources, {len(set(gold))} stories, "
          f"{sum(1 for c in Counter(gold).values() if c > 1)} with two or more; "
          f"{len(reserved_ids() & set(corpus.wikinewssum()))} WikinewsSum ids of {RESERVED} left out")
    base = baseline_similarity(texts)
    ours = digest_similarity(texts)
    t_base = best(base, gold, everything)
    print(line("baseline TF-IDF + average link (oracle)", scores(base, gold, everything, t_base),
               f"threshold {t_base} chosen on all data"))
    t_ours = best(ours, gold, everything)
    print(line("digest.stories (oracle, for reference)", scores(ours, gold, everything, t_ours),
               f"threshold {t_ours} chosen on all data"))
    print(line("digest.stories (shipped threshold)", scores(ours, gold, everything, stories.THRESHOLD),
               f"threshold {stories.THRESHOLD}"))
    for name, sim in (("baseline", base), ("digest.stories", ours)):
        held_out, chosen = split_halves(sim, gold, args.seeds)
        mean = tuple(sum(x[k] for x in held_out) / len(held_out) for k in range(3))
        print(line(f"{name} (threshold from other half)", mean,
                   f"mean of {len(held_out)} held-out halves; median threshold chosen "
                   f"{sorted(chosen)[len(chosen) // 2]}"))
    if args.errors:
        print("\n".join(error_report(texts, gold, ours, stories.THRESHOLD)))
    if args.site:
        prf, n = site_scores(args.site)
        print(line("digest build → briefing.json", prf, f"{n} articles on one day"))


def loss_by_story(clusters: list[list[int]], gold: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Each gold story's share of the B-cubed precision and recall lost (they sum to 1 - P and 1 - R)."""
    label = {i: c for c, members in enumerate(clusters) for i in members}
    size, gold_size = Counter(label.values()), Counter(gold)
    pair = Counter((label[i], gold[i]) for i in label)
    precision, recall = Counter(), Counter()
    for i in label:
        precision[gold[i]] += (1 - pair[label[i], gold[i]] / size[label[i]]) / len(label)
        recall[gold[i]] += (1 - pair[label[i], gold[i]] / gold_size[gold[i]]) / len(label)
    return precision, recall


def out_of_reach(texts: list[stories.StoryText], gold: list[str], sim: np.ndarray) -> tuple[list[int], list[int]]:
    """Sources with no source of their own story within ``REACH``, and sources whose text is filed under two stories."""
    lonely = [i for i, g in enumerate(gold)
              if gold.count(g) > 1 and max(sim[i, j] for j, h in enumerate(gold) if h == g and j != i) < REACH]
    stories_of: dict[tuple[str, ...], set[str]] = {}
    for t, g in zip(texts, gold, strict=True):
        stories_of.setdefault(t.paragraphs, set()).add(g)
    twice = [i for i, t in enumerate(texts) if len(stories_of[t.paragraphs]) > 1]
    return lonely, twice


def error_report(texts: list[stories.StoryText], gold: list[str], sim: np.ndarray, threshold: float) -> list[str]:
    """Where the loss is at ``threshold`` over all the sources: merged and split stories, sources out of reach."""
    clusters = stories.average_link(sim, threshold)
    precision, recall = loss_by_story(clusters, gold)
    label = {i: c for c, members in enumerate(clusters) for i in members}
    out = [f"\nat threshold {threshold}: precision lost {sum(precision.values()):.3f}, "
           f"recall lost {sum(recall.values()):.3f}", "clusters holding more than one story (precision):"]
    for members in clusters:
        if len({gold[i] for i in members}) > 1:
            out.append("  " + " | ".join(f"{gold[i]} {texts[i].title[:40]!r}" for i in members))
    out.append("stories split over clusters (recall lost; best similarity to a source of the same story):")
    for story, lost in recall.most_common():
        if lost > 0:
            rows = [i for i, g in enumerate(gold) if g == story]
            parts = Counter(label[i] for i in rows)
            best = max(sim[i, j] for i in rows for j in rows if i != j)
            out.append(f"  {story} {lost:.4f}: {len(rows)} sources in clusters of {sorted(parts.values())} "
                       f"(best {best:.2f}) {texts[rows[0]].title[:50]!r}")
    lonely, twice = out_of_reach(texts, gold, sim)
    reach = [[i] for i in lonely] + [[i for i, g in enumerate(gold) if g == s and i not in lonely] for s in set(gold)]
    out.append(f"out of reach: {len(lonely)} sources have no source of their story within {REACH} "
               f"(at best B-cubed F1 {bcubed([c for c in reach if c], gold)[2]:.3f} without them); "
               f"{len(twice)} sources carry a text filed under two stories")
    for cut in TWINS:
        twins = twin_bound(texts, gold, sim, lonely, cut)
        out.append(f"twin stories: with the sources out of reach alone and every two stories that share a text or "
                   f"a pair of sources within {cut} as one, the gold itself scores B-cubed P {twins[0]:.3f} "
                   f"R {twins[1]:.3f} F1 {twins[2]:.3f}")
    return out


def twin_bound(texts: list[stories.StoryText], gold: list[str], sim: np.ndarray, lonely: list[int],
               cut: float) -> tuple[float, float, float]:
    """B-cubed of the gold stories as a word-based clustering could at best give them: the ``lonely`` sources
    (out of reach) each alone, and two stories joined when a source of one and a source of the other carry
    one text or are ``cut`` or more alike (one topic told twice a few days apart, the gold's background pages)."""
    alone = set(lonely)
    parent = {g: g for g in gold}

    def root(story: str) -> str:
        while parent[story] != story:
            story = parent[story]
        return story

    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if gold[i] != gold[j] and i not in alone and j not in alone and \
                    (sim[i, j] >= cut or texts[i].paragraphs == texts[j].paragraphs):
                parent[root(gold[i])] = root(gold[j])
    groups: dict[object, list[int]] = {}
    for i, story in enumerate(gold):
        groups.setdefault(("alone", i) if i in alone else root(story), []).append(i)
    return bcubed(list(groups.values()), gold)


def site_scores(folder: Path) -> tuple[tuple[float, float, float], int]:
    """Ingest the sources on one day, build, and score the stories of that day's briefing.json."""
    docs = sources()
    folder.mkdir(parents=True)
    (folder / "digest.toml").write_text('search = false\nbase_url = "https://wikinewssum.example/"\n',
                                       encoding="utf-8")
    records = folder / "wikinewssum.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for key, doc in docs.items():
            out.write(json.dumps({"title": doc["title"], "text": doc["text"], "url": f"https://{key}.example/"
                                  + (doc["url"] or "").split("://")[-1][:200]}) + "\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    digest = [sys.executable, "-m", "digest"]
    subprocess.run([*digest, "ingest", "--date", "2005-01-10", str(records)], cwd=folder, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([*digest, "build", "--today", "2005-01-10"], cwd=folder, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    data = json.loads((folder / "site/2005/01/10/briefing.json").read_text(encoding="utf-8"))
    clusters, gold, n = [], [], 0
    for story in data["stories"]:
        members = []
        for source in story["sources"]:
            members.append(n)
            gold.append(re.match(r"https://(wns-\d+)-\d+\.example/", source["url"]).group(1))
            n += 1
        clusters.append(members)
    return bcubed(clusters, gold), n


def day_stories(folder: Path) -> list[str]:
    """Each day's stories of two or more sources, with their sources' outlets and headlines."""
    site = folder / "site" if (folder / "site").is_dir() else folder
    out, total, multi = [], 0, 0
    for path in sorted(site.glob("[0-9]*/[0-9][0-9]/[0-9][0-9]/briefing.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        total += len(data["stories"])
        for story in data["stories"]:
            if len(story["sources"]) < 2:
                continue
            multi += 1
            out.append(f"{data['date']} story {story['rank']} ({len(story['sources'])} sources):")
            out.extend(f"    {(s['outlet'] or '')[:20]:<20} {s['title'][:90]}" for s in story["sources"])
    out.append(f"{multi} stories of two or more sources, of {total} stories over the days")
    return out


def split_halves(sim: np.ndarray, gold: list[str], seeds: int) -> tuple[list[tuple[float, float, float]], list[float]]:
    """Stories split in two by a seeded shuffle: choose the threshold on one half, score the other."""
    held_out, chosen = [], []
    names = sorted(set(gold))
    for seed in range(seeds):
        shuffled = names[:]
        random.Random(seed).shuffle(shuffled)
        halves = [set(shuffled[: len(shuffled) // 2]), set(shuffled[len(shuffled) // 2:])]
        parts = [[i for i, g in enumerate(gold) if g in h] for h in halves]
        for tune, test in ((parts[0], parts[1]), (parts[1], parts[0])):
            t = best(sim, gold, tune)
            chosen.append(t)
            held_out.append(scores(sim, gold, test, t))
    return held_out, chosen

if __name__ == "__main__":
    main()
