"""The legend: what each colour, shape and bar style on the timeline means."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from viewer.core.records import Tone
from viewer.core.timeline.lanes import TONES
from viewer.ui import style
from viewer.ui.timeline.marks import MARKER_RADIUS, marker_path

_EXTRA: tuple[str, ...] = ("hollow: cancelled", "soft bar: month/year", "dashed: approximate")
# The same, in a narrow window's status bar.
_EXTRA_SHORT: tuple[str, ...] = ("cancelled", "month/year", "approx.")
_SWATCH = 18  # px of a tone's bar swatch
# px from an entry's mark (a tone's bar swatch; the other entries' marker or bar) to its
# words, and from its words to the next entry.
_TONE_TEXT, _TONE_GAP = 16, 14
_EXTRA_TEXT, _EXTRA_GAP = 18, 12


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        names = ", ".join(f"{style.TONE_SYMBOLS[t]} {style.TONE_NAMES[t].lower()}" for t in TONES)
        self.setAccessibleName("Legend")
        self.setAccessibleDescription(
            f"Tone toward the target: {names}; cold bars are hatched and mixed ones "
            "cross-hatched. Hollow markers are cancelled meetings; "
            "soft-edged bars are events known only to the month or year; dashed bars are "
            "approximate."
        )
        self.setToolTip(self.accessibleDescription())
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._tones: tuple[Tone, ...] = TONES
        self._extra = _EXTRA
        self._short = False
        self._room: int | None = None  # px the status bar leaves it; None: all it needs

    def show_tones(self, shown: bool) -> None:
        """Tones only where the timeline has them (an imported one is all neutral)."""
        self._tones = TONES if shown else ()
        self._refit()

    def fit(self, room: int | None, *, short: bool) -> None:
        """Shorter words for the marks' meanings beside the status line of a narrow
        window; where even those do not all fit in `room` px, the last ones give way
        rather than one being cut in half (the tooltip says all of them)."""
        self._room, self._short = room, short
        self._refit()

    def _refit(self) -> None:
        self._extra = _EXTRA_SHORT if self._short else _EXTRA
        while self._extra and self._room is not None and self.sizeHint().width() > self._room:
            self._extra = self._extra[:-1]
        self.updateGeometry()
        self.update()

    @property
    def shows_tones(self) -> bool:
        return bool(self._tones)

    def entries(self) -> list[str]:
        return [style.TONE_NAMES[t] for t in self._tones] + list(self._extra)

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        # Its marks grow with the text, as the timeline's do; the gaps between entries
        # do not (the status line's counts keep their room).
        k = style.text_scale(self.font())
        width = sum(metrics.horizontalAdvance(t) for t in self.entries())
        width += len(self._tones) * (_SWATCH * k + _TONE_TEXT * k + _TONE_GAP)
        width += len(self._extra) * (_EXTRA_TEXT * k + _EXTRA_GAP)
        return QSize(int(width) + 8, int(metrics.height()) + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            metrics = QFontMetricsF(self.font())
            k = style.text_scale(self.font())
            text = self.palette().color(QPalette.ColorRole.WindowText)
            mid = self.height() / 2
            x = 4.0
            for tone in self._tones:
                colour = QColor(style.TONE_COLOURS[tone])
                p.setPen(QPen(colour.darker(150), 1))
                p.setBrush(colour)
                p.drawPath(marker_path(tone, MARKER_RADIUS * k).translated(QPointF(x + 7 * k, mid)))
                # Its bar: the fill and the tone's pattern (colour is never the only cue).
                swatch = QRectF(x + 16 * k, mid - 4 * k, (_SWATCH - 4) * k, 8 * k)
                fill = QColor(colour)
                fill.setAlphaF(0.6)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(fill)
                p.drawRect(swatch)
                if (lines := style.pattern_brush(tone)) is not None:
                    p.setBrush(lines)
                    p.drawRect(swatch)
                x += _SWATCH * k
                p.setPen(text)
                label = style.TONE_NAMES[tone]
                p.drawText(
                    QRectF(x + _TONE_TEXT * k, 0, 200, self.height()),
                    Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
                x += metrics.horizontalAdvance(label) + _TONE_TEXT * k + _TONE_GAP
            grey = QColor(style.TONE_COLOURS[TONES[3]])
            base = self.palette().color(QPalette.ColorRole.Base)
            for i, label in enumerate(self._extra):
                if i == 0:
                    p.setPen(QPen(grey.darker(150), 1.2))
                    p.setBrush(base)
                    p.drawPath(
                        marker_path(TONES[3], MARKER_RADIUS * k).translated(QPointF(x + 7 * k, mid))
                    )
                else:
                    bar = QColor(grey)
                    bar.setAlphaF(0.6)
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(bar)
                    p.drawRoundedRect(QRectF(x, mid - 4 * k, 14 * k, 8 * k), 2, 2)
                    if i == 2:
                        p.setPen(QPen(grey.darker(160), 1, Qt.PenStyle.DashLine))
                        p.drawLine(QPointF(x, mid + 4 * k), QPointF(x + 14 * k, mid + 4 * k))
                p.setPen(text)
                p.drawText(
                    QRectF(x + _EXTRA_TEXT * k, 0, 300, self.height()),
                    Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
                x += metrics.horizontalAdvance(label) + _EXTRA_TEXT * k + _EXTRA_GAP
        finally:
            p.end()
