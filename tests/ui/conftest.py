from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from viewer.core.catalog.read import Catalog
from viewer.ui.errors import ErrorReporter
from viewer.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog, settings: QSettings) -> Iterator[MainWindow]:
    win = MainWindow(catalog, settings, ErrorReporter(windows=False))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def annotated_window(
    qtbot: QtBot, catalog: Catalog, settings: QSettings, tmp_path: Path
) -> Iterator[MainWindow]:
    """A window with the user's annotations attached (an empty store of their own)."""
    from viewer.core.annotations.store import AnnotationStore

    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    win = MainWindow(catalog, settings, ErrorReporter(windows=False), store=store)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    store.close()
