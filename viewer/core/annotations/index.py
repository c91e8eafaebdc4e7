"""The user's annotations held in memory, indexed the ways the window asks for them.

Loaded once when the annotations open and then kept in step one save at a time, so
that narrowing to a scope (starred, noted, coloured, a tag) and finding an event's
mark cost the size of the answer, not a walk over every annotation: with 100,000
annotations a walk takes tens of milliseconds, more than a frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

from viewer.core.annotations.records import Annotation, Mark
from viewer.core.annotations.scope import Scope


class AnnotationIndex:
    def __init__(self, annotations: Mapping[str, Annotation] = {}, own: Iterable[str] = ()):
        self._notes: dict[str, Annotation] = {}
        self._starred: set[str] = set()
        self._noted: set[str] = set()
        self._coloured: set[str] = set()
        self._tagged: dict[str, set[str]] = {}
        self._own: set[str] = set()
        self._marks: dict[str, Mark] = {}
        for annotation in annotations.values():
            self._add(annotation)
        self.set_own(own)

    # -- reading ----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._notes)

    def __iter__(self) -> Iterator[str]:
        return iter(self._notes)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._notes

    def get(self, event_id: str) -> Annotation | None:
        return self._notes.get(event_id)

    def in_scope(self, scope: Scope) -> frozenset[str] | None:
        """The events in the scope, or None for no restriction ("All events")."""
        if scope.kind == "all":
            return None
        found = {
            "starred": self._starred,
            "noted": self._noted,
            "coloured": self._coloured,
        }.get(scope.kind)
        if found is None:
            found = self._tagged.get(scope.tag, set())
        return frozenset(found)

    def mark(self, event_id: str) -> Mark | None:
        """How the timeline shows the event's annotation (None: nothing to show)."""
        return self._marks.get(event_id)

    def marks(self) -> Mapping[str, Mark]:
        """Every event's mark, by event id (a live read-only view, not a copy)."""
        return MappingProxyType(self._marks)

    # -- keeping in step ------------------------------------------------------------------

    def put(self, annotation: Annotation) -> Annotation | None:
        """Record a saved annotation (an empty one removes it); returns the one it replaces."""
        old = self._notes.pop(annotation.event_id, None)
        if old is not None:
            self._remove(old)
        if not annotation.is_empty:
            self._add(annotation)
        return old

    def set_own(self, event_ids: Iterable[str]) -> None:
        """The ids of the user's own events (marked as theirs on the timeline)."""
        own = set(event_ids)
        changed = own ^ self._own
        self._own = own
        for event_id in changed:
            self._set_mark(event_id)

    def _set_mark(self, event_id: str) -> None:
        annotation = self._notes.get(event_id)
        own = event_id in self._own
        if annotation is not None:
            self._marks[event_id] = Mark.of(annotation, own=own)
        elif own:
            self._marks[event_id] = Mark(False, False, None, True)
        else:
            self._marks.pop(event_id, None)

    def _add(self, a: Annotation) -> None:
        self._notes[a.event_id] = a
        if a.starred:
            self._starred.add(a.event_id)
        if a.note.strip():
            self._noted.add(a.event_id)
        if a.colour is not None:
            self._coloured.add(a.event_id)
        for tag in a.tags:
            self._tagged.setdefault(tag, set()).add(a.event_id)
        self._set_mark(a.event_id)

    def _remove(self, a: Annotation) -> None:
        for found in (self._starred, self._noted, self._coloured):
            found.discard(a.event_id)
        for tag in a.tags:
            self._tagged.get(tag, set()).discard(a.event_id)
        self._set_mark(a.event_id)
