#!/usr/bin/env python3
"""Speaker figures per attribution evidence, on two seeded folds of studied sets.

Each set is a folder score.py reads (gold.jsonl plus articles/ or ids.txt) and a saved
`digest extract --format json` output for it, in gold order. Articles are shuffled with a
fixed seed and cut into two folds: read errors on one, check a change on the other.
For every evidence kind ("attribution" in the JSON; "none" for no speaker) the table gives
the matched quotes whose gold names a speaker: count, right, wrong (a name shown, and not
the speaker) and null. Matching and speaker checks are score.py's own.

usage: python bench/evidence_folds.py SET_DIR=PREDICTIONS.json ... [--seed 1313] [--eval ../shared/eval]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path


def speaker_matches(score, gold: dict, found: list[tuple[str | None, str | None]]):
    """(index into ``found``, outcome) of each found full quote ``(text, speaker)`` matched to a gold
    quote with a speaker (score.py's matching: best token F1 >= 0.5, each gold quote once); outcome
    is right, wrong (a name shown, and not the speaker) or null."""
    full = [q for q in gold.get("quotes", []) if not q.get("partial")]
    used: set[int] = set()
    for n, (text, speaker) in enumerate(found):
        best, best_i = 0.0, -1
        for i, gq in enumerate(full):
            s = score.token_f1(text, gq["text"])
            if i not in used and s > best:
                best, best_i = s, i
        if best < 0.5:
            continue
        used.add(best_i)
        aliases = full[best_i]["aliases"]
        if not aliases:
            continue
        if score.speaker_ok(speaker, aliases):
            yield n, "right"
        else:
            yield n, "wrong" if (speaker or "").strip() else "null"


def matched_quotes(score, gold: dict, predicted: dict):
    """(evidence, outcome) of each predicted full quote matched to a gold quote with a speaker."""
    quotes = predicted.get("quotes", [])
    for n, outcome in speaker_matches(score, gold, [(q.get("text"), q.get("speaker")) for q in quotes]):
        yield quotes[n].get("attribution") or "none", outcome


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+", metavar="SET_DIR=PREDICTIONS.json")
    ap.add_argument("--seed", type=int, default=1313)
    ap.add_argument("--eval", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "eval")
    args = ap.parse_args()
    sys.path.insert(0, str(args.eval))
    import score  # noqa: PLC0415 - the scorer lives outside the project

    articles = []
    for spec in args.sets:
        set_dir, _, predictions = spec.partition("=")
        gold = [json.loads(line) for line in Path(set_dir, "gold.jsonl").read_text().splitlines() if line.strip()]
        predicted = json.loads(Path(predictions).read_text())
        if len(gold) != len(predicted):
            sys.exit(f"{predictions}: {len(predicted)} articles, {set_dir} has {len(gold)}")
        articles += [(f"{set_dir}\t{g['id']}", g, p) for g, p in zip(gold, predicted, strict=True)]
    keys = sorted(key for key, _, _ in articles)
    random.Random(args.seed).shuffle(keys)
    fold = {key: 1 + (n >= len(keys) // 2) for n, key in enumerate(keys)}
    for f in (1, 2):
        counts: Counter[tuple[str, str]] = Counter()
        for key, g, p in articles:
            if fold[key] == f:
                counts.update(matched_quotes(score, g, p))
        print(f"fold {f}: {sum(1 for k in keys if fold[k] == f)} articles")
        print(f"  {'evidence':14s} {'n':>5s} {'right':>6s} {'wrong':>6s} {'null':>5s}")
        outcomes = ("right", "wrong", "null")
        for kind in sorted({k for k, _ in counts}, key=lambda k: -sum(counts[k, o] for o in outcomes)):
            right, wrong, null = (counts[kind, o] for o in outcomes)
            print(f"  {kind:14s} {right + wrong + null:5d} {right:6d} {wrong:6d} {null:5d}")


if __name__ == "__main__":
    main()
