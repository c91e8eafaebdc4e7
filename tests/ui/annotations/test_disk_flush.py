"""Saves reach the disk off the UI thread: a save is in the file's log when it returns,
the disk flush (a checkpoint) runs on a worker a moment later."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.ui.annotations.disk_flush import DiskFlush


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    yield store
    store.close()


def notes_in_main_file(store: AnnotationStore, tmp_path: Path) -> set[str]:
    """The notes a copy of the database file alone holds (without its write-ahead log):
    what has been folded into the file by a checkpoint."""
    copy = tmp_path / "copy" / "annotations.sqlite"
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(store.path, copy)
    db = sqlite3.connect(copy)
    try:
        return {row[0] for row in db.execute("SELECT note FROM annotation")}
    finally:
        db.close()


def test_a_save_does_not_wait_for_the_disk_and_a_worker_flushes_it(
    qtbot: QtBot, store: AnnotationStore, tmp_path: Path
) -> None:
    flush = DiskFlush(store)
    flush_threads: list[str] = []
    flush.flushed.connect(lambda _done: flush_threads.append(threading.current_thread().name))
    store.save(Annotation("a", "first note"))
    # In the file's log, readable by anyone, but not folded into the file on this thread.
    assert store.get("a").note == "first note"
    assert notes_in_main_file(store, tmp_path) == set()
    with qtbot.waitSignal(flush.flushed, timeout=5000) as flushed:
        pass  # the timer fires after the pause, the worker flushes
    assert flushed.args == [True]
    assert notes_in_main_file(store, tmp_path) == {"first note"}
    assert flush_threads == [threading.main_thread().name]  # told on the UI thread
    flush.close()


def test_a_burst_of_saves_is_one_flush(qtbot: QtBot, store: AnnotationStore) -> None:
    flush = DiskFlush(store)
    count: list[bool] = []
    flush.flushed.connect(count.append)
    for n in range(20):
        store.save(Annotation(f"e{n}", f"note {n}", starred=True))
    qtbot.waitUntil(lambda: bool(count), timeout=5000)
    assert count == [True]
    assert not flush.pending  # and no second flush is due after the burst
    flush.close()


def test_writes_on_a_worker_thread_are_flushed_too(
    qtbot: QtBot, store: AnnotationStore, tmp_path: Path
) -> None:
    flush = DiskFlush(store)
    writer = threading.Thread(target=lambda: store.save_many([Annotation("w", "from a worker")]))
    writer.start()
    writer.join()
    with qtbot.waitSignal(flush.flushed, timeout=5000):
        pass
    assert notes_in_main_file(store, tmp_path) == {"from a worker"}
    flush.close()


def test_closed_flush_no_longer_listens(qtbot: QtBot, store: AnnotationStore) -> None:
    flush = DiskFlush(store)
    flush.close()
    store.save(Annotation("late", "after the window went"))  # nothing left to call
    assert store.after_write is None
