"""Edits that could not be saved (a full or failing disk), kept until they are.

The editor keeps each unsaved annotation in memory and retries; it also writes them
here, in the annotations export format, beside the annotations file (or, if that
folder cannot be written either, in the system's temporary folder). The next start
merges the file back (newer wins, as File > Import annotations does) and removes it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.annotations.records import Annotation, now_iso

if TYPE_CHECKING:
    from viewer.core.annotations.store import AnnotationStore

FILE_NAME = "annotations-unsaved.json"


def places(annotations_db: Path) -> tuple[Path, Path]:
    """Where a recovery file is written: beside the annotations, else in the temp folder."""
    # In the shared temporary folder, named after the annotations file it belongs to.
    key = hashlib.sha256(str(annotations_db.resolve()).encode()).hexdigest()[:16]
    return (
        annotations_db.with_name(FILE_NAME),
        Path(tempfile.gettempdir()) / f"timeline-viewer-{key}-{FILE_NAME}",
    )


def write(annotations_db: Path, unsaved: Iterable[Annotation]) -> Path | None:
    """Write the unsaved annotations whole to the first place that takes them; where."""
    document = {
        "format": "timeline-viewer-annotations",
        "version": 1,
        "exported": now_iso(),
        "annotations": [{**asdict(a), "tags": list(a.tags)} for a in unsaved],
        "user_events": [],
    }
    text = json.dumps(document, ensure_ascii=False)
    for place in places(annotations_db):
        partial = place.with_name(place.name + ".part")
        try:
            partial.write_text(text, encoding="utf-8")
            partial.replace(place)
            return place
        except OSError:
            with suppress(OSError):
                partial.unlink()
    return None


def clear(annotations_db: Path) -> None:
    for place in places(annotations_db):
        with suppress(OSError):
            place.unlink()


def pending(annotations_db: Path) -> list[Path]:
    """Recovery files left by an earlier run, oldest first."""
    found = [p for p in places(annotations_db) if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime)


def merge_pending(store: AnnotationStore) -> int:
    """Save the changes an earlier run could not (newer wins); how many were saved. A
    file is removed only once everything in it is saved; an unreadable one is kept."""
    from viewer.core.annotations.interchange import (  # noqa: PLC0415 - a cycle otherwise
        ImportRefusedError,
        merge,
        read_document,
    )

    if store.read_only:
        return 0
    saved = 0
    for place in pending(store.path):
        try:
            annotations, _events = read_document(place)
            report = merge(store, annotations, [], {a.event_id for a in annotations})
        except (ImportRefusedError, sqlite3.Error, OSError):
            continue
        saved += len(report.added) + len(report.updated)
        with suppress(OSError):
            place.unlink()
    return saved
