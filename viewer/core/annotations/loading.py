"""Opening the user's annotations in one piece of work that may run off the UI thread.

Opening the file (integrity check, upgrade, backup), reading every mark and tag,
moving the notes of renamed events to their new ids (the catalog's aliases), and
counting the notes whose events the catalog no longer has take a few hundred
milliseconds with 100,000 annotations; the window stays usable meanwhile.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from pathlib import Path

from viewer.core.annotations.index import AnnotationIndex
from viewer.core.annotations.records import UserEvent
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.core.frozen import frozen
from viewer.core.paths import UserPaths


@frozen(slots=False)
class OpenedAnnotations:
    store: AnnotationStore
    index: AnnotationIndex
    orphans: int  # annotated ids that are neither catalog events nor the user's own
    user_events: tuple[UserEvent, ...] = ()  # the user's own events


def open_annotations(paths: UserPaths, read_only: str | None = None) -> AnnotationStore:
    """The user's annotations; whatever is wrong with the file, the app still opens.
    `read_only`: why this window must not write them (another window does)."""
    return AnnotationStore(paths.annotations_db, paths.backups_dir, read_only=read_only)


def load(store: AnnotationStore, catalog_path: Path) -> OpenedAnnotations:
    """Everything the window needs from an opened store, read in bulk."""
    catalog = Catalog(catalog_path)  # its own connection: this may run in another thread
    try:
        known = catalog.event_ids()
        aliases = catalog.event_aliases()
    finally:
        catalog.close()
    index = store.index()
    if follow_renamed_events(store, index.event_ids() - known, aliases):
        index = store.index()
    store.tags_in_use()  # counted now, kept by the store
    orphans = len(index.event_ids() - known - index.own_ids())
    return OpenedAnnotations(store, index, orphans, tuple(store.user_events()))


def follow_renamed_events(
    store: AnnotationStore, missing: AbstractSet[str], aliases: dict[str, str]
) -> int:
    """Move annotations made on an event's former id to its id now (merged with any the
    event has under its new id); returns how many moved. An id that is the user's own
    event is never moved, and a read-only store is left as it is."""
    if store.read_only:
        return 0
    own = {e.id for e in store.user_events()}
    moved = 0
    for old in sorted(missing & aliases.keys() - own):
        store.reattach(old, aliases[old])
        moved += 1
    return moved
