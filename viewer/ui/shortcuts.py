"""Help > Keyboard shortcuts: every key the app answers to, in one table, so the
README's table of keys is reachable from the app itself."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from viewer.ui.sealed_text import SealedTextBrowser

#: (where, keys, what they do). Keys of menu actions are read from the actions
#: themselves (a test checks the two agree); the rest are the timeline's and panes'.
KEYS: tuple[tuple[str, str, str], ...] = (
    ("Anywhere", "Ctrl+F", "search quotes, events and your notes"),
    ("Anywhere", "Ctrl+G", "go to a date: 2018, 2018-07, 2018-07-16, 44 BCE"),
    ("Anywhere", "Ctrl+0", "fit the whole timeline"),
    ("Anywhere", "Ctrl++ / Ctrl+-", "zoom in / out"),
    ("Anywhere", "Ctrl+T", "focus the timeline"),
    ("Anywhere", "Ctrl+Z / Ctrl+Shift+Z", "undo / redo a change to your notes"),
    ("Anywhere", "Ctrl+Shift+N", "add an event of your own"),
    ("Anywhere", "Ctrl+O", "open another catalog"),
    ("Anywhere", "F1", "this list"),
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
    ("Timeline", "wheel over the lane names", "scroll the lanes, when they do not all fit"),
    ("Search", "Down or Enter", "move from the box into the results"),
    ("Search", "Escape", "clear the box"),
    ("Search", "Ctrl+C on a result", "copy the quote with its citation"),
    ("Details", "Tab / Shift+Tab", "move between the links of the details"),
    ("Notes", "Tab to a tag's ✕, then Enter", "remove the tag"),
)


def shortcuts_html() -> str:
    rows = []
    last = ""
    for where, keys, what in KEYS:
        heading = f"<tr><td colspan=2><b>{escape(where)}</b></td></tr>" if where != last else ""
        last = where
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        shown = native if native and "/" not in keys and "," not in keys else keys
        rows.append(
            f"{heading}<tr><td style='padding:2px 16px 2px 12px'><code>{escape(shown)}</code>"
            f"</td><td style='padding:2px'>{escape(what)}</td></tr>"
        )
    return f"<table cellspacing=0>{''.join(rows)}</table>"


def show_shortcuts(parent: QWidget) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts")
    dialog.setAccessibleName("Keyboard shortcuts")
    text = SealedTextBrowser()
    text.setHtml(shortcuts_html())
    text.setMinimumSize(560, 480)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
