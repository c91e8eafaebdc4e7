"""View > Go to date: a typed date ("2018-07", "44 BCE", "66 million years ago")
brought into view, with a word in the status bar when the timeline does not reach it."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMainWindow

from viewer.core.dates.fuzzy import day_label
from viewer.core.dates.typed import parse_typed_date
from viewer.ui.status_line import tell
from viewer.ui.timeline.view import TimelineView


def ask_go_to_date(window: QMainWindow, timeline: TimelineView) -> None:
    text, ok = QInputDialog.getText(
        window,
        "Go to date",
        "Date (for example 2018, 2018-07, 2018-07-16, 44 BCE or 66 million years ago):",
    )
    if ok:
        go_to_date(window, timeline, text)


def go_to_date(window: QMainWindow, timeline: TimelineView, text: str) -> bool:
    """Show the period `text` names, marked until Escape; False (and why, in the status
    bar) if it is not a date."""
    status = window.statusBar()
    parsed = parse_typed_date(text)
    if parsed is None:
        tell(status, f"Not a date I can read: {text!r}. Try 2018-07-16.")
        return False
    start, end = parsed
    limits = timeline.limits
    if end <= limits.first or start >= limits.last:  # the view would stop at the edge
        first, last = (day_label(int(d)) for d in (limits.first, limits.last - 1))
        tell(
            status,
            f"{text.strip()} is outside this timeline, which runs from {first} to {last}; "
            "showing its nearest end.",
        )
    timeline.show_range(start, end)  # the period itself, a little either side
    timeline.mark_period((start, end, text.strip()))
    return True
