"""Editing annotations in the main window: note, tags, star, colour, undo and redo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.core.annotations.records import Annotation
from viewer.core.annotations.scope import Scope
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.ui.annotations.editor import AnnotationEditor
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.main_window import MainWindow

HELSINKI = "2018-07-16-helsinki-summit"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    yield store
    store.close()


@pytest.fixture
def annotated(
    qtbot: QtBot, catalog: Catalog, settings: QSettings, store: AnnotationStore
) -> Iterator[MainWindow]:
    win = MainWindow(catalog, settings, ErrorReporter(windows=False), store=store)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.focus.select_event(HELSINKI)
    yield win
    win.close()


def editor_of(window: MainWindow) -> AnnotationEditor:
    assert window.annotations is not None
    return window.annotations.editor


def test_typing_a_note_saves_it_after_a_pause(
    qtbot: QtBot, annotated: MainWindow, store: AnnotationStore
) -> None:
    editor = editor_of(annotated)
    qtbot.mouseClick(editor.edit_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.note, "Check the **press** conference")
    qtbot.waitUntil(
        lambda: store.get(HELSINKI).note == "Check the **press** conference", timeout=3000
    )
    qtbot.mouseClick(editor.edit_button, Qt.MouseButton.LeftButton)  # Done: rendered
    assert "press" in editor.preview.toPlainText()
    assert "**" not in editor.preview.toPlainText()


def test_star_tags_and_colour_with_undo_redo(annotated: MainWindow, store: AnnotationStore) -> None:
    editor = editor_of(annotated)
    editor.star.click()
    editor.tag_box.setText("essay, press")
    editor.tag_box.returnPressed.emit()
    editor.set_colour("#009E73")
    saved = store.get(HELSINKI)
    assert (saved.starred, saved.tags, saved.colour) == (True, ("essay", "press"), "#009E73")
    stack = annotated.undo_stack
    stack.undo()  # colour
    assert store.get(HELSINKI).colour is None
    stack.undo()  # the two tags typed at once are one step
    assert store.get(HELSINKI).tags == ()
    stack.redo()
    assert store.get(HELSINKI).tags == ("essay", "press")
    editor.remove_tag("essay")
    assert store.get(HELSINKI).tags == ("press",)
    assert "press" in editor.tags_label.text()


def test_a_note_being_typed_is_saved_on_close(
    qtbot: QtBot, catalog: Catalog, settings: QSettings, store: AnnotationStore
) -> None:
    win = MainWindow(catalog, settings, ErrorReporter(windows=False), store=store)
    qtbot.addWidget(win)
    win.show()
    win.focus.select_event(HELSINKI)
    editor = editor_of(win)
    editor.edit_button.click()
    editor.note.setPlainText("written just before closing")
    win.close()
    assert store.get(HELSINKI).note == "written just before closing"


def test_switching_event_keeps_each_note(annotated: MainWindow, store: AnnotationStore) -> None:
    editor = editor_of(annotated)
    editor.edit_button.click()
    editor.note.setPlainText("about Helsinki")
    annotated.focus.select_event("2019-06-osaka-g20-meeting")
    assert store.get(HELSINKI).note == "about Helsinki"
    assert editor.note.toPlainText() == ""
    annotated.focus.select_event(HELSINKI)
    assert editor.note.toPlainText() == "about Helsinki"


def test_tag_completion_offers_tags_in_use(annotated: MainWindow) -> None:
    editor = editor_of(annotated)
    editor.add_tag("essay")
    completer = editor.tag_box.completer()
    assert completer is not None
    assert "essay" in completer.model().stringList()  # type: ignore[attr-defined]


def _mark_pixels(window: MainWindow) -> int:
    image = window.timeline.viewport().grab().toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.red() > 120 and c.green() < 40 and c.blue() < 60:  # the mark's dark red
                count += 1
    return count


def test_the_timeline_shows_starred_and_noted_events(annotated: MainWindow) -> None:
    annotated.timeline.fit_all()
    before = _mark_pixels(annotated)
    editor_of(annotated).star.click()
    annotated.timeline.viewport().repaint()
    after = _mark_pixels(annotated)
    assert before == 0
    assert after > 4


def test_show_only_starred_narrows_timeline_and_search(qtbot: QtBot, annotated: MainWindow) -> None:
    editor_of(annotated).star.click()  # Helsinki
    everything = len(annotated.timeline.data)
    assert annotated.annotations is not None
    picker = annotated.annotations.scope_picker
    picker.setCurrentIndex(picker.findText("Starred"))
    assert annotated.timeline.data.ids == (HELSINKI,)
    panel = annotated.search
    with qtbot.waitSignal(panel.result_shown, timeout=5000) as blocker:
        qtbot.keyClicks(panel.box, "crimea OR putin")
    result = blocker.args[0]
    assert {h.quote.event_id for h in result.hits} == {HELSINKI}
    chips = [panel.chips.itemAt(i).widget() for i in range(panel.chips.count())]
    [chip] = [c for c in chips if c is not None]
    assert "Only: Starred" in chip.text()  # type: ignore[attr-defined]
    with qtbot.waitSignal(panel.result_shown, timeout=5000):
        chip.click()  # type: ignore[attr-defined]
    assert len(annotated.timeline.data) == everything
    assert picker.currentText() == "All events"


def test_tags_become_scopes(annotated: MainWindow) -> None:
    editor_of(annotated).add_tag("essay")
    assert annotated.annotations is not None
    picker = annotated.annotations.scope_picker
    picker.setCurrentIndex(picker.findText("Tag: essay"))
    assert annotated.timeline.data.ids == (HELSINKI,)
    editor_of(annotated).remove_tag("essay")  # the scope empties as the tag goes
    assert annotated.timeline.data.ids == ()


def test_my_notes_are_searched_alongside_quotes(qtbot: QtBot, annotated: MainWindow) -> None:
    editor = editor_of(annotated)
    editor.edit_button.click()
    editor.note.setPlainText("Ask the archivist about the Élysée cable.")
    editor.flush()
    annotated.focus.select_event("2019-06-osaka-g20-meeting")
    panel = annotated.search
    with qtbot.waitSignal(panel.result_shown, timeout=5000) as blocker:
        qtbot.keyClicks(panel.box, "elysee archivist")
    result = blocker.args[0]
    assert [n.event.id for n in result.notes] == [HELSINKI]
    first = panel.model.row_at(0)
    assert first.match.value == "note"
    assert "of my note" in panel.count.text()
    panel.results.setCurrentIndex(panel.model.index(0))
    assert annotated.timeline.selected_ids() == [HELSINKI]


def test_a_huge_note_is_previewed_in_part_and_kept_whole(
    annotated: MainWindow, store: AnnotationStore
) -> None:
    huge = "A line of a very long note.\n\n" * 100_000  # 2.9 MB
    store.save(Annotation(HELSINKI, huge))
    editor = editor_of(annotated)
    editor.show_event(HELSINKI)
    assert "characters long" in editor.preview.toPlainText()
    assert len(editor.preview.toPlainText()) < 300_000
    editor.flush()  # nothing typed: nothing changes
    editor.show_event(None)
    assert store.get(HELSINKI).note == huge


def test_a_note_loads_no_image_it_points_at(annotated: MainWindow, store: AnnotationStore) -> None:
    note = (
        "![secret](file:///etc/hostname) and ![](https://example.org/x.png) "
        "and <IMG src='file:///etc/passwd'>"
    )
    store.save(Annotation(HELSINKI, note))
    editor = editor_of(annotated)
    editor.show_event(HELSINKI)
    document = editor.preview.document()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            assert not fragments.fragment().charFormat().isImageFormat()
            fragments += 1
        block = block.next()
    shown = editor.preview.toPlainText()
    assert "🖼 secret" in shown and "🖼 image" in shown
    assert store.get(HELSINKI).note == note  # the note itself is kept as written


def test_a_tag_is_removed_with_the_keyboard(
    annotated: MainWindow, store: AnnotationStore, qtbot: QtBot
) -> None:
    """Tab reaches a tag's ✕ and Enter removes the tag, as a click does."""
    editor = editor_of(annotated)
    editor.tag_box.setText("essay")
    editor.tag_box.returnPressed.emit()
    label = editor.tags_label
    assert "Remove the tag essay" in label.text()
    label.setFocus()
    qtbot.waitUntil(label.hasFocus)
    qtbot.keyClick(label, Qt.Key.Key_Tab)  # onto the first link inside the label
    qtbot.keyClick(label, Qt.Key.Key_Return)
    assert store.get(HELSINKI).tags == ()


def test_tab_goes_as_the_eye_reads(annotated: MainWindow, qtbot: QtBot) -> None:
    """Toolbar (with Show:), search, profile header, timeline, details, then the notes;
    and round again to the toolbar, never a loop that skips it."""
    user = annotated.annotations
    assert user is not None
    wanted = [
        annotated.menus.profile_picker,
        user.scope_picker,
        annotated.search.box,
        annotated.timeline,
        annotated.detail,
        editor_of(annotated).star,
    ]
    annotated.show_search()  # closed at first: Ctrl+F opens it
    annotated.activateWindow()
    annotated.menus.profile_picker.setFocus()
    qtbot.waitUntil(annotated.menus.profile_picker.hasFocus)
    visited = []
    for _ in range(40):
        visited.append(QApplication.focusWidget())
        annotated.focusNextChild()
    positions = [visited.index(w) for w in wanted]
    assert positions == sorted(positions), [type(w).__name__ for w in visited[:20]]
    assert visited.count(annotated.menus.profile_picker) >= 2  # the ring comes back round


def test_the_status_bar_follows_the_scope_back_to_all_events(annotated: MainWindow) -> None:
    editor_of(annotated).star.click()
    annotated.state.set_scope(Scope("starred"))
    assert annotated.statusBar().currentMessage() == "Showing starred: 1 event"
    annotated.state.set_scope(Scope())
    message = annotated.statusBar().currentMessage()
    events = annotated.catalog.counts()["event"]
    assert "starred" not in message.lower() and message.startswith(f"{events} events · ")
