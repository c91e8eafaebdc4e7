"""The annotation store's writing connection: a commit does not flush the disk (the
flush is a checkpoint, run off the UI thread), SQLite never checkpoints by itself, a
failed write leaves nothing, and a read-only store sees what another writer wrote."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from viewer.core.annotations.connection import SYNCHRONOUS, StoreConnection
from viewer.core.annotations.opening import open_file

INSERT = (
    "INSERT INTO user_event (id, title, date, kind, updated) "
    "VALUES (:id, 't', '2020', 'statement', 'x')"
)


def _made(tmp_path: Path) -> Path:
    path = tmp_path / "annotations.sqlite"
    open_file(path, tmp_path / "backups", None)
    return path


def test_writing_leaves_the_flush_to_write_to_disk(tmp_path: Path) -> None:
    path = _made(tmp_path)
    store = StoreConnection(path, read_only=False, unavailable=False)
    try:
        with store.reading() as db:
            assert db.execute("PRAGMA synchronous").fetchone()[0] == SYNCHRONOUS == 1
            assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with store.writing() as db:
            db.execute(INSERT, {"id": "u1"})
        assert path.with_name(path.name + "-wal").stat().st_size > 0
        assert store.write_to_disk() is True
    finally:
        store.close()


def test_a_failed_write_leaves_nothing_and_a_reader_sees_the_rest(tmp_path: Path) -> None:
    path = _made(tmp_path)
    writer = StoreConnection(path, read_only=False, unavailable=False)
    reader = StoreConnection(path, read_only=True, unavailable=False)
    try:
        with pytest.raises(sqlite3.IntegrityError), writer.writing() as db:
            db.execute(INSERT, {"id": "u1"})
            db.execute(INSERT, {"id": "u1"})  # the same id twice: the whole write fails
        with writer.writing() as db:
            db.execute(INSERT, {"id": "u2"})
        with reader.reading() as db:  # a read-only store opens the file as it is now
            assert [r["id"] for r in db.execute("SELECT id FROM user_event")] == ["u2"]
        assert reader.write_to_disk() is True  # nothing of its own to flush
    finally:
        writer.close()
        reader.close()
