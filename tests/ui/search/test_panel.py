"""The search panel in the main window: typing, filters, keyboard, and the timeline link."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from viewer.core.dates.days import Day
from viewer.core.search.engine import SearchResult
from viewer.ui.main_window import MainWindow
from viewer.ui.search.results_model import Match


def _type(qtbot: QtBot, window: MainWindow, text: str) -> SearchResult:
    panel = window.search
    with qtbot.waitSignal(panel.result_shown, timeout=5000) as blocker:
        qtbot.keyClicks(panel.box, text)
    result = blocker.args[0]
    assert isinstance(result, SearchResult)
    return result


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    window.search_dock.hide()
    window.timeline.setFocus()
    qtbot.keySequence(window, QKeySequence.StandardKey.Find)
    assert window.search_dock.isVisible()
    qtbot.waitUntil(window.search.box.hasFocus)


def test_typing_shows_results_with_a_count(qtbot: QtBot, window: MainWindow) -> None:
    result = _type(qtbot, window, "crazy")
    assert [h.quote.id for h in result.hits] == ["trump-gone-absolutely-crazy"]
    panel = window.search
    assert panel.model.rowCount() == result.count
    assert panel.count.text().startswith("1 quote")


def test_choosing_a_result_selects_its_event_on_the_timeline(
    qtbot: QtBot, window: MainWindow
) -> None:
    _type(qtbot, window, "meddle")
    panel = window.search
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)  # into the results, first one current
    assert panel.results.hasFocus()
    first = panel.model.row_at(0)
    assert window.timeline.selected_ids() == [first.event_id]
    assert window.detail.detail is not None
    assert window.detail.detail.event.id == first.event_id
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)
    second = panel.model.row_at(1)
    assert window.timeline.selected_ids() == [second.event_id]


def test_event_titles_are_found_and_misspellings_are_forgiven(
    qtbot: QtBot, window: MainWindow
) -> None:
    result = _type(qtbot, window, "helsinky")
    assert "2018-07-16-helsinki-summit" in {h.event.id for h in result.events}
    assert "helsinky → helsinki" in window.search.count.text()
    assert any(window.search.model.row_at(i).match is Match.EVENT for i in range(result.count))


def test_filters_show_as_chips_that_remove_them(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.search
    _type(qtbot, window, "putin")
    everything = panel.model.rowCount()
    with qtbot.waitSignal(panel.result_shown, timeout=5000):
        panel.set_filters(reliability="paraphrased")
    assert 0 < panel.model.rowCount() < everything
    chips = [panel.chips.itemAt(i).widget() for i in range(panel.chips.count())]
    [chip] = [c for c in chips if c is not None]
    assert "Sources: paraphrased" in chip.text()  # type: ignore[attr-defined]
    with qtbot.waitSignal(panel.result_shown, timeout=5000):
        chip.click()  # type: ignore[attr-defined]
    assert panel.model.rowCount() == everything
    assert panel.filters.reliability is None


def test_date_range_filter_reads_typed_dates(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.search
    _type(qtbot, window, "putin")
    with qtbot.waitSignal(panel.result_shown, timeout=5000):
        assert panel.set_date_range("2025 to 2025-06")
    first, last = Day(2025, 1, 1).toordinal(), Day(2025, 6, 30).toordinal()
    assert (panel.filters.start, panel.filters.end) == (first, last)
    assert not panel.set_date_range("someday")
    assert "Not a date range" in panel.count.text()


def test_hostile_text_gives_a_message(qtbot: QtBot, window: MainWindow) -> None:
    result = _type(qtbot, window, '"-OR * NEAR(')
    assert result.count or result.message
    with qtbot.waitSignal(window.search.result_shown, timeout=5000) as blocker:
        window.search.box.setText("😀" * 20 + "x" * 10_000)  # QTest cannot type emoji
    assert blocker.args[0].count or blocker.args[0].message
    assert window.search.count.text()
    window.search.box.clear()
    result = _type(qtbot, window, "-putin")
    assert result.count == 0
    assert "excluded words alone" in window.search.count.text()


def test_escape_clears_the_box(qtbot: QtBot, window: MainWindow) -> None:
    _type(qtbot, window, "putin")
    qtbot.keyClick(window.search.box, Qt.Key.Key_Escape)
    assert window.search.box.text() == ""
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 0)


def test_csl_json_is_copied_as_text_and_citations_export_to_a_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import json

    from PySide6.QtGui import QGuiApplication

    _type(qtbot, window, "meddle")
    panel = window.search
    panel.results.setCurrentIndex(panel.model.index(0))
    actions = panel.result_actions
    assert actions.copy_csl_json()
    items = json.loads(QGuiApplication.clipboard().text())  # plain text, as Zotero reads it
    assert items[0]["author"][0]["family"] in {"Trump", "Putin"}
    for suffix in (".ris", ".bib", ".json"):
        assert actions.export_citations(tmp_path / f"citations{suffix}")
        assert (tmp_path / f"citations{suffix}").stat().st_size > 100
    assert not actions.export_citations(tmp_path / "citations.doc")


def test_the_hits_are_marked_on_the_timeline_and_the_overview(
    qtbot: QtBot, window: MainWindow
) -> None:
    _type(qtbot, window, "summit")
    rows = window.timeline.hit_rows
    assert rows is not None
    found = {window.timeline.data.ids[r] for r in rows.tolist()}
    assert {"2018-07-16-helsinki-summit", "2025-08-15-anchorage-summit"} <= found
    assert window.overview.hit_days and len(window.overview.hit_days) == len(rows)
    whole = len(window.timeline.all_stance)
    shown = window.timeline.stance  # the stance track keeps to the statements found
    assert shown and len(shown) < whole and all(p.event_id in found for p in shown)
    with qtbot.waitSignal(window.search.hits_changed, timeout=5000) as cleared:
        window.search.box.clear()
        window.search.run_now()
    assert cleared.args[0] is None
    assert window.timeline.hit_rows is None and window.overview.hit_days is None
    assert len(window.timeline.stance) == whole


def test_the_details_open_at_the_quote_a_result_matched(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 560)  # details too short to show every quote of the summit
    _type(qtbot, window, "never ever been even worse")
    panel = window.search
    row = next(
        i
        for i in range(panel.model.rowCount())
        if panel.model.row_at(i).quote is not None
        and panel.model.row_at(i).event_id == "2018-07-16-helsinki-summit"
    )
    panel.results.setCurrentIndex(panel.model.index(row))
    bar = window.detail.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)  # scrolled down to the words found


def test_f3_steps_through_the_results_from_anywhere(qtbot: QtBot, window: MainWindow) -> None:
    """F3 and Shift+F3 choose the next and previous result (its event selected and
    shown) wherever the keyboard is, round from the last to the first; with no search
    yet F3 opens it, as Ctrl+F does."""
    window.search_dock.hide()
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_F3)
    assert window.search_dock.isVisible()
    qtbot.waitUntil(window.search.box.hasFocus)
    _type(qtbot, window, "summit")
    panel = window.search
    count = panel.model.rowCount()
    assert count > 2
    window.timeline.setFocus()
    chosen = []
    for _ in range(2):
        qtbot.keyClick(window.timeline, Qt.Key.Key_F3)
        chosen.append(window.state.selection)
    first, second = (panel.model.row_at(i).event_id for i in range(2))
    assert chosen == [(first,), (second,)]
    assert window.timeline.hasFocus()  # the keyboard stays where it was
    qtbot.keyClick(window.timeline, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.timeline, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert panel.results.currentIndex().row() == count - 1  # round to the last
    assert window.statusBar().currentMessage() == "On to the last result."
    assert window.state.selection == (panel.model.row_at(count - 1).event_id,)
