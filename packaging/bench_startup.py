"""Start-up of the packaged app against the same app run from the source checkout.

    python packaging/bench_startup.py [--bundle build/dist/timeline-viewer] [--runs 10]

The bundle and the installed package (editable or not) run alternately, offscreen with
`--quit-after-paint`, after one warm-up round each. Prints as JSON, for each: the
median time from process start to its first painted window (what a person waits for)
and to its exit; their ratio; and the median of each round's difference in the first
paint, which the machine's changes of speed between rounds leave alone.
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
    from viewer.ui.app import reported_first_paint  # noqa: PLC0415 - the app's own word

    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=ROOT / "build/dist/timeline-viewer")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    painted: dict[str, list[float]] = {"packaged": [], "source": []}
    exited: dict[str, list[float]] = {"packaged": [], "source": []}
    with tempfile.TemporaryDirectory() as tmp:
        flags = ["--data-dir", tmp, "--no-err-windows", "--quit-after-paint"]
        commands = {
            "packaged": [str(args.bundle / "timeline-viewer"), *flags],
            "source": [sys.executable, "-m", "viewer", *flags],
        }
        for round_ in range(args.runs + 1):
            for name, command in commands.items():
                start = time.monotonic()  # the clock the app says its first paint on
                # Run from a neutral folder: from the checkout, `python -m viewer` would
                # import the source tree's viewer/ (without the built catalog) instead of
                # the installed package.
                done = subprocess.run(command, env=env, cwd=tmp, check=True, capture_output=True)
                if round_:  # the first round warms the disk cache
                    exited[name].append(time.monotonic() - start)
                    painted[name].append(reported_first_paint(done.stderr) - start)
    paint = {name: statistics.median(times) for name, times in painted.items()}
    exit_ = {name: statistics.median(times) for name, times in exited.items()}
    difference = statistics.median(
        p - s for p, s in zip(painted["packaged"], painted["source"], strict=True)
    )
    print(
        json.dumps(
            {
                "packaged_first_paint_s": round(paint["packaged"], 3),
                "source_first_paint_s": round(paint["source"], 3),
                "packaged_over_source_first_paint": round(paint["packaged"] / paint["source"], 2),
                "packaged_minus_source_first_paint_ms_by_round": round(difference * 1000, 1),
                "packaged_median_s": round(exit_["packaged"], 3),  # to exit, as before
                "source_median_s": round(exit_["source"], 3),
                "packaged_over_source": round(exit_["packaged"] / exit_["source"], 2),
                "runs": args.runs,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
