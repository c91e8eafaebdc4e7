"""Help > Keyboard shortcuts lists the keys the app really answers to: read from the
actions themselves; docs/keyboard.md and the README agree with them; every menu entry
has a mnemonic of its own."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QTextBrowser
from pytestqt.qtbot import QtBot

from tests.conftest import ROOT
from tests.tools.keys_reference import reference
from viewer.ui.main_window import MainWindow
from viewer.ui.shortcuts import PANE_KEYS, all_keys, show_shortcuts

PORTABLE = QKeySequence.SequenceFormat.PortableText


def _shown(window: MainWindow, qtbot: QtBot) -> str:
    dialog = show_shortcuts(window, window.menuBar())
    qtbot.addWidget(dialog)
    text = " ".join(w.toPlainText() for w in dialog.findChildren(QTextBrowser))
    dialog.close()
    return text


def test_the_dialog_lists_every_menu_key_and_the_panes_keys(
    annotated_window: MainWindow, qtbot: QtBot
) -> None:
    window = annotated_window
    shown = _shown(window, qtbot)
    for action in (window.menus.find_action, window.menus.goto_action, window.menus.fit_action):
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in shown
    assert "Add my event" in shown and "Export picture" in shown and "Next pane" in shown
    for _where, _keys, what in PANE_KEYS:
        assert what in shown


def test_an_action_given_a_key_is_listed_without_editing_the_list(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The list is read from the actions: it cannot go stale."""
    assert "Jump to the moon" not in _shown(window, qtbot)
    extra = QAction("Jump to the &moon", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.menus.file_menu.addAction(extra)
    shown = _shown(window, qtbot)
    assert "Jump to the moon" in shown and "Ctrl+Alt+J" in shown


def test_docs_keyboard_md_is_current(annotated_window: MainWindow) -> None:
    current = (ROOT / "docs" / "keyboard.md").read_text(encoding="utf-8")
    expected = reference(annotated_window.menuBar())
    assert current == expected, "run: python tests/tools/keys_reference.py docs/keyboard.md"


def test_every_key_the_readme_names_is_a_key_the_app_has(annotated_window: MainWindow) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\b(?:(?:Ctrl|Shift|Alt)\+)+(?:[A-Z0-9]\b|[+-])|\bF\d+\b", readme))
    assert {"Ctrl+F", "Ctrl+G", "F1"} <= named  # the pattern finds keys at all
    known = " ".join(keys for _w, keys, _what in all_keys(annotated_window.menuBar(), PORTABLE))
    missing = {key for key in named if key not in known}
    assert not missing, missing


def _menus(menu: QMenu) -> list[QMenu]:
    out = [menu]
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            out += _menus(sub)
    return out


def test_every_menu_entry_has_a_mnemonic_of_its_own(annotated_window: MainWindow) -> None:
    window = annotated_window
    window.menus.set_recent_catalogs([], window.catalog.path)
    tops = [a.menu() for a in window.menuBar().actions()]
    assert len(
        {re.search(r"&(\w)", a.text()).group(1).lower() for a in window.menuBar().actions()}
    ) == len(tops)  # type: ignore[union-attr]
    for top in tops:
        assert isinstance(top, QMenu)
        for menu in _menus(top):
            letters = []
            for action in menu.actions():
                if action.isSeparator():
                    continue
                found = re.search(r"&([^&])", action.text().replace("&&", ""))
                assert found, f"{menu.title()!r}: {action.text()!r} has no mnemonic"
                letters.append(found.group(1).lower())
            assert len(letters) == len(set(letters)), (menu.title(), letters)


def _broken_words(browser: QTextBrowser) -> list[str]:
    """The lines of the laid-out text that end inside a word."""
    broken = []
    block = browser.document().begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        for n in range(layout.lineCount() - 1):
            line = layout.lineAt(n)
            end = line.textStart() + line.textLength()
            if 0 < end < len(text) and not (text[end - 1].isspace() or text[end].isspace()):
                broken.append(f"{text[:end]}|{text[end:]}")
        block = block.next()
    return broken


def test_with_twice_the_text_the_box_grows_and_no_key_is_cut_in_two(
    window: MainWindow, qtbot: QtBot
) -> None:
    """At twice the desktop's text the box kept its usual 600 px, and the key column
    broke "Alt+Shift+Backspace" after "Backspac"."""
    usual = QApplication.font()
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * 2)
    QApplication.setFont(larger)
    try:
        dialog = show_shortcuts(window, window.menuBar())
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        [browser] = dialog.findChildren(QTextBrowser)
        room = dialog.screen().availableGeometry()
        assert browser.width() > 600 * 1.15
        assert browser.width() <= room.width() and browser.height() <= room.height()
        assert "Alt+Shift+Backspace" in browser.toPlainText()
        assert _broken_words(browser) == []
        dialog.close()
    finally:
        QApplication.setFont(usual)
