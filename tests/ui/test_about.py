"""The About box says the version, the licence, every source with its reliability, and
where the user's notes are kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import ROOT
from viewer import __version__
from viewer.core.catalog.read import Catalog
from viewer.ui.about import LISTED_SOURCES, AboutFacts, about_html
from viewer.ui.main_window import MainWindow


def test_about_names_licence_sources_and_the_notes_folder(catalog: Catalog, tmp_path: Path) -> None:
    sources = list(catalog.sources.values())
    text = about_html(AboutFacts(__version__, "catalog.sqlite", sources, tmp_path))
    assert f"Timeline Viewer {__version__}" in text and "MIT" in text and "LGPL-3" in text
    assert f"from {len(sources)} sources" in text
    for source in sources[:LISTED_SOURCES]:
        assert source.title.replace("'", "&#x27;") in text
    paraphrased = sum(s.is_paraphrased for s in sources[:LISTED_SOURCES])
    assert paraphrased >= 1 and text.count("⚠ paraphrased") == paraphrased
    assert str(tmp_path) in text


def test_a_catalog_with_many_sources_lists_some_and_counts_the_rest(catalog: Catalog) -> None:
    many = list(catalog.sources.values()) * 10
    text = about_html(AboutFacts("1", "big", many, None))
    assert f"and {len(many) - LISTED_SOURCES} more" in text and "Your notes" not in text


def test_the_about_box_opens_with_buttons_for_the_docs_and_the_notes(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QDialog, QPushButton, QTextBrowser

    window.menus.about_action.trigger()
    dialog = next(d for d in window.findChildren(QDialog) if d.windowTitle().startswith("About"))
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser).toPlainText()  # type: ignore[union-attr]
    assert "MIT" in text and "Keyboard shortcuts" in text
    assert str(ROOT / "docs") in text  # a source checkout: its own docs folder
    labels = [b.text() for b in dialog.findChildren(QPushButton)]
    assert "Open the &documentation" in labels
    dialog.close()


def test_with_twice_the_text_the_about_box_grows_within_the_screen(
    window: MainWindow, qtbot: QtBot
) -> None:
    """It kept 560 x 440 px, half the words a line, at twice the desktop's text."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

    usual = QApplication.font()
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * 2)
    QApplication.setFont(larger)
    try:
        window.menus.about_action.trigger()
        dialog = next(
            d for d in window.findChildren(QDialog) if d.windowTitle().startswith("About")
        )
        qtbot.addWidget(dialog)
        [text] = dialog.findChildren(QTextBrowser)
        room = dialog.screen().availableGeometry()
        assert text.minimumWidth() > 560 * 1.15 and text.minimumHeight() > 440 * 1.15
        assert text.minimumWidth() <= room.width() and text.minimumHeight() <= room.height()
        dialog.close()
    finally:
        QApplication.setFont(usual)


def test_a_bundle_finds_its_licences_and_docs_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from viewer.core.paths import beside_program

    program = tmp_path / "timeline-viewer" / "timeline-viewer"
    (program.parent / "licences").mkdir(parents=True)
    program.write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert beside_program("licences") == program.parent / "licences"
    assert beside_program("docs") is None
    app = tmp_path / "Timeline Viewer.app" / "Contents"
    (app / "MacOS").mkdir(parents=True)
    (app / "Resources" / "docs").mkdir(parents=True)
    monkeypatch.setattr(sys, "executable", str(app / "MacOS" / "timeline-viewer"))
    assert beside_program("docs") == app / "Resources" / "docs"
