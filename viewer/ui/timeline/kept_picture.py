"""The pictures the timeline keeps between frames, and their keys.

`Stamps` is the one cache of small pictures a frame stamps instead of drawing (labels,
short bars with their labels, cluster badges, flip badges, the lane names), within one memory
budget, keyed by the typed keys below (what the picture shows, never an object's
address). A `KeptPicture` holds the single picture of a widget that redraws it only
when its key changes (the overview, the scroll bar's parts). None of them serves a vector
device (SVG, PDF, print), and the painter's `cached=False` turns the timeline's off,
which is how tests compare frames drawn with and without them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap


class TextKey(NamedTuple):
    """A label: its text, its font (the painter's font number) and colour (ARGB)."""

    text: str
    font: int
    rgba: int


class BarKey(NamedTuple):
    """A short bar with its label: tone, hollow (cancelled), width in px, label, and
    whether the label is inside it."""

    tone: int
    hollow: bool
    width: int
    label: str
    inside: bool


class BadgeKey(NamedTuple):
    """A cluster's count badge."""

    shown: int  # the number on it


class FlipKey(NamedTuple):
    """A flip's badge on the stance track: its word ("Flip", "3 flips") and whether it
    is selected (ringed)."""

    label: str
    selected: bool


class GutterKey(NamedTuple):
    """The lane names: where the bands they name are (the eras' top, the lanes' top and
    bands), the stance track's name, the gutter's width."""

    bands: Hashable
    stance_label: str
    width: float
    height: float


StampKey = TextKey | BarKey | BadgeKey | FlipKey | GutterKey


#: Memory the stamps may take (a long title at 2x is ~80 kB): a frame needs a few
#: hundred, panning through a hundred thousand titles must not keep them all.
STAMP_BYTES = 16_000_000
NEW_PER_FRAME = 60  # stamps made in one frame, at most (~20 µs each)
SEEN_LIMIT = 12_000  # keys asked for once, remembered; forgotten beyond this


class Stamps:
    """Small pictures kept by key and stamped onto frames, within a memory budget.

    A picture is kept from the second frame that asks for it: making one costs about
    twice drawing the thing directly, so what passes by once (panning through
    thousands of titles) is simply drawn. At most `NEW_PER_FRAME` are made in a frame
    (the others are drawn and made in the frames after), so the first frame after a
    zoom does not pay for a whole screen of them at once."""

    def __init__(self, ratio: float) -> None:
        self.ratio = ratio
        self._stamps: dict[StampKey, QPixmap] = {}
        self.bytes_used = 0  # taken by the stamps
        self._seen: set[StampKey] = set()  # asked for once, not kept yet
        #: The kept picture for a key, or None (nothing else: the hot path of a frame).
        self.kept = self._stamps.get
        self._made = 0  # in this frame

    def begin(self) -> None:
        """A new frame."""
        self._made = 0

    def kept_keys(self) -> list[StampKey]:
        """What is kept now (for tests and benchmarks)."""
        return list(self._stamps)

    def get(
        self,
        key: StampKey,
        width: float,
        height: float,
        draw: Callable[[QPainter], None],
        *,
        at_once: bool = False,
        opaque: bool = False,
    ) -> QPixmap | None:
        """The picture for `key` (`width` x `height`, drawn by `draw` on a clear
        picture), or None the first time: the caller then draws it directly. `at_once`:
        made the first time, whatever the frame has made (a few small ones, shown in
        every frame: badges, the lane names). `opaque`: `draw` covers all of it, so it
        starts undefined and is copied, not blended, onto frames."""
        stamp = self._stamps.get(key)
        if stamp is None and not at_once:
            if key not in self._seen:
                if len(self._seen) >= SEEN_LIMIT:
                    self._seen.clear()
                self._seen.add(key)
                return None
            if self._made >= NEW_PER_FRAME:
                return None
        if stamp is None:
            self._made += 1
            pixels = (math.ceil(width * self.ratio), math.ceil(height * self.ratio))
            stamp = painted(*pixels, self.ratio, draw, transparent=not opaque)
            size = pixels[0] * pixels[1] * 4
            if self.bytes_used + size > STAMP_BYTES:
                self._stamps.clear()
                self.bytes_used = 0
            self._stamps[key] = stamp
            self.bytes_used += size
        return stamp


class KeptPicture:
    """`get()` draws the picture for a key the first time and returns the kept one after."""

    def __init__(self, *, kept: bool = True) -> None:
        """`kept=False`: drawn afresh at every `get()` (what tests compare against)."""
        self._kept = kept
        self._key: Hashable = None
        self._pixmap = QPixmap()

    def forget(self) -> None:
        """Draw again next time (what it shows changed without the key changing)."""
        self._key = None

    def get(
        self,
        key: Hashable,
        width: float,
        height: float,
        ratio: float,
        draw: Callable[[QPainter], None],
        *,
        transparent: bool = False,
    ) -> QPixmap:
        """A `width` x `height` picture (device-independent pixels) for `key`. An opaque
        one starts undefined, so `draw` must cover all of it (copying it is a plain copy);
        a `transparent` one starts clear (copying it blends)."""
        key = (key, width, height, ratio)
        if key != self._key or not self._kept:
            size = (round(width * ratio), round(height * ratio))
            self._pixmap = painted(*size, ratio, draw, transparent=transparent)
            self._key = key
        return self._pixmap


def painted(
    width: int, height: int, ratio: float, draw: Callable[[QPainter], None], *, transparent: bool
) -> QPixmap:
    """A new picture `width` x `height` device pixels at `ratio`, painted by `draw`
    (cleared first if `transparent`)."""
    pixmap = QPixmap(width, height)
    pixmap.setDevicePixelRatio(ratio)
    if transparent:
        pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        draw(painter)
    finally:
        painter.end()
    return pixmap


def smoothly(draw: Callable[[QPainter], None]) -> Callable[[QPainter], None]:
    """`draw` with antialiasing on (shapes in a picture: markers, badges)."""

    def smooth(p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(p)

    return smooth
