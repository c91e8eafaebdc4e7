"""Start-up of the packaged app against the same app run from the source checkout.

    python packaging/bench_startup.py [--bundle build/dist/timeline-viewer] [--runs 10]

Process start to first painted window (offscreen, `--quit-after-paint`) of the bundle
and of the installed package (editable or not), run alternately after one warm-up
round each; prints medians and the ratio as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=ROOT / "build/dist/timeline-viewer")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times: dict[str, list[float]] = {"packaged": [], "source": []}
    with tempfile.TemporaryDirectory() as tmp:
        flags = ["--data-dir", tmp, "--no-err-windows", "--quit-after-paint"]
        commands = {
            "packaged": [str(args.bundle / "timeline-viewer"), *flags],
            "source": [sys.executable, "-m", "viewer", *flags],
        }
        for round_ in range(args.runs + 1):
            for name, command in commands.items():
                start = time.perf_counter()
                # Run from a neutral folder: from the checkout, `python -m viewer` would
                # import the source tree's viewer/ (without the built catalog) instead of
                # the installed package.
                subprocess.run(command, env=env, cwd=tmp, check=True, capture_output=True)
                if round_:  # the first round warms the disk cache
                    times[name].append(time.perf_counter() - start)
    packaged, source = (statistics.median(times[k]) for k in ("packaged", "source"))
    print(
        json.dumps(
            {
                "packaged_median_s": round(packaged, 3),
                "source_median_s": round(source, 3),
                "packaged_over_source": round(packaged / source, 2),
                "runs": args.runs,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
