"""The annotation store's writing connections: a commit does not flush the disk (the
flush is a checkpoint, run off the UI thread), and SQLite never checkpoints by itself."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from viewer.core.annotations.connection import SYNCHRONOUS, make_engine, write_to_disk
from viewer.core.annotations.opening import open_file


def test_writing_connections_leave_the_flush_to_write_to_disk(tmp_path: Path) -> None:
    path = tmp_path / "annotations.sqlite"
    open_file(path, tmp_path / "backups", None)
    engine = make_engine(path, read_only=False, unavailable=False)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA synchronous")).scalar() == SYNCHRONOUS == 1
            assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 0
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO user_event (id, title, date, kind, updated) "
                    "VALUES ('u1', 't', '2020', 'statement', 'x')"
                )
            )
        wal = path.with_name(path.name + "-wal")
        assert wal.stat().st_size > 0
        assert write_to_disk(engine) is True
    finally:
        engine.dispose()
