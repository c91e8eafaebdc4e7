"""Notes whose event the catalog no longer has: listed, re-attached or deleted, never lost."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.annotations.records import Annotation
from viewer.ui.reading_size import reading_size

if TYPE_CHECKING:
    from viewer.core.annotations.store import AnnotationStore


class OrphansDialog(QDialog):
    """Lists orphaned annotations; `events` maps the catalog's ids to their titles."""

    def __init__(
        self, store: AnnotationStore, events: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Notes on missing events")
        self.store = store
        self.events = events
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Orphaned notes")
        self.view.setWordWrap(True)
        self.view.setSpacing(4)  # keep one note apart from the next
        self.explain = QLabel(
            "These notes belong to events that this catalog no longer has (removed or "
            "renamed in a data update). They are kept until you re-attach or delete them."
        )
        self.explain.setWordWrap(True)
        self.reattach_button = QPushButton("Re-attach to an event…")
        self.delete_button = QPushButton("Delete")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.reattach_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.reattach_button.clicked.connect(lambda _c=False: self.reattach())
        self.delete_button.clicked.connect(self.delete)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(reading_size(QSize(560, 420), self.font(), self))  # grown with the text
        self.refresh()

    def orphans(self) -> list[Annotation]:
        return self.store.orphaned(set(self.events))

    def refresh(self) -> None:
        self.model.clear()
        for annotation in self.orphans():
            note = " ".join(annotation.note.split())[:160]
            tags = f" [{', '.join(annotation.tags)}]" if annotation.tags else ""
            item = QStandardItem(f"{annotation.event_id}{tags}\n{note}")
            item.setData(annotation.event_id, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        for button in (self.reattach_button, self.delete_button):
            button.setEnabled(self.model.rowCount() > 0)

    def _current(self) -> str | None:
        index = self.view.currentIndex()
        return str(index.data(Qt.ItemDataRole.UserRole)) if index.isValid() else None

    def reattach(self, target: str | None = None) -> None:
        orphan = self._current()
        if orphan is None:
            return
        if target is None:
            titles = sorted(f"{title} — {eid}" for eid, title in self.events.items())
            choice, ok = QInputDialog.getItem(
                self, "Re-attach", "Attach the note to:", titles, 0, False
            )
            if not ok:
                return
            target = choice.rsplit(" — ", 1)[-1]
        self.store.reattach(orphan, target)
        self.refresh()

    def delete(self) -> None:
        orphan = self._current()
        if orphan is not None:
            self.store.delete(orphan)
            self.refresh()
