#!/usr/bin/env python3
"""Two folds of the studied meeting sets, for fixing error classes on one and checking them on the other.

usage:
  python bench/folds.py make OUT                  # OUT/{f1,f2,dev,hoa,study}/gold.jsonl, OUT/all/articles/
  python bench/folds.py score OUT TAG [--again]   # extract every article once (OUT/pred-TAG.json), then
                                                  # one summary line per set and fold

The studied sets (`../shared/eval/dev`, `bench/holdout/a`, `bench/newswire/study`) are each shuffled by
article with a fixed seed and dealt alternately into fold 1 and fold 2, so both folds hold all sources.
Read errors (`score.py OUT/f1 --predictions OUT/p-TAG-f1.json --details`) on one fold only; a change is
kept when the other fold's summary does not fall. Never add a blind set (`clean`, `holdout/b`) here.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EVAL = ROOT.parent / "shared" / "eval"
SEED = 20261201
STUDIED = {"dev": EVAL / "dev", "hoa": HERE / "holdout" / "a", "study": HERE / "newswire" / "study"}
FOLDS = ("f1", "f2")


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_gold(folder: Path, gold: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    (folder / "ids.txt").write_text("".join(g["id"] + "\n" for g in gold), encoding="utf-8")


def upcoming_count(gold: list[dict]) -> int:
    return sum(1 for g in gold for m in g.get("meetings", []) if m.get("status") == "upcoming")


def make(out: Path) -> None:
    """Write the articles of every studied set to OUT/all/articles and the gold of each set and fold."""
    articles = out / "all" / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    folds: dict[str, list[dict]] = {f: [] for f in FOLDS}
    for name, folder in STUDIED.items():
        gold = read_gold(folder / "gold.jsonl")
        write_gold(out / name, gold)
        if (folder / "articles").is_dir():
            for g in gold:
                shutil.copy(next((folder / "articles").glob(f"{g['id']}.*")), articles)
        else:
            subprocess.run(
                [sys.executable, str(EVAL / "make_articles.py"), str(folder / "ids.txt"), str(articles)],
                check=True,
                capture_output=True,
            )
        order = list(range(len(gold)))
        rng.shuffle(order)
        for k, i in enumerate(order):
            folds[FOLDS[k % 2]].append(gold[i])
    for fold, gold in folds.items():
        write_gold(out / fold, gold)
        print(f"{fold}: {len(gold)} articles, {upcoming_count(gold)} upcoming meetings")


def predictions(out: Path, tag: str, again: bool) -> dict[str, dict]:
    """The extraction of every article by id, run once per tag with the digest on PYTHONPATH."""
    saved = out / f"pred-{tag}.json"
    if again or not saved.exists():
        paths = sorted((out / "all" / "articles").iterdir())
        proc = subprocess.run(
            [sys.executable, "-m", "digest", "extract", "--format", "json", *map(str, paths)],
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONPATH=os.environ.get("PYTHONPATH", str(ROOT))),
        )
        if proc.returncode:
            sys.exit(f"folds.py: extract failed:\n{proc.stderr[-3000:]}")
        found = json.loads(proc.stdout)
        saved.write_text(json.dumps({p.stem: r for p, r in zip(paths, found, strict=True)}), encoding="utf-8")
    return json.loads(saved.read_text(encoding="utf-8"))


def score(out: Path, tag: str, again: bool) -> None:
    """One meetings summary line per studied set and fold, from one extraction."""
    found = predictions(out, tag, again)
    for name in (*STUDIED, *FOLDS):
        gold = read_gold(out / name / "gold.jsonl")
        predicted = out / f"p-{tag}-{name}.json"
        predicted.write_text(json.dumps([found[g["id"]] for g in gold]), encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, str(EVAL / "score.py"), str(out / name), "--predictions", str(predicted)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"{name:6s} {proc.stdout.splitlines()[1]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("make").add_argument("out", type=Path)
    scoring = sub.add_parser("score")
    scoring.add_argument("out", type=Path)
    scoring.add_argument("tag")
    scoring.add_argument("--again", action="store_true", help="extract again even if OUT/pred-TAG.json exists")
    args = ap.parse_args()
    if args.command == "make":
        make(args.out)
    else:
        score(args.out, args.tag, args.again)


if __name__ == "__main__":
    main()
