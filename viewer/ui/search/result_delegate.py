"""Paints a search result: who, when, the quote with its matches marked, event, source."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from viewer.ui.html_text import escape
from viewer.ui.sealed_text import SealedTextDocument
from viewer.ui.search.results_model import Match, ResultRow, ResultsModel
from viewer.ui.style import text_css

Index = QModelIndex | QPersistentModelIndex
PAD = 6
MARK = "#FFE08A"  # highlight behind matched words, readable with black text

_BADGES = {
    Match.CLOSE: "close match",
    Match.VARIANT: "other version",
    Match.EVENT: "event",
    Match.NOTE: "my note",
}
EXCERPT = 240  # characters of a long note shown around its first match


def marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` as HTML with the matched ranges highlighted."""
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out.append(escape(text[last:start]))
        out.append(
            f'<span style="background-color:{MARK}; color:#000000">{escape(text[start:end])}</span>'
        )
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def excerpt(
    text: str, spans: tuple[tuple[int, int], ...]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """At most EXCERPT characters of `text` around its first match, spans moved to fit."""
    if len(text) <= EXCERPT:
        return text, spans
    first = spans[0][0] if spans else 0
    start = max(0, min(first - EXCERPT // 3, len(text) - EXCERPT))
    end = start + EXCERPT
    prefix = "…" if start else ""
    inside = tuple(
        (a - start + len(prefix), b - start + len(prefix))
        for a, b in spans
        if a >= start and b <= end
    )
    return prefix + text[start:end] + ("…" if end < len(text) else ""), inside


def row_html(row: ResultRow) -> str:
    badge = _BADGES.get(row.match)
    tag = f' <span class="muted">· {badge}</span>' if badge else ""
    if row.note is not None:
        e = row.note.event
        text, spans = excerpt(row.note.hit.note, row.note.hit.spans)
        return (
            f"<b>{escape(e.date.label())}</b>{tag}<br>{marked(text, spans)}"
            f'<br><span class="muted">{escape(e.title)}</span>'
        )
    if row.event is not None:
        e = row.event.event
        place = f" · {escape(e.place)}" if e.place else ""
        return (
            f"<b>{escape(e.date.label())}</b>{tag}<br>"
            f"{marked(e.title, row.event.spans)}"
            f'<br><span class="muted">{escape(e.kind.value)}{place}</span>'
        )
    assert row.quote is not None
    hit = row.quote
    q = hit.quote
    event = f" · {escape(hit.event_title)}" if hit.event_title else ""
    warning = (
        '<br><span class="warning">⚠ paraphrased source: wording unreliable</span>'
        if q.source.is_paraphrased
        else ""
    )
    publisher = f"{escape(q.source.publisher)}, " if q.source.publisher else ""
    return (
        f"<b>{escape(q.speaker.name)}</b> · {escape(q.date.label())}{tag}<br>"
        f"“{marked(q.text, hit.spans)}”<br>"
        f'<span class="muted">{event[3:] if event else ""}'
        f"{'<br>' if event else ''}{publisher}{escape(q.source.title)}</span>{warning}"
    )


class ResultDelegate(QStyledItemDelegate):
    """Rich text per row, laid out once per width and kept until the results change, or
    the palette or font of the widget it draws for (its parent) does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[tuple[int, int, bool], QTextDocument] = {}
        if parent is not None:
            parent.installEventFilter(self)

    def clear_cache(self) -> None:
        self._documents.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A new palette (the desktop turned dark) or font: the kept rows are in the old
        # colours and sizes, written into their text as it was read.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.clear_cache()
        return False

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        view = option.widget
        available = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        width = max(120, (available or option.rect.width()) - 2 * PAD)
        # Selected, the row is drawn on the highlight: its secondary lines are worked
        # out against that (they were grey on blue).
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        key = (index.row(), width, selected)
        document = self._documents.get(key)
        if document is None:
            row: ResultRow = index.data(ResultsModel.RowRole)
            palette: QPalette = option.palette
            document = SealedTextDocument()
            # Secondary lines and warnings legible on this palette (PlaceholderText's
            # name() dropped its alpha: the lines came out as dark as the quote).
            role = QPalette.ColorRole
            text, base = (
                (role.HighlightedText, role.Highlight) if selected else (role.Text, role.Base)
            )
            group = QPalette.ColorGroup.Active
            document.setDefaultStyleSheet(
                text_css(palette.color(group, text).name(), palette.color(group, base).name())
            )
            document.setDefaultFont(option.font)
            document.setDocumentMargin(0)
            document.setHtml(row_html(row))
            document.setTextWidth(width)
            self._documents[key] = document
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()) + 2 * PAD, int(document.size().height()) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget
            )
        document = self._document(option, index)
        rect = option.rect
        painter.save()
        painter.translate(rect.left() + PAD, rect.top() + PAD)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(group, role))
        context.clip = QRectF(0, 0, rect.width() - PAD, rect.height() - PAD)
        document.documentLayout().draw(painter, context)
        painter.restore()
