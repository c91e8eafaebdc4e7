"""The annotation store's connections, and how its writes reach the disk.

A save is a transaction in the write-ahead log (WAL) with `synchronous=NORMAL`: on
return it is in the file, so it survives the app being killed, but the disk has not
been asked to flush. The flush is `write_to_disk()`, a checkpoint that syncs the log
and then the file; the window runs it on a worker thread shortly after the saves, so
the UI thread never waits for the disk (a flush takes tens of milliseconds on a slow
disk). Closing the store checkpoints and truncates the log, so a copy of the file
alone holds every save. The log is never folded in on the UI thread by SQLite itself
(`wal_autocheckpoint` is off on the writing connections).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool, StaticPool

from viewer.core.annotations import files
from viewer.core.annotations.schema import STEPS

#: PRAGMA synchronous on the writing connections (1 = NORMAL: no flush at commit).
SYNCHRONOUS = 1


def make_engine(path: Path, *, read_only: bool, unavailable: bool) -> Engine:
    """Connections to the annotations at `path`: read-only ones, an empty database in
    memory when the file cannot be read at all (the app works and shows nothing), or
    kept writing connections."""
    if unavailable:

        def empty() -> sqlite3.Connection:
            db = sqlite3.connect(":memory:")
            for step in sorted(STEPS):
                for statement in STEPS[step]:
                    db.execute(statement)
            return db

        engine = create_engine("sqlite://", creator=empty, poolclass=StaticPool)
    elif read_only:
        engine = create_engine(
            "sqlite://", creator=lambda: files.connect_read_only(path), poolclass=NullPool
        )
    else:
        # Connections are kept open (SQLAlchemy's queue pool) so that the database's
        # shared-memory file stays mapped: on a full disk a new connection could not
        # make it, and reads would fail along with the writes. The pool's connections
        # may be used from any thread (the flush runs on a worker).
        engine = create_engine(f"sqlite:///{path}", pool_size=2, max_overflow=4)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi: sqlite3.Connection, _record: object) -> None:
        dbapi.isolation_level = None  # we say BEGIN ourselves (below)
        if not read_only:
            dbapi.execute("PRAGMA journal_mode=WAL")
            dbapi.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
            dbapi.execute("PRAGMA wal_autocheckpoint=0")  # folded in by write_to_disk
        dbapi.execute("PRAGMA foreign_keys=ON")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def write_to_disk(engine: Engine) -> bool:
    """Flush the saves so far to the disk (a passive checkpoint: the log is synced, as
    much of it as no reader holds is copied into the file, and the file is synced).
    Safe on any thread and beside writes; True when the whole log was folded in."""
    raw = engine.raw_connection()
    try:
        db = raw.driver_connection
        assert db is not None
        busy, pages, done = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return not busy and pages == done
    finally:
        raw.close()


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
