from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.main_window import MainWindow


def settle() -> None:
    """Let Qt finish what a change posted (layouts, the splitters' deferred share,
    repaints), without waiting for any fixed time."""
    for _ in range(3):  # what one round posts is handled by the next
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def twice_the_text_at_1024_by_700(window: MainWindow) -> None:
    """The window as a reader with twice the desktop's text has it on a 1024 x 700
    screen, the search open beside the timeline (which is then too short for a lane
    under its eras and stance track)."""
    font = QFont(window.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    window.setFont(font)
    window.resize(1024, 700)
    window.show_search()
    settle()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@contextmanager
def opened_window(
    qtbot: QtBot,
    catalog: Catalog,
    settings: QSettings,
    store: AnnotationStore | None = None,
    *,
    show: bool = True,
) -> Iterator[MainWindow]:
    """A main window on `catalog` (with the user's `store`, when given), shown at
    1400x900 unless told not to, closed afterwards."""
    win = MainWindow(catalog, settings, ErrorReporter(windows=False), store=store)
    qtbot.addWidget(win)
    if show:
        win.resize(1400, 900)
        win.show()
        qtbot.waitExposed(win)
    try:
        yield win
    finally:
        win.close()


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog, settings: QSettings) -> Iterator[MainWindow]:
    with opened_window(qtbot, catalog, settings) as win:
        yield win


@pytest.fixture
def annotated_window(
    qtbot: QtBot, catalog: Catalog, settings: QSettings, tmp_path: Path
) -> Iterator[MainWindow]:
    """A window with the user's annotations attached (an empty store of their own)."""
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    with opened_window(qtbot, catalog, settings, store) as win:
        yield win
    store.close()
