"""The annotations database's schema, as numbered steps from an empty file.

A database at version N has run steps 1..N; opening it with a newer app runs the
remaining steps in one transaction. Never edit a released step: add a new one.
The version is kept in `PRAGMA user_version`.
"""

from __future__ import annotations

STEPS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE annotation ("
        " event_id TEXT PRIMARY KEY,"
        " note TEXT NOT NULL DEFAULT '',"
        " starred INTEGER NOT NULL DEFAULT 0,"
        " updated TEXT NOT NULL)",
        "CREATE TABLE tag ("
        " event_id TEXT NOT NULL REFERENCES annotation(event_id) ON DELETE CASCADE,"
        " name TEXT NOT NULL,"
        " PRIMARY KEY (event_id, name))",
        "CREATE INDEX ix_tag_name ON tag(name)",
    ),
    2: (
        "ALTER TABLE annotation ADD COLUMN colour TEXT",
        "CREATE TABLE user_event ("
        " id TEXT PRIMARY KEY,"
        " title TEXT NOT NULL,"
        " date TEXT NOT NULL,"
        " kind TEXT NOT NULL,"
        " note TEXT NOT NULL DEFAULT '',"
        " updated TEXT NOT NULL)",
    ),
    3: (  # the notes' full-text index, kept in step by triggers, for searching notes
        "CREATE VIRTUAL TABLE note_fts USING fts5("
        " note, content='annotation', content_rowid='rowid',"
        " tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER annotation_note_added AFTER INSERT ON annotation BEGIN"
        " INSERT INTO note_fts(rowid, note) VALUES (new.rowid, new.note); END",
        "CREATE TRIGGER annotation_note_removed AFTER DELETE ON annotation BEGIN"
        " INSERT INTO note_fts(note_fts, rowid, note) VALUES ('delete', old.rowid, old.note);"
        " END",
        "CREATE TRIGGER annotation_note_changed AFTER UPDATE OF note ON annotation BEGIN"
        " INSERT INTO note_fts(note_fts, rowid, note) VALUES ('delete', old.rowid, old.note);"
        " INSERT INTO note_fts(rowid, note) VALUES (new.rowid, new.note); END",
        "INSERT INTO note_fts(note_fts) VALUES ('rebuild')",
        # Each tag's events read straight from the index (loading 100k takes a tenth).
        "DROP INDEX ix_tag_name",
        "CREATE INDEX ix_tag_name_event ON tag(name, event_id)",
    ),
}
SCHEMA_VERSION = max(STEPS)
