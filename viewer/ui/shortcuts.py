"""Help > Keyboard shortcuts: every key the app answers to, in one table.

The menu actions' keys are read from the actions themselves (so the list never goes
stale); the keys a pane answers to without a menu entry (the timeline's arrows, the
search box's Escape) are listed in PANE_KEYS, each checked by a test that presses it.
docs/keyboard.md is written from the same rows (tests/tools/keys_reference.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextOption
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMenuBar, QVBoxLayout, QWidget

from viewer.ui.html_text import escape
from viewer.ui.reading_size import reading_size
from viewer.ui.sealed_text import SealedTextBrowser

Row = tuple[str, str, str]  # where, keys, what they do

#: Keys that have no menu entry: what each pane does with them.
PANE_KEYS: tuple[Row, ...] = (
    (
        "Timeline",
        "Left / Right",
        "the previous / next event by its first day (on one day: lane by lane, top down)",
    ),
    ("Timeline", "Up / Down", "the nearest event in the lane above / below"),
    ("Timeline", "Home / End", "the first / last event"),
    ("Timeline", "Enter", "read the selected event's details"),
    ("Timeline", "Escape", "clear the selection and Go to date's mark"),
    ("Timeline", "+ / -", "zoom in / out around the selection"),
    ("Timeline", "Ctrl+Left / Ctrl+Right, Page Up / Page Down", "pan"),
    ("Timeline", "Ctrl+wheel, pinch", "zoom around the pointer"),
    (
        "Timeline",
        "wheel over the lane names, Shift+wheel",
        "scroll the lanes, when they do not all fit",
    ),
    ("Overview", "Left / Right", "move the view a quarter of its width"),
    ("Overview", "Home / End", "move the view to the first / last event"),
    ("Search", "Down or Enter", "move from the box into the results"),
    ("Search", "Escape", "clear the box"),
    ("Search", "Ctrl+C on a result", "copy the quote with its citation"),
    ("Details", "Tab / Shift+Tab", "move between the links of the details"),
    ("Details", "Enter on a link", "follow it: a person, a source, another event"),
    ("Details", "Escape", "back to the timeline"),
    ("Notes", "Tab to a tag's ✕, then Enter", "remove the tag"),
)


def plain(text: str) -> str:
    """A menu entry's words as shown: no mnemonic marks, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _actions(menu: QMenu, where: str) -> Iterator[tuple[str, QAction]]:
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _actions(sub, f"{where} > {plain(sub.title())}")
        elif not action.isSeparator():
            yield where, action


def _typed(keys: list[QKeySequence], text: QKeySequence.SequenceFormat) -> list[str]:
    """The keys a keyboard has: not the media keys some platforms bind too ("Open")."""
    out = []
    for key in keys:
        portable = key.toString(QKeySequence.SequenceFormat.PortableText)
        if "+" in portable or re.fullmatch(r"F\d+", portable):
            out.append(key.toString(text))
    return out


def menu_keys(bar: QMenuBar, text: QKeySequence.SequenceFormat) -> list[Row]:
    """(menu, keys, entry) of every menu entry that has a key, in menu order, once."""
    rows: list[Row] = []
    seen: set[tuple[str, str]] = set()
    for top in bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for where, action in _actions(menu, plain(menu.title())):
            keys = " or ".join(_typed(action.shortcuts(), text))
            entry = plain(action.text())
            if keys and (keys, entry) not in seen:
                seen.add((keys, entry))
                rows.append((where, keys, entry))
    return rows


def all_keys(bar: QMenuBar, text: QKeySequence.SequenceFormat) -> list[Row]:
    return [*menu_keys(bar, text), *PANE_KEYS]


def shortcuts_html(rows: list[Row]) -> str:
    out = []
    last = ""
    for where, keys, what in rows:
        heading = f"<tr><td colspan=2><b>{escape(where)}</b></td></tr>" if where != last else ""
        last = where
        out.append(
            f"{heading}<tr><td width=36% style='padding:2px 16px 2px 12px'>"
            f"<code>{escape(keys)}</code></td><td style='padding:2px'>{escape(what)}</td></tr>"
        )
    return f"<table cellspacing=0>{''.join(out)}</table>"


def show_shortcuts(parent: QWidget, bar: QMenuBar) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts")
    dialog.setAccessibleName("Keyboard shortcuts")
    text = SealedTextBrowser()
    # Lines break between words only: never inside "Alt+Shift+Backspace" (the column
    # is as wide as its longest key instead).
    text.setWordWrapMode(QTextOption.WrapMode.WordWrap)
    text.setHtml(shortcuts_html(all_keys(bar, QKeySequence.SequenceFormat.NativeText)))
    text.setMinimumSize(reading_size(QSize(600, 520), text.font(), parent))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
