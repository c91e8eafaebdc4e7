"""The order in which the keyboard and a screen reader go through the window's parts:
as the eye reads, the toolbar, the search, the profile header, the timeline and its
overview, the details, then the notes."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


def apply(window: MainWindow) -> None:
    """Put Tab's order and the screen reader's order right (again after the notes come)."""
    _order_tabs(window)
    _order_for_readers(window)


def _order_tabs(window: MainWindow) -> None:
    chain: list[QWidget] = [window.menus.profile_picker, window.menus.lanes_button]
    if window.annotations is not None:
        chain.append(window.annotations.scope_picker)
    search, header = window.search_dock.made, window.header
    if search is not None:  # made when the dock is first shown
        chain += [search.box, search.filter_button, search.order, search.save_button]
        chain.append(search.results)
    chain += [header.summary_label, header.tabs]
    chain += [header.context_view, header.actions_view, header.criticism_view]
    chain += [window.timeline, window.overview, window.detail]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


def _order_for_readers(window: MainWindow) -> None:
    """A screen reader walks a window's parts in the order of its child widgets, which
    follows their stacking (a raised widget goes last), not the layout: put them in
    reading order, as Tab goes. The panes never overlap, so nothing moves on screen."""
    parts: list[QWidget | None] = [window.menuBar(), window.menus.toolbar, window.search_dock]
    parts += [window.outer, window.header, window.body, window.timeline.parentWidget()]
    parts += [window.right, window.detail]
    if window.annotations is not None:
        parts.append(window.annotations.editor)
    parts.append(window.statusBar())
    for part in parts:
        if part is not None:
            part.raise_()
