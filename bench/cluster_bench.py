#!/usr/bin/env python3
"""Cold `digest build` with extraction on a dask.distributed LocalCluster against the local process pool.

Writes N Reuters-21578 articles (as bench/build_bench.py does) into a temporary site, then
times two cold builds (empty cache, no site) with the real command: one on local worker
processes (the default) and one with ``--scheduler`` pointing at a LocalCluster of W worker
processes of one thread each, started before the clock. Checks that both sites are
byte-identical and prints the times.

usage: python bench/cluster_bench.py [--size 1000|all] [--workers 2] [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_bench import ROOT, TODAY, load_records, write_digest_site  # noqa: E402


def cold_build(root: Path, *extra: str) -> float:
    shutil.rmtree(root / ".digest", ignore_errors=True)
    shutil.rmtree(root / "site", ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "digest", "build", "--today", TODAY, *extra], cwd=root, check=True,
                   capture_output=True)
    return time.perf_counter() - started


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> None:
    from distributed import LocalCluster

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", default="1000", help="articles: a number, or all (every Reuters article)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = ap.parse_args()
    records = load_records(args.eval)
    records = records if args.size == "all" else records[: int(args.size)]
    with tempfile.TemporaryDirectory(prefix="digest-cluster-bench-") as tmp:
        root = Path(tmp) / "site"
        write_digest_site(root, records)
        local = cold_build(root)
        local_site = tree(root / "site")
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster:
            on_cluster = cold_build(root, "--scheduler", cluster.scheduler_address)
        cluster_site = tree(root / "site")
    differ = sorted(path for path in local_site.keys() | cluster_site.keys()
                    if local_site.get(path) != cluster_site.get(path))
    row = {"n": len(records), "workers": args.workers, "process_pool_cold_s": round(local, 1),
           "local_cluster_cold_s": round(on_cluster, 1), "byte_identical": not differ}
    print(json.dumps(row))
    if differ:
        def how(path: str) -> str:
            return "only local" if path not in cluster_site else "only cluster" if path not in local_site else "differs"

        shown = "\n".join(f"  {path}: {how(path)}" for path in differ[:20])
        sys.exit(f"the site built on the cluster differs from the local build in {len(differ)} files:\n{shown}")


if __name__ == "__main__":
    main()
