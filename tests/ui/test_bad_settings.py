"""Saved settings that are damaged or out of range are ignored, never a crash or a lost window."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from viewer.core.catalog.read import Catalog
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.main_window import MainWindow

BAD_VIEWS = [
    ("nan", "100"),
    ("1e308", "1e308"),
    ("0", "inf"),
    ("-inf", "-5"),
    ("737000", "0"),
    ("737000", "1e-300"),
    ("not a number", "3"),
]


@pytest.mark.parametrize(("start", "span"), BAD_VIEWS)
def test_a_nonsense_saved_view_falls_back_to_fit_all(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, start: str, span: str
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/start", start)
    settings.setValue("view/span", span)
    settings.setValue("view/profile", "no-such-profile")
    settings.setValue("view/selected_event", "no-such-event")
    settings.setValue("view/hidden_lanes", "nonsense,,meetings")
    window = MainWindow(catalog, settings, ErrorReporter(windows=False))
    qtbot.addWidget(window)
    view = window.timeline.view
    assert math.isfinite(view.start) and math.isfinite(view.days_per_px)
    assert view.days_per_px > 0
    first, last = window.timeline.limits.outer
    assert first <= view.start <= last
    assert window.state.profile == window.profiles[0].id
    assert window.timeline.selected_ids() == []


def test_a_window_saved_off_every_screen_comes_back_into_view(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = MainWindow(catalog, settings, ErrorReporter(windows=False))
    qtbot.addWidget(first)
    first.move(50_000, 50_000)
    first.resize(90_000, 90_000)
    first.save_state()
    settings.setValue("window/state", QByteArray(b"\x00garbage"))
    settings.setValue("window/bodySplitter", QByteArray(b"junk"))
    again = MainWindow(catalog, settings, ErrorReporter(windows=False))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.intersects(again.frameGeometry())
    assert again.width() <= max(screen.width(), 1400) + 50


@pytest.mark.parametrize("saved", ["wide", "-5", "1e9", "99999999", "3.5", ""])
def test_a_nonsense_notes_width_leaves_the_details_their_room(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, saved: str
) -> None:
    from tests.ui.conftest import settle
    from viewer.core.annotations.store import AnnotationStore

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/notes_width", saved)
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    window = MainWindow(catalog, settings, ErrorReporter(windows=False), store=store)
    qtbot.addWidget(window)
    try:
        window.resize(1024, 700)
        window.show()
        qtbot.waitExposed(window)
        settle()
        assert window.right is not None
        details, notes = window.right.sizes()
        assert details >= window.detail.minimumSizeHint().width() > 0
        assert notes >= window.right.widget(1).minimumSizeHint().width()
    finally:
        window.close()
        store.close()
