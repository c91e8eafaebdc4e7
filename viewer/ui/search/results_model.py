"""The search results as a Qt list model of plain frozen rows."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.core.frozen import frozen
from viewer.core.plurals import plural
from viewer.core.records import QuoteHit
from viewer.core.search.engine import EventHit, NoteResult, SearchResult

Index = QModelIndex | QPersistentModelIndex


class Match(StrEnum):
    QUOTE = "quote"  # the words match
    CLOSE = "close"  # close spelling or wording (fuzzy fallback)
    VARIANT = "variant"  # another version of a quote found
    EVENT = "event"  # an event's title, summary or place matches
    NOTE = "note"  # the user's own note on an event


@frozen
class ResultRow:
    match: Match
    quote: QuoteHit | None = None
    event: EventHit | None = None
    note: NoteResult | None = None

    @property
    def event_id(self) -> str | None:
        if self.event is not None:
            return self.event.event.id
        if self.note is not None:
            return self.note.event.id
        return self.quote.quote.event_id if self.quote is not None else None

    def plain_text(self) -> str:
        """One line for screen readers, tooltips and copying."""
        if self.event is not None:
            e = self.event.event
            return f"Event, {e.date.label()}: {e.title}"
        if self.note is not None:
            return f"My note on {self.note.event.title}: {self.note.hit.note[:300]}"
        assert self.quote is not None
        q = self.quote.quote
        warning = " (paraphrased source: wording unreliable)" if q.source.is_paraphrased else ""
        prefix = {Match.CLOSE: "Close match. ", Match.VARIANT: "Other version. "}.get(
            self.match, ""
        )
        return f"{prefix}{q.speaker.name}, {q.date.label()}: “{q.text}”{warning}"


def rows_of(result: SearchResult) -> list[ResultRow]:
    """The user's notes, exact quote hits, event hits, close matches, other versions."""
    return [
        *(ResultRow(Match.NOTE, note=h) for h in result.notes),
        *(ResultRow(Match.QUOTE, quote=h) for h in result.hits),
        *(ResultRow(Match.EVENT, event=h) for h in result.events),
        *(ResultRow(Match.CLOSE, quote=h) for h in result.fuzzy),
        *(ResultRow(Match.VARIANT, quote=h) for h in result.variants),
    ]


class ResultsModel(QAbstractListModel):
    RowRole = Qt.ItemDataRole.UserRole + 1  # the ResultRow itself

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ResultRow] = []

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> ResultRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.RowRole:
            return row
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return row.plain_text()
        return None


def count_text(result: SearchResult | None, limit: int) -> str:
    """The line above the results: what was found, of each kind (quotes shown up to
    `limit`, "+" when there may be more), and the close spellings also tried."""
    if result is None:
        return "Type to search everything said, and every event."
    if not result.count:
        return result.message or "Nothing found."
    shown = len(result.hits)
    quotes = plural(shown, "quote")
    parts = [quotes.replace(" ", "+ ", 1) if shown >= limit else quotes]
    if result.notes:
        parts.insert(0, plural(len(result.notes), "of my note", "of my notes"))
    if result.events:
        parts.append(plural(len(result.events), "event"))
    if result.fuzzy:
        parts.append(plural(len(result.fuzzy), "close match", "close matches"))
    if result.variants:
        parts.append(plural(len(result.variants), "other version"))
    text = " · ".join(parts)
    if result.substitutes:
        spellings = "; ".join(f"{k} → {', '.join(v)}" for k, v in result.substitutes.items())
        text += f"\nAlso tried close spellings: {spellings}"
    return text
