"""The window gives time the room at the sizes people use (issue: at 1024×700 the
search column, the lane names and the details left time ~180 px)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.conftest import opened_window, settle
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.ui.adaptive_layout import HEADER_HEIGHT
from viewer.ui.main_window import MainWindow


@pytest.fixture
def sized(
    qtbot: QtBot, catalog: Catalog, settings: QSettings, tmp_path: Path
) -> Iterator[MainWindow]:
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    with opened_window(qtbot, catalog, settings, store, show=False) as win:
        yield win
    store.close()


def _show_at(window: MainWindow, qtbot: QtBot, width: int, height: int) -> None:
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    settle()  # the splitters' deferred share


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768), (1600, 1000), (2560, 1440)])
def test_time_gets_most_of_the_width_at_every_common_size(
    sized: MainWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    _show_at(sized, qtbot, *size)
    assert not sized.search_dock.isVisible()  # the search opens on Ctrl+F
    time_px = sized.timeline.geo.time_width
    assert time_px >= 0.70 * size[0], (time_px, size)
    assert sized.legend.isVisible() and sized.legend.width() > 0  # never in an overflow
    view, limits = sized.timeline.view, sized.timeline.limits
    fitted = limits.fit(view.width)  # the first fit, redone at the real size
    assert abs(view.start - fitted.start) < view.days_per_px
    assert abs(view.days_per_px - fitted.days_per_px) < 1e-9 * fitted.days_per_px


def test_in_a_narrow_window_the_details_go_under_the_timeline(
    sized: MainWindow, qtbot: QtBot
) -> None:
    _show_at(sized, qtbot, 1024, 700)
    assert sized.body.orientation() == Qt.Orientation.Vertical
    assert sized.right is not None and sized.right.orientation() == Qt.Orientation.Horizontal
    assert sized.header.compact and not sized.header.tabs.isVisible()
    assert "month/year" in sized.legend.entries()  # short words: the counts line fits
    status = sized.statusBar()
    assert (
        sized.legend.sizeHint().width()
        < status.width() - status.fontMetrics().horizontalAdvance(status.currentMessage())
    )
    sized.header.more_button.click()  # the folded header opens its tabs again
    assert sized.header.tabs.isVisible()
    sized.resize(1600, 1000)
    qtbot.waitUntil(lambda: sized.body.orientation() == Qt.Orientation.Horizontal)
    assert not sized.header.compact and sized.header.tabs.isVisible()
    assert "soft bar: month/year" in sized.legend.entries()


@pytest.mark.parametrize("then_at_once", [False, True])
def test_a_window_widened_from_narrow_is_arranged_as_one_opened_wide(
    sized: MainWindow, qtbot: QtBot, catalog: Catalog, tmp_path: Path, then_at_once: bool
) -> None:
    """Widened from 1024 x 700 (maximised, say), the details came back at a quarter of
    the width, time at 63 %, and the unfolded header kept its folded height, its tabs
    a line high; widened before the narrow arrangement had settled, details and time
    got half each. Now it is arranged as a window opened at that size."""
    wide = QSettings(str(tmp_path / "wide.ini"), QSettings.Format.IniFormat)
    with opened_window(qtbot, catalog, wide, show=False) as opened_wide:
        _show_at(opened_wide, qtbot, 1600, 1000)
        expected = opened_wide.body.sizes(), opened_wide.outer.sizes()
    _show_at(sized, qtbot, 1600 if then_at_once else 1024, 1000 if then_at_once else 700)
    sized.resize(1024, 700)
    if not then_at_once:
        settle()
    assert sized.body.orientation() == Qt.Orientation.Vertical
    _show_at(sized, qtbot, 1600, 1000)
    assert sized.body.orientation() == Qt.Orientation.Horizontal
    assert sized.timeline.geo.time_width >= 0.70 * 1600
    assert sized.header.tabs.isVisible()
    assert sized.outer.sizes()[0] >= HEADER_HEIGHT
    for got, want in zip((sized.body.sizes(), sized.outer.sizes()), expected, strict=True):
        assert all(abs(a - b) <= 4 for a, b in zip(got, want, strict=True)), (got, want)


def _arrangement(window: MainWindow) -> list[object]:
    right = window.right
    return [
        window.body.orientation(),
        window.body.sizes(),
        right.orientation() if right else None,
        right.sizes() if right else None,
        window.outer.sizes(),
        window.header.compact,
        window.menus.toolbar.toolButtonStyle(),
    ]


def _near(got: list[object], want: list[object]) -> bool:
    """Equal, sizes within a few pixels (a splitter's rounding)."""
    return all(
        all(abs(a - b) <= 6 for a, b in zip(g, w, strict=True)) if isinstance(g, list) else g == w
        for g, w in zip(got, want, strict=True)
    )


SIZES = [(800, 600), (1024, 700), (1366, 768), (1920, 1080)]


def test_every_resize_ends_in_the_arrangement_of_a_window_opened_at_that_size(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    """From any size to any other, the window is arranged as one opened at the second
    (before: 10 of these 12 ways differed, the details' column or the notes' share
    up to 200 px off, the header's tabs a line high)."""
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    opened = iter(range(100))

    @contextmanager
    def window_at(size: tuple[int, int]) -> Iterator[MainWindow]:
        settings = QSettings(str(tmp_path / f"{next(opened)}.ini"), QSettings.Format.IniFormat)
        with opened_window(qtbot, catalog, settings, store, show=False) as win:
            _show_at(win, qtbot, *size)
            yield win

    direct = {}
    for size in SIZES:
        with window_at(size) as win:
            direct[size] = _arrangement(win)
    differing = []
    for first, then in itertools.permutations(SIZES, 2):
        with window_at(first) as win:
            win.resize(*then)
            settle()
            if not _near(_arrangement(win), direct[then]):
                differing.append((first, then))
    store.close()
    assert differing == []


@pytest.mark.parametrize("width", [480, 520, 600, 640])
def test_in_a_very_narrow_window_the_legend_gives_way_whole(
    sized: MainWindow, qtbot: QtBot, width: int
) -> None:
    """At 520 px the legend ended in "month/y", cut by the window's edge: now the last
    meanings give way whole (all of them are in its tooltip), the tones stay."""
    _show_at(sized, qtbot, width, 600)
    legend, status = sized.legend, sized.statusBar()
    entries = legend.entries()
    assert entries[:4] == ["Warm", "Cold", "Mixed", "Neutral"]
    assert entries[4:] == ["cancelled", "month/year", "approx."][: len(entries) - 4]
    assert legend.x() + legend.sizeHint().width() <= status.width()
    assert legend.width() >= legend.sizeHint().width()  # nothing of it cut
    if width >= 640:
        assert len(entries) == 7
    sized.resize(1600, 1000)
    qtbot.waitUntil(lambda: "dashed: approximate" in legend.entries())


@pytest.mark.parametrize("width", [520, 1024])
def test_a_picker_and_its_label_fold_into_the_toolbar_overflow_together(
    sized: MainWindow, qtbot: QtBot, width: int
) -> None:
    """At 520 px "Show:" stood alone at the toolbar's end, its picker in the overflow."""
    _show_at(sized, qtbot, width, 600)
    assert sized.annotations is not None
    for picker in (sized.menus.profile_picker, sized.annotations.scope_picker):
        label = next(w for w in sized.menus.toolbar.findChildren(QLabel) if w.buddy() is picker)
        assert label.parent() is picker.parent()  # one toolbar item
        assert label.isVisibleTo(sized) == picker.isVisibleTo(sized)
    assert sized.annotations.scope_picker.isVisibleTo(sized) == (width >= 1024)


def test_the_window_takes_its_shape_once_and_again_only_for_a_new_size(
    sized: MainWindow, qtbot: QtBot
) -> None:
    """Built at its size, a window is not arranged again by the resize it gets when
    first shown (issue 17: it took its shape twice before the first paint)."""
    arranged: list[tuple[int, int]] = []
    adapt = sized.adaptive.adapt

    def counted() -> None:
        arranged.append(sized.size().toTuple())
        adapt()

    sized.adaptive.adapt = counted  # type: ignore[method-assign]  # counts, then arranges
    sized.show()
    qtbot.waitExposed(sized)
    settle()
    assert arranged == []
    sized.resize(1024, 700)
    qtbot.waitUntil(lambda: arranged == [(1024, 700)])
    assert sized.header.compact


def test_ctrl_f_opens_the_search(sized: MainWindow, qtbot: QtBot) -> None:
    _show_at(sized, qtbot, 1024, 700)
    sized.menus.find_action.trigger()
    assert sized.search_dock.isVisible() and sized.search.box.hasFocus()


def test_lanes_that_do_not_fit_scroll_and_a_selection_brings_its_lane_into_view(
    sized: MainWindow, qtbot: QtBot
) -> None:
    _show_at(sized, qtbot, 1024, 560)
    view = sized.timeline
    geo = view.geo
    assert geo.overflow > 0 and view.verticalScrollBar().isVisible()
    last_lane, band = geo.lanes[-1]
    assert band.bottom > geo.height  # below the fold
    event = next(i for i in view.data.ids if view.data.lane[view.data.row_of(i)] == last_lane)
    sized.focus.select_event(event)
    band = view.geo.band_of(last_lane)
    assert band is not None and band.bottom <= view.geo.height + 1
    # Nothing of a lane scrolled under the stance track answers a click there.
    for x in range(int(geo.gutter), int(geo.width), 3):
        item = view.item_at(x, view.geo.lanes_top - 3)
        assert item is None or item.kind.value in ("stance", "flip")


def test_the_wheel_over_the_lane_names_scrolls_them(sized: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    _show_at(sized, qtbot, 1024, 560)
    view = sized.timeline
    y = view.geo.lanes_top + 20
    event = QWheelEvent(
        QPointF(20, y),
        QPointF(view.viewport().mapToGlobal(QPoint(20, int(y)))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    start = view.view.start
    view.wheelEvent(event)
    assert view.geo.scroll > 0 and view.view.start == start  # the lanes moved, not time


def test_shift_and_the_wheel_scroll_the_lanes_anywhere(sized: MainWindow, qtbot: QtBot) -> None:
    """Over time the wheel pans; with Shift it scrolls the lanes that do not fit, as it
    does over their names (a Shift+wheel some desktops turn sideways too)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    _show_at(sized, qtbot, 1024, 560)
    view = sized.timeline
    x, y = view.geo.gutter + 200, view.geo.lanes_top + 20
    start = view.view.start
    for angle in (QPoint(0, -120), QPoint(-120, 0)):
        scrolled = view.geo.scroll
        event = QWheelEvent(
            QPointF(x, y),
            QPointF(view.viewport().mapToGlobal(QPoint(int(x), int(y)))),
            QPoint(0, 0),
            angle,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ShiftModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        view.wheelEvent(event)
        assert view.geo.scroll > scrolled and view.view.start == start  # lanes, not time


def test_the_search_open_beside_does_not_hold_the_window_wide(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The header's title line asked for 635 px, so with the search open a window could
    not be narrower than ~880 px; the title now gives way, cut with "…", whole in its
    tooltip."""
    window.show_search()
    window.resize(760, 600)
    qtbot.waitUntil(lambda: window.width() <= 760)
    title = window.header.title_label
    assert title.text() == "Donald Trump on Vladimir Putin"  # the whole title kept
    qtbot.waitUntil(
        lambda: title.toolTip() == "Donald Trump on Vladimir Putin" or title.width() > 400
    )


def test_with_a_larger_font_the_unfolded_header_is_taller(
    qtbot: QtBot, catalog: Catalog, settings: QSettings
) -> None:
    """At 1.6 times the desktop's text the header's 170 px left its tab half a line; it
    now grows with the text (and keeps 170 px at the usual size). The window is large
    enough for that text to open the header (1.6 times 1280 x 900)."""
    from PySide6.QtGui import QFont, QFontMetricsF
    from PySide6.QtWidgets import QApplication

    before = QFont(QApplication.font())
    larger = QFont(before)
    larger.setPointSizeF(before.pointSizeF() * 1.6)
    QApplication.setFont(larger)
    try:
        with opened_window(qtbot, catalog, settings, show=False) as win:
            _show_at(win, qtbot, 2200, 1500)
            assert win.header.tabs.isVisible()
            browser = win.header.tabs.currentWidget()
            assert browser is not None
            lines = browser.height() / QFontMetricsF(larger).lineSpacing()
            assert win.outer.sizes()[0] > HEADER_HEIGHT and lines >= 3, lines
    finally:
        QApplication.setFont(before)


def test_a_larger_text_arranges_the_window_as_a_narrower_one(
    qtbot: QtBot, catalog: Catalog, settings: QSettings
) -> None:
    """At twice the desktop's text a 1366 x 768 window kept the wide arrangement: the
    details in a column a few words wide, and a legend so long that the status line's
    counts had no room left. It is now arranged as a window half as wide (details
    under the timeline, the header folded, the legend's short words), and turns back
    when the text does."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    usual = QFont(QApplication.font())
    with opened_window(qtbot, catalog, settings, show=False) as win:
        _show_at(win, qtbot, 1366, 768)
        assert win.body.orientation() == Qt.Orientation.Horizontal
        larger = QFont(usual)
        larger.setPointSizeF(usual.pointSizeF() * 2)
        win.setFont(larger)
        settle()
        assert win.body.orientation() == Qt.Orientation.Vertical
        assert win.header.compact
        assert win.legend.entries()[-1] == "approx."
        assert win.legend.width() < win.statusBar().width() - 200  # the counts' room
        win.setFont(usual)
        settle()
        assert win.body.orientation() == Qt.Orientation.Horizontal


def test_with_a_larger_text_and_the_search_open_the_details_keep_room_to_read(
    qtbot: QtBot, catalog: Catalog, settings: QSettings, tmp_path: Path
) -> None:
    """At twice the desktop's text, 1024 x 700, the search open: the notes kept the
    width of their title and buttons on one line (~490 px) and the details beside them
    got ~100 px, a word a line. The notes now take at most their share of the row
    (their title goes above the buttons), and take it anew when the search opens."""
    from PySide6.QtGui import QFont, QFontMetricsF
    from PySide6.QtWidgets import QApplication

    usual = QFont(QApplication.font())
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * 2)
    QApplication.setFont(larger)
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    try:
        with opened_window(qtbot, catalog, settings, store, show=False) as win:
            _show_at(win, qtbot, 1024, 700)
            win.show_search()
            with qtbot.waitSignal(win.search.result_shown):
                win.search.box.setText("putin")
                win.search.run_now()
            win.focus.select_event("2018-07-16-helsinki-summit")
            settle()
            assert win.annotations is not None
            editor = win.annotations.editor
            chars = QFontMetricsF(win.detail.font()).averageCharWidth()
            assert win.detail.width() >= 16 * chars, (win.detail.width(), editor.width())
            for button in (editor.star, editor.colour, editor.edit_button):
                words = button.fontMetrics().horizontalAdvance(button.text())
                assert button.width() >= words, button.text()
    finally:
        QApplication.setFont(usual)
        store.close()


def test_the_notes_edge_stays_where_the_reader_moved_it(
    qtbot: QtBot, catalog: Catalog, settings: QSettings, tmp_path: Path
) -> None:
    """The row beside the details is shared again when the search opens or closes;
    not once the reader has dragged the notes' edge."""
    from PySide6.QtCore import QPoint

    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    try:
        with opened_window(qtbot, catalog, settings, store, show=False) as win:
            _show_at(win, qtbot, 1024, 700)
            right = win.right
            assert right is not None and right.orientation() == Qt.Orientation.Horizontal
            shared = right.sizes()[1]
            handle = right.handle(1)
            middle = handle.rect().center()
            qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
            qtbot.mouseMove(handle, middle - QPoint(80, 0))
            qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=middle - QPoint(80, 0))
            settle()
            dragged = right.sizes()[1]
            assert dragged > shared + 40  # the notes widened by the drag
            win.show_search()
            settle()
            win.search_dock.hide()
            settle()
            assert right.sizes()[1] == dragged
    finally:
        store.close()


def test_a_second_run_keeps_the_notes_row_on_one_line(
    qtbot: QtBot, catalog: Catalog, settings: QSettings, tmp_path: Path
) -> None:
    """The window restores its splitters before it has its size; the notes then came
    back narrower than their one line at 1024 x 700 ("My notes" above the buttons)."""
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    try:
        for _run in range(2):
            with opened_window(qtbot, catalog, settings, store, show=False) as win:
                _show_at(win, qtbot, 1024, 700)
                assert win.annotations is not None
                assert not win.annotations.editor.top.wrapped, win.annotations.editor.width()
                win.save_state()
    finally:
        store.close()


def _drag_notes_edge(win: MainWindow, qtbot: QtBot, by: int) -> int:
    right = win.right
    assert right is not None and right.orientation() == Qt.Orientation.Horizontal
    handle = right.handle(1)
    middle = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, middle + QPoint(by, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=middle + QPoint(by, 0))
    settle()
    return right.sizes()[1]


def test_the_notes_width_the_reader_chose_is_kept_in_the_next_run(
    qtbot: QtBot, catalog: Catalog, settings: QSettings, tmp_path: Path
) -> None:
    """A narrow window's notes came back at the width the window shares out, whatever
    the reader had dragged them to. Kept now, in the next run and as the window's size
    changes, until the window is arranged otherwise (widened: details over notes)."""
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    try:
        with opened_window(qtbot, catalog, settings, store, show=False) as win:
            _show_at(win, qtbot, 1024, 700)
            assert win.right is not None
            shared = win.right.sizes()[1]
            dragged = _drag_notes_edge(win, qtbot, -80)
            assert dragged > shared + 40
            win.save_state()
        with opened_window(qtbot, catalog, settings, store, show=False) as win:
            _show_at(win, qtbot, 1024, 700)
            assert win.right is not None
            assert win.right.sizes()[1] == dragged
            _show_at(win, qtbot, 1180, 740)  # still narrow: the details take the change
            assert win.right.sizes()[1] == dragged
            _show_at(win, qtbot, 1600, 1000)  # arranged otherwise: the choice is done
            _show_at(win, qtbot, 1024, 700)
            assert win.right.sizes()[1] == shared
            win.save_state()
        with opened_window(qtbot, catalog, settings, store, show=False) as win:
            _show_at(win, qtbot, 1024, 700)
            assert win.right is not None
            assert win.right.sizes()[1] == shared
    finally:
        store.close()
