"""Opening the user's annotations in one piece of work that may run off the UI thread.

Opening the file (integrity check, upgrade, backup), reading every mark and tag,
and counting the notes whose events the catalog no longer has take a few hundred
milliseconds with 100,000 annotations; the window stays usable meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from viewer.core.annotations.index import AnnotationIndex
from viewer.core.annotations.records import UserEvent
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog import Catalog
from viewer.core.paths import UserPaths


@dataclass(frozen=True)
class OpenedAnnotations:
    store: AnnotationStore
    index: AnnotationIndex
    orphans: int  # annotated ids that are neither catalog events nor the user's own
    user_events: tuple[UserEvent, ...] = ()  # the user's own events


def open_annotations(paths: UserPaths) -> AnnotationStore:
    """The user's annotations; whatever is wrong with the file, the app still opens."""
    return AnnotationStore(paths.annotations_db, paths.backups_dir)


def load(store: AnnotationStore, catalog_path: Path) -> OpenedAnnotations:
    """Everything the window needs from an opened store, read in bulk."""
    index = store.index()
    store.tags_in_use()  # counted now, kept by the store
    catalog = Catalog(catalog_path)  # its own connection: this may run in another thread
    try:
        known = catalog.event_ids()
    finally:
        catalog.close()
    orphans = len(index.event_ids() - known - index.own_ids())
    return OpenedAnnotations(store, index, orphans, tuple(store.user_events()))
