"""Stamped labels look like drawn ones and keep to their memory budget."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from pytestqt.qtbot import QtBot

from viewer.ui.timeline import kept_picture
from viewer.ui.timeline.text_stamps import TextStamps


def _image() -> QImage:
    image = QImage(400, 60, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    return image


def test_a_stamp_is_the_drawn_label(qtbot: QtBot) -> None:
    font, colour = QFont(), QColor("black")
    metrics = QFontMetricsF(font)
    stamps = TextStamps(1.0, [(font, metrics)])
    frames = []
    for _ in range(3):  # drawn, then stamped from the second frame on
        image = _image()
        p = QPainter(image)
        stamps.begin(p)
        stamps.draw(p, 10, 30, "Helsinki summit", 0, colour)
        p.end()
        frames.append(image)
    assert frames[1] == frames[2]
    differing = sum(
        frames[0].pixel(x, y) != frames[1].pixel(x, y) for x in range(400) for y in range(60)
    )
    assert differing < 40  # at most a sub-pixel shift of the glyphs' edges


def test_stamps_keep_to_their_memory_budget(qtbot: QtBot) -> None:
    font, colour = QFont(), QColor("black")
    metrics = QFontMetricsF(font)
    stamps = TextStamps(2.0, [(font, metrics)])  # a HiDPI screen: four times the bytes
    image = _image()
    image.setDevicePixelRatio(2.0)  # the screen's own ratio: stamps serve it
    p = QPainter(image)
    stamps.begin(p)
    for n in range(3000):
        stamps.begin(p)  # a frame each: a frame makes only so many stamps
        label = f"A long event title number {n} that fills its room"
        stamps.draw(p, 0, 30, label, 0, colour)
        stamps.draw(p, 0, 30, label, 0, colour)  # second sighting: stamped
    p.end()
    assert 0 < stamps.pictures.bytes_used <= kept_picture.STAMP_BYTES


def test_a_device_of_another_ratio_gets_real_text_not_a_scaled_stamp() -> None:
    """A 2x PNG export painted with 1x stamps would be blurred: it gets drawn text."""
    stamps = TextStamps(1.0, [(QFont(), QFontMetricsF(QFont()))])
    image = _image()
    image.setDevicePixelRatio(2.0)
    p = QPainter(image)
    stamps.begin(p)
    p.end()
    assert not stamps.raster
