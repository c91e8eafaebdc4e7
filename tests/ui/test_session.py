"""File > Open: another catalog replaces the window; the annotations and the recent list stay."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.core.paths import UserPaths
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.session import AppSession
from viewer.ui.shortcuts import plain

HELSINKI = "2018-07-16-helsinki-summit"


def test_opening_another_catalog_keeps_annotations_and_remembers_it(
    qtbot: QtBot, built_catalog: Path, tmp_path: Path
) -> None:
    paths = UserPaths(tmp_path / "user").ensure()
    store = AnnotationStore(paths.annotations_db, paths.backups_dir)
    store.save(Annotation(HELSINKI, "kept across catalogs", starred=True))
    store.close()
    other = tmp_path / "copy.sqlite"
    shutil.copy(built_catalog, other)
    session = AppSession(paths, ErrorReporter(windows=False))
    first = session.open_catalog(built_catalog)
    assert first is not None
    session.load_annotations()  # off the UI thread; attached when they arrive
    qtbot.waitUntil(lambda: first.annotations is not None, timeout=20_000)
    second = session.open_catalog(other)
    assert second is not None and second is session.window
    assert not first.isVisible()
    assert second.annotations is not None  # the same annotations, attached anew
    assert second.annotations.index.mark(HELSINKI) is not None
    recent = QSettings(str(paths.settings_file), QSettings.Format.IniFormat).value(
        "catalogs/recent"
    )
    assert [Path(p) for p in recent][:2] == [other.resolve(), built_catalog.resolve()]
    entries = [plain(a.text()) for a in second.menus.recent_menu.actions()]
    assert entries[0] == "1 The bundled catalog"
    assert any(e.endswith(f" {built_catalog.resolve()}") for e in entries)
    second.close()
    session.close()


def test_a_catalog_that_cannot_be_read_keeps_the_current_window(
    qtbot: QtBot, built_catalog: Path, tmp_path: Path
) -> None:
    paths = UserPaths(tmp_path / "user").ensure()
    reporter = ErrorReporter(windows=False)
    session = AppSession(paths, reporter)
    first = session.open_catalog(built_catalog)
    broken = tmp_path / "broken.sqlite"
    broken.write_text("not a catalog")
    assert session.open_catalog(broken) is None
    assert session.window is first and first is not None and first.isVisible()
    assert reporter.reported[-1][0] == "Cannot open the catalog"
    first.close()
    session.close()


def test_a_timelinejs_file_becomes_a_catalog_the_window_shows(
    qtbot: QtBot, tmp_path: Path, built_catalog: Path
) -> None:
    import json

    timeline = {
        "title": {"text": {"headline": "Summits"}},
        "events": [
            {"start_date": {"year": 2018, "month": 7, "day": 16}, "group": "Meetings & summits",
             "text": {"headline": "Helsinki", "text": "<p>Press conference</p>"}},
            {"start_date": {"year": 2019, "month": 6}, "group": "Osaka trip",
             "text": {"headline": "Osaka"}},
            {"start_date": {"year": -44, "month": 3, "day": 15}, "unique_id": "ides",
             "text": {"headline": "Ides", "text": "<p>In the <b>Theatre</b>, <a href="
                      "'https://example.org/c'>read</a><script>alert(1)</script>"
                      "<img src='http://example.org/p.png'></p>"}},
        ],
    }  # fmt: skip
    source = tmp_path / "summits.json"
    source.write_text(json.dumps(timeline))
    paths = UserPaths(tmp_path / "user").ensure()
    session = AppSession(paths, ErrorReporter(windows=False))
    session.open_catalog(built_catalog)
    window = session.import_timeline(source)
    assert window is not None
    assert window.catalog.path == paths.catalogs_dir / "summits.tlcat"
    assert {window.timeline.data.titles[r] for r in range(len(window.timeline.data))} == {
        "Helsinki",
        "Osaka",
        "Ides",
    }
    assert window.timeline.stance_label == "Stance\n(no quotes)"  # an empty track says why
    window.focus.select_event("ides")  # 44 BCE, with formatting kept and nothing active
    shown = window.detail.toHtml()
    assert "15 Mar 44 BCE" in window.detail.toPlainText()
    assert "font-weight" in shown and "https://example.org/c" in shown
    assert "alert" not in shown and "<img" not in shown and "p.png" not in shown
    again = session.import_timeline(source)  # a second import does not overwrite the first
    assert again is not None and again.catalog.path.name == "summits-2.tlcat"
    broken = tmp_path / "broken.json"
    broken.write_text('{"events": [{"text": {}}]}')
    assert session.import_timeline(broken) is None
    assert session.reporter.reported[-1][0] == "Import refused"
    assert not (paths.catalogs_dir / "broken.tlcat").exists()
    again.close()
    session.close()


def test_a_catalog_broken_inside_keeps_the_current_window(
    qtbot: QtBot, built_catalog: Path, tmp_path: Path
) -> None:
    """It passes every check on opening, but a profile names an entity it lacks."""
    import sqlite3

    paths = UserPaths(tmp_path / "user").ensure()
    broken = tmp_path / "broken-inside.sqlite"
    shutil.copy(built_catalog, broken)
    with sqlite3.connect(broken) as db:
        db.execute("UPDATE profile SET subject_id = 'nobody'")
    db.close()
    reporter = ErrorReporter(windows=False)
    session = AppSession(paths, reporter)
    first = session.open_catalog(built_catalog)
    assert first is not None
    assert session.open_catalog(broken) is None
    assert session.window is first and first.isVisible()
    assert session.catalog is not None and session.catalog.path == built_catalog
    assert "is damaged inside and cannot be shown" in reporter.reported[-1][1]
    first.close()
    session.close()


def test_another_catalog_opens_fitted_not_at_the_last_ones_zoom(
    qtbot: QtBot, built_catalog: Path, tmp_path: Path
) -> None:
    paths = UserPaths(tmp_path / "user").ensure()
    other = tmp_path / "other.sqlite"
    shutil.copy(built_catalog, other)
    session = AppSession(paths, ErrorReporter(windows=False))
    first = session.open_catalog(built_catalog)
    assert first is not None
    first.timeline.fit_all()
    fitted = first.timeline.view
    first.timeline.zoom(8.0)  # zoomed in
    zoomed = first.timeline.view
    assert zoomed.span < fitted.span / 4
    second = session.open_catalog(other)  # another file: fitted, whatever was zoomed before
    assert second is not None
    shown = second.timeline.view
    second.close()
    session.close()
    assert shown.span > 4 * zoomed.span  # the whole of it, not the last catalog's months
