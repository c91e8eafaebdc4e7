"""Undoable annotation edits: each command saves the whole annotation before and after."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from viewer.core.annotations.records import Annotation, UserEvent

if TYPE_CHECKING:
    from viewer.core.annotations.store import AnnotationStore


class SetAnnotation(QUndoCommand):
    """Replace one event's annotation; saving happens in redo/undo, so it is immediate."""

    def __init__(
        self,
        store: AnnotationStore,
        before: Annotation,
        after: Annotation,
        text: str,
        changed: Callable[[Annotation], None],
    ) -> None:
        super().__init__(text)
        self.store = store
        self.before = before
        self.after = after
        self.changed = changed

    def redo(self) -> None:
        self.changed(self.store.save(_fresh(self.after)))

    def undo(self) -> None:
        self.changed(self.store.save(_fresh(self.before)))


def _fresh(annotation: Annotation) -> Annotation:
    """The annotation stamped now (so an undo is newer than what it undoes)."""
    return Annotation(
        annotation.event_id, annotation.note, annotation.tags, annotation.starred, annotation.colour
    )


class SaveUserEvent(QUndoCommand):
    """Add, change or (with `after` None) delete one of the user's own events."""

    def __init__(
        self,
        store: AnnotationStore,
        before: UserEvent | None,
        after: UserEvent | None,
        text: str,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.store = store
        self.before = before
        self.after = after
        self.changed = changed

    def _put(self, old: UserEvent | None, new: UserEvent | None) -> None:
        if new is not None:
            self.store.save_user_event(replace(new, updated=""))
        elif old is not None:
            self.store.delete_user_event(old.id)
        self.changed()

    def redo(self) -> None:
        self._put(self.before, self.after)

    def undo(self) -> None:
        self._put(self.after, self.before)
