"""Before the first paint the window does each thing once: one scene build, and few
statements against the catalog (the count was 3 builds and 16 statements; 12 now,
with the catalog's lanes)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.ui.conftest import settle
from viewer.core.catalog.read import Catalog
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.main_window import MainWindow


def test_the_first_paint_builds_the_scene_once(window: MainWindow, qtbot: QtBot) -> None:
    window.grab()  # the first paint
    assert window.timeline.scene_builds == 1


def test_setters_before_a_paint_build_the_scene_once(window: MainWindow) -> None:
    window.grab()
    builds = window.timeline.scene_builds
    window.timeline.zoom(2.0)
    window.timeline.set_lane_visible(1, False)
    window.timeline.pan(40)
    window.state.select(["2018-07-16-helsinki-summit"], reveal=True)
    window.grab()
    assert window.timeline.scene_builds == builds + 1


def test_a_window_opens_on_few_statements(
    qtbot: QtBot, catalog: Catalog, settings: QSettings
) -> None:
    statements: list[str] = []
    catalog.trace(statements.append)
    try:
        window = MainWindow(catalog, settings, ErrorReporter(windows=False))
        qtbot.addWidget(window)
        window.grab()
    finally:
        catalog.trace(None)
    assert len(statements) <= 12, statements  # the lanes are one (the catalog names them)
    window.close()


def test_the_window_keeps_its_shape_when_the_notes_arrive(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """The notes' place is kept from the start: attaching them moves nothing (the
    window took its final shape twice)."""
    from viewer.core.annotations.loading import load
    from viewer.core.annotations.store import AnnotationStore

    window.grab()
    before = (window.timeline.geometry(), window.detail.geometry(), window.body.sizes())
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    window.attach_store(load(store, window.catalog.path))
    settle()
    window.grab()
    after = (window.timeline.geometry(), window.detail.geometry(), window.body.sizes())
    assert after == before
    assert window.annotations is not None and window.annotations.editor.isVisible()
    window.close()
    store.close()
