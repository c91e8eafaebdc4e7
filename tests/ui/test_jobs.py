"""Work off the UI thread goes one way: a JobRunner hands each outcome back on the UI
thread, and nothing in the app starts threads of its own or leans on exit hooks."""

from __future__ import annotations

import re
import threading
import time

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from tests.conftest import ROOT
from viewer.ui.jobs import JobRunner


def test_the_outcome_comes_back_on_the_ui_thread(qtbot: QtBot) -> None:
    jobs = JobRunner("test")
    ui = QThread.currentThread()
    seen: list[tuple[object, bool, str]] = []
    worker_names: list[str] = []

    def work() -> int:
        worker_names.append(threading.current_thread().name)
        return 42

    jobs.submit(work, lambda v: seen.append((v, QThread.currentThread() is ui, "done")))
    jobs.submit(
        lambda: 1 / 0,
        None,
        lambda e: seen.append((type(e).__name__, QThread.currentThread() is ui, "failed")),
    )
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert (42, True, "done") in seen and ("ZeroDivisionError", True, "failed") in seen
    assert worker_names and worker_names[0].startswith("test")  # not the UI thread
    jobs.shutdown()


def test_wait_lets_work_in_hand_finish_and_shutdown_refuses_more(qtbot: QtBot) -> None:
    jobs = JobRunner("slow")
    ended: list[bool] = []

    def slow() -> None:
        time.sleep(0.3)
        ended.append(True)

    jobs.submit(slow)
    assert jobs.busy
    jobs.wait()
    assert ended == [True]
    jobs.submit(slow)  # still open after wait()
    jobs.shutdown()  # waits for it
    assert ended == [True, True]
    try:
        jobs.submit(slow)
    except RuntimeError:
        pass
    else:
        raise AssertionError("a shut-down runner took more work")


def test_no_module_starts_threads_of_its_own_or_registers_exit_hooks() -> None:
    """One way to run work off the UI thread (viewer/ui/jobs.py); before, there were a
    QThread worker, bare threading.Threads, a loop polled every 30 ms and atexit hooks."""
    offenders = []
    for path in sorted((ROOT / "viewer").rglob("*.py")):
        if path.name == "jobs.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bimport atexit\b|threading\.Thread\(|\bQThread\(|ThreadPoolExecutor", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
