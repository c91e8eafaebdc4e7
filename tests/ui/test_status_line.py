"""The status bar's standing counts: as much as fits beside the legend, never a word
cut under it (at 798 px, "4 sources · catalog.sqlite" was cut in half)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.ui.conftest import opened_window, settle
from viewer.core.catalog.read import Catalog
from viewer.ui import status_line
from viewer.ui.main_window import MainWindow


@pytest.fixture
def unshown(qtbot: QtBot, catalog: Catalog, settings: QSettings) -> Iterator[MainWindow]:
    with opened_window(qtbot, catalog, settings, show=False) as win:
        yield win


def _words_end(window: MainWindow) -> int:
    bar = window.statusBar()
    return bar.fontMetrics().horizontalAdvance(bar.currentMessage())


@pytest.mark.parametrize("width", [640, 798, 1024, 1400])
def test_the_counts_fit_beside_the_legend(unshown: MainWindow, qtbot: QtBot, width: int) -> None:
    unshown.resize(width, 700)
    unshown.show()
    qtbot.waitExposed(unshown)
    settle()
    message = unshown.statusBar().currentMessage()
    assert message.startswith("49 events") or (width < 798 and message == "")
    assert _words_end(unshown) < unshown.legend.x()
    if width >= 1024:
        assert message == unshown.status.counts  # all of it where there is room
    assert unshown.status.counts in unshown.statusBar().toolTip()


def test_a_wider_window_says_all_again(unshown: MainWindow, qtbot: QtBot) -> None:
    unshown.resize(700, 700)
    unshown.show()
    qtbot.waitExposed(unshown)
    settle()
    short = unshown.statusBar().currentMessage()
    unshown.resize(1400, 700)
    qtbot.waitUntil(lambda: unshown.statusBar().currentMessage() == unshown.status.counts)
    assert len(short) < len(unshown.status.counts)


def test_a_passing_message_is_not_replaced_by_a_resize(unshown: MainWindow, qtbot: QtBot) -> None:
    unshown.resize(1400, 700)
    unshown.show()
    qtbot.waitExposed(unshown)
    unshown.statusBar().showMessage("Exported timeline.png")
    unshown.resize(1300, 700)
    settle()
    assert unshown.statusBar().currentMessage() == "Exported timeline.png"


def test_the_counts_come_back_when_a_passing_message_is_gone(
    unshown: MainWindow, qtbot: QtBot
) -> None:
    unshown.resize(1400, 700)
    unshown.show()
    qtbot.waitExposed(unshown)
    unshown.statusBar().showMessage("Exported timeline.png", 50)
    assert unshown.statusBar().currentMessage() == "Exported timeline.png"
    qtbot.waitUntil(lambda: unshown.statusBar().currentMessage() == unshown.status.counts)
    unshown.statusBar().clearMessage()
    assert unshown.statusBar().currentMessage() == unshown.status.counts


def test_a_date_not_understood_is_said_for_a_while(
    unshown: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Not a date I can read" once stayed until something replaced it."""
    monkeypatch.setattr(status_line, "PASSING_MS", 50)
    unshown.resize(1400, 700)
    unshown.show()
    qtbot.waitExposed(unshown)
    assert not unshown.go_to_date("next tuesday")
    assert unshown.statusBar().currentMessage().startswith("Not a date I can read")
    qtbot.waitUntil(lambda: unshown.statusBar().currentMessage() == unshown.status.counts)


def test_outlined_events_are_said_until_the_outline_goes(unshown: MainWindow, qtbot: QtBot) -> None:
    unshown.resize(1400, 700)
    unshown.show()
    qtbot.waitExposed(unshown)
    unshown.focus.highlight_entity("vladimir-putin")
    said = unshown.statusBar().currentMessage()
    assert "with Vladimir Putin outlined on the timeline" in said
    assert len(unshown.state.selection) > 1
    unshown.state.select(["2018-07-16-helsinki-summit"])  # another selection: no outline
    assert unshown.statusBar().currentMessage() == unshown.status.counts
