"""A title and its buttons: one line where it fits, the title above where it does not,
and the buttons' words whole either way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import opened_window, settle
from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.ui.annotations.editor import AnnotationEditor
from viewer.ui.titled_row import SteadyButton, TitledRow

HELSINKI = "2018-07-16-helsinki-summit"


def _words_whole(button: QToolButton) -> bool:
    return button.width() >= button.fontMetrics().horizontalAdvance(button.text())


def _title_clear(title: QLabel, buttons: tuple[QToolButton, ...]) -> bool:
    """The title ends before the first button, or sits on a line above them."""
    first = buttons[0].geometry()
    shown = title.geometry()
    return shown.right() < first.left() or shown.bottom() < first.top()


def test_the_title_goes_above_the_buttons_when_the_line_is_short(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    buttons = (
        SteadyButton(("☆ Star", "★ Starred")),
        SteadyButton(("Colour", "Lime")),
        SteadyButton(("Edit note", "Done")),
    )
    row = TitledRow(QLabel("<b>My notes</b>"), buttons, holder)
    wide = row.sizeHint().width() + 40
    holder.show()
    qtbot.waitExposed(holder)
    row.resize(wide, row.sizeHint().height())
    settle()
    assert not row.wrapped
    assert all(_words_whole(b) for b in buttons) and _title_clear(row.title, buttons)
    star = buttons[0].geometry()
    assert star.top() <= row.title.geometry().center().y() <= star.bottom()  # one line

    # Narrower than one line (its size hint), as narrow as it may be (its least).
    assert row.minimumSizeHint().width() < row.sizeHint().width() - 40
    row.resize(row.minimumSizeHint().width(), 80)
    settle()
    assert row.wrapped
    assert all(_words_whole(b) for b in buttons) and _title_clear(row.title, buttons)

    row.resize(wide, 80)
    settle()
    assert not row.wrapped


def test_larger_text_in_a_narrow_notes_column_cuts_no_button_words(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """At twice the desktop's text, 1366 x 768 with the search open, the notes' column
    was ~465 px: Qt cut the star's words to "★ S…red" and ran "My notes" into it."""
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    store.save(Annotation(HELSINKI, "Compare.", ("essay",), True, "#D4F36B"))
    usual = QFont(QApplication.font())
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * 2)
    QApplication.setFont(larger)
    try:
        column = QWidget()  # as in the window: a pane its splitter may squeeze
        qtbot.addWidget(column)
        editor = AnnotationEditor(store, QUndoStack(), column)
        editor.show_event(HELSINKI)
        column.resize(465, 300)
        editor.setGeometry(0, 0, 465, 300)
        column.show()
        qtbot.waitExposed(column)
        settle()
        buttons = (editor.star, editor.colour, editor.edit_button)
        assert editor.star.text() == "★ Starred"
        assert all(_words_whole(b) for b in buttons), [(b.text(), b.width()) for b in buttons]
        assert _title_clear(editor.top.title, buttons)
        starred_width = editor.star.width()
        editor.star.click()  # unstarred: shorter words, the same button
        settle()
        assert editor.star.text() == "☆ Star" and editor.star.width() == starred_width
    finally:
        QApplication.setFont(usual)
        store.close()


def test_the_notes_row_keeps_one_line_at_the_usual_sizes(
    qtbot: QtBot, catalog: Catalog, settings: QSettings, tmp_path: Path
) -> None:
    """At 1024 x 700 the notes' column took the width its row needed with no event
    chosen ("Colour"); choosing a coloured one ("Lime" and its swatch) then put "My
    notes" on a line of its own. The Colour button is as wide whichever colour it
    names, and the row stays one line at the common window sizes."""
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    store.save(Annotation(HELSINKI, "Compare.", ("essay",), True, "#D4F36B"))
    try:
        with opened_window(qtbot, catalog, settings, store, show=False) as win:
            assert win.annotations is not None
            editor = win.annotations.editor
            for size in ((1024, 700), (1366, 768), (1600, 1000)):
                win.resize(*size)
                win.show()
                qtbot.waitExposed(win)
                settle()
                uncoloured = editor.colour.width()
                win.focus.select_event(HELSINKI)
                settle()
                assert editor.colour.text() == "Lime"
                assert not editor.top.wrapped, size
                assert editor.colour.width() == uncoloured, size
                buttons = (editor.star, editor.colour, editor.edit_button)
                assert all(_words_whole(b) for b in buttons), size
                win.state.select([])
                settle()
    finally:
        store.close()
