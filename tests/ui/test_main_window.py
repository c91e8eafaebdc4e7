"""The main window on the real catalog: profile, events, details."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from viewer.core.catalog.read import Catalog
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.main_window import MainWindow


def test_opens_on_the_main_profile(window: MainWindow) -> None:
    assert window.state.profile == "trump-on-putin"
    assert window.header.title_label.text() == "Donald Trump on Vladimir Putin"
    assert window.header.kind_label.text() == "Politician · person"
    assert window.header.stance_label.text() == "Mixed · strong"
    assert window.header.flip_label.isVisibleTo(window)
    assert "Treaty Withdrawal" in window.header.actions_view.toPlainText()
    assert "Volodymyr Zelenskyy" in window.header.criticism_view.toPlainText()


def test_switching_profile_changes_header_and_events(window: MainWindow) -> None:
    before = len(window.timeline.data)
    window.state.set_profile("putin-on-trump")
    assert window.header.title_label.text() == "Vladimir Putin on Donald Trump"
    assert not window.header.flip_label.isVisibleTo(window)
    assert len(window.timeline.data) != before


def test_selecting_an_event_fills_the_detail_pane(window: MainWindow) -> None:
    window.focus.select_event("2025-05-trump-putin-gone-crazy")
    text = window.detail.toPlainText()
    assert "gone absolutely CRAZY" in text
    assert "Wording from a paraphrased source" in text
    assert "Unreliable wording" in text
    assert "Other version" in text


def test_an_event_of_another_catalog_says_so_instead_of_failing(window: MainWindow) -> None:
    """Notes are shared by every catalog, so a note's event may not be in the open one."""
    window.focus.select_event("2018-07-16-helsinki-summit")
    before = window.detail.toPlainText()
    window.focus.select_event("an-event-of-an-imported-timeline")
    assert "not in this catalog" in window.statusBar().currentMessage()
    assert window.detail.toPlainText() == before


def test_source_link_lists_the_events_it_supports(window: MainWindow) -> None:
    window.detail.source_activated.emit("fox-news-history-2025-08-15")
    assert "Events this source supports" in window.detail.toPlainText()
    assert "Anchorage summit" in window.detail.toPlainText()


def test_state_survives_a_restart(qtbot: QtBot, catalog: Catalog, tmp_path: Path) -> None:
    ini = str(tmp_path / "s.ini")
    first = MainWindow(
        catalog, QSettings(ini, QSettings.Format.IniFormat), ErrorReporter(windows=False)
    )
    qtbot.addWidget(first)
    first.state.set_profile("putin-on-trump")
    first.focus.select_event("2019-06-osaka-g20-meeting")
    first.close()
    second = MainWindow(
        catalog, QSettings(ini, QSettings.Format.IniFormat), ErrorReporter(windows=False)
    )
    qtbot.addWidget(second)
    assert second.state.profile == "putin-on-trump"
    assert second.detail.detail is not None
    assert second.detail.detail.event.id == "2019-06-osaka-g20-meeting"
    second.close()


def test_every_menu_item_has_its_own_mnemonic(window: MainWindow) -> None:
    """Alt and a letter reach every menu and item, no letter used twice in one menu."""

    def letter(text: str) -> str | None:
        found = re.search(r"&([^&])", text)
        return found.group(1).lower() if found else None

    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert [letter(m.title()) for m in menus] == ["f", "e", "v", "h"]
    for menu in menus:
        items = [a for a in menu.actions() if not a.isSeparator()]
        # Open recent lists file names; its own entries are numbered, not lettered.
        letters = [letter(a.text()) for a in items]
        assert None not in letters, [a.text() for a in items if letter(a.text()) is None]
        assert len(letters) == len(set(letters)), (menu.title(), letters)
