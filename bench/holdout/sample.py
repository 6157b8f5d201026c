#!/usr/bin/env python3
"""Sample the held-out extraction set (see README.md here). Standard library only.

usage: python bench/holdout/sample.py [--eval ../shared/eval]
writes ids.txt (all), a/ids.txt (half A, studied for errors)
and b/ids.txt (half B, never studied)
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

SEED = 20261128
FUTURE_MEETING = re.compile(
    r"\b(will meet|to meet|will hold|will attend|meeting next|talks next|scheduled to|will be held|due to meet)\b",
    re.I)
MEETING_WORDS = re.compile(
    r"\b(meeting|meetings|meet|meets|talks|summit|conference|negotiations|session|hearing)\b", re.I)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(Path(__file__).resolve().parents[3] / "shared" / "eval"))
    args = ap.parse_args()
    sys.path.insert(0, args.eval)
    from corpus import all_docs

    dev = {i.strip() for i in (Path(args.eval) / "dev" / "ids.txt").read_text().splitlines()}
    docs = all_docs()
    rng = random.Random(SEED)
    plain, meet = [], []
    for source, n in (("reuters-", 28), ("wns-", 2)):  # few Wikinews sources carry a date
        pool = sorted(i for i, d in docs.items() if i.startswith(source) and i not in dev
                      and d.get("date") and 1200 <= len(d["text"]) <= 3500)
        picked = rng.sample(pool, n)
        rest = [i for i in pool if i not in picked and MEETING_WORDS.search(docs[i]["text"])]
        plain += picked
        meet += rng.sample(rest, n)
    # pairs (plain, meeting); half A = pairs 0, 2, 4, ..., half B = pairs 1, 3, 5, ...
    pairs = list(zip(plain, meet, strict=True))
    half_a = [x for n, pair in enumerate(pairs) if n % 2 == 0 for x in pair]
    half_b = [x for n, pair in enumerate(pairs) if n % 2 == 1 for x in pair]
    # third stratum: 20 Reuters articles with a future-meeting cue, alternately to A and B
    taken = set(plain) | set(meet)
    pool = sorted(i for i, d in docs.items() if i.startswith("reuters-") and i not in dev and i not in taken
                  and d.get("date") and 1200 <= len(d["text"]) <= 3500 and FUTURE_MEETING.search(d["text"]))
    extra = rng.sample(pool, 20)
    half_a += extra[0::2]
    half_b += extra[1::2]
    here = Path(__file__).resolve().parent
    for name, ids in (("ids.txt", [x for pair in pairs for x in pair] + extra), ("a/ids.txt", half_a),
                      ("b/ids.txt", half_b)):
        (here / name).parent.mkdir(exist_ok=True)
        (here / name).write_text("".join(i + "\n" for i in ids))


if __name__ == "__main__":
    main()
