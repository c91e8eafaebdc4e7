"""Annotations as a JSON document (backup and exchange) and notes as Markdown.

The JSON format, version 1 (documented in data/README.md):

    {"format": "timeline-viewer-annotations", "version": 1, "exported": "<ISO time>",
     "annotations": [{"event_id", "note", "tags", "starred", "colour", "updated"}],
     "user_events": [{"id", "title", "date", "kind", "note", "updated"}]}

An import is checked whole before anything is written: one problem and nothing
changes. Merging is by event id; the newer `updated` wins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.core.annotations.limits import (
    MAX_FILE_BYTES,
    MAX_NOTE_CHARS,
    MAX_PROBLEMS,
    MAX_SHORT,
    MAX_TAG_CHARS,
    MAX_TAGS,
)
from viewer.core.annotations.records import Annotation, UserEvent, now_iso
from viewer.core.dates.days import LAST_ORDINAL
from viewer.core.errors import ViewerError, listed
from viewer.core.frozen import frozen
from viewer.core.json_files import UnreadableJSONError, read_json
from viewer.core.records import EVENT_KINDS

FORMAT = "timeline-viewer-annotations"
VERSION = 1
if TYPE_CHECKING:
    from viewer.core.annotations.store import AnnotationStore

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class ImportRefusedError(ViewerError):
    """The file cannot be imported; nothing was changed. The message says why and where."""


@frozen
class ImportReport:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = field(default=())  # (id, why)

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.updated)} updated, {len(self.skipped)} skipped"


def export_document(store: AnnotationStore) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": now_iso(),
        "annotations": [
            {**asdict(a), "tags": list(a.tags)}
            for a in sorted(store.annotations().values(), key=lambda a: a.event_id)
        ],
        "user_events": [asdict(e) for e in store.user_events()],
    }


def write_export(store: AnnotationStore, path: Path) -> int:
    """Write every annotation and own event to `path` (whole or not at all); how many."""
    document = export_document(store)
    text = json.dumps(document, ensure_ascii=False, indent=2)
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(text + "\n", encoding="utf-8")
    temporary.replace(path)
    return len(document["annotations"]) + len(document["user_events"])


def read_document(path: Path) -> tuple[list[Annotation], list[UserEvent]]:
    """Read and check an export file; raise ImportRefusedError naming what is wrong."""
    try:
        document = read_json(path, max_bytes=MAX_FILE_BYTES, what="annotation files")
    except UnreadableJSONError as exc:
        raise ImportRefusedError(str(exc)) from exc
    return parse_document(document, str(path))


def parse_document(document: object, where: str) -> tuple[list[Annotation], list[UserEvent]]:
    problems: list[str] = []
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefusedError(
            f'{where} is not an annotations export of this app (no "format": "{FORMAT}").'
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportRefusedError(f'{where}: "version" must be a whole number.')
    if version > VERSION:
        raise ImportRefusedError(
            f"{where} was written by a newer version of the app (format {version}; this one "
            f"reads up to {VERSION}). Update the app to import it."
        )
    annotations: list[Annotation] = []
    for i, item in enumerate(_list(document, "annotations", problems)):
        if (a := _annotation(item, f"annotations[{i}]", problems)) is not None:
            annotations.append(a)
        if len(problems) >= MAX_PROBLEMS:  # refused anyway: the rest is not read
            break
    events: list[UserEvent] = []
    for i, item in enumerate(_list(document, "user_events", problems)):
        if len(problems) >= MAX_PROBLEMS:
            break
        if (e := _user_event(item, f"user_events[{i}]", problems)) is not None:
            events.append(e)
    for label, ids in (
        ("annotations", [a.event_id for a in annotations]),
        ("user_events", [e.id for e in events]),
    ):
        seen: set[str] = set()
        for i, value in enumerate(ids):
            if value in seen:
                problems.append(f"{label}[{i}]: the id {value!r} appears twice")
            seen.add(value)
    if problems:
        refused = f"{where} was not imported; nothing was changed:"
        raise ImportRefusedError(refused + listed(problems, 20))
    return annotations, events


def import_file(
    store: AnnotationStore,
    path: Path,
    known_event_ids: set[str],
    aliases: Mapping[str, str] | None = None,
) -> ImportReport:
    """Merge an exported file; a note on an event's former id (`aliases`) goes to its id now."""
    annotations, events = read_document(path)
    return merge(store, annotations, events, known_event_ids, aliases or {})


def merge(
    store: AnnotationStore,
    annotations: list[Annotation],
    events: list[UserEvent],
    known_event_ids: set[str],
    aliases: Mapping[str, str] | None = None,
) -> ImportReport:
    renamed = aliases or {}
    annotations = [
        replace(a, event_id=renamed[a.event_id])
        if a.event_id not in known_event_ids and renamed.get(a.event_id) in known_event_ids
        else a
        for a in annotations
    ]
    added: list[str] = []
    updated: list[str] = []
    skipped: list[tuple[str, str]] = []
    mine = {e.id: e for e in store.user_events()}
    incoming_events = []
    for event in events:
        current = mine.get(event.id)
        if current is None:
            added.append(event.id)
        elif current == event:
            skipped.append((event.id, "already the same"))
            continue
        elif event.updated > current.updated:
            updated.append(event.id)
        else:
            skipped.append((event.id, "yours is newer"))
            continue
        incoming_events.append(event)
    targets = known_event_ids | set(mine) | {e.id for e in events}
    existing = store.annotations()
    to_save = []
    for annotation in annotations:
        current_annotation = existing.get(annotation.event_id)
        if annotation.event_id not in targets:
            skipped.append((annotation.event_id, "no such event in this catalog"))
        elif current_annotation is None:
            added.append(annotation.event_id)
            to_save.append(annotation)
        elif current_annotation == annotation:
            skipped.append((annotation.event_id, "already the same"))
        elif annotation.updated > current_annotation.updated:
            updated.append(annotation.event_id)
            to_save.append(annotation)
        else:
            skipped.append((annotation.event_id, "yours is newer"))
    store.save_import(incoming_events, to_save)
    return ImportReport(tuple(added), tuple(updated), tuple(skipped))


def notes_markdown(
    annotations: list[Annotation], events: dict[str, tuple[int, str, str]], title: str
) -> str:
    """The user's notes as one Markdown document in date order.

    `events` maps an event id to (first day, for sorting; date as known; title).
    """
    lines = [f"# {title}", ""]
    noted = [a for a in annotations if a.note.strip() or a.tags]
    noted.sort(key=lambda a: (events.get(a.event_id, (LAST_ORDINAL, "", ""))[0], a.event_id))
    for a in noted:
        _first, date, event_title = events.get(a.event_id, (0, "", a.event_id))
        star = " ★" if a.starred else ""
        lines += [f"## {event_title}{star}", ""]
        if date:
            lines += [f"*{date}*", ""]
        if a.tags:
            lines += ["Tags: " + ", ".join(a.tags), ""]
        if a.note.strip():
            lines += [a.note.strip(), ""]
    return "\n".join(lines)


def _list(document: dict[str, Any], key: str, problems: list[str]) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        problems.append(f"{key}: must be a list")
        return []
    return value


def _text(
    item: dict[str, Any],
    key: str,
    where: str,
    problems: list[str],
    *,
    limit: int = MAX_SHORT,
    required: bool = True,
) -> str:
    value = item.get(key, None if required else "")
    if not isinstance(value, str):
        problems.append(f"{where}.{key}: must be text")
        return ""
    if required and not value.strip():
        problems.append(f"{where}.{key}: must not be empty")
    if len(value) > limit:
        problems.append(f"{where}.{key}: longer than {limit:,} characters")
    if "\x00" in value:
        problems.append(f"{where}.{key}: contains a NUL character")
    return value


def _annotation(item: object, where: str, problems: list[str]) -> Annotation | None:
    if not isinstance(item, dict):
        problems.append(f"{where}: must be an object")
        return None
    before = len(problems)
    event_id = _text(item, "event_id", where, problems)
    note = _text(item, "note", where, problems, limit=MAX_NOTE_CHARS, required=False)
    tags = item.get("tags", [])
    if not isinstance(tags, list) or not all(
        isinstance(t, str) and 0 < len(t.strip()) <= MAX_TAG_CHARS for t in tags
    ):
        problems.append(f"{where}.tags: must be a list of short, non-empty texts")
        tags = []
    if len(tags) > MAX_TAGS:
        problems.append(f"{where}.tags: more than {MAX_TAGS} tags")
    starred = item.get("starred", False)
    if not isinstance(starred, bool):
        problems.append(f"{where}.starred: must be true or false")
    colour = item.get("colour")
    if colour is not None and not (isinstance(colour, str) and _COLOUR.match(colour)):
        problems.append(f'{where}.colour: must be null or a colour like "#E69F00"')
    updated = _text(item, "updated", where, problems, required=False) or now_iso()
    if len(problems) > before:
        return None
    return Annotation(
        event_id, note, tuple(sorted({t.strip() for t in tags})), starred, colour, updated
    )


def _user_event(item: object, where: str, problems: list[str]) -> UserEvent | None:
    if not isinstance(item, dict):
        problems.append(f"{where}: must be an object")
        return None
    before = len(problems)
    values = {key: _text(item, key, where, problems) for key in ("id", "title", "date", "kind")}
    note = _text(item, "note", where, problems, limit=MAX_NOTE_CHARS, required=False)
    updated = _text(item, "updated", where, problems, required=False) or now_iso()
    if values["kind"] and values["kind"] not in EVENT_KINDS:
        problems.append(f"{where}.kind: must be one of {', '.join(sorted(EVENT_KINDS))}")
    if len(problems) > before:
        return None
    return UserEvent(values["id"], values["title"], values["date"], values["kind"], note, updated)
