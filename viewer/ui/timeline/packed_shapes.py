"""Many rectangles, lines or points handed to QPainter in one call, from numpy columns,
without a Python object for each.

Making a QRectF or QLineF costs about a microsecond, which is most of the cost of
drawing a few hundred narrow bars: a frame at ten years fills ~360 runs of bars with
their edges, ~1,000 stance bins and a line through them. Here the numbers are written
straight into the memory of a QPolygonF, whose points are laid out as an array of QRectF
or QLineF would be (four doubles for each), and QPainter's drawRects and drawLines are
given that memory and a count, as their C++ forms take it. This is how pyqtgraph builds
its curves. What is drawn is exactly what the same shapes made one by one give.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import numpy as np
import shiboken6
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPolygonF

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

    Column = npt.NDArray[np.float64] | Sequence[float] | float  # a number repeats for all


def points(xs: Column, ys: Column, count: int) -> QPolygonF:
    """A polygon of `count` points, (xs[i], ys[i])."""
    polygon = QPolygonF()
    polygon.resize(count)
    if count:
        rows = _rows(polygon, count, 2)
        rows[:, 0] = xs
        rows[:, 1] = ys
    return polygon


def draw_rects(
    p: QPainter, lefts: Column, tops: Column, widths: Column, heights: Column, count: int
) -> None:
    """`count` rectangles in one call, as `drawRects` of QRectF(left, top, width, height)."""
    if count:
        memory = _packed(count, lefts, tops, widths, heights)
        address = shiboken6.getCppPointer(memory.data())[0]
        first = cast(QRectF, shiboken6.wrapInstance(address, QRectF))  # not owned: no free
        p.drawRects(first, count)  # reads `count` QRectF from the polygon's memory


def draw_lines(p: QPainter, x1: Column, y1: Column, x2: Column, y2: Column, count: int) -> None:
    """`count` lines in one call, as `drawLines` of QLineF(x1, y1, x2, y2)."""
    if count:
        memory = _packed(count, x1, y1, x2, y2)
        p.drawLines(memory.data(), count)  # as point pairs: one QLineF is two QPointF


def _packed(count: int, *columns: Column) -> QPolygonF:
    """The four columns, row after row, in the memory of a polygon of 2 x `count` points."""
    polygon = QPolygonF()
    polygon.resize(2 * count)
    rows = _rows(polygon, count, 4)
    for i, column in enumerate(columns):
        rows[:, i] = column
    return polygon


def _rows(polygon: QPolygonF, count: int, width: int) -> npt.NDArray[np.float64]:
    """The polygon's memory as `count` rows of `width` doubles, to write into."""
    # (shiboken6's stubs know only VoidPtr(address); it also takes an object, a size in
    # bytes and whether it may be written)
    memory: Any = shiboken6.VoidPtr(polygon.data(), count * width * 8, True)  # type: ignore[call-arg, arg-type]
    return np.frombuffer(memory, dtype=np.float64).reshape(count, width)
