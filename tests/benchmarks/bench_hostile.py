"""Hostile-input run: every property of tests/core/test_hostile.py with many cases.

    python tests/benchmarks/bench_hostile.py [--examples 10000]

Prints, per property, how many cases Hypothesis ran and how long it took (from its
statistics), and whether any failed. The suite runs the same properties with a few
dozen cases each.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--hypothesis-show-statistics",
            "--hypothesis-seed=0",
            str(ROOT / "tests" / "core" / "test_hostile.py"),
        ],
        cwd=ROOT,
        env={**os.environ, "HOSTILE_EXAMPLES": str(args.examples)},
        capture_output=True,
        text=True,
        check=False,
    )
    out = result.stdout
    blocks = re.split(r"^tests/core/test_hostile\.py::(\w+):$", out, flags=re.M)
    for name, body in zip(blocks[1::2], blocks[2::2], strict=True):
        counts = re.findall(r"(\d+) passing, (\d+) failing, and (\d+) invalid", body)
        seconds = sum(float(t) for t in re.findall(r"phase \(([\d.]+) seconds\)", body))
        passing, failing, invalid = (sum(int(c[i]) for c in counts) for i in range(3))
        print(
            f"{name}: {passing} passing, {failing} failing, {invalid} invalid "
            f"cases in {seconds:.0f} s"
        )
    print(out.strip().splitlines()[-1])
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
