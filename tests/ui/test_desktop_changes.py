"""What the desktop changes while the app runs reaches every part of the window.

A new palette (the desktop turned dark at dusk): Qt writes link colours, and the app
its secondary and chip colours, into rich text as it reads it, so parts that kept
their text showed the old palette's colours (dark blue links on dark grey, light tag
chips, a grey too dark to read). A larger font (the desktop's text made larger): the
profile's title and badges, whose sizes were set once, the search results, laid
out once, and the search dock's title (Qt keeps the font it read at the start) kept
the old size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import opened_window, settle
from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.ui import style
from viewer.ui.main_window import MainWindow

EVENT = "2018-07-16-helsinki-summit"


@pytest.fixture
def light() -> Iterator[None]:
    """The app in the light palette, and in the one it had again afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QPalette(app.palette())
    app.setPalette(style.light_palette())
    yield
    app.setPalette(before)


def _shown(window: MainWindow, qtbot: QtBot) -> None:
    """The window with every part that writes colours into its text showing some: the
    details (links, muted lines), the header (its kind line and tabs), the search results
    and the note's tag chips and preview link."""
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.show_search()
    window.search.box.setText("crimea")
    window.search.run_now()
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0)
    # The search box's clear button fades in with the first letter (Qt's own animation).
    buttons = window.search.box.findChildren(QToolButton)
    qtbot.waitUntil(lambda: all(b.property("opacity") in (None, 1.0) for b in buttons))
    window.focus.select_event(EVENT)
    settle()


def _grabbed(window: MainWindow) -> QImage:
    """Grabbed three times: the timeline keeps pictures of what it has drawn twice, the
    same then whatever came before."""
    for _ in range(2):
        window.grab()
    return window.grab().toImage()


def _changed_and_fresh(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, change: Callable[[QApplication], None]
) -> tuple[QImage, QImage]:
    """A window shown, then `change` made to the app; and a window opened after it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    store.save(Annotation(EVENT, "See [the transcript](https://example.org).", ("essay",)))
    with ExitStack() as stack:
        settings = QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat)
        turned = stack.enter_context(opened_window(qtbot, catalog, settings, store, show=False))
        _shown(turned, qtbot)
        change(app)
        settle()
        after = _grabbed(turned)
        settings = QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat)
        fresh = stack.enter_context(opened_window(qtbot, catalog, settings, store, show=False))
        _shown(fresh, qtbot)
        expected = _grabbed(fresh)
    store.close()
    return after, expected


def _differing(after: QImage, expected: QImage) -> list[object]:
    assert after.size() == expected.size()
    return [
        (x, y)
        for y in range(0, after.height(), 2)
        for x in range(0, after.width(), 2)
        if after.pixel(x, y) != expected.pixel(x, y)
    ]


def test_a_window_turned_dark_looks_as_one_opened_dark(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, light: None
) -> None:
    after, expected = _changed_and_fresh(
        qtbot, catalog, tmp_path, lambda app: app.setPalette(style.dark_palette())
    )
    differing = _differing(after, expected)
    assert differing == [], differing[:20]


@pytest.fixture
def font() -> Iterator[None]:
    """The app's font as it was again afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    yield
    app.setFont(before)


def _larger(app: QApplication) -> None:
    larger = QFont(app.font())
    larger.setPointSizeF(larger.pointSizeF() * 1.25)
    app.setFont(larger)


def test_a_window_whose_text_grows_looks_as_one_opened_so(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, light: None, font: None
) -> None:
    after, expected = _changed_and_fresh(qtbot, catalog, tmp_path, _larger)
    differing = _differing(after, expected)  # the search dock's title too (Qt's kept its font)
    assert differing == [], differing[:20]
