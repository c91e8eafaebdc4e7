"""What the window needs to know of every annotation, held in memory and indexed.

Only the marks (star, note or not, colour) and tags are held, not the notes
themselves: loaded once from a few narrow queries when the annotations open, then
kept in step one save at a time. Narrowing to a scope (starred, noted, coloured, a
tag) and finding an event's mark then cost the size of the answer, not a walk over
every annotation, which with 100,000 of them takes longer than a frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet

from viewer.core.annotations.records import Annotation, Mark
from viewer.core.annotations.scope import Scope


class AnnotationIndex:
    def __init__(self, annotations: Iterable[Annotation] = (), own: Iterable[str] = ()):
        self._annotated: set[str] = set()
        self._starred: set[str] = set()
        self._noted: set[str] = set()
        self._colour: dict[str, str] = {}
        self._tagged: dict[str, set[str]] = {}
        self._own: set[str] = set(own)
        self._scoped: dict[Scope, frozenset[str]] = {}  # answers kept until the next save
        for annotation in annotations:
            self.put(annotation)

    @classmethod
    def from_sets(
        cls,
        annotated: set[str],
        starred: set[str],
        noted: set[str],
        colour: dict[str, str],
        tagged: dict[str, set[str]],
        own: Iterable[str],
    ) -> AnnotationIndex:
        """Built in bulk (by the store) from the ids in each group."""
        index = cls(own=own)
        index._annotated = annotated
        index._starred = starred
        index._noted = noted
        index._colour = colour
        index._tagged = tagged
        return index

    # -- reading ----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._annotated)

    def __iter__(self) -> Iterator[str]:
        return iter(self._annotated)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._annotated

    def event_ids(self) -> AbstractSet[str]:
        """Every annotated event's id (read-only; not a copy)."""
        return self._annotated

    def own_ids(self) -> AbstractSet[str]:
        """The user's own events' ids (read-only; not a copy)."""
        return self._own

    def in_scope(self, scope: Scope) -> frozenset[str] | None:
        """The events in the scope, or None for no restriction ("All events").

        Kept until the next save: narrowing the timeline and the search ask in turn.
        """
        if scope.kind == "all":
            return None
        answer = self._scoped.get(scope)
        if answer is None:
            if scope.kind == "coloured":
                answer = frozenset(self._colour)
            else:
                found = {"starred": self._starred, "noted": self._noted}.get(scope.kind)
                answer = frozenset(self._tagged.get(scope.tag, set()) if found is None else found)
            self._scoped[scope] = answer
        return answer

    def mark(self, event_id: str) -> Mark | None:
        """How the timeline shows the event's annotation (None: nothing to show)."""
        own = event_id in self._own
        if event_id not in self._annotated:
            return Mark(False, False, None, True) if own else None
        return Mark(
            event_id in self._starred, event_id in self._noted, self._colour.get(event_id), own
        )

    def marks(self) -> Mapping[str, Mark]:
        """Every event's mark by event id: a live view, worked out as it is looked up."""
        return _Marks(self)

    # -- keeping in step ------------------------------------------------------------------

    def put(self, a: Annotation) -> bool:
        """Record a saved annotation (an empty one removes it). True if its tags changed."""
        self._scoped.clear()
        event_id = a.event_id
        old_tags = tuple(sorted(t for t, ids in self._tagged.items() if event_id in ids))
        for tag in old_tags:
            self._tagged[tag].discard(event_id)
        for found in (self._annotated, self._starred, self._noted):
            found.discard(event_id)
        self._colour.pop(event_id, None)
        new_tags = () if a.is_empty else tuple(sorted(set(a.tags)))
        if not a.is_empty:
            self._annotated.add(event_id)
            if a.starred:
                self._starred.add(event_id)
            if a.note.strip():
                self._noted.add(event_id)
            if a.colour is not None:
                self._colour[event_id] = a.colour
            for tag in new_tags:
                self._tagged.setdefault(tag, set()).add(event_id)
        return old_tags != new_tags

    def set_own(self, event_ids: Iterable[str]) -> None:
        """The ids of the user's own events (marked as theirs on the timeline)."""
        self._own = set(event_ids)


class _Marks(Mapping[str, Mark]):
    def __init__(self, index: AnnotationIndex) -> None:
        self._index = index

    def __getitem__(self, event_id: str) -> Mark:
        mark = self._index.mark(event_id)
        if mark is None:
            raise KeyError(event_id)
        return mark

    def get(self, event_id: str, default: Mark | None = None) -> Mark | None:  # type: ignore[override]
        mark = self._index.mark(event_id)
        return default if mark is None else mark

    def __iter__(self) -> Iterator[str]:
        return iter(self._index._annotated | self._index._own)

    def __len__(self) -> int:
        return len(self._index._annotated) + len(self._index._own - self._index._annotated)
