#!/usr/bin/env python3
"""Benchmark digest builds on real news against raw spaCy and Pelican.

Writes N Reuters-21578 articles (via ../shared/eval/corpus.py) into a temporary site and
measures, as medians over repeated runs: a cold `digest build` (empty cache), a warm
rebuild (nothing changed), an incremental rebuild (one article added) and the peak
memory (RSS summed over the build's process tree, and the largest single main, extraction
worker and Pagefind process, which shows whether extraction memory grows with N). In the same run it measures the
baselines: (a) raw spaCy `nlp.pipe` over the same texts with the same full pipeline, in
one process (spaCy's default) and with ``n_process`` on every core, and
(b) Pelican building the same N articles as Markdown, cold and with its content cache
(pip-installed into the benchmark's own virtualenv). It prints a table and the ratios.

usage: python bench/build_bench.py [--sizes 1000,5000,all] [--runs 3] [--cold-runs 1]
                                   [--no-pelican] [--no-spacy] [--spacy-processes 1,all]
                                   [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "1987-12-31"


# ---- measuring -----------------------------------------------------------------------------

def _process_tree(pid: int) -> dict[int, tuple[str, int]]:
    """Each live process of the tree rooted at pid: {pid: (role, resident bytes)}, from /proc.

    The role is "main" for the root, "pagefind" for the search indexer and "worker" for any
    other descendant (the extraction processes)."""
    tree, todo = {}, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                rss = next((int(line.split()[1]) * 1024 for line in f if line.startswith("VmRSS:")), 0)
            with open(f"/proc/{p}/cmdline", "rb") as f:
                cmdline = f.read()
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        role = "main" if p == pid else "pagefind" if b"pagefind" in cmdline else "worker"
        tree[p] = (role, rss)
    return tree


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, int, dict[str, int]]:
    """Run a command; returns (seconds, peak RSS of its process tree, peak RSS of one process per role).

    Fails loudly. The per-role peaks show where memory goes: a worker's peak that stays flat
    as N grows is what streaming extraction means."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, roles = 0, {"main": 0, "worker": 0, "pagefind": 0}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            tree = _process_tree(proc.pid)
            peak = max(peak, sum(rss for _, rss in tree.values()))
            for role, rss in tree.values():
                roles[role] = max(roles[role], rss)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err[-3000:]}")
    return seconds, peak, roles


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# ---- inputs --------------------------------------------------------------------------------

def load_records(eval_dir: Path) -> list[dict]:
    sys.path.insert(0, str(eval_dir))
    from corpus import reuters  # noqa: PLC0415 - the shared evaluation reader

    return [r for _, r in sorted(reuters().items(), key=lambda kv: int(kv[0].split("-")[1]))]


def front_matter(record: dict) -> str:
    lines = ["---"] + [f"{k}: {json.dumps(record[k], ensure_ascii=False)}"
                       for k in ("title", "date", "source") if record.get(k)] + ["---", ""]
    return "\n".join(lines) + "\n"


def write_digest_site(root: Path, records: list[dict]) -> None:
    content = root / "content"
    content.mkdir(parents=True)
    for record in records:
        (content / f"{record['id']}.md").write_text(front_matter(record) + record["text"] + "\n", encoding="utf-8")
    (root / "digest.toml").write_text('title = "Benchmark"\nbase_url = "https://bench.example.org/"\n')


def write_pelican_site(root: Path, records: list[dict]) -> None:
    content = root / "content"
    content.mkdir(parents=True)
    for record in records:
        title = record["title"].replace("\n", " ") or record["id"]
        body = f"Title: {title}\nDate: {record['date']}\nSlug: {record['id']}\n\n{record['text']}\n"
        (content / f"{record['id']}.md").write_text(body, encoding="utf-8")
    (root / "pelicanconf.py").write_text(
        'SITENAME = "Benchmark"\nSITEURL = ""\nPATH = "content"\nTIMEZONE = "UTC"\n'
        "CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nCONTENT_CACHING_LAYER = 'reader'\n"
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nTRANSLATION_FEED_ATOM = None\n"
        "AUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\nDEFAULT_PAGINATION = 10\n")


def pelican_venv(path: Path) -> Path:
    python = path / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-U", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "pelican[markdown]"], check=True)
    return path / "bin" / "pelican"


# ---- the benchmark -------------------------------------------------------------------------

def bench_digest(root: Path, records: list[dict], extra: list[dict], runs: int, cold_runs: int) -> dict:
    digest = [sys.executable, "-m", "digest", "build", "--today", TODAY]
    cold, peaks, roles = [], [], {}
    for _ in range(cold_runs):
        shutil.rmtree(root / ".digest", ignore_errors=True)
        shutil.rmtree(root / "site", ignore_errors=True)
        seconds, peak, role_peaks = run(digest, cwd=root)
        cold.append(seconds)
        peaks.append(peak)
        roles = {role: max(roles.get(role, 0), rss) for role, rss in role_peaks.items()}
    warm = [run(digest, cwd=root)[0] for _ in range(runs)]
    incremental = []
    for record in extra[:runs]:
        (root / "content" / f"{record['id']}.md").write_text(front_matter(record) + record["text"] + "\n")
        incremental.append(run(digest, cwd=root)[0])
    return {"cold": median(cold), "warm": median(warm), "incremental": median(incremental),
            "incremental_max": max(incremental), "peak_mb": max(peaks) / 2**20,
            **{f"peak_{role}_mb": rss / 2**20 for role, rss in roles.items()}}


def bench_spacy(records: list[dict], runs: int, processes: int = 1) -> float:
    """Seconds for raw nlp.pipe over the texts with the full default pipeline (model load excluded)."""
    script = (
        "import json, sys, time\n"
        "from digest.nlp.model import installed_package\n"
        "import spacy\n"
        "nlp = spacy.load(installed_package('en_core_web_sm'))\n"
        "texts = json.load(sys.stdin)\n"
        "t = time.perf_counter()\n"
        f"for _ in nlp.pipe(texts, batch_size=64, n_process={processes}): pass\n"
        "print(time.perf_counter() - t)\n"
    )
    texts = json.dumps([r["text"] for r in records])
    times = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", script], input=texts, capture_output=True, text=True, check=True)
        times.append(float(proc.stdout.strip().splitlines()[-1]))
    return median(times)


def bench_pelican(root: Path, records: list[dict], runs: int, venv: Path) -> dict:
    pelican = pelican_venv(venv)
    write_pelican_site(root, records)
    cmd = [str(pelican), "content", "-o", "output", "-s", "pelicanconf.py", "-q"]
    cold = []
    for _ in range(max(1, runs // 2)):
        shutil.rmtree(root / "output", ignore_errors=True)
        shutil.rmtree(root / "cache", ignore_errors=True)
        cold.append(run(cmd, cwd=root)[0])
    warm = [run(cmd, cwd=root)[0] for _ in range(runs)]
    return {"cold": median(cold), "warm": median(warm)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,5000,all")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cold-runs", type=int, default=1)
    ap.add_argument("--no-pelican", action="store_true")
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--spacy-processes", default="1,all",
                    help="the nlp.pipe baselines to time: 1 (one process), all (n_process on every core) or both")
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--venv", type=Path, default=Path(tempfile.gettempdir()) / "digest-bench-pelican")
    args = ap.parse_args()
    records = load_records(args.eval)
    rows = []
    for size in args.sizes.split(","):
        n = len(records) - args.runs if size == "all" else int(size)
        chosen, extra = records[:n], records[n:n + args.runs]
        with tempfile.TemporaryDirectory(prefix="digest-bench-") as tmp:
            tmp = Path(tmp)
            write_digest_site(tmp / "digest", chosen)
            row = {"n": n, **bench_digest(tmp / "digest", chosen, extra, args.runs, args.cold_runs)}
            baselines = set() if args.no_spacy else set(args.spacy_processes.split(","))
            if "1" in baselines:
                row["spacy"] = bench_spacy(chosen, max(1, args.cold_runs))
            if "all" in baselines:
                row["spacy_all_cores"] = bench_spacy(chosen, max(1, args.cold_runs), os.cpu_count() or 1)
            if not args.no_pelican:
                pel = bench_pelican(tmp / "pelican", chosen, args.runs, args.venv)
                row["pelican_cold"], row["pelican_warm"] = pel["cold"], pel["warm"]
        rows.append(row)
        print(json.dumps(row), flush=True)
    print()
    nan = float("nan")
    print("| articles | cold build s | warm s | +1 article s (max) | peak MB"
          " | largest main / worker / pagefind MB | raw nlp.pipe s, 1 process / all cores"
          " | digest/spaCy throughput, 1 process / all cores | Pelican cold s | Pelican warm s"
          " | warm digest/Pelican time |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        ratio = r.get("spacy", nan) / r["cold"]
        ratio_all = r.get("spacy_all_cores", nan) / r["cold"]
        pel = r["warm"] / r.get("pelican_warm", nan)
        print(f"| {r['n']} | {r['cold']:.1f} | {r['warm']:.2f} | {r['incremental']:.2f} ({r['incremental_max']:.2f}) | "
              f"{r['peak_mb']:.0f} | "
              f"{r['peak_main_mb']:.0f} / {r['peak_worker_mb']:.0f} / {r['peak_pagefind_mb']:.0f} | "
              f"{r.get('spacy', nan):.1f} / {r.get('spacy_all_cores', nan):.1f} | "
              f"{ratio:.2f}x / {ratio_all:.2f}x | {r.get('pelican_cold', nan):.1f} | "
              f"{r.get('pelican_warm', nan):.2f} | {pel:.2f} |")


if __name__ == "__main__":
    main()
