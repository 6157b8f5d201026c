#!/usr/bin/env python3
"""Write gold.jsonl (and the half sets a/ and b/) from the hand annotations in annotations.py.

Mentions are written in annotations.py as a distinctive piece of the sentence; this script
expands each to the whole sentence of the article (and checks every quote text occurs verbatim).

usage: python bench/holdout/build_gold.py [--eval ../shared/eval]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from annotations import GOLD  # noqa: E402

sys.path.insert(0, str(HERE.parent))
from annotate import sentences  # noqa: E402  (one sentence splitter for every gold builder)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(HERE.parents[2] / "shared" / "eval"))
    args = ap.parse_args()
    sys.path.insert(0, args.eval)
    from corpus import all_docs

    docs = all_docs()
    ids = [i.strip() for i in (HERE / "ids.txt").read_text().splitlines() if i.strip()]
    missing = [i for i in ids if i not in GOLD]
    if missing:
        sys.exit(f"not annotated yet: {missing}")
    rows = []
    for i in ids:
        doc, ann = docs[i], GOLD[i]
        sents = sentences(doc["title"] + "\n\n" + doc["text"])
        for q in ann.get("quotes", []):
            if q["text"] not in doc["text"]:
                sys.exit(f"{i}: quote not verbatim: {q['text'][:60]!r}")
        meetings = []
        for m in ann.get("meetings", []):
            mentions = []
            for piece in m["mentions"]:
                hits = [s for s in sents if piece in s]
                if not hits:
                    sys.exit(f"{i}: mention not found: {piece!r}")
                mentions.append(hits[0])
            meetings.append({**m, "mentions": mentions})
        rows.append({"id": i, "published": doc["date"], "quotes": ann.get("quotes", []), "meetings": meetings})
    (HERE / "gold.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    by_id = {r["id"]: r for r in rows}
    for half in ("a", "b"):
        picked = [by_id[i.strip()] for i in (HERE / half / "ids.txt").read_text().splitlines() if i.strip()]
        (HERE / half / "gold.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked))
    q = sum(len(r["quotes"]) for r in rows)
    up = sum(m["status"] == "upcoming" for r in rows for m in r["meetings"])
    print(f"{len(rows)} articles, {q} quotes ({sum(not x['partial'] for r in rows for x in r['quotes'])} full), "
          f"{sum(len(r['meetings']) for r in rows)} meetings ({up} upcoming)")


if __name__ == "__main__":
    main()
