"""Nothing the app does opens a socket: start, browse, search, annotate, export, import.

Every way Python opens a network connection raises here; a flow that tried would
fail the test (worker threads included: the search runs in one).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.core.interchange.catalog_json import dumps, export_document
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.main_window import MainWindow

HELSINKI = "2018-07-16-helsinki-summit"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("the network was touched")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == [], f"network use: {attempts}"


def test_a_working_session_opens_no_socket(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, no_network: list[object]
) -> None:
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(catalog, settings, ErrorReporter(windows=False), store=store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.focus.select_event(HELSINKI)
    window.timeline.zoom(4.0)
    window.timeline.step(1)
    with qtbot.waitSignal(window.search.result_shown, timeout=5000):
        qtbot.keyClicks(window.search.box, "putin")
    assert window.annotations is not None
    editor = window.annotations.editor
    window.focus.select_event(HELSINKI)
    editor.add_tag("essay")
    store.save(Annotation(HELSINKI, "check the transcript", ("essay",), True))
    exported = tmp_path / "mine.json"
    assert window.annotations.files.export(exported)
    assert window.annotations.files.import_(exported)
    assert window.annotations.files.export_notes(tmp_path / "notes.md")
    (tmp_path / "catalog.json").write_text(dumps(export_document(catalog)))
    for name in ("timeline.png", "timeline.svg", "timeline.pdf"):
        assert window.menus.image_actions.export(tmp_path / name)
    window.search.result_actions.export_csv(tmp_path / "quotes.csv")
    window.grab()
    window.close()


def test_importing_a_timelinejs_file_with_remote_media_opens_no_socket(
    qtbot: QtBot, built_catalog: Path, tmp_path: Path, no_network: list[object]
) -> None:
    import json

    from viewer.core.paths import UserPaths
    from viewer.ui.session import AppSession

    source = tmp_path / "remote.json"
    source.write_text(
        json.dumps(
            {
                "events": [
                    {
                        "start_date": {"year": 2020},
                        "text": {
                            "headline": "<img src='https://example.org/track.png'>Remote",
                            "text": "<a href='https://example.org'>site</a>",
                        },
                        "media": {"url": "https://example.org/video.mp4"},
                        "background": {"url": "https://example.org/bg.jpg"},
                    }
                ]
            }
        )
    )
    session = AppSession(UserPaths(tmp_path / "user").ensure(), ErrorReporter(windows=False))
    session.open_catalog(built_catalog)
    window = session.import_timeline(source)
    assert window is not None
    window.show()
    qtbot.waitExposed(window)
    window.focus.select_event(window.timeline.data.ids[0])
    window.grab()
    window.close()
    session.close()
