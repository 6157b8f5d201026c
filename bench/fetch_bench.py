#!/usr/bin/env python3
"""Benchmark `digest fetch` + `digest build`: N local feeds of M entries each, fetched, stored and built.

Each feed is its own local HTTP server (127.0.0.1, its own port, so its own host for the per-host delay),
with a robots.txt, an RSS 2.0 feed and one news page per entry. The pages hold real news text
(Reuters-21578 through ../shared/eval/corpus.py when it is there, else generated stories), so the
build's extraction does real work. It runs the real commands with their default, polite settings
(at most 8 requests at once, 0.5 s between two requests to one host): a cold `digest fetch`, a cold
`digest build`, then a second `digest fetch` (nothing new: only conditional requests), and prints the
times.

usage: python bench/fetch_bench.py [--feeds 20] [--entries 10] [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from feedserver import FeedServer, article_html, rss, static, story  # noqa: E402


def articles(count: int, eval_dir: Path) -> list[tuple[str, list[str], str]]:
    """(title, paragraphs, ISO date) for ``count`` news articles."""
    if (eval_dir / "corpus.py").exists():
        sys.path.insert(0, str(eval_dir))
        from corpus import reuters  # noqa: PLC0415 - the shared evaluation reader

        found, titles = [], set()
        for record in sorted(reuters().values(), key=lambda r: int(r["id"].split("-")[1])):
            paragraphs = [p for p in record["text"].split("\n\n") if p.strip()]
            if record["title"] and record["date"] and len(paragraphs) >= 3 and record["title"] not in titles:
                titles.add(record["title"])  # Reuters repeats some stories word for word: one of each
                found.append((record["title"], paragraphs, record["date"] + "T09:00:00+00:00"))
            if len(found) == count:
                return found
    return [(*story(n, f"topic {n}"), "2026-11-30T09:00:00+00:00") for n in range(count)]


def serve(stack: ExitStack, feeds: int, entries: int, texts: list[tuple[str, list[str], str]]) -> list[str]:
    urls = []
    for f in range(feeds):
        server = stack.enter_context(FeedServer())
        server.routes["/robots.txt"] = static(b"User-agent: *\nDisallow: /admin/\n", "text/plain")
        items = []
        for e in range(entries):
            title, paragraphs, published = texts[f * entries + e]
            path = f"/news/{e}-{re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')[:40]}.html"
            server.routes[path] = static(article_html(title, paragraphs, published=published).encode(),
                                         "text/html; charset=utf-8")
            day = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.strptime(published[:19], "%Y-%m-%dT%H:%M:%S"))
            items.append({"title": title, "link": path, "guid": f"feed{f}-{e}",
                          "description": f"<p>{paragraphs[0][:200]}</p>", "pubDate": day})
        server.routes["/feed.xml"] = static(rss(items, title=f"Desk {f}"), "application/rss+xml")
        urls.append(server.url("/feed.xml"))
    return urls


def digest(*args: str, cwd: Path) -> tuple[float, float, str]:
    """Wall-clock seconds, CPU seconds (the command and its workers) and the command's last line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "digest", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"digest {' '.join(args)} failed:\n{proc.stderr}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, (proc.stdout.strip().splitlines() or [""])[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=10)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    texts = articles(args.feeds * args.entries, args.eval)
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="fetch-bench-") as folder:
        root = Path(folder)
        urls = serve(stack, args.feeds, args.entries, texts)
        sources = "".join(f'\n[[sources]]\nurl = "{url}"\n' for url in urls)
        (root / "digest.toml").write_text(f'title = "Bench"\nbase_url = "https://bench.example.org/"\n{sources}')
        fetch_s, fetch_cpu, fetch_line = digest("fetch", cwd=root)
        stored = len(list((root / "content").rglob("*.md")))
        build_s, build_cpu, build_line = digest("build", "--strict", "--today", "1987-12-31", cwd=root)
        again_s, again_cpu, again_line = digest("fetch", cwd=root)
    load = os.getloadavg()[0]
    print(f"{args.feeds} feeds x {args.entries} entries ({len(texts)} articles, "
          f"{'Reuters-21578' if (args.eval / 'corpus.py').exists() else 'generated'} text), default politeness; "
          f"{os.cpu_count()} cores, load average {load:.1f}")
    print(f"  digest fetch (cold):       {fetch_s:5.1f} s ({fetch_cpu:5.1f} s CPU)  {stored} stored; {fetch_line}")
    print(f"  digest build (cold):       {build_s:5.1f} s ({build_cpu:5.1f} s CPU)  {build_line}")
    print(f"  fetched, stored and built: {fetch_s + build_s:5.1f} s ({fetch_cpu + build_cpu:5.1f} s CPU)")
    print(f"  digest fetch (again):      {again_s:5.1f} s ({again_cpu:5.1f} s CPU)  {again_line}")


if __name__ == "__main__":
    main()
