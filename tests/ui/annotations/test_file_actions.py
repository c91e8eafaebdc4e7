"""File > Export / Import annotations and Export notes, through the window."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.main_window import MainWindow

HELSINKI = "2018-07-16-helsinki-summit"


def make_window(
    qtbot: QtBot, catalog: Catalog, folder: Path
) -> tuple[MainWindow, AnnotationStore, ErrorReporter]:
    folder.mkdir(parents=True, exist_ok=True)
    store = AnnotationStore(folder / "annotations.sqlite", folder / "backups")
    reporter = ErrorReporter(windows=False)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(catalog, settings, reporter, store=store)
    qtbot.addWidget(window)
    return window, store, reporter


def test_export_then_import_into_another_profile_folder(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    first, store, reporter = make_window(qtbot, catalog, tmp_path / "one")
    store.save(Annotation(HELSINKI, "note", ("essay",), True))
    exported = tmp_path / "mine.json"
    assert first.annotations is not None
    assert first.annotations.files.export(exported)
    assert json.loads(exported.read_text())["annotations"][0]["event_id"] == HELSINKI
    assert reporter.informed[-1][0] == "Annotations exported"

    second, other, other_reporter = make_window(qtbot, catalog, tmp_path / "two")
    assert second.annotations is not None
    assert second.annotations.files.import_(exported)
    assert other.get(HELSINKI).note == "note"
    assert "1 added" in other_reporter.informed[-1][1]
    first.close()
    second.close()


def test_a_broken_import_is_reported_and_changes_nothing(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    window, store, reporter = make_window(qtbot, catalog, tmp_path)
    store.save(Annotation(HELSINKI, "keep me"))
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "timeline-viewer-annotations", "version": 1, "annotations": [{"event_id": 5}]}'
    )
    assert window.annotations is not None
    assert not window.annotations.files.import_(bad)
    title, text = reporter.reported[-1]
    assert title == "Import refused" and "annotations[0].event_id" in text
    assert store.get(HELSINKI).note == "keep me"
    window.close()


def test_notes_export_as_markdown(qtbot: QtBot, catalog: Catalog, tmp_path: Path) -> None:
    window, store, _reporter = make_window(qtbot, catalog, tmp_path)
    store.save(Annotation(HELSINKI, "Read the transcript."))
    out = tmp_path / "notes.md"
    assert window.annotations is not None
    assert window.annotations.files.export_notes(out)
    text = out.read_text()
    assert (
        "## Helsinki summit" in text and "*16 Jul 2018*" in text and "Read the transcript." in text
    )
    window.close()
