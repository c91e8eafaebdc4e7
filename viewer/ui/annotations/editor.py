"""The annotation editor under the detail pane: star, colour, tags and a Markdown note.

Every change is a command on the window's QUndoStack and is saved as it is made;
note typing is gathered for a moment after the last key and saved then (and at
once when another event is chosen or the window closes).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QCompleter,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.annotations import recovery
from viewer.core.annotations.limits import MAX_NOTE_CHARS, MAX_TAG_CHARS, MAX_TAGS, PREVIEW_CHARS
from viewer.core.annotations.records import Annotation
from viewer.core.errors import ReadOnlyError, StorageError
from viewer.ui import highlights
from viewer.ui.annotations.commands import set_annotation
from viewer.ui.highlights import HIGHLIGHTS
from viewer.ui.html_text import escape
from viewer.ui.links import LinkLabel, open_web_link
from viewer.ui.sealed_text import SealedTextBrowser
from viewer.ui.titled_row import SteadyButton, TitledRow

if TYPE_CHECKING:
    from viewer.core.annotations.store import AnnotationStore

NOTE_SAVE_DELAY_MS = 700
RETRY_MS = 5000  # how often a change that could not be saved is tried again
# The words of the buttons that change them.
STARRED, UNSTARRED = "★ Starred", "☆ Star"
EDIT, DONE = "Edit note", "Done"
COLOUR = "Colour"  # no highlight colour chosen
NO_COLOUR_OUTLINE = "#8A8A8A"  # its empty swatch's edge: seen on a light or a dark button


class AnnotationEditor(QWidget):
    annotation_changed = Signal(object)  # the saved Annotation
    save_failed = Signal(str)  # the first change that could not be saved (said once)
    saved_again = Signal()  # every kept change is saved now

    def __init__(
        self, store: AnnotationStore, undo: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self.store = store
        self.undo = undo
        self.current: Annotation | None = None
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush)
        # Changes that could not be saved, by event id: kept and retried until they are.
        self.unsaved: dict[str, Annotation] = {}
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.retry_unsaved)
        self._note_holds: str | None = None  # whose note the text box holds, if anyone's
        self.unsaved_label = QLabel()
        self.unsaved_label.setObjectName("unsavedWarning")
        self.unsaved_label.setWordWrap(True)
        self.unsaved_label.hide()

        title = QLabel("<b>My notes</b>")
        self.star = SteadyButton((UNSTARRED, STARRED))
        self.star.setCheckable(True)
        self.star.setAccessibleName("Star this event")
        self.star.setToolTip("Star this event")
        self.star.toggled.connect(self._on_star)
        # As wide whichever colour it names (a colour an import brought may be wider).
        self.colour = SteadyButton((COLOUR, *(h.name for h in HIGHLIGHTS)))
        self.colour.setIcon(_swatch(None))
        self.colour.setAccessibleName("Highlight colour")
        self.colour.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.colour.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        menu = QMenu(self)
        for highlight in HIGHLIGHTS:
            action = menu.addAction(_swatch(highlight.colour), highlight.name)
            action.triggered.connect(lambda _c=False, v=highlight.colour: self.set_colour(v))
        menu.addSeparator()
        menu.addAction(_swatch(None), "No colour").triggered.connect(lambda: self.set_colour(None))
        self.colour.setMenu(menu)

        self.tags_label = LinkLabel()  # Tab reaches each tag's ✕, Enter removes it
        self.tags_label.setWordWrap(True)
        self.tags_label.linkActivated.connect(self.remove_tag)
        self.tag_box = QLineEdit()
        self.tag_box.setPlaceholderText("Add a tag and press Enter")
        self.tag_box.setAccessibleName("Add a tag")
        self._tag_words = QStringListModel(self)
        completer = QCompleter(self._tag_words, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_box.setCompleter(completer)
        self.tag_box.returnPressed.connect(self._on_tag_entered)

        self.preview = SealedTextBrowser()
        self.preview.setAccessibleName("My note")
        self.preview.anchorClicked.connect(open_web_link)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Edit my note (Markdown)")
        self.note.setPlaceholderText(
            "Write a note in Markdown: **bold**, *italic*, - lists, [links](https://…)"
        )
        self.note.textChanged.connect(self._on_note_typed)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.preview)
        self.pages.addWidget(self.note)
        self.edit_button = SteadyButton((EDIT, DONE))  # a tool button, as its neighbours
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(self._on_edit_toggled)

        self.top = TitledRow(title, (self.star, self.colour, self.edit_button))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.top)
        layout.addWidget(self.unsaved_label)
        layout.addWidget(self.tags_label)
        layout.addWidget(self.tag_box)
        layout.addWidget(self.pages, 1)
        if store.read_only:
            for widget in (self.star, self.colour, self.tag_box, self.edit_button):
                widget.setEnabled(False)
            self.unsaved_label.setText(
                f"🔒 Read-only: {store.read_only_reason or 'these notes cannot be saved'}."
            )
            self.unsaved_label.show()
        self.show_event(None)

    # -- showing ------------------------------------------------------------------------

    def show_event(self, event_id: str | None) -> None:
        self.flush()
        self.current = None
        if event_id:
            try:
                self.current = self.unsaved.get(event_id) or self.store.get(event_id)
            except (StorageError, OSError) as exc:  # the file cannot be read just now
                self.unsaved_label.setText(f"⚠ Your notes cannot be read now: {exc}")
                self.unsaved_label.show()
        self.setEnabled(self.current is not None)
        self._refresh()

    def _refresh(self) -> None:
        a = self.current or Annotation("")
        self.star.blockSignals(True)
        self.star.setChecked(a.starred)
        self.star.setText(STARRED if a.starred else UNSTARRED)
        self.star.blockSignals(False)
        self.colour.setIcon(_swatch(highlights.shown(a.colour) if a.colour else None))
        self.colour.setText(highlights.name_of(a.colour) if a.colour else COLOUR)
        self._show_tags(a.tags)
        self._tag_words.setStringList([name for name, _n in self.store.tags_in_use()])
        if self.pages.currentWidget() is self.note:
            self._load_note()
        else:  # the text box gets a note only when it is edited: a long one is slow to lay out
            self._note_holds = None
        if len(a.note) > PREVIEW_CHARS:
            self.preview.set_markdown_text(
                without_images(a.note[:PREVIEW_CHARS])
                + f"\n\n---\n\n*This note is {len(a.note):,} characters long; the first "
                f"{PREVIEW_CHARS:,} are shown here. “Edit note” opens all of it.*"
            )
        elif a.note.strip():
            self.preview.set_markdown_text(without_images(a.note))
        else:
            self.preview.setHtml(
                "<p class='muted'><i>No note yet. Press “Edit note” to write one.</i></p>"
            )

    # -- changing -----------------------------------------------------------------------

    def _show_tags(self, tags: tuple[str, ...]) -> None:
        # A chip readable in a light or dark palette: the editor's (at a palette change
        # the label may not have the new one yet).
        palette = self.palette()
        chip = (
            f"background:{palette.color(QPalette.ColorRole.Button).name()};"
            f"color:{palette.color(QPalette.ColorRole.ButtonText).name()}"
        )
        chips = " ".join(
            f"<span style='{chip}'>&nbsp;{escape(t)}&nbsp;"
            f"<a href='{escape(t)}' title='Remove the tag {escape(t)}'>✕</a></span>"
            for t in tags
        )
        self.tags_label.setText(f"Tags: {chips}" if chips else "No tags yet.")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the chips in the new colours
            self._show_tags((self.current or Annotation("")).tags)

    def _push(self, after: Annotation, text: str) -> None:
        if self.current is None or after == self.current:
            return
        before = self.current
        if self.save(after, before):
            self.undo.push(set_annotation(before, after, text, self.save))

    def save(self, annotation: Annotation, before: Annotation | None = None) -> bool:
        """Save `annotation` now; True when it is in the file. A save that fails is kept (in
        memory and in a recovery file), shown as not saved yet, retried every few seconds,
        and reported once; it never raises, so nothing re-enters (an error dialog's own
        save of pending work cannot set off another)."""
        try:
            if before is None or annotation.event_id in self.unsaved:
                saved = self.store.save(replace(annotation, updated=""))
            else:  # only what this change changed: a field it did not touch is left alone
                saved = self.store.save_change(before, replace(annotation, updated=""))
        except (StorageError, OSError, ReadOnlyError) as exc:
            self._keep_unsaved(annotation, exc)
            return False
        self.unsaved.pop(annotation.event_id, None)
        self._on_saved(saved)
        return True

    def _keep_unsaved(self, annotation: Annotation, exc: Exception) -> None:
        first = not self.unsaved
        self.unsaved[annotation.event_id] = annotation
        if self.current is not None and self.current.event_id == annotation.event_id:
            self.current = annotation  # shown as the person left it, marked not saved
            self._refresh()
        kept = recovery.write(self.store.path, self.unsaved.values())
        where = f" and in {kept}" if kept else ""
        message = (
            f"Your change to your notes could not be saved: {exc}. It is kept in memory{where}, "
            "and saved as soon as the disk allows (tried every few seconds)."
        )
        self.unsaved_label.setText(f"⚠ Not saved yet ({len(self.unsaved)}): {exc}")
        self.unsaved_label.setToolTip(message)
        self.unsaved_label.show()
        if not self.store.read_only:
            self._retry.start()
        if first:
            self.save_failed.emit(message)

    def retry_unsaved(self) -> bool:
        """Try the kept changes again; True when none is left."""
        for annotation in list(self.unsaved.values()):
            try:
                saved = self.store.save(replace(annotation, updated=""))
            except (StorageError, OSError, ReadOnlyError):
                return False
            del self.unsaved[annotation.event_id]
            self._on_saved(saved)
        self._retry.stop()
        self.unsaved_label.hide()
        recovery.clear(self.store.path)
        self.saved_again.emit()
        return True

    def _on_saved(self, saved: Annotation) -> None:
        if self.current is not None and saved.event_id == self.current.event_id:
            self.current = saved
            self._refresh()
        self.annotation_changed.emit(saved)

    def _on_star(self, on: bool) -> None:
        self.flush()
        if self.current is not None:
            self._push(replace(self.current, starred=on), "Star" if on else "Unstar")

    def set_colour(self, colour: str | None) -> None:
        self.flush()
        if self.current is not None:
            self._push(replace(self.current, colour=colour), "Highlight colour")

    def add_tag(self, tag: str) -> None:
        self.add_tags([tag])

    def add_tags(self, typed: list[str]) -> None:
        """Add tags in one change (one save, one undo step, one refresh of the lists)."""
        if self.current is None:
            return
        new = [t for t in dict.fromkeys(" ".join(x.split())[:MAX_TAG_CHARS] for x in typed) if t]
        new = [t for t in new if t not in self.current.tags]
        room = MAX_TAGS - len(self.current.tags)
        if not new or room <= 0:
            return
        new = new[:room]
        self.flush()
        label = f"Tag “{new[0]}”" if len(new) == 1 else f"{len(new)} tags"
        self._push(replace(self.current, tags=tuple(sorted({*self.current.tags, *new}))), label)

    def remove_tag(self, tag: str) -> None:
        if self.current is not None and tag in self.current.tags:
            self.flush()
            tags = tuple(t for t in self.current.tags if t != tag)
            self._push(replace(self.current, tags=tags), f"Remove tag “{tag}”")

    def _on_tag_entered(self) -> None:
        self.add_tags(self.tag_box.text().split(","))
        self.tag_box.clear()

    def _on_note_typed(self) -> None:
        self._note_timer.start()

    def flush(self) -> bool:
        """Save a note being typed now (before switching event, closing, undoing); True
        when every change is on disk (False: some are kept, not saved yet)."""
        self._note_timer.stop()
        current = self.current
        if current is None or self._note_holds != current.event_id:
            return not self.unsaved
        typed = self.note.toPlainText()
        if typed == current.note:
            return not self.unsaved
        if len(typed) > MAX_NOTE_CHARS:  # refused, and said; the text stays in the box
            self.unsaved_label.setText(
                f"⚠ Not saved: this note is {len(typed):,} characters; notes are kept up to "
                f"{MAX_NOTE_CHARS:,}. Shorten it to save it."
            )
            self.unsaved_label.show()
            return False
        self._push(replace(current, note=typed), "Edit note")
        return not self.unsaved

    def _load_note(self) -> None:
        """Put the current event's note in the text box (once per event)."""
        a = self.current or Annotation("")
        if self._note_holds == a.event_id and self.note.toPlainText() == a.note:
            return
        self.note.blockSignals(True)
        self.note.setPlainText(a.note)
        self.note.blockSignals(False)
        self._note_holds = a.event_id

    def _on_edit_toggled(self, editing: bool) -> None:
        if editing:
            self._load_note()
            self.pages.setCurrentWidget(self.note)
            self.note.setFocus()
            self.edit_button.setText(DONE)
        else:
            self.flush()
            self.pages.setCurrentWidget(self.preview)
            self.edit_button.setText(EDIT)


def _swatch(colour: str | None) -> QIcon:
    """A square of the colour; with none, an empty outline (no highlight chosen)."""
    pixmap = QPixmap(14, 14)
    if colour is not None:
        pixmap.fill(QColor(colour))
        return QIcon(pixmap)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(NO_COLOUR_OUTLINE))
    painter.drawRect(0, 0, 13, 13)
    painter.end()
    return QIcon(pixmap)


def without_images(markdown: str) -> str:
    """The note with each image turned into a link to it: rendering loads nothing it points
    at (an imported note could name a local file or a web address)."""
    markdown = _MD_IMAGE.sub(lambda m: f"[🖼 {m.group(1) or 'image'}]", markdown)
    return _HTML_IMAGE.sub("&lt;img", markdown)


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]")
_HTML_IMAGE = re.compile(r"<\s*img\b", re.IGNORECASE)
