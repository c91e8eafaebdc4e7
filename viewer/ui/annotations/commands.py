"""Undoable edits of the user's annotations and events.

One command does both kinds: it replaces a record's state `before` by `after`
through a `put(old, new)` that saves at once, and undo puts the old one back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from viewer.core.annotations.records import Annotation, UserEvent

if TYPE_CHECKING:
    from viewer.core.annotations.store import AnnotationStore


class Replace(QUndoCommand):
    def __init__(self, text: str, before: Any, after: Any, put: Callable[[Any, Any], None]) -> None:
        super().__init__(text)
        self.before = before
        self.after = after
        self.put = put

    def redo(self) -> None:
        self.put(self.before, self.after)

    def undo(self) -> None:
        self.put(self.after, self.before)


def set_annotation(
    store: AnnotationStore,
    before: Annotation,
    after: Annotation,
    text: str,
    changed: Callable[[Annotation], None],
) -> Replace:
    """Replace one event's annotation (stamped now, so an undo is newer than its edit)."""

    def put(_old: Annotation, new: Annotation) -> None:
        changed(store.save(replace(new, updated="")))

    return Replace(text, before, after, put)


def save_user_event(
    store: AnnotationStore,
    before: UserEvent | None,
    after: UserEvent | None,
    text: str,
    changed: Callable[[], None],
) -> Replace:
    """Add, change or (with `after` None) delete one of the user's own events."""

    def put(old: UserEvent | None, new: UserEvent | None) -> None:
        if new is not None:
            store.save_user_event(replace(new, updated=""))
        elif old is not None:
            store.delete_user_event(old.id)
        changed()

    return Replace(text, before, after, put)
