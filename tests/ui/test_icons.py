"""The toolbar's icons are drawn in the palette's text colour, so they read in light and
dark palettes, and the toolbar keeps their words where it has room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage
from pytestqt.qtbot import QtBot

from viewer.ui import style
from viewer.ui.icons import GLYPHS, GlyphEngine
from viewer.ui.main_window import MainWindow


def _darkest_and_lightest(image: QImage) -> tuple[int, int]:
    seen = [
        image.pixelColor(x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert seen, "nothing drawn"
    return min(c.lightness() for c in seen), max(c.lightness() for c in seen)


@pytest.mark.parametrize("name", GLYPHS)
def test_each_glyph_is_drawn_in_the_palette_s_text_colour(name: str, qapp: object) -> None:
    engine = GlyphEngine(GLYPHS[name][1])
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    before = app.palette()
    try:
        shades = {}
        for look, palette in (("light", style.light_palette()), ("dark", style.dark_palette())):
            app.setPalette(palette)
            image = engine.pixmap(QSize(32, 32), QIcon.Mode.Normal, QIcon.State.Off).toImage()
            shades[look] = _darkest_and_lightest(image)
        assert shades["light"][0] < 60  # dark strokes on a light toolbar
        assert shades["dark"][1] > 190  # light strokes on a dark one
    finally:
        app.setPalette(before)


def test_words_beside_the_icons_where_there_is_room(
    annotated_window: MainWindow, qtbot: QtBot
) -> None:
    window = annotated_window
    bar = window.menus.toolbar
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.resize(860, 700)
    qtbot.waitUntil(lambda: bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly)
    assert window.menus.fit_action.toolTip()  # the words are still in the tooltip
    assert not window.menus.fit_action.icon().isNull()
