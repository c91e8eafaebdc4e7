"""Every text a person or a file can give is bounded, and the window stays responsive."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from viewer.core.annotations.interchange import ImportRefusedError, read_document
from viewer.core.annotations.limits import (
    MAX_NOTE_CHARS,
    MAX_PROBLEMS,
    MAX_SHORT,
    PREVIEW_CHARS,
    UNDO_STEPS,
)
from viewer.core.annotations.records import Annotation, UserEvent
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.core.search.notes import fold
from viewer.ui.annotations.editor import AnnotationEditor
from viewer.ui.annotations.user_event_dialog import UserEventDialog
from viewer.ui.detail_pane import DetailPane


@pytest.fixture
def store(tmp_path: Path) -> AnnotationStore:
    return AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")


def test_a_huge_note_is_not_laid_out_until_it_is_edited(
    qtbot: QtBot, store: AnnotationStore
) -> None:
    huge = "x" * 5_000_000  # one word, as an older version could save it
    store.save(Annotation("e1", huge))
    editor = AnnotationEditor(store, QUndoStack())
    qtbot.addWidget(editor)
    editor.show_event("e1")
    assert editor.note.toPlainText() == ""  # the text box is filled only for editing
    assert len(editor.preview.toPlainText()) < PREVIEW_CHARS + 500
    editor.edit_button.click()
    assert len(editor.note.toPlainText()) == len(huge)
    store.close()


def test_a_note_over_the_limit_is_refused_and_said(qtbot: QtBot, store: AnnotationStore) -> None:
    editor = AnnotationEditor(store, QUndoStack())
    qtbot.addWidget(editor)
    editor.show_event("e1")
    editor.edit_button.click()
    editor.note.setPlainText("y" * (MAX_NOTE_CHARS + 1))
    assert editor.flush() is False
    assert "Shorten it to save it" in editor.unsaved_label.text()
    assert store.get("e1").note == ""
    store.close()


def test_many_tags_at_once_are_one_change(qtbot: QtBot, store: AnnotationStore) -> None:
    undo = QUndoStack()
    editor = AnnotationEditor(store, undo)
    qtbot.addWidget(editor)
    editor.show_event("e1")
    editor.tag_box.setText(",".join(f"tag {n}" for n in range(300)))
    editor.tag_box.returnPressed.emit()
    assert undo.count() == 1
    assert len(store.get("e1").tags) == 200  # at most 200 tags on an event
    store.close()


def test_the_undo_history_and_titles_are_bounded(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from viewer.ui.error_reporter import ErrorReporter
    from viewer.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(catalog, settings, ErrorReporter(windows=False))
    qtbot.addWidget(window)
    assert window.undo_stack.undoLimit() == UNDO_STEPS
    dialog = UserEventDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.title.maxLength() == MAX_SHORT
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_user_event(UserEvent("mine-1", "t" * 1_000_000, "2020", "statement"), "2020", "x")
    assert len(pane.toPlainText()) < 2 * MAX_SHORT


def test_a_file_of_ten_megabytes_of_empty_records_is_refused_briefly(tmp_path: Path) -> None:
    path = tmp_path / "empty-records.json"
    items = ",".join(["{}"] * 3_000_000)
    path.write_text(
        '{"format": "timeline-viewer-annotations", "version": 1, "annotations": [' + items + "]}"
    )
    with pytest.raises(ImportRefusedError) as refused:
        read_document(path)
    assert str(refused.value).count("\n") <= MAX_PROBLEMS + 2


def _fold_one_by_one(text: str) -> str:
    """The letter-by-letter fold the fast one must equal."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0] if char.isalpha() else char
        out.append(base.casefold()[:1] or char)
    return "".join(out)


@given(st.text())
def test_the_fast_fold_is_the_letter_by_letter_fold(text: str) -> None:
    assert fold(text) == _fold_one_by_one(text)
    assert len(fold(text)) == len(text)


def test_the_bounds_are_documented() -> None:
    errors = (Path(__file__).resolve().parents[3] / "docs" / "errors.md").read_text()
    for bound in (MAX_NOTE_CHARS, MAX_SHORT, UNDO_STEPS, MAX_PROBLEMS, PREVIEW_CHARS):
        assert f"{bound:,}" in errors
