"""Run every property test (pytest marker ``fuzz``) for many examples and report how many passed.

    python bench/fuzz.py                     # 2000 examples per property
    python bench/fuzz.py --examples 20000    # longer
    python bench/fuzz.py -k quotes           # only some properties (any pytest -k expression)

The properties are the same ones CI runs for a bounded number of examples (tests/test_fuzz.py:
extractors, time resolver, dates, the parse guard; tests/test_ingest.py, test_clean.py,
test_store.py: readers, cleaner, store). The count comes from the hypothesis profile "fuzz"
(tests/conftest.py), set here through DIGEST_FUZZ_EXAMPLES. A failure prints hypothesis'
minimal example and a reproduction blob; the exit status is pytest's.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def statistics(output: str) -> dict[str, tuple[int, int]]:
    """test id -> (passing, failing) examples, summed over hypothesis' phases, from --hypothesis-show-statistics."""
    counts: dict[str, tuple[int, int]] = {}
    test = None
    for line in output.splitlines():
        header = re.match(r"^(tests/\S+::\S+):$", line)
        if header:
            test = header.group(1)
            counts.setdefault(test, (0, 0))
            continue
        found = re.search(r"- (\d+) passing, (\d+) failing", line)
        if found and test:
            passing, failing = counts[test]
            counts[test] = (passing + int(found.group(1)), failing + int(found.group(2)))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per property (default 2000)")
    parser.add_argument("-k", default=None, help="pytest -k expression to pick properties")
    args = parser.parse_args(argv)
    env = {**os.environ, "DIGEST_FUZZ_EXAMPLES": str(args.examples)}
    command = [sys.executable, "-m", "pytest", "-m", "fuzz", "-q", "-p", "no:cacheprovider",
               "--hypothesis-show-statistics", "tests"]
    if args.k:
        command += ["-k", args.k]
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    counts = statistics(proc.stdout)
    for test, (passing, failing) in counts.items():
        print(f"{passing:>8} passing {failing:>3} failing  {test}")
    total, failed = sum(p for p, _ in counts.values()), sum(f for _, f in counts.values())
    print(f"{total} examples passed, {failed} failed, in {len(counts)} properties ({seconds:.0f}s, "
          f"{args.examples} examples asked per property)")
    if proc.returncode != 0:
        print(proc.stdout[-6000:], proc.stderr[-2000:], sep="\n")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
