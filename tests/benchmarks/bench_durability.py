"""Durability runs: SIGKILL the annotation writer and an import many times; count losses.

    python tests/benchmarks/bench_durability.py [--rounds 300]

Each writer round kills a process saving annotations at a random moment: every save it
reported (printed after save() returned) must be in the file, which must stay sound and
never be moved aside. Each import round kills a 300-event import: the file must hold all
of it or none. Prints the counts; exit code 1 on any loss.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.core.annotations.test_kill import WRITER  # noqa: E402
from tests.core.test_hostile_files import IMPORT, _own_events  # noqa: E402
from viewer.core.annotations.store import AnnotationStore  # noqa: E402


def writer_rounds(rounds: int, folder: Path) -> tuple[int, int, bool]:
    rng = random.Random(7)
    reported: set[int] = set()
    next_number = 0
    for _ in range(rounds):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), str(next_number)],
            stdout=subprocess.PIPE, text=True, cwd=ROOT,
        )  # fmt: skip
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        numbers = [int(x) for x in child.stdout.read().split()]
        child.stdout.close()
        reported.update(numbers)
        next_number = (max(numbers) + 2) if numbers else next_number + 1
    store = AnnotationStore(folder / "annotations.sqlite", folder / "backups")
    sound = store.check() is None and not store.report.moved_aside
    saved = store.annotations()
    store.close()
    return len(reported), sum(f"event-{n}" not in saved for n in reported), sound


def import_rounds(rounds: int, folder: Path) -> list[int]:
    source = folder / "mine.json"
    source.write_text(_own_events(300), encoding="utf-8")
    counts = []
    for attempt in range(rounds):
        user = folder / f"user{attempt}"
        user.mkdir()
        child = subprocess.Popen(
            [sys.executable, "-c", IMPORT, str(user), str(source)],
            stdout=subprocess.PIPE, text=True, cwd=ROOT,
        )  # fmt: skip
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(0.0005 * (attempt % 60))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        store = AnnotationStore(user / "annotations.sqlite", user / "backups")
        counts.append(len(store.user_events()))
        store.close()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "w").mkdir()
        saves, lost, sound = writer_rounds(args.rounds, folder / "w")
        print(f"writer: {args.rounds} kills, {saves} reported saves, {lost} lost, "
              f"file {'sound' if sound else 'DAMAGED'}")  # fmt: skip
        counts = import_rounds(args.rounds, folder)
        partial = [c for c in counts if c not in (0, 300)]
        print(json.dumps({"import kills": len(counts), "whole": counts.count(300),
                          "none": counts.count(0), "partial": len(partial)}))  # fmt: skip
    return 1 if lost or not sound or partial else 0


if __name__ == "__main__":
    raise SystemExit(main())
