"""A screen reader walks the timeline: its events in view are a list of named items
(what, when as known, lane, tone), and the selected one is marked (issue 19: it heard
only "Timeline")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from tests.ui.conftest import settle
from viewer.ui.main_window import MainWindow

HELSINKI = "2018-07-16-helsinki-summit"


def _names(window: MainWindow) -> list[str]:
    interface = QAccessible.queryAccessibleInterface(window.timeline)
    assert interface is not None
    return [interface.child(i).text(QAccessible.Text.Name) for i in range(interface.childCount())]


def test_the_events_in_view_are_named_items(window: MainWindow) -> None:
    interface = QAccessible.queryAccessibleInterface(window.timeline)
    assert interface is not None
    assert interface.role() == QAccessible.Role.List
    assert interface.text(QAccessible.Text.Name) == "Timeline"
    window.timeline.show_range(dt.date(2018, 6, 1).toordinal(), dt.date(2018, 9, 1).toordinal())
    names = _names(window)
    assert "Helsinki summit, 16 Jul 2018, Meetings & summits, warm" in names
    helsinki = interface.child(
        names.index("Helsinki summit, 16 Jul 2018, Meetings & summits, warm")
    )
    assert helsinki.role() == QAccessible.Role.ListItem
    assert helsinki.parent() is not None
    assert not helsinki.rect().isEmpty()


def test_the_stance_track_and_flips_are_named_too(window: MainWindow) -> None:
    names = _names(window)  # the whole timeline
    assert any(name.startswith("Statement, ") and name.endswith("stance track") for name in names)
    assert any(name.startswith("Flip of tone, ") for name in names)


def test_the_selected_event_is_the_focused_item(window: MainWindow, qtbot: QtBot) -> None:
    window.timeline.show_range(dt.date(2018, 6, 1).toordinal(), dt.date(2018, 9, 1).toordinal())
    window.state.select([HELSINKI])
    interface = QAccessible.queryAccessibleInterface(window.timeline)
    assert interface is not None
    focused = interface.focusChild()
    assert focused is not None and focused.text(QAccessible.Text.Name).startswith("Helsinki summit")
    assert focused.state().selected


def test_with_a_screen_reader_listening_a_selection_is_announced(window: MainWindow) -> None:
    """Focus moves to the event chosen through the interface loaded on the first ask."""
    window.timeline.show_range(dt.date(2018, 6, 1).toordinal(), dt.date(2018, 9, 1).toordinal())
    QAccessible.setActive(True)  # as when a screen reader is connected
    try:
        window.state.select([HELSINKI])
        interface = QAccessible.queryAccessibleInterface(window.timeline)
        assert interface is not None and interface.focusChild() is not None
    finally:
        QAccessible.setActive(False)


def test_items_qt_has_cached_are_taken_out_when_the_view_moves(window: MainWindow) -> None:
    """A screen reader's bridge keeps each item it is given in Qt's cache, by id. When
    the view moved, the items went away under it and the app crashed on the next key
    (a segmentation fault heard with Orca); now they leave the cache first."""
    import gc

    interface = QAccessible.queryAccessibleInterface(window.timeline)
    assert interface is not None
    window.timeline.show_range(dt.date(2018, 6, 1).toordinal(), dt.date(2018, 9, 1).toordinal())
    ids = [QAccessible.uniqueId(interface.child(i)) for i in range(interface.childCount())]
    assert ids and all(QAccessible.accessibleInterface(i) is not None for i in ids)
    window.timeline.show_range(dt.date(2025, 1, 1).toordinal(), dt.date(2025, 12, 31).toordinal())
    assert interface.childCount() > 0  # the items of the new view
    gc.collect()
    assert all(QAccessible.accessibleInterface(i) is None for i in ids)


def test_focus_goes_to_the_event_not_its_statement(window: MainWindow) -> None:
    from viewer.ui.timeline.accessible import TimelineAccessible

    window.focus.select_event(HELSINKI)
    interface = QAccessible.queryAccessibleInterface(window.timeline)
    assert isinstance(interface, TimelineAccessible)
    focused = interface.focusChild()
    assert focused is not None
    assert focused.text(QAccessible.Text.Name).startswith("Helsinki summit, 16 Jul 2018")


def test_the_details_say_what_they_show_when_reached(window: MainWindow) -> None:
    window.focus.select_event(HELSINKI)
    name = window.detail.accessibleName()
    assert name.startswith("Event details: Helsinki summit, 16 Jul 2018, Presidential Palace")
    assert "5 quotes" in name


def test_the_eras_in_view_are_named_with_their_dates(window: MainWindow) -> None:
    names = _names(window)  # the whole timeline
    eras = [n for n in names if n.startswith("Era: ")]
    assert "Era: Trump's first term, 2017–2021" in eras, eras
    first_term = names.index("Era: Trump's first term, 2017–2021")
    helsinki = next(i for i, n in enumerate(names) if n.startswith("Helsinki summit"))
    assert first_term < helsinki  # read in time order: the era, then what happened in it


def test_while_searching_the_found_events_say_so(window: MainWindow) -> None:
    """The eye tells the found events from the rest by the wash and the frames; a
    screen reader hears it in their names (and a cluster, how many of its events)."""
    view = window.timeline
    view.show_range(dt.date(2018, 6, 1).toordinal(), dt.date(2018, 9, 1).toordinal())
    helsinki = "Helsinki summit, 16 Jul 2018, Meetings & summits, warm"
    view.set_hits([HELSINKI])
    names = _names(window)
    assert f"{helsinki}, found by the search" in names
    others = [
        n
        for n in names
        if n.endswith(" found by the search") and n != f"{helsinki}, found by the search"
    ]
    assert not others
    window.resize(700, 600)  # narrow: two meetings of 2017 share one counted marker
    settle()
    view.fit_all()  # zoomed out, events crowd into counted clusters and bars
    view.set_hits(list(view.data.ids))
    several = [n for n in _names(window) if n[0].isdigit() and " events" in n]
    assert any(" to " in n for n in several)  # a counted cluster: "2 events, 7 Jul to …"
    assert several and all(n.endswith(f", {n.split(' ')[0]} found") for n in several)
    view.set_hits(None)
    assert not [n for n in _names(window) if n.endswith(" found") or n.endswith(" by the search")]


def test_items_out_of_sight_are_marked_offscreen(window: MainWindow) -> None:
    """A screen reader's review of the screen skips what is not in sight: the lanes
    below a short timeline's foot, and, scrolled to its end, the eras and statements
    gone up behind the axis."""
    from tests.ui.conftest import twice_the_text_at_1024_by_700

    twice_the_text_at_1024_by_700(window)
    view = window.timeline
    interface = QAccessible.queryAccessibleInterface(view)
    assert interface is not None

    def offscreen() -> dict[str, bool]:
        children = [interface.child(i) for i in range(interface.childCount())]
        return {c.text(QAccessible.Text.Name): c.state().offscreen for c in children}

    top = offscreen()
    assert not [name for name, away in top.items() if name.startswith("Era: ") and away]
    assert [name for name, away in top.items() if "Context" in name and away]  # the last lane
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    settle()
    end = offscreen()
    assert all(away for name, away in end.items() if name.startswith("Era: "))
    assert all(away for name, away in end.items() if name.startswith("Statement, "))
    assert [name for name, away in end.items() if "Context" in name and not away]
