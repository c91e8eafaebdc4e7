"""The user's own events: added, shown as theirs, edited, deleted, undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.core.annotations.records import Annotation, UserEvent
from viewer.ui.annotations.user_event_dialog import UserEventDialog
from viewer.ui.main_window import MainWindow

MINE = UserEvent("mine-2018-07-17-my-interview-0001", "My interview", "2018-07-17", "statement", "")


@pytest.fixture
def window(annotated_window: MainWindow) -> MainWindow:
    return annotated_window


def test_add_edit_delete_with_undo(window: MainWindow) -> None:
    user = window.annotations
    assert user is not None
    user.add_user_event(MINE)
    assert window.timeline.data.row_of(MINE.id) is not None
    assert window.timeline.selected_ids() == [MINE.id]
    assert "My own event" in window.detail.toPlainText()
    assert window.annotations.own_event_actions[0].isEnabled()
    assert window.timeline.marks[MINE.id].own

    window.annotations.edit_user_event(
        UserEvent(MINE.id, "Interview (moved)", "2018-08", "statement")
    )
    row = window.timeline.data.row_of(MINE.id)
    assert row is not None and window.timeline.data.titles[row] == "Interview (moved)"

    user.delete_user_event()
    assert window.timeline.data.row_of(MINE.id) is None
    window.undo_stack.undo()  # the delete
    assert window.timeline.data.row_of(MINE.id) is not None
    window.undo_stack.undo()  # the edit
    row = window.timeline.data.row_of(MINE.id)
    assert row is not None and window.timeline.data.titles[row] == "My interview"
    window.undo_stack.undo()  # the add
    assert window.timeline.data.row_of(MINE.id) is None


def test_own_events_can_be_starred_and_noted(window: MainWindow) -> None:
    window.annotations.add_user_event(MINE)
    assert window.annotations is not None
    editor = window.annotations.editor
    assert editor is not None and editor.current is not None
    assert editor.current.event_id == MINE.id
    editor.star.click()
    assert editor.store.get(MINE.id).starred


def test_the_dialog_accepts_only_a_title_and_a_readable_date(qtbot: QtBot) -> None:
    dialog = UserEventDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.title.setText("Press conference")
    dialog.date.setText("March 2019")
    assert not dialog.ok_button.isEnabled()
    assert "Not a date" in dialog.date_hint.text()
    dialog.date.setText("2019-03~")
    assert dialog.ok_button.isEnabled()
    assert dialog.date_hint.text() == "= c. Mar 2019"
    event = dialog.user_event()
    assert event.id.startswith("mine-2019-03-press-conference-")
    assert event.kind == "meeting"


def test_orphaned_notes_are_listed_reattached_and_deleted(window: MainWindow) -> None:
    assert window.annotations is not None
    editor = window.annotations.editor
    assert editor is not None
    store = editor.store
    store.save(Annotation("2018-07-16-old-helsinki-id", "renamed in an update"))
    store.save(Annotation("removed-event", "to throw away"))
    dialog = window.annotations.show_orphans()
    assert dialog is not None
    assert dialog.model.rowCount() == 2
    ids = [dialog.model.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)]
    dialog.view.setCurrentIndex(dialog.model.index(ids.index("2018-07-16-old-helsinki-id"), 0))
    dialog.reattach("2018-07-16-helsinki-summit")
    assert store.get("2018-07-16-helsinki-summit").note == "renamed in an update"
    assert dialog.model.rowCount() == 1
    dialog.delete()
    assert dialog.model.rowCount() == 0
    assert not dialog.delete_button.isEnabled()
    dialog.close()


def test_with_twice_the_text_the_orphans_dialog_opens_larger(window: MainWindow) -> None:
    """It opened at 560 x 420 px whatever the size of the text in it."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    assert window.annotations is not None
    window.annotations.editor.store.save(Annotation("removed-event", "kept"))
    usual = QApplication.font()
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * 2)
    QApplication.setFont(larger)
    dialog = window.annotations.show_orphans()
    try:
        assert dialog is not None
        room = dialog.screen().availableGeometry()
        assert dialog.width() > 560 * 1.15 and dialog.height() > 420 * 1.15
        assert dialog.width() <= room.width() and dialog.height() <= room.height()
    finally:
        if dialog is not None:
            dialog.close()
        QApplication.setFont(usual)
