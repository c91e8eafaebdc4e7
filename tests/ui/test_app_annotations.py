"""Opening the annotations at start-up: a damaged file, and the offer of a backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from viewer.core.annotations.loading import open_annotations
from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.core.paths import UserPaths
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.session import offer_backup


def _damaged_with_backup(base: Path) -> UserPaths:
    paths = UserPaths(base).ensure()
    store = AnnotationStore(paths.annotations_db, paths.backups_dir)
    store.save(Annotation("e1", "kept in the backup"))
    assert store.take_daily_backup() is not None
    store.close()
    for suffix in ("-wal", "-shm"):
        Path(str(paths.annotations_db) + suffix).unlink(missing_ok=True)
    paths.annotations_db.write_bytes(b"garbage, not a database")
    return paths


def test_a_damaged_file_can_be_replaced_by_the_newest_backup(qtbot: QtBot, tmp_path: Path) -> None:
    paths = _damaged_with_backup(tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    store = open_annotations(paths)
    assert store.report.moved_aside and Path(store.report.moved_aside).exists()
    reporter = ErrorReporter(windows=False, answer=True)
    restored = offer_backup(store, paths, reporter, parent)
    assert restored.get("e1").note == "kept in the backup"
    assert "Restore" in reporter.asked[0][0]
    restored.close()


def test_declining_keeps_the_fresh_empty_file(qtbot: QtBot, tmp_path: Path) -> None:
    paths = _damaged_with_backup(tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    store = open_annotations(paths)
    kept = offer_backup(store, paths, ErrorReporter(windows=False), parent)
    assert kept.annotations() == {}
    kept.close()
