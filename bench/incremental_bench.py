#!/usr/bin/env python3
"""Time the builds a daily run makes on a large archive: nothing changed, and one article added.

``prepare DIR --size N`` writes the first N Reuters-21578 articles (by date, via
../shared/eval/corpus.py) into a new site in DIR and builds it once (cold, not timed).
``measure DIR --runs 3`` then times, as medians over the runs, with CPU seconds (the build's
process and its children: extraction workers, Pagefind) and wall seconds:

- **warm**: ``digest build`` with nothing changed;
- **+1 newest day**: one article added to the archive's newest day;
- **+1 old day**: one article added to a day a tenth of the way into the archive.

Each added article is a Reuters article the archive does not hold, re-dated to that day, and
stays in the archive (each run adds another). The load average is printed beside the times,
since the machine is shared.

usage: python bench/incremental_bench.py prepare DIR [--size 5000] [--eval ../shared/eval]
       python bench/incremental_bench.py measure DIR [--runs 3] [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "1987-12-31"
BUILD = [sys.executable, "-m", "digest", "build", "--today", TODAY]


@dataclass(frozen=True)
class Timing:
    cpu: float  # user + system seconds of the build and its children
    wall: float
    load: float  # one-minute load average when the build ended


def load_records(eval_dir: Path) -> list[dict]:
    """Every dated Reuters article, by date then id."""
    sys.path.insert(0, str(eval_dir.resolve()))
    from corpus import reuters  # noqa: PLC0415 - the shared evaluation reader

    records = [r for r in reuters().values() if r["date"] and r["text"].strip()]
    return sorted(records, key=lambda r: (r["date"], int(r["id"].split("-")[1])))


def article_file(record: dict, day: str | None = None) -> str:
    fields = {"title": record["title"] or record["id"], "date": day or record["date"], "source": record["source"]}
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()), "---", ""]
    return "\n".join(lines) + "\n" + record["text"] + "\n"


def timed_build(site: Path) -> Timing:
    """Run ``digest build`` in ``site``; fails loudly."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(BUILD, cwd=site, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"digest build failed in {site} ({proc.returncode}):\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(cpu, wall, os.getloadavg()[0])


def prepare(site: Path, size: int, records: list[dict]) -> None:
    if site.exists() and any(site.iterdir()):
        sys.exit(f"{site}: not empty; prepare writes a new site")
    content = site / "content"
    content.mkdir(parents=True)
    for record in records[:size]:
        (content / f"{record['id']}.md").write_text(article_file(record), encoding="utf-8")
    (site / "digest.toml").write_text('title = "Benchmark"\nbase_url = "https://bench.example.org/"\n')
    timing = timed_build(site)
    print(f"prepared {size} articles in {site}: cold build {timing.cpu:.1f} s CPU, {timing.wall:.1f} s wall, "
          f"load {timing.load:.1f}")


def held_out(site: Path, records: list[dict]) -> list[dict]:
    """Reuters articles the archive does not hold, newest first (those are the least like its days)."""
    held = {p.stem for p in (site / "content").glob("*.md")}
    return [r for r in reversed(records) if r["id"] not in held]


def archive_days(site: Path) -> list[str]:
    days = set()
    for path in (site / "content").glob("*.md"):
        for line in path.read_text(encoding="utf-8").splitlines()[1:5]:
            if line.startswith("date: "):
                days.add(json.loads(line[6:]))
    return sorted(days)


def median(timings: list[Timing]) -> Timing:
    return Timing(*(statistics.median(getattr(t, f) for t in timings) for f in ("cpu", "wall", "load")))


def measure(site: Path, runs: int, records: list[dict]) -> None:
    days = archive_days(site)
    newest, old = days[-1], days[len(days) // 10]
    spare = iter(held_out(site, records))
    timed_build(site)  # whatever changed since the last build (not timed)
    results = {"warm": [timed_build(site) for _ in range(runs)]}
    for label, day in (("+1 newest day", newest), ("+1 old day", old)):
        results[label] = []
        for _ in range(runs):
            record = next(spare)
            (site / "content" / f"{record['id']}.md").write_text(article_file(record, day), encoding="utf-8")
            results[label].append(timed_build(site))
    print(f"{len(list((site / 'content').glob('*.md')))} articles, newest day {newest}, old day {old}; "
          f"medians of {runs} runs")
    print(f"{'build':<16}{'CPU s':>8}{'wall s':>9}{'load':>7}")
    for label, timings in results.items():
        m = median(timings)
        print(f"{label:<16}{m.cpu:>8.2f}{m.wall:>9.2f}{m.load:>7.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=("prepare", "measure"))
    ap.add_argument("dir", type=Path)
    ap.add_argument("--size", type=int, default=5000, help="articles in the archive (prepare)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each build, medians printed (measure)")
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = ap.parse_args()
    records = load_records(args.eval)
    if args.action == "prepare":
        prepare(args.dir, args.size, records)
    else:
        measure(args.dir, args.runs, records)


if __name__ == "__main__":
    main()
