"""SIGKILL a process while it saves annotations: nothing reported saved is lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from viewer.core.annotations.store import AnnotationStore

WRITER = """
import sys
from pathlib import Path
from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore

folder = Path(sys.argv[1])
start = int(sys.argv[2])
store = AnnotationStore(folder / "annotations.sqlite", folder / "backups")
print("ready", flush=True)
n = start
while True:
    note = f"note {n} " + "x" * (n % 997)
    store.save(Annotation(f"event-{n}", note, (f"tag{n % 7}",), n % 2 == 0))
    print(n, flush=True)  # reported only once save() has returned
    n += 1
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_the_writer_loses_no_reported_save(tmp_path: Path) -> None:
    rng = random.Random(11)
    reported: set[int] = set()
    next_number = 0
    for _round in range(12):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), str(next_number)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[3],
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.3))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        lines = child.stdout.read().split()
        child.stdout.close()
        numbers = [int(x) for x in lines]
        reported.update(numbers)
        next_number = (max(numbers) + 1) if numbers else next_number
        next_number += 1  # the one in flight may or may not have landed
    assert len(reported) > 50
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    assert store.check() is None
    assert not store.report.moved_aside
    saved = store.annotations()
    missing = [n for n in reported if f"event-{n}" not in saved]
    assert missing == []
    assert saved[f"event-{max(reported)}"].note.startswith(f"note {max(reported)} ")
    store.close()
