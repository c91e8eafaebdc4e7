"""Help > Keyboard shortcuts lists the keys the app really answers to."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from viewer.ui.main_window import MainWindow
from viewer.ui.shortcuts import KEYS, show_shortcuts


def test_the_listed_keys_are_the_menu_actions_keys(window: MainWindow) -> None:
    listed = {keys for _where, keys, _what in KEYS}
    menus = window.menus
    for action in (
        menus.find_action,
        menus.goto_action,
        menus.fit_action,
        menus.shortcuts_action,
    ):
        key = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        assert key in listed, (action.text(), key)
    zoom = menus.zoom_in_action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
    assert any(keys.startswith(zoom) for keys in listed)


def test_the_dialog_opens_from_help_with_every_key(window: MainWindow, qtbot: QtBot) -> None:
    dialog = show_shortcuts(window)
    qtbot.addWidget(dialog)
    shown = " ".join(w.toPlainText() for w in dialog.findChildren(QTextBrowser))
    for _where, _keys, what in KEYS:
        assert what in shown
    dialog.close()
