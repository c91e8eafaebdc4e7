"""The timeline as a screen reader meets it: a list whose items are the events (and
counted clusters, stance bins, flips) in view, each named with what it is, its date as
known, its lane and its tone; accessibility focus follows the selection.

The painted widget has no child widgets; these interfaces stand for what it draws.
Python owns every interface returned to Qt, so the list keeps them for as long as the
scene they describe is on screen. Loaded when a screen reader first asks for the
timeline's interface (see `screen_reader`, which Qt asks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QRectF
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget

from viewer.core.dates.fuzzy import day_label
from viewer.core.timeline.lanes import TONES
from viewer.ui.timeline.scene_items import Item, ItemKind, Scene

if TYPE_CHECKING:
    from PySide6.QtGui import QWindow

    from viewer.ui.timeline.view import TimelineView


def describe(view: TimelineView, item: Item, found: frozenset[int] | None = None) -> str:
    """An item's name as spoken: what, when (as known), where on the timeline, tone;
    while a search is active (`found`: its events' rows), whether it was found (what
    the eye tells from the timeline's wash and frames)."""
    name = _describe(view, item)
    if found is None or item.kind in (ItemKind.FLIP, ItemKind.STANCE):
        return name
    rows: tuple[int, ...] | list[int] = item.rows
    if item.kind is ItemKind.CLUSTER:
        first = item.first
        rows = view.data.lanes[item.lane].point_rows[first : first + item.count].tolist()
    hits = sum(row in found for row in rows)
    if not hits:
        return name
    return f"{name}, found by the search" if len(rows) == 1 else f"{name}, {hits} found"


def found_rows(view: TimelineView) -> frozenset[int] | None:
    """The rows of the events the search found, while one is active."""
    return None if view.hit_rows is None else frozenset(view.hit_rows.tolist())


def _describe(view: TimelineView, item: Item) -> str:
    lane = view.lane_titles[item.lane] if 0 <= item.lane < len(view.lane_titles) else ""
    span = f"{day_label(int(item.start))} to {day_label(int(item.end) - 1)}"
    if item.kind is ItemKind.CLUSTER:
        return f"{item.count} events, {span}, {lane}"
    if item.kind is ItemKind.FLIP:
        return f"{item.label} of tone, {span}"
    if item.kind is ItemKind.STANCE and item.stance is None:
        return f"{item.label}, {span}, mostly {TONES[item.tone].value}, stance track"
    rows = item.rows
    if not rows:
        return item.label
    data = view.data
    row = rows[-1]
    if item.kind is ItemKind.STANCE:
        return f"Statement, {data.date_of(row).label()}, {TONES[item.tone].value}, stance track"
    if len(rows) > 1:
        return f"{len(rows)} events dated {data.date_of(row).label()}, {lane}"
    status = ", cancelled or not held" if data.cancelled[row] else ""
    tone = data.tone_of(row).value
    return f"{data.titles[row]}, {data.date_of(row).label()}, {lane}, {tone}{status}"


class TimelineAccessible(QAccessibleWidget):
    def __init__(self, view: TimelineView) -> None:
        super().__init__(view, QAccessible.Role.List, "Timeline")
        self.view = view
        self._scene: Scene | None = None
        self._children: list[ItemAccessible] = []

    def items(self) -> list[ItemAccessible]:
        scene = self.view.scene
        if scene is not self._scene:  # another frame: the items in view anew
            self._scene = scene
            found = found_rows(self.view)
            children = [ItemAccessible(self, i, found=found) for i in scene.items()]
            children += self._eras()
            children.sort(key=lambda c: (c.item.rect.left(), c.item.rect.top()))
            old, self._children = self._children, children
            self._retire(old)
        return self._children

    def _eras(self) -> list[ItemAccessible]:
        """The eras in view, each named with its dates (a band above the lanes)."""
        view, geo = self.view.view, self.view.geo
        out = []
        for era in self.view.eras:
            start, end = era.date.start_ordinal, era.date.end_ordinal + 1
            if end < view.start or start > view.end:
                continue
            x0 = max(0.0, view.x_of(start)) + geo.time_left
            x1 = min(float(view.width), view.x_of(end)) + geo.time_left
            rect = QRectF(x0, geo.eras.top, max(1.0, x1 - x0), geo.eras.height)
            item = Item(ItemKind.BAR, rect, start=float(start), end=float(end), label=era.title)
            out.append(ItemAccessible(self, item, f"Era: {era.title}, {era.date.label()}"))
        return out

    def _retire(self, old: list[ItemAccessible]) -> None:
        """Items no longer in view: those handed to Qt are taken out of its cache (which
        deletes them) before Python lets them go. Left there, the screen reader's bridge
        kept pointers to freed items and the app crashed on the next key (seen with
        Orca: a segmentation fault at the second event)."""
        for child in old:
            if child.handed:
                QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(child))

    def childCount(self) -> int:
        return len(self.items())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes None (nullptr)
        items = self.items()
        if not 0 <= index < len(items):
            return None
        items[index].handed = True
        return items[index]

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        items = self.items()
        return items.index(child) if child in items else -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes None (nullptr)
        index = self.selected_index()
        return self.child(index) if index >= 0 else None

    def selected_index(self) -> int:
        """The item of the selected event: its marker or bar, before its statement on
        the stance track (which names the same event by its tone alone)."""
        chosen = set(self.view.selected[-1:])
        if not chosen:
            return -1
        found = [
            (child.item.kind is ItemKind.STANCE, n)
            for n, child in enumerate(self.items())
            if chosen & set(child.item.rows)
        ]
        return min(found)[1] if found else -1

    def announce_selection(self) -> None:
        """Move accessibility focus to the selected event (when one is in view)."""
        index = self.selected_index()
        if index >= 0 and QAccessible.isActive():
            event = QAccessibleEvent(self.view, QAccessible.Event.Focus)
            event.setChild(index)
            QAccessible.updateAccessibility(event)


class ItemAccessible(QAccessibleInterface):
    def __init__(
        self,
        parent: TimelineAccessible,
        item: Item,
        name: str = "",
        *,
        found: frozenset[int] | None = None,
    ) -> None:
        super().__init__()
        self._parent = parent
        self.item = item
        self.name = name or describe(parent.view, item, found)
        self.era = bool(name)  # an era, not an event: no tooltip of its own
        self.handed = False  # given to Qt, which may keep it in its cache

    def isValid(self) -> bool:
        return True

    def object(self) -> QObject | None:  # type: ignore[override]  # Qt takes None (nullptr)
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]  # Qt takes None (nullptr)
        return self._parent.window()

    def parent(self) -> QAccessibleInterface:
        return self._parent

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes None (nullptr)
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes None (nullptr)
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes None (nullptr)
        return None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.name
        if kind == QAccessible.Text.Description:
            return "" if self.era else self._parent.view.describe(self.item)
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        pass

    def rect(self) -> QRect:
        view = self._parent.view.viewport()
        local = self.item.rect.toAlignedRect()
        return QRect(view.mapToGlobal(local.topLeft()), local.size())

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.selectable = True
        state.focusable = True
        chosen = set(self._parent.view.selected)
        state.selected = bool(chosen & set(self.item.rows))
        state.focused = state.selected and self._parent.view.hasFocus()
        state.offscreen = not self._shown()
        return state

    def _shown(self) -> bool:
        """Whether any of it is in sight: not scrolled up behind the axis (the eras and
        stance track in a short timeline) or out of the lanes' area, nor below the view."""
        geo = self._parent.view.geo
        top = geo.shown_from(self.item.in_lane and not self.era)
        return self.item.rect.bottom() > top and self.item.rect.top() < geo.height
