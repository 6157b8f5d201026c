#!/usr/bin/env python3
"""A seeded study sample of PolNeAR ``train`` for attribution work, as a score.py set.

PolNeAR (2016 US election coverage) marks who said each quotation; the eval README lets
``train`` and ``dev`` be studied (``test`` is only reported). This writes N articles of
``train`` that hold two or more full quotes, drawn with a seed, leaving out every id in
``../shared/eval/reserved.txt``, into OUT (``articles/`` and ``gold.jsonl``), ready for

    python ../shared/eval/score.py OUT --details

usage: python bench/polnear_sample.py OUT [--size 250] [--seed 20261203] [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def full_quotes(gold: dict) -> int:
    return sum(1 for q in gold["quotes"] if not q.get("partial"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--size", type=int, default=250)
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = ap.parse_args()
    reserved = set((args.eval / "reserved.txt").read_text().split())
    with tempfile.TemporaryDirectory() as tmp:
        whole = Path(tmp)
        subprocess.run([sys.executable, str(args.eval / "polnear.py"), "train", str(whole)], check=True,
                       stdout=subprocess.DEVNULL)
        golds = [json.loads(line) for line in (whole / "gold.jsonl").read_text().splitlines() if line.strip()]
        golds = [g for g in golds if g["id"] not in reserved and full_quotes(g) >= 2]
        random.Random(args.seed).shuffle(golds)
        chosen = golds[:args.size]
        files = {p.stem: p for p in (whole / "articles").iterdir()}
        (args.out / "articles").mkdir(parents=True, exist_ok=True)
        with open(args.out / "gold.jsonl", "w", encoding="utf-8") as f:
            for g in chosen:
                f.write(json.dumps(g, ensure_ascii=False) + "\n")
                shutil.copy(files[g["id"]], args.out / "articles")
    print(f"{len(chosen)} articles of PolNeAR train in {args.out}")


if __name__ == "__main__":
    main()
