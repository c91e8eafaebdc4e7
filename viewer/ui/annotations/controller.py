"""The user's own layer over the catalog: annotations, own events and the scope.

One object owns everything the window shows of the user's work once their
annotations are open: the editor and file actions, the index of marks and tags,
the user's own events, and which events the view is narrowed to. The window asks
it to narrow the profile's events and to tell whether an event is the user's; it
tells the window by signals when what is shown must change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QWidget

from viewer.core.annotations.records import Annotation, Mark, UserEvent
from viewer.core.annotations.scope import Scope, scopes
from viewer.core.catalog.read import Catalog
from viewer.core.dates.fuzzy import FuzzyDate
from viewer.core.dates.user import parse_user_date
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lanes import LANES, lane_of
from viewer.ui.annotations.commands import save_user_event
from viewer.ui.annotations.editor import AnnotationEditor
from viewer.ui.annotations.file_actions import AnnotationFiles
from viewer.ui.annotations.orphans import OrphansDialog
from viewer.ui.annotations.user_event_dialog import UserEventDialog
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.view_state import ViewState

if TYPE_CHECKING:
    from collections.abc import Mapping

    from viewer.core.annotations.loading import OpenedAnnotations


class AnnotationsController(QObject):
    shown_changed = Signal()  # the events to show changed (scope, own events)
    marks_changed = Signal()  # a star, note or colour changed (the live marks are updated)

    def __init__(
        self,
        opened: OpenedAnnotations,
        catalog: Catalog,
        state: ViewState,
        undo_stack: QUndoStack,
        reporter: ErrorReporter,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.state = state
        self.store = opened.store
        self.catalog = catalog
        self.undo_stack = undo_stack
        self._window = window
        self._reporter = reporter
        self.editor = AnnotationEditor(self.store, undo_stack)
        self.files = AnnotationFiles(self.store, catalog, reporter, window)
        self.index = opened.index
        self.own: dict[str, UserEvent] = {e.id: e for e in opened.user_events}  # read off-thread
        self._with_own: tuple[TimelineData, TimelineData] | None = None  # (base, with own)
        self.scope_picker = self._make_scope_picker()
        self.file_actions = self._make_file_actions()
        self.add_action, self.own_event_actions = self._make_own_event_actions()
        self.editor.annotation_changed.connect(self._on_saved)
        state.scope_changed.connect(self._show_scope)
        state.selection_changed.connect(self.selection_changed)
        self.selection_changed(state.selection)
        self.editor.save_failed.connect(
            lambda message: reporter.report("Your notes could not be saved", message, window)
        )

    @staticmethod
    def orphans_text(missing: int) -> str:
        return (
            f"{missing} of your notes belong to events this catalog no longer has: "
            "File > Notes on missing events"
        )

    # -- what the window shows ----------------------------------------------------------

    def narrow(self, data: TimelineData) -> TimelineData:
        """`data` (a profile's events) with the user's own events, cut to the scope."""
        if self._with_own is None or self._with_own[0] is not data:
            self._with_own = (data, data.with_events(self._own_for_timeline()))
        shown = self._with_own[1]
        ids = self.index.in_scope(self.scope)
        return shown if ids is None else shown.subset(shown.mask_of(ids))

    def scope_ids(self) -> frozenset[str] | None:
        return self.index.in_scope(self.scope)

    def marks(self) -> Mapping[str, Mark]:
        return self.index.marks()

    def user_event(self, event_id: str) -> UserEvent | None:
        return self.own.get(event_id)

    def describe(self, event: UserEvent) -> tuple[str, str]:
        """The user event's date as known and its kind, as the detail pane shows them."""
        date = parse_user_date(event.date)
        kinds = [lane.label for lane in LANES if event.kind in {k.value for k in lane.kinds}]
        return (date.label() if date else event.date, kinds[0] if kinds else event.kind)

    def selection_changed(self, event_ids: tuple[str, ...]) -> None:
        """Follow the selection: the editor edits the event's notes; Edit and Delete
        act on it if it is the user's own."""
        own = self.user_event(event_ids[-1]) if event_ids else None
        for action in self.own_event_actions:
            action.setEnabled(own is not None)
        self.editor.show_event(event_ids[-1] if event_ids else None)

    def _own_for_timeline(self) -> list[tuple[str, str, FuzzyDate, int]]:
        own = []
        for event in self.own.values():
            date = parse_user_date(event.date)
            if date is not None:  # an unreadable date stays off the timeline
                lane = lane_of(event.kind, self.catalog.lanes)
                own.append((event.id, event.title, date, lane))
        return own

    # -- scope --------------------------------------------------------------------------

    @property
    def scope(self) -> Scope:
        return self.state.scope

    def _show_scope(self, scope: Scope) -> None:
        """The picker follows the view state's scope (however it was chosen)."""
        index = self.scope_picker.findText(scope.label)
        if index >= 0 and index != self.scope_picker.currentIndex():
            self.scope_picker.blockSignals(True)
            self.scope_picker.setCurrentIndex(index)
            self.scope_picker.blockSignals(False)

    def _make_scope_picker(self) -> QComboBox:
        picker = QComboBox()
        picker.setAccessibleName("Show events")
        picker.setToolTip("Show all events, or only those you starred, noted or tagged")
        self.scope_picker = picker
        self._refresh_scopes()
        picker.currentIndexChanged.connect(lambda _i: self.state.set_scope(picker.currentData()))
        return picker

    def _refresh_scopes(self) -> None:
        picker = self.scope_picker
        tags = [name for name, _n in self.store.tags_in_use()]
        picker.blockSignals(True)
        picker.clear()
        for scope in scopes(tags):
            picker.addItem(scope.label, scope)
        picker.setCurrentIndex(max(0, picker.findText(self.scope.label)))
        picker.blockSignals(False)

    # -- saves --------------------------------------------------------------------------

    def flush(self) -> bool:
        """Save a note still being typed (before undo, redo or closing); True when every
        change is saved."""
        return self.editor.flush()

    def _on_saved(self, saved: Annotation) -> None:
        """One annotation changed: update only what shows it (fast at any count)."""
        if self.index.put(saved):  # its tags changed: so may the tags in use
            self._refresh_scopes()
        if self.scope.kind != "all":
            self.shown_changed.emit()
        else:
            self.marks_changed.emit()

    def reload(self) -> None:
        """Many annotations may have changed (an import, orphans): read them again."""
        self.index = self.store.index()
        self._read_own()
        self._refresh_scopes()
        self.shown_changed.emit()

    # -- the user's own events ----------------------------------------------------------

    def add_user_event(self, event: UserEvent | None = None) -> UserEvent | None:
        """Add an event of the user's own (from the dialog unless one is given) and
        select it."""
        if event is None:
            dialog = UserEventDialog(parent=self._window)
            if dialog.exec() != UserEventDialog.DialogCode.Accepted:
                return None
            event = dialog.user_event()
        self.flush()
        self.undo_stack.push(
            save_user_event(
                self.store, None, event, "Add my event", self._own_changed, self._not_saved
            )
        )
        self.state.select([event.id], reveal=True)
        return event

    def edit_user_event(self, changed: UserEvent | None = None) -> None:
        """Change the selected event of the user's own (from the dialog unless given)."""
        current = self.user_event(self.state.current or "")
        if current is None:
            return
        if changed is None:
            dialog = UserEventDialog(current, self._window)
            if dialog.exec() != UserEventDialog.DialogCode.Accepted:
                return
            changed = dialog.user_event()
        self.undo_stack.push(
            save_user_event(
                self.store, current, changed, "Edit my event", self._own_changed, self._not_saved
            )
        )
        self.state.select([current.id], reveal=True)

    def delete_user_event(self) -> None:
        current = self.user_event(self.state.current or "")
        if current is not None:
            self.undo_stack.push(
                save_user_event(
                    self.store, current, None, "Delete my event", self._own_changed, self._not_saved
                )
            )

    def _not_saved(self, exc: Exception) -> None:
        self._reporter.report(
            "Your event could not be saved",
            f"{exc}. Undo (Ctrl+Z) goes back to what is saved; try again once the disk allows.",
            self._window,
        )

    def _own_changed(self) -> None:
        self._read_own()
        self.shown_changed.emit()

    def _read_own(self) -> None:
        """The user's own events again, after they changed (the timeline is rebuilt)."""
        self.own = {e.id: e for e in self.store.user_events()}
        self.index.set_own(self.own)
        self._with_own = None

    # -- menus --------------------------------------------------------------------------

    def show_orphans(self) -> OrphansDialog:
        events = {eid: label[2] for eid, label in self.catalog.event_labels().items()}
        dialog = OrphansDialog(self.store, events, self._window)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def import_annotations(self) -> None:
        if self.files.import_():
            current = self.editor.current
            self.editor.show_event(current.event_id if current else None)
            self.reload()

    def _make_file_actions(self) -> list[QAction | None]:
        """File menu entries (None: a separator)."""
        actions: list[QAction | None] = []
        for label, slot in (
            ("Export &annotations…", self.files.export),
            ("Import anno&tations…", self.import_annotations),
            ("Export notes as &Markdown…", self.files.export_notes),
            (None, None),
            ("&Notes on missing events…", self.show_orphans),
            (None, None),
        ):
            if label is None or slot is None:
                actions.append(None)
                continue
            action = QAction(label, self)
            action.triggered.connect(lambda _c=False, f=slot: f())
            actions.append(action)
        return actions

    def _make_own_event_actions(self) -> tuple[QAction, list[QAction]]:
        """Add, and edit/delete (enabled while one of the user's own events is selected)."""
        add = QAction("&Add my event…", self)
        add.setShortcut(QKeySequence("Ctrl+Shift+N"))
        add.triggered.connect(lambda _c=False: self.add_user_event())
        edit, delete = QAction("&Edit my event…", self), QAction("&Delete my event", self)
        edit.triggered.connect(lambda _c=False: self.edit_user_event())
        delete.triggered.connect(lambda _c=False: self.delete_user_event())
        for action in (edit, delete):
            action.setEnabled(False)
        return add, [edit, delete]
