"""A save that fails (a full disk) fails once, visibly, loses nothing, and never drifts."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from tests.conftest import fill_disk
from viewer.core.annotations import recovery
from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.ui.annotations.editor import AnnotationEditor
from viewer.ui.error_reporter import ErrorReporter


def test_a_full_disk_keeps_the_edit_says_so_once_and_saves_it_later(
    qtbot: QtBot, small_disk: Path
) -> None:
    store = AnnotationStore(small_disk / "annotations.sqlite", small_disk / "backups")
    store.save(Annotation("e1", "before"))
    undo = QUndoStack()
    editor = AnnotationEditor(store, undo)
    qtbot.addWidget(editor)
    failures: list[str] = []
    editor.save_failed.connect(failures.append)
    editor.show_event("e1")
    editor.edit_button.click()  # "Edit note"
    filler = fill_disk(small_disk)
    big = "a long note " * 20_000  # more than the space left
    for n in range(5):  # typing on: each save fails again
        editor.note.setPlainText(big + str(n))
        editor.flush()
    editor.star.click()
    assert len(failures) == 1  # said once, not once per try
    assert undo.count() == 0  # nothing that was not saved is on the undo stack
    assert editor.unsaved["e1"].starred and editor.unsaved["e1"].note == big + "4"
    assert editor.current is not None and editor.current.starred  # shown as left
    assert not editor.unsaved_label.isHidden()
    editor.show_event("e2")  # choosing another event: the editor follows
    assert editor.current is not None and editor.current.event_id == "e2"
    editor.show_event("e1")
    assert editor.current is not None and editor.current.note == big + "4"  # still kept
    assert editor.retry_unsaved() is False
    filler.unlink()  # the disk has room again
    assert editor.retry_unsaved() is True
    assert editor.unsaved == {} and editor.unsaved_label.isHidden()
    saved = store.get("e1")
    assert saved.starred and saved.note == big + "4"
    assert recovery.pending(store.path) == []
    store.close()


def test_a_recovery_file_is_saved_at_the_next_start(tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    store.save(Annotation("e1", "old", updated="2020-01-01T00:00:00.000+00:00"))
    typed = Annotation(
        "e1", "typed on a full disk", starred=True, updated="2026-01-01T00:00:00.000+00:00"
    )
    kept = recovery.write(store.path, [typed])
    assert kept == tmp_path / recovery.FILE_NAME
    assert recovery.merge_pending(store) == 1
    assert store.get("e1").note == "typed on a full disk" and store.get("e1").starred
    assert recovery.pending(store.path) == []
    store.close()


def test_an_error_while_reporting_an_error_is_not_reported_again(qtbot: QtBot) -> None:
    reporter = ErrorReporter(windows=False)
    saving: list[int] = []

    def save_pending() -> bool:
        saving.append(1)
        sys.excepthook(ValueError, ValueError("raised while saving"), None)  # re-entry
        return False

    before = sys.excepthook
    reporter.install_excepthook(before=save_pending)
    try:
        sys.excepthook(RuntimeError, RuntimeError("the first"), None)
    finally:
        sys.excepthook = before
    assert saving == [1]
    assert len(reporter.reported) == 1
    assert "not saved yet" in reporter.reported[0][1]
