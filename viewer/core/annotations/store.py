"""The annotations database: the user's notes, tags, marks and own events, read and
written by one object.

Opening it safely is `opening`'s work; its connections, and how saves reach the
disk, are `connection`'s.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from viewer.core.annotations import files
from viewer.core.annotations.connection import StoreConnection, checkpoint_and_close
from viewer.core.annotations.index import AnnotationIndex
from viewer.core.annotations.opening import open_file
from viewer.core.annotations.records import Annotation, UserEvent, now_iso
from viewer.core.errors import ReadOnlyError, StorageError

__all__ = ["AnnotationStore", "ReadOnlyError"]


class AnnotationStore:
    def __init__(self, path: Path, backups: Path, *, read_only: str | None = None) -> None:
        """Open (and if needed make or upgrade) the annotations at `path`. `read_only`,
        when given, says why this copy must not write (another window holds the file)."""
        self.path = path
        self.backups = backups
        opened = open_file(path, backups, read_only)
        self.report = opened.report
        self.read_only_reason: str | None = opened.read_only_reason
        self.read_only = opened.report.read_only
        self._unavailable = opened.unavailable  # the file cannot be read: nothing shown
        self._db = StoreConnection(path, read_only=self.read_only, unavailable=self._unavailable)
        self._tag_counts: Counter[str] | None = None
        #: Called (on the writing thread) after each committed write: the window flushes
        #: the writes to the disk off its own thread (`ui.annotations.disk_flush`).
        self.after_write: Callable[[], None] | None = None

    def close(self) -> None:
        """Close every connection, with the write-ahead log folded into the file first: a
        copy of annotations.sqlite alone then holds every save (a backup, a sync)."""
        self._db.close()
        if not self.read_only and self.path.exists():
            checkpoint_and_close(self.path)

    def write_to_disk(self) -> bool:
        """Flush the saves so far to the disk (any thread; see `connection`)."""
        if self.read_only:
            return True
        try:
            return self._db.write_to_disk()
        except sqlite3.Error as exc:
            raise StorageError(str(exc)) from exc

    def fingerprint(self) -> tuple[int, ...]:
        """Changes when anyone writes the file (its size and time, and its WAL's)."""
        marks: list[int] = []
        for path in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                info = path.stat()
                marks += [info.st_mtime_ns, info.st_size]
            except OSError:
                marks += [0, 0]
        return tuple(marks)

    @property
    def unavailable(self) -> bool:
        """The file could not be read at all: an empty stand-in is shown, nothing saved."""
        return self._unavailable

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise ReadOnlyError(
                f"These annotations are read-only ({self.read_only_reason or 'unknown'})."
            )
        try:
            with self._db.writing() as conn:
                yield conn
        except sqlite3.Error as exc:  # the disk, not the data: said as a StorageError
            raise StorageError(str(exc)) from exc
        if self.after_write is not None:
            self.after_write()

    def check(self) -> str | None:
        """Why the live file is unsound now, or None (for tests and the self-test)."""
        try:
            return files.problem_with(self.path)
        except files.UnreadableError as exc:
            return f"it cannot be read now ({exc})"

    def take_daily_backup(self) -> Path | None:
        if self.read_only or not self.path.exists():
            return None
        return files.daily_backup(self.path, self.backups)

    # -- reading -------------------------------------------------------------------------

    def annotations(self) -> dict[str, Annotation]:
        """Every annotation, read in bulk (100k rows in ~0.2 s)."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT event_id, note, starred, colour, updated FROM annotation"
            ).fetchall()
            tags: dict[str, list[str]] = {}
            for event_id, name in conn.execute("SELECT event_id, name FROM tag ORDER BY name"):
                tags.setdefault(event_id, []).append(name)
        return {
            r[0]: Annotation(r[0], r[1], tuple(tags.get(r[0], ())), bool(r[2]), r[3], r[4])
            for r in rows
        }

    def index(self) -> AnnotationIndex:
        """Every annotation's mark and tags (not the notes), read as one id list per group.

        SQLite writes each group's ids as one JSON array that Python parses: 100,000
        rows arrive several times faster than as tuples.
        """

        group = "SELECT json_group_array(event_id) FROM"
        blank = "trim(note, ' ' || char(9, 10, 13)) = ''"
        with self._db.reading() as db:

            def ids(sql: str) -> set[str]:
                return set(json.loads(db.execute(sql).fetchone()[0]))

            annotated = ids(f"{group} annotation")
            starred = ids(f"{group} annotation WHERE starred")
            noted = ids(f"{group} annotation WHERE NOT {blank}")
            colour = dict(
                db.execute("SELECT event_id, colour FROM annotation WHERE colour IS NOT NULL")
            )
            tagged = {
                name: set(json.loads(joined))
                for name, joined in db.execute(
                    "SELECT name, json_group_array(event_id) FROM tag GROUP BY name"
                )
            }
            own = [r[0] for r in db.execute("SELECT id FROM user_event")]
        return AnnotationIndex.from_sets(annotated, starred, noted, colour, tagged, own)

    def get(self, event_id: str) -> Annotation:
        return self.annotations_for([event_id]).get(event_id, Annotation(event_id))

    def annotations_for(self, event_ids: Iterable[str]) -> dict[str, Annotation]:
        try:
            return self._annotations_for(list(event_ids))
        except sqlite3.Error as exc:
            raise StorageError(str(exc)) from exc

    def _annotations_for(self, wanted: list[str]) -> dict[str, Annotation]:
        found = {}
        with self._db.reading() as conn:
            for event_id in wanted:
                row = conn.execute(
                    "SELECT note, starred, colour, updated FROM annotation WHERE event_id = :e",
                    {"e": event_id},
                ).fetchone()
                if row is None:
                    continue
                tags = conn.execute(
                    "SELECT name FROM tag WHERE event_id = :e ORDER BY name", {"e": event_id}
                )
                found[event_id] = Annotation(
                    event_id, row[0], tuple(r[0] for r in tags), bool(row[1]), row[2], row[3]
                )
        return found

    def tags_in_use(self) -> list[tuple[str, int]]:
        """Every tag and how many events carry it; counted once, then kept up to date."""
        if self._tag_counts is None:
            with self._db.reading() as conn:
                rows = conn.execute("SELECT name, count(*) FROM tag GROUP BY name").fetchall()
            self._tag_counts = Counter({r[0]: r[1] for r in rows})
        return sorted((name, n) for name, n in self._tag_counts.items() if n > 0)

    def user_events(self) -> list[UserEvent]:
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT id, title, date, kind, note, updated FROM user_event ORDER BY id"
            ).fetchall()
        return [UserEvent(*r) for r in rows]

    def orphaned(self, known_event_ids: set[str]) -> list[Annotation]:
        """Annotations whose event the catalog no longer has (kept, never dropped)."""
        own = {e.id for e in self.user_events()}
        return [
            a
            for a in self.annotations().values()
            if a.event_id not in known_event_ids and a.event_id not in own
        ]

    # -- writing -------------------------------------------------------------------------

    def save(self, annotation: Annotation) -> Annotation:
        """Store (or, when empty, remove) one event's annotation. In the file on return
        (it survives the app being killed); on the disk after `write_to_disk`."""
        saved = Annotation(
            annotation.event_id,
            annotation.note,
            tuple(sorted(set(annotation.tags))),
            annotation.starred,
            annotation.colour,
            annotation.updated or now_iso(),
        )
        with self._write() as conn:
            old = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM tag WHERE event_id = :e", {"e": saved.event_id}
                )
            ]
            _save(conn, saved)
        if self._tag_counts is not None:
            self._tag_counts.subtract(old)
            if not saved.is_empty:
                self._tag_counts.update(saved.tags)
        return saved

    def save_change(self, before: Annotation, after: Annotation) -> Annotation:
        """Write only what differs between `before` and `after` (each field, each tag
        added or removed), over whatever the file holds now: a field this change did not
        touch keeps the value another writer gave it. Returns the annotation as saved."""
        columns = {
            name: value
            for name, value, old in (
                ("note", after.note, before.note),
                ("starred", int(after.starred), int(before.starred)),
                ("colour", after.colour, before.colour),
            )
            if value != old
        }
        added = sorted(set(after.tags) - set(before.tags))
        removed = sorted(set(before.tags) - set(after.tags))
        stamp = after.updated or now_iso()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO annotation (event_id, note, starred, colour, updated) "
                "VALUES (:e, '', 0, NULL, :u) ON CONFLICT(event_id) DO NOTHING",
                {"e": after.event_id, "u": stamp},
            )
            # Column names from the fixed list above, values as parameters.
            sets = "".join(f"{name} = :{name}, " for name in columns)
            conn.execute(
                f"UPDATE annotation SET {sets}updated = :u WHERE event_id = :e",
                {**columns, "u": stamp, "e": after.event_id},
            )
            for name in removed:
                conn.execute(
                    "DELETE FROM tag WHERE event_id = :e AND name = :n",
                    {"e": after.event_id, "n": name},
                )
            for name in added:
                conn.execute(
                    "INSERT OR IGNORE INTO tag (event_id, name) VALUES (:e, :n)",
                    {"e": after.event_id, "n": name},
                )
            saved = self._read_one(conn, after.event_id)
            if saved.is_empty:
                conn.execute("DELETE FROM annotation WHERE event_id = :e", {"e": after.event_id})
        self._tag_counts = None  # recounted when next asked
        return saved

    @staticmethod
    def _read_one(conn: sqlite3.Connection, event_id: str) -> Annotation:
        row = conn.execute(
            "SELECT note, starred, colour, updated FROM annotation WHERE event_id = :e",
            {"e": event_id},
        ).fetchone()
        if row is None:
            return Annotation(event_id)
        tags = conn.execute(
            "SELECT name FROM tag WHERE event_id = :e ORDER BY name", {"e": event_id}
        )
        return Annotation(event_id, row[0], tuple(r[0] for r in tags), bool(row[1]), row[2], row[3])

    def save_many(self, annotations: Iterable[Annotation]) -> None:
        self._tag_counts = None  # recounted when next asked
        with self._write() as conn:
            for annotation in annotations:
                _save(conn, annotation)

    def reattach(self, old_event_id: str, new_event_id: str) -> None:
        """Move an orphaned annotation to another event (merging into any it has)."""
        self._tag_counts = None
        old = self.get(old_event_id)
        new = self.get(new_event_id)
        merged = Annotation(
            new_event_id,
            "\n\n".join(n for n in (new.note, old.note) if n.strip()),
            tuple(sorted({*new.tags, *old.tags})),
            new.starred or old.starred,
            new.colour or old.colour,
            now_iso(),
        )
        with self._write() as conn:
            _save(conn, merged)
            conn.execute("DELETE FROM annotation WHERE event_id = :e", {"e": old_event_id})

    def delete(self, event_id: str) -> None:
        self._tag_counts = None
        with self._write() as conn:
            conn.execute("DELETE FROM annotation WHERE event_id = :e", {"e": event_id})

    def save_user_event(self, user_event: UserEvent) -> UserEvent:
        saved = _stamped(user_event)
        with self._write() as conn:
            _save_user_event(conn, saved)
        return saved

    def save_import(self, events: Iterable[UserEvent], annotations: Iterable[Annotation]) -> None:
        """Own events and annotations of one import, in one transaction: all or nothing."""
        self._tag_counts = None
        with self._write() as conn:
            for user_event in events:
                _save_user_event(conn, _stamped(user_event))
            for annotation in annotations:
                _save(conn, annotation)

    def delete_user_event(self, event_id: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM user_event WHERE id = :e", {"e": event_id})


def _stamped(user_event: UserEvent) -> UserEvent:
    return UserEvent(
        user_event.id,
        user_event.title,
        user_event.date,
        user_event.kind,
        user_event.note,
        user_event.updated or now_iso(),
    )


def _save_user_event(conn: sqlite3.Connection, saved: UserEvent) -> None:
    conn.execute(
        "INSERT INTO user_event (id, title, date, kind, note, updated) "
        "VALUES (:id, :title, :date, :kind, :note, :updated) "
        "ON CONFLICT(id) DO UPDATE SET title = excluded.title, "
        "date = excluded.date, kind = excluded.kind, note = excluded.note, "
        "updated = excluded.updated",
        _fields(saved),
    )


def _fields(user_event: UserEvent) -> dict[str, Any]:
    return {
        "id": user_event.id,
        "title": user_event.title,
        "date": user_event.date,
        "kind": user_event.kind,
        "note": user_event.note,
        "updated": user_event.updated,
    }


def _save(conn: sqlite3.Connection, a: Annotation) -> None:
    conn.execute("DELETE FROM tag WHERE event_id = :e", {"e": a.event_id})
    if a.is_empty:
        conn.execute("DELETE FROM annotation WHERE event_id = :e", {"e": a.event_id})
        return
    conn.execute(
        "INSERT INTO annotation (event_id, note, starred, colour, updated) "
        "VALUES (:e, :note, :starred, :colour, :updated) "
        "ON CONFLICT(event_id) DO UPDATE SET note = excluded.note, "
        "starred = excluded.starred, colour = excluded.colour, updated = excluded.updated",
        {
            "e": a.event_id,
            "note": a.note,
            "starred": int(a.starred),
            "colour": a.colour,
            "updated": a.updated or now_iso(),
        },
    )
    if a.tags:
        conn.executemany(
            "INSERT INTO tag (event_id, name) VALUES (:e, :name)",
            [{"e": a.event_id, "name": t} for t in sorted(set(a.tags))],
        )
