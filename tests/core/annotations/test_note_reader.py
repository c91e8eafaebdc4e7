"""The search reads the user's notes through their own read-only reader, beside the
store that writes them (it used to ATTACH the file to the catalog's connection)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from viewer.core.annotations.note_reader import NoteReader
from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore


def test_notes_are_found_read_only_while_the_store_has_them_open(tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    store.save(Annotation("a", "the press conference transcript"))
    store.save(Annotation("b", "ask about the transcript"))
    store.save(Annotation("c", "nothing to see"))
    reader = NoteReader.open(store.path)
    assert reader is not None
    assert set(reader.matching("transcript", None, 10)) == {"a", "b"}
    assert set(reader.matching("transcript", {"b", "c"}, 10)) == {"b"}
    assert reader.matching("transcript", None, 10)["a"].note.startswith("the press")
    store.save(Annotation("c", "now a transcript too"))  # the store still writes meanwhile
    assert "c" in reader.matching("transcript", None, 10)
    reader.close()
    store.close()
    before = hashlib.sha256(store.path.read_bytes()).hexdigest()
    again = NoteReader.open(store.path)
    assert again is not None and len(again.matching("transcript", None, 10)) == 3
    again.close()
    assert hashlib.sha256(store.path.read_bytes()).hexdigest() == before  # it never writes


def test_no_file_or_no_index_gives_no_reader(tmp_path: Path) -> None:
    assert NoteReader.open(None) is None
    assert NoteReader.open(tmp_path / "missing.sqlite") is None
    bare = tmp_path / "bare.sqlite"
    sqlite3.connect(bare).execute("CREATE TABLE annotation (event_id TEXT)").connection.close()
    assert NoteReader.open(bare) is None
