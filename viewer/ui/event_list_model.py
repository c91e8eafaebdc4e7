"""A list model of events (date, kind, title), for the event list and its filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.core.records import Event

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class EventListModel(QAbstractListModel):
    """Events in date order; each row's display text is "date — title"."""

    def __init__(self, events: list[Event] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._events: list[Event] = list(events or [])
        self._row_of: dict[str, int] = {}
        self._reindex()

    def set_events(self, events: list[Event]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._row_of = {e.id: i for i, e in enumerate(self._events)}

    def event_at(self, row: int) -> Event:
        return self._events[row]

    def row_of(self, event_id: str) -> int | None:
        return self._row_of.get(event_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{event.date.label()} — {event.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{event.title}\n{event.date.label()} · {event.kind.value}"
        if role == EVENT_ROLE:
            return event
        if role == EVENT_ID_ROLE:
            return event.id
        return None
