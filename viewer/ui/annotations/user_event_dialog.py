"""The dialog to add or edit one of the user's own events."""

from __future__ import annotations

import re
import secrets

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from viewer.core.annotations.limits import MAX_SHORT
from viewer.core.annotations.records import UserEvent
from viewer.core.dates.user import parse_user_date
from viewer.core.timeline.lanes import LANES

HINT = "Type 2019, 2019-03 or 2019-03-14 (-0043 is 44 BCE); add ~ if approximate."


def new_id(title: str, date: str) -> str:
    """A readable, unique id such as `mine-2019-03-interview-3f9a`."""
    slug = "-".join(re.findall(r"[a-z0-9]+", title.casefold()))[:40].strip("-") or "event"
    return f"mine-{date.strip().rstrip('~?%')}-{slug}-{secrets.token_hex(2)}"


class UserEventDialog(QDialog):
    def __init__(self, existing: UserEvent | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.existing = existing
        self.setWindowTitle("Edit my event" if existing else "Add my event")
        self.title = QLineEdit(existing.title if existing else "")
        self.title.setMaxLength(MAX_SHORT)
        self.title.setAccessibleName("Title")
        self.date = QLineEdit(existing.date if existing else "")
        self.date.setAccessibleName("Date")
        self.date.setPlaceholderText("2019-03-14")
        self.date_hint = QLabel(HINT)
        self.date_hint.setWordWrap(True)
        self.lane = QComboBox()
        self.lane.setAccessibleName("Lane")
        for lane in LANES:
            self.lane.addItem(lane.label, lane.kinds[0].value)
        if existing is not None:
            self.lane.setCurrentIndex(max(0, self.lane.findData(existing.kind)))
        self.note = QPlainTextEdit(existing.note if existing else "")
        self.note.setAccessibleName("Note")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Title:", self.title)
        form.addRow("&Date:", self.date)
        form.addRow("", self.date_hint)
        form.addRow("&Lane:", self.lane)
        form.addRow("&Note:", self.note)
        form.addRow(self.buttons)
        self.title.textChanged.connect(self._check)
        self.date.textChanged.connect(self._check)
        self._check()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def _check(self) -> None:
        date = parse_user_date(self.date.text())
        if date is not None:
            self.date_hint.setText(f"= {date.label()}")
        elif self.date.text().strip():
            self.date_hint.setText(f"Not a date I can read. {HINT}")
        else:
            self.date_hint.setText(HINT)
        self.ok_button.setEnabled(date is not None and bool(self.title.text().strip()))

    def user_event(self) -> UserEvent:
        """The event as typed (call after the dialog was accepted)."""
        title = " ".join(self.title.text().split())
        date = self.date.text().strip()
        event_id = self.existing.id if self.existing else new_id(title, date)
        return UserEvent(
            event_id, title, date, str(self.lane.currentData()), self.note.toPlainText()
        )
