"""The shapes and colours the timeline's painter draws with: each tone's marker, the
reader's star, the tones' colours and bar patterns, and a few sizes shared by the
painter's parts."""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainterPath, QPolygonF

from viewer.core.records import Tone
from viewer.core.timeline.lanes import TONES
from viewer.ui import style
from viewer.ui.timeline import geometry as g

MARKER_RADIUS = g.MARKER / 2  # at the usual text (the rows' `radius` grows with it)
NORMAL, SMALL, BOLD = 0, 1, 2  # font numbers in TimelinePainter.fit and .stamps
PAD = 2  # px above and below a stamped bar, for its label's descenders
STAMPED_BAR = 400  # px: wider bars are few on screen, and their pictures would be big


@cache
def marker_path(tone: Tone, radius: float) -> QPainterPath:
    """The shape for a tone, centred on (0, 0): warm ▲, cold ▼, mixed ◆, neutral ●. Made
    once per tone and size and shared: place it with `translated()`, never change it."""
    path = QPainterPath()
    r = radius
    if tone is Tone.WARM:
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, r * 0.8), QPointF(-r, r * 0.8)]))
    elif tone is Tone.COLD:
        path.addPolygon(QPolygonF([QPointF(0, r), QPointF(r, -r * 0.8), QPointF(-r, -r * 0.8)]))
    elif tone is Tone.MIXED:
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)]))
    else:
        path.addEllipse(QPointF(0, 0), r * 0.85, r * 0.85)
    path.closeSubpath()
    return path


TONE_QCOLOURS = [QColor(style.TONE_COLOURS[t]) for t in TONES]
#: The user's star: five points, 10 px across, centred on (0, 0).
STAR = QPolygonF(
    [
        QPointF(math.sin(i * math.pi / 5) * r, -math.cos(i * math.pi / 5) * r)
        for i, r in zip(range(10), [5.2, 2.2] * 5, strict=True)
    ]
)
PATTERNS = [style.pattern_brush(t) for t in TONES]


def blend(colour: QColor, background: QColor, alpha: float) -> QColor:
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


#: Most search hits framed in one frame (a result page is 50; the rest stay washed).
MAX_HITS_DRAWN = 2000
