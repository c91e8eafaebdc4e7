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
from viewer.core.errors import ReadOnlyError, StorageError

if TYPE_CHECKING:
    from viewer.core.annotations.store import AnnotationStore


class Replace(QUndoCommand):
    """`done`: the change was saved before the command was pushed (the first redo, which
    QUndoStack runs on push, does nothing). `put` never raises: a save that fails is
    kept by whoever `put` hands it to, so no exception ever crosses Qt's C++ stack."""

    def __init__(
        self,
        text: str,
        before: Any,
        after: Any,
        put: Callable[[Any, Any], object],
        *,
        done: bool = False,
    ) -> None:
        super().__init__(text)
        self.before = before
        self.after = after
        self.put = put
        self._skip_redo = done

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.put(self.before, self.after)

    def undo(self) -> None:
        self.put(self.after, self.before)


def set_annotation(
    before: Annotation,
    after: Annotation,
    text: str,
    save: Callable[[Annotation, Annotation], object],
) -> Replace:
    """Replace one event's annotation, already saved by `save`; undo and redo save through
    `save` as well (which stamps the time, so an undo is newer than its edit, and keeps a
    change it cannot write)."""
    return Replace(text, before, after, lambda old, new: save(new, old), done=True)


def save_user_event(
    store: AnnotationStore,
    before: UserEvent | None,
    after: UserEvent | None,
    text: str,
    changed: Callable[[], None],
    failed: Callable[[Exception], None],
) -> Replace:
    """Add, change or (with `after` None) delete one of the user's own events. A change
    the store cannot write is handed to `failed` (it never raises through Qt)."""

    def put(old: UserEvent | None, new: UserEvent | None) -> None:
        try:
            if new is not None:
                store.save_user_event(replace(new, updated=""))
            elif old is not None:
                store.delete_user_event(old.id)
        except (StorageError, ReadOnlyError) as exc:
            failed(exc)
        changed()

    return Replace(text, before, after, put)
