"""Copying a quote with its citation, and saving the listed quotes as CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from viewer.ui.main_window import MainWindow
from viewer.ui.search.result_actions import CSL_MIME


def _search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    with qtbot.waitSignal(window.search.result_shown, timeout=5000):
        qtbot.keyClicks(window.search.box, text)


def test_ctrl_c_on_a_result_copies_the_quote_with_its_citation(
    qtbot: QtBot, window: MainWindow
) -> None:
    _search(qtbot, window, "crazy")
    panel = window.search
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    QGuiApplication.clipboard().clear()
    panel.result_actions.copy_action.trigger()
    data = QGuiApplication.clipboard().mimeData()
    assert data.text().startswith("“") and "— Donald Trump" in data.text()
    assert "; source: " in data.text()
    [item] = json.loads(bytes(data.data(CSL_MIME).data()).decode("utf-8"))
    assert item["id"] == "trump-gone-absolutely-crazy"
    assert panel.result_actions.copy_bibtex()
    assert QGuiApplication.clipboard().text().startswith("@misc{trump-gone-absolutely-crazy,")


def test_the_listed_quotes_are_saved_as_csv(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _search(qtbot, window, "putin")
    out = tmp_path / "putin.csv"
    assert window.search.result_actions.export_csv(out)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    listed = [r for r in window.search.result_actions.quote_rows()]
    assert [r["quote_id"] for r in rows] == [q.id for q, _t, _p in listed]
    assert all("putin" in r["quote"].lower() or r["quote"] for r in rows)
    assert window.reporter.informed[-1][0] == "Quotes saved"


def test_saving_where_it_cannot_be_written_is_reported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _search(qtbot, window, "putin")
    assert not window.search.result_actions.export_csv(tmp_path / "missing" / "x.csv")
    assert window.reporter.reported[-1][0] == "Export failed"
