#!/usr/bin/env python3
"""Calibrated abstention for quote speakers: the evidence table, and the model chosen set by set.

  python bench/abstention.py table NAME=SET_DIR ... --out rows.jsonl
      runs the engine (digest.nlp.quotes.quote_evidence) on each study set and writes one row
      per matched full quote whose gold names a speaker: the set, the article id, the evidence
      facts (digest.nlp.evidence.Evidence) and the outcome (right, wrong: a name shown and not
      the speaker, null: no name). Matching and speaker checks are score.py's own.
  python bench/abstention.py fit rows.jsonl ... [--cost 0.5] [--write model.json]
      prints the per-set evidence table; then, leaving one set out at a time, fits a logistic
      model of a wrong name (numpy, ridge) on the other sets, chooses its threshold there, and
      reports right and wrong names on the left-out set without and with abstention; last, the
      model fitted on every set (written to --write). Extraction ships a model only if the
      left-out sets say it pays (bench/ANNOTATING.md has the figures: so far it does not).

The threshold maximises (wrong names avoided) - cost * (right names lost) on the training
sets (--cost, COST by default): a wrong name is the worst error, a lost right name costs less.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evidence_folds import speaker_matches  # noqa: E402 - a sibling bench script

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
COST = 0.5  # a right name lost, in wrong names avoided
RIDGE = 1.0  # L2 penalty of the logistic fit
THRESHOLDS = np.round(np.arange(0.15, 0.91, 0.025), 3)


def evidence_rows(name: str, set_dir: Path) -> list[dict]:
    """One row per matched full quote with a gold speaker, in one set."""
    sys.path.insert(0, str(EVAL))
    import score  # noqa: PLC0415 - the scorer lives outside the project

    from digest.config import load_config
    from digest.errors import Report
    from digest.extract import parse_text
    from digest.incremental import read_options
    from digest.ingest import read_article
    from digest.nlp.model import load_pipeline
    from digest.nlp.quotes import quote_evidence
    from digest.nlp.select import select_text

    config = load_config()
    nlp = load_pipeline(config.pipeline)
    gold = [json.loads(line) for line in (set_dir / "gold.jsonl").read_text().splitlines() if line.strip()]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = score.article_paths(set_dir, gold, Path(tmp))
        for g, path in zip(gold, paths, strict=True):
            articles = read_article(path, read_options(config), Report())
            if not articles:
                continue
            text = parse_text(select_text(articles[0].paragraphs).text)
            found = quote_evidence(nlp(text)) if text.strip() else []
            rows += [dict(set=name, id=g["id"], outcome=outcome, **evidence)
                     for outcome, evidence in matched(score, g, found)]
    return rows


def matched(score, gold: dict, found: list) -> list[tuple[str, dict]]:
    """(outcome, evidence facts) of each found full quote matched to a gold quote with a speaker."""
    out = []
    for n, outcome in speaker_matches(score, gold, [(quote.text, quote.speaker) for quote, _ in found]):
        evidence = found[n][1]
        facts = {k: (v.value if hasattr(v, "value") else v) for k, v in asdict(evidence).items()} if evidence else {}
        out.append((outcome, facts))
    return out


def design(rows: list[dict], vocabulary: list[str] | None = None) -> tuple[np.ndarray, list[str]]:
    """Feature matrix of the attributed rows (digest.nlp.abstain.features), and its columns."""
    from digest.models import Attribution
    from digest.nlp.evidence import Evidence, features

    feats = [features(Evidence(**{**r_facts(r), "how": Attribution(r["how"])})) for r in rows]
    vocabulary = vocabulary or sorted({k for f in feats for k in f})
    return np.array([[f.get(k, 0.0) for k in vocabulary] for f in feats]), vocabulary


def r_facts(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("set", "id", "outcome")}


def fit_logistic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Ridge logistic regression by Newton steps: (weights, bias)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], RIDGE)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb.T * (p * (1 - p))) @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def chance(x: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ weights + bias)))


def choose_threshold(p: np.ndarray, wrong: np.ndarray, cost: float) -> float:
    """The threshold with the best (wrong avoided - cost * right lost); the highest of ties."""
    gains = [(float(np.sum(wrong & (p > t)) - cost * np.sum(~wrong & (p > t))), float(t)) for t in THRESHOLDS]
    best = max(g for g, _ in gains)
    return max(t for g, t in gains if g == best)


def outcome_counts(rows: list[dict], abstain: np.ndarray) -> tuple[int, int, int]:
    """(right, wrong, checked) with the rows where ``abstain`` is set turned to no speaker."""
    right = sum(1 for r, a in zip(rows, abstain, strict=True) if r["outcome"] == "right" and not a)
    wrong = sum(1 for r, a in zip(rows, abstain, strict=True) if r["outcome"] == "wrong" and not a)
    return right, wrong, len(rows)


def train(rows: list[dict], cost: float) -> tuple[list[str], np.ndarray, float, float]:
    named = [r for r in rows if r["outcome"] != "null" and r.get("how")]
    x, vocabulary = design(named)
    y = np.array([r["outcome"] == "wrong" for r in named])
    weights, bias = fit_logistic(x, y.astype(float))
    threshold = choose_threshold(chance(x, weights, bias), y, cost)
    return vocabulary, weights, bias, threshold


def abstentions(rows: list[dict], vocabulary: list[str], weights: np.ndarray, bias: float,
                threshold: float) -> np.ndarray:
    out = np.zeros(len(rows), dtype=bool)
    idx = [i for i, r in enumerate(rows) if r.get("how")]
    if idx:
        x, _ = design([rows[i] for i in idx], vocabulary)
        out[idx] = chance(x, weights, bias) > threshold
    return out


def evidence_table(rows: list[dict]) -> None:
    counts: Counter[tuple[str, str, str]] = Counter((r["set"], r.get("how") or "none", r["outcome"]) for r in rows)
    print(f"{'set':16s} {'evidence':14s} {'n':>4s} {'right':>6s} {'wrong':>6s} {'null':>5s}")
    for s, how in sorted({(s, h) for s, h, _ in counts}):
        right, wrong, null = (counts[s, how, o] for o in ("right", "wrong", "null"))
        print(f"{s:16s} {how:14s} {right + wrong + null:4d} {right:6d} {wrong:6d} {null:5d}")


def leave_one_out(rows: list[dict], cost: float) -> None:
    sets = sorted({r["set"] for r in rows})
    print(f"\n{'left out':16s} {'n':>4s} {'thr':>5s}   {'acc':>5s} {'wrong':>6s} -> {'acc':>5s} {'wrong':>6s}"
          f"   {'right lost':>10s} {'wrong fixed':>11s}")
    totals = np.zeros(4)
    for held in sets:
        vocabulary, weights, bias, threshold = train([r for r in rows if r["set"] != held], cost)
        test = [r for r in rows if r["set"] == held]
        r0, w0, n = outcome_counts(test, np.zeros(len(test), dtype=bool))
        r1, w1, _ = outcome_counts(test, abstentions(test, vocabulary, weights, bias, threshold))
        totals += (r0, w0, r1, w1)
        print(f"{held:16s} {n:4d} {threshold:5.3f}   {r0 / n:5.3f} {w0 / n:6.3f} -> {r1 / n:5.3f} {w1 / n:6.3f}"
              f"   {r0 - r1:10d} {w0 - w1:11d}")
    print(f"{'all left-out':16s} {len(rows):4d} {'':5s}   {totals[0] / len(rows):5.3f} {totals[1] / len(rows):6.3f} -> "
          f"{totals[2] / len(rows):5.3f} {totals[3] / len(rows):6.3f}   {int(totals[0] - totals[2]):10d} "
          f"{int(totals[1] - totals[3]):11d}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="verb", required=True)
    t = sub.add_parser("table")
    t.add_argument("sets", nargs="+", metavar="NAME=SET_DIR")
    t.add_argument("--out", type=Path, required=True)
    f = sub.add_parser("fit")
    f.add_argument("rows", type=Path, nargs="+")
    f.add_argument("--write", type=Path)
    f.add_argument("--cost", type=float, default=COST, help="a right name lost, in wrong names avoided")
    args = ap.parse_args()
    if args.verb == "table":
        with args.out.open("w") as out:
            for spec in args.sets:
                name, _, set_dir = spec.partition("=")
                for row in evidence_rows(name, Path(set_dir)):
                    out.write(json.dumps(row) + "\n")
        return
    rows = [json.loads(line) for path in args.rows for line in path.read_text().splitlines() if line.strip()]
    evidence_table(rows)
    leave_one_out(rows, args.cost)
    vocabulary, weights, bias, threshold = train(rows, args.cost)
    model = {"weights": {k: round(float(w), 4) for k, w in zip(vocabulary, weights, strict=True)},
             "bias": round(bias, 4), "threshold": threshold,
             "trained_on": dict(sorted(Counter(r["set"] for r in rows).items()))}
    print("\n" + json.dumps(model, indent=1))
    if args.write:
        args.write.write_text(json.dumps(model, indent=1) + "\n")


if __name__ == "__main__":
    main()
