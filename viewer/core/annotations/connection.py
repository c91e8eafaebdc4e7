"""The annotation store's connection to its file, and how its writes reach the disk.

Plain sqlite3, as the catalog is read: rows by column name, statements with named
parameters, no SQLAlchemy at run time (it is for building and exporting catalogs).

A writable store keeps one connection open for as long as it lives (its shared-memory
file stays mapped: on a full disk a new connection could not make it, and reads would
fail along with the writes), used by one thread at a time under a lock (the notes are
read on a worker as they open, and written on the UI thread). A read-only store, which
another window writes, opens a connection for each read, so each read sees the file as
it is now.

A save is a transaction in the write-ahead log (WAL) with `synchronous=NORMAL`: on
return it is in the file, so it survives the app being killed, but the disk has not
been asked to flush. The flush is `write_to_disk()`, a checkpoint that syncs the log
and then the file, on a connection of its own; the window runs it on a worker thread
shortly after the saves, so the UI thread never waits for the disk (a flush takes tens
of milliseconds on a slow disk). Closing checkpoints and truncates the log, so a copy
of the file alone holds every save. SQLite never folds the log in by itself on the
writing connection (`wal_autocheckpoint` is off there).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from viewer.core.annotations import files
from viewer.core.annotations.schema import STEPS

#: PRAGMA synchronous on the writing connection (1 = NORMAL: no flush at commit).
SYNCHRONOUS = 1


class StoreConnection:
    """The annotations file at `path`: read-only, an empty database in memory when the
    file cannot be read at all (the app works and shows nothing), or kept for writing."""

    def __init__(self, path: Path, *, read_only: bool, unavailable: bool) -> None:
        self.path = path
        self.read_only = read_only or unavailable
        self._lock = threading.RLock()
        self._kept: sqlite3.Connection | None = None
        self._flusher: sqlite3.Connection | None = None
        if unavailable:
            self._kept = _empty()
        elif not read_only:
            self._kept = self._writer()

    def _writer(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
        db.execute("PRAGMA wal_autocheckpoint=0")  # folded in by write_to_disk
        db.execute("PRAGMA foreign_keys=ON")
        return db

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one read transaction (its reads agree with each other)."""
        with self._lock:
            db = self._kept if self._kept is not None else self._reader()
            try:
                db.execute("BEGIN")
                try:
                    yield db
                finally:
                    db.execute("ROLLBACK")  # nothing was written: nothing to keep
            finally:
                if db is not self._kept:
                    db.close()

    def _reader(self) -> sqlite3.Connection:
        db = files.connect_read_only(self.path)
        db.isolation_level = None
        db.row_factory = sqlite3.Row
        return db

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one write transaction: committed when the block ends,
        rolled back (nothing written) when it raises."""
        with self._lock:
            db = self._kept
            assert db is not None and not self.read_only, "a read-only store never writes"
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def write_to_disk(self) -> bool:
        """Flush the saves so far to the disk (a passive checkpoint, on a connection of
        its own: the log is synced, as much of it as no reader holds is copied into the
        file, and the file is synced). Any thread, beside writes; True when the whole
        log was folded in."""
        if self.read_only:
            return True
        with self._lock:  # only to make the flusher once; the checkpoint runs outside
            if self._flusher is None:
                self._flusher = sqlite3.connect(
                    self.path, isolation_level=None, check_same_thread=False
                )
            flusher = self._flusher
        busy, pages, done = flusher.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return not busy and pages == done

    def close(self) -> None:
        with self._lock:
            for db in (self._flusher, self._kept):
                if db is not None:
                    db.close()
            self._flusher = self._kept = None


def _empty() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    db.row_factory = sqlite3.Row
    for step in sorted(STEPS):
        for statement in STEPS[step]:
            db.execute(statement)
    return db


def checkpoint_and_close(path: Path) -> None:
    """Fold the write-ahead log of `path` into the file and truncate it (best effort: a
    reader elsewhere may hold it, and then it is folded in when that one closes)."""
    try:
        db = sqlite3.connect(path, timeout=2)
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
    except sqlite3.Error:
        pass
