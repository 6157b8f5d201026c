"""Body-text quality of the HTML reader on the article-extraction benchmark.

    python -m digest.ingest.benchmark /work/shared/corpus/article-extraction-benchmark

For every page ``html/<id>.html.gz`` the text the HTML reader keeps (its paragraphs, as in
``Article.text``) is compared with ``ground-truth.json``'s ``articleBody``. Reported: mean per-page
token F1 (bag of lower-cased ``\\w+`` tokens), precision and recall, and for comparison the same
for trafilatura's plain ``extract()`` output.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from digest.ingest.clean import clean_paragraphs
from digest.ingest.decode import decode_bytes
from digest.ingest.html import extract, page_paragraphs

_TOKEN = re.compile(r"\w+")


def prf(truth: str, predicted: str) -> tuple[float, float, float]:
    t = Counter(_TOKEN.findall(truth.lower()))
    p = Counter(_TOKEN.findall(predicted.lower()))
    if not t and not p:
        return 1.0, 1.0, 1.0
    tp = sum((t & p).values())
    precision = tp / sum(p.values()) if p else 0.0
    recall = tp / sum(t.values()) if t else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return precision, recall, f1


def ours(data: bytes) -> str:
    try:
        doc = extract(decode_bytes(data, "page"))
    except Exception:  # noqa: BLE001
        return ""
    return "\n\n".join(clean_paragraphs(page_paragraphs(doc))) if doc is not None else ""


def baseline(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--baseline", action="store_true", help="also score plain trafilatura.extract()")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    args = parser.parse_args(argv)
    truth = json.loads((args.corpus / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit or None]
    systems = {"digest": ours, **({"trafilatura.extract": baseline} if args.baseline else {})}
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in systems}
    per_page = []
    for ident in ids:
        data = gzip.decompress((args.corpus / "html" / f"{ident}.html.gz").read_bytes())
        body = truth[ident].get("articleBody") or ""
        for name, system in systems.items():
            score = prf(body, system(data))
            scores[name].append(score)
            if name == "digest":
                per_page.append((score[2], ident))
    for name, values in scores.items():
        n = len(values)
        p, r, f = (sum(v[i] for v in values) / n for i in range(3))
        print(f"{name:22} pages={n} F1={f:.4f} precision={p:.4f} recall={r:.4f}")
    for f1, ident in sorted(per_page)[: args.worst]:
        print(f"  {f1:.3f} {ident}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
