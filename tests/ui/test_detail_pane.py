"""The detail pane with nothing chosen tells a newcomer how to choose an event, in the
keys this app and platform really have."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from viewer.ui.detail_pane import StartKeys, placeholder_html
from viewer.ui.main_window import MainWindow

NATIVE = QKeySequence.SequenceFormat.NativeText


def test_the_empty_pane_names_the_keys_to_start_with(window: MainWindow, qtbot: QtBot) -> None:
    """It said only "Select an event to see what happened." in the window's largest
    empty space, the first thing a newcomer sees."""
    menus, said = window.menus, window.detail.toPlainText()
    assert "Select an event" in said
    for action in (menus.focus_action, menus.find_action, menus.shortcuts_action):
        key = action.shortcut().toString(NATIVE)
        assert key and key in said, (key, said)
    # The steps it names work: the timeline takes the keys, → chooses an event.
    menus.focus_action.trigger()
    qtbot.waitUntil(window.timeline.hasFocus)
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert window.detail.detail is not None
    window.detail.name_keys(StartKeys("Ctrl+T", "Ctrl+F", "F1"))  # an event stays shown
    assert window.detail.detail is not None and "Select an event" not in window.detail.toPlainText()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Escape)
    assert menus.find_action.shortcut().toString(NATIVE) in window.detail.toPlainText()


def test_without_keys_the_pane_names_none() -> None:
    """A platform without a standard Find key: the sentences that name one are left out."""
    html = placeholder_html(StartKeys(focus_timeline="Ctrl+T"))
    assert "Ctrl+T" in html and "searches" not in html and "lists every key" not in html
    assert "press" not in placeholder_html(StartKeys())
