"""The window's state kept once: the model alone, and the panes that follow it.

Each window test here failed before the state had one home: the Lanes menu stayed
unticked when a search showed a hidden lane again, and the notes editor went on
editing the last profile's event after a switch."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from viewer.core.annotations.scope import Scope
from viewer.core.timeline.lanes import LANES
from viewer.ui.main_window import MainWindow
from viewer.ui.view_state import ViewState

HELSINKI = "2018-07-16-helsinki-summit"


def test_a_setter_that_changes_nothing_tells_no_one(qtbot: QtBot) -> None:
    state = ViewState()
    told: list[object] = []
    for signal in (state.selection_changed, state.scope_changed, state.hidden_lanes_changed):
        signal.connect(told.append)
    state.select(["a", "b"])
    state.select(("a", "b"))
    state.set_scope(Scope("starred"))
    state.set_scope(Scope("starred"))
    state.set_lane_hidden(2, True)
    state.set_lane_hidden(2, True)
    assert told == [("a", "b"), Scope("starred"), frozenset({2})]
    assert state.current == "b"


def test_another_profile_selects_nothing_before_it_is_announced(qtbot: QtBot) -> None:
    state = ViewState()
    state.set_profile("one")
    state.select(["an-event"])
    seen: list[tuple[str, tuple[str, ...]]] = []
    state.profile_changed.connect(lambda pid: seen.append((pid, state.selection)))
    state.set_profile("two")
    assert seen == [("two", ())]


def test_reveal_is_asked_for_even_when_the_selection_stays(qtbot: QtBot) -> None:
    state = ViewState()
    state.select(["x"])
    with qtbot.waitSignal(state.reveal_requested) as blocker:
        state.select(["x"], reveal=True)
    assert blocker.args == ["x"]


@pytest.fixture
def annotated(annotated_window: MainWindow) -> MainWindow:
    return annotated_window


def test_a_hidden_lane_shown_again_by_a_search_is_ticked_in_the_lanes_menu(
    window: MainWindow,
) -> None:
    meetings = next(n for n, lane in enumerate(LANES) if lane.key == "meetings")
    window.menus.lane_actions[meetings].setChecked(False)
    assert meetings in window.timeline.hidden_lanes
    window.focus.select_event(HELSINKI)  # as a search result or a link does
    assert meetings not in window.timeline.hidden_lanes
    assert meetings not in window.state.hidden_lanes
    assert window.menus.lane_actions[meetings].isChecked()


def test_a_profile_switch_leaves_no_pane_on_the_last_event(annotated: MainWindow) -> None:
    annotated.focus.select_event(HELSINKI)
    editor = annotated.annotations.editor if annotated.annotations else None
    assert editor is not None and editor.current is not None
    assert editor.current.event_id == HELSINKI
    other = next(p.id for p in annotated.profiles if p.id != annotated.state.profile)
    annotated.menus.profile_picker.setCurrentIndex(annotated.menus.profile_picker.findData(other))
    assert annotated.state.profile == other
    assert annotated.state.selection == ()
    assert annotated.timeline.selected_ids() == []
    assert annotated.detail.detail is None  # the placeholder
    assert editor.current is None and not editor.isEnabled()


def test_a_flow_through_the_state_alone(annotated: MainWindow, qtbot: QtBot) -> None:
    """Select → annotate → narrow → switch profile → back to all: every pane agrees."""
    state, user = annotated.state, annotated.annotations
    assert user is not None
    status = annotated.statusBar()
    counts = status.currentMessage()
    state.select([HELSINKI], reveal=True)
    assert annotated.timeline.selected_ids() == [HELSINKI]
    assert annotated.detail.detail is not None and annotated.detail.detail.event.id == HELSINKI
    user.editor.star.setChecked(True)  # a star, saved through the editor
    qtbot.waitUntil(lambda: user.index.mark(HELSINKI) is not None)
    state.set_scope(Scope("starred"))
    assert user.scope_picker.currentText() == "Starred"
    assert list(annotated.timeline.data.ids) == [HELSINKI]
    assert status.currentMessage() == "Showing starred: 1 event"
    assert annotated.timeline.selected_ids() == [HELSINKI]  # still shown, still selected
    other = next(p.id for p in annotated.profiles if p.id != state.profile)
    state.set_profile(other)
    assert annotated.detail.detail is None and user.editor.current is None
    state.set_scope(Scope())
    assert user.scope_picker.currentText() == "All events"
    assert status.currentMessage() == counts
