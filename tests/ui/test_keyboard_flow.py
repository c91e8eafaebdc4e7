"""A reader who uses no mouse: from the timeline into an event's details and back, to
their notes and round the panes with F6, tagging and untagging, all with keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from viewer.ui.main_window import MainWindow


def _press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> QWidget:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, modifier)
    now = QApplication.focusWidget()
    assert now is not None
    return now


def test_the_whole_flow_with_keys_only(annotated_window: MainWindow, qtbot: QtBot) -> None:
    window = annotated_window
    window.activateWindow()
    window.timeline.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.timeline)
    _press(qtbot, Qt.Key.Key_Home)
    first = window.state.selection
    assert first
    _press(qtbot, Qt.Key.Key_Right)
    assert window.state.selection and window.state.selection != first
    # Enter: into the details; Escape: back, the selection kept.
    assert _press(qtbot, Qt.Key.Key_Return) is window.detail
    assert _press(qtbot, Qt.Key.Key_Escape) is window.timeline
    assert window.state.selection
    # F6 goes round the panes; the details' links do not hold it.
    panes = window.menus.panes
    assert panes.current() == "timeline"
    _press(qtbot, Qt.Key.Key_F6)
    assert panes.current() == "details"
    _press(qtbot, Qt.Key.Key_F6)
    assert panes.current() == "notes"
    editor = window.annotations.editor
    # Star it with Space, tag it in the tag box, take the tag off from its ✕ with Enter.
    qtbot.keyClick(editor.star, Qt.Key.Key_Space)
    assert editor.star.isChecked()
    editor.tag_box.setFocus()
    qtbot.keyClicks(editor.tag_box, "summit")
    qtbot.keyClick(editor.tag_box, Qt.Key.Key_Return)
    assert editor.current is not None and editor.current.tags == ("summit",)
    for _ in range(6):  # Shift+Tab from the tag box back to the tag's ✕
        if _press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is editor.tags_label:
            break
    assert QApplication.focusWidget() is editor.tags_label
    _press(qtbot, Qt.Key.Key_Return)
    assert editor.current.tags == ()
    _press(qtbot, Qt.Key.Key_F6)
    assert panes.current() == "toolbar"  # round again, from the top
    _press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert panes.current() == "notes"
    # Escape on the timeline clears the selection.
    window.timeline.setFocus()
    _press(qtbot, Qt.Key.Key_Escape)
    assert not window.state.selection


def test_tab_goes_toolbar_search_timeline_details_notes(
    annotated_window: MainWindow, qtbot: QtBot
) -> None:
    window = annotated_window
    window.show_search()
    window.focus.select_event("2018-07-16-helsinki-summit")
    window.menus.profile_picker.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.menus.profile_picker)
    order = ["toolbar"]
    for _ in range(80):
        focus = _press(qtbot, Qt.Key.Key_Tab)
        if focus is window.detail:
            break  # its links are walked with Tab; F6 leaves it
        name = window.menus.panes.current()
        if name and name != order[-1]:
            order.append(name)
    order.append("details")
    assert order.index("search") < order.index("timeline") < order.index("details"), order
    assert order[0] == "toolbar"
