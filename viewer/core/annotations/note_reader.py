"""The user's notes as a search reads them: their own full-text index, through a
read-only connection of their own (the search runs on its own thread; the store, which
writes, is never touched from there). The SQL of the notes' tables stays in this
package, beside the schema that makes them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from viewer.core.annotations.records import Annotation
from viewer.core.catalog.opening import read_only_uri


class NoteReader:
    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    @classmethod
    def open(cls, path: Path | None) -> NoteReader | None:
        """A reader of the notes in `path`; None when there are none to search (no file,
        or one from an app without the notes' index)."""
        if path is None or not path.exists():
            return None
        try:
            conn = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
        except sqlite3.Error:
            return None
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("SELECT 1 FROM note_fts LIMIT 0")
        except sqlite3.Error:
            conn.close()
            return None
        return cls(path, conn)

    def matching(
        self, expression: str, event_ids: Iterable[str] | None, limit: int
    ) -> dict[str, Annotation]:
        """The notes matching an FTS5 `expression`, best first, on these events only
        (None: any), by event id."""
        where, params = "", []
        if event_ids is not None:
            where = "AND a.event_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(event_ids)))
        rows = self._conn.execute(
            "SELECT a.event_id AS event_id, a.note AS note FROM note_fts "
            "JOIN annotation a ON a.rowid = note_fts.rowid "
            f"WHERE note_fts MATCH ? {where} ORDER BY rank LIMIT ?",
            [expression, *params, limit],
        ).fetchall()
        return {r["event_id"]: Annotation(r["event_id"], r["note"]) for r in rows}

    def interrupt(self) -> None:
        self._conn.interrupt()

    def close(self) -> None:
        self._conn.close()
